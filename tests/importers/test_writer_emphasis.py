"""Property: the emphasis a writer means is the emphasis docutils / MyST read back."""

from __future__ import annotations

from docutils import nodes
from hypothesis import given, settings
from hypothesis import strategies as st

from interrogations_import.lossless import read_back
from interrogations_import.model import Span, Spans
from interrogations_import.writer_myst import MystDialect
from interrogations_import.writer_rst import RstDialect

TEXT = st.text(alphabet="ab .,!?*_()[]\"'`-:\u00e9 ", min_size=1, max_size=6)
SPANS = st.lists(
    st.tuples(TEXT, st.sampled_from(["plain", "emphasis", "strong"])), min_size=1, max_size=5
)


def _merged(pieces: list[tuple[str, str]]) -> Spans:
    spans: list[Span] = []
    for text, style in pieces:
        if spans and spans[-1].style == style:
            spans[-1] = Span(spans[-1].text + text, style)
        else:
            spans.append(Span(text, style))  # type: ignore[arg-type]
    return tuple(spans)


def _flat(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=100, deadline=None)
@given(pieces=SPANS, fmt=st.sampled_from(["rst", "myst"]))
def test_emphasis_reads_back_as_written(pieces: list[tuple[str, str]], fmt: str) -> None:
    spans = _merged(pieces)
    dialect = RstDialect() if fmt == "rst" else MystDialect()
    lines = dialect.paragraph(spans, 1, 0)
    document = read_back("\n".join(lines) + "\n", fmt)
    found = {
        style: [_flat(node.astext()) for node in document.findall(kind)]
        for style, kind in (("emphasis", nodes.emphasis), ("strong", nodes.strong))
    }
    kept = isinstance(dialect, MystDialect) and dialect.notices  # backquotes: kept as plain
    for style in ("emphasis", "strong"):
        wanted = [_flat(s.text) for s in spans if s.style == style and s.text.strip()]
        if not kept:
            assert found[style] == wanted, (lines, style)

