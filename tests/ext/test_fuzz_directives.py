"""Property-based: any student name, title and body either builds with every word kept, or
fails with a located message; Sphinx never crashes."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import build, write_project

LOCATED = re.compile(r"index\.rst:\d+: (ERROR|WARNING): ")
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=30,
)
words = st.lists(st.from_regex(r"[A-Za-zÀ-ÿ]{1,12}", fullmatch=True), min_size=1, max_size=12)


def indent(body: str) -> str:
    return "\n".join("   " + line for line in body.splitlines())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=text, title=text, body=words, extra=text)
def test_any_input_builds_or_is_reported(
    name: str, title: str, body: list[str], extra: str
) -> None:
    source = (
        "Week 5\n======\n\n.. week:: 5\n\n"
        f".. interrogation:: {name.splitlines()[0] if name.strip() else name}\n"
        f"   :title: {title.splitlines()[0] if title.strip() else 'T'}\n\n"
        f"{indent(' '.join(body))}\n\n{indent(extra) if extra.strip() else ''}\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        result = build(write_project(Path(tmp), {"index.rst": source}))
        assert "Exception occurred" not in result.warnings
        assert "Traceback" not in result.warnings
        page = (result.outdir / "index.html").read_text(encoding="utf-8")
        if "ERROR" not in result.warnings:
            found = re.findall(r'id="(w05-[^"]*)"', page)
            assert found, result.warnings
            for word in body:
                assert word in page
        else:
            assert LOCATED.search(result.warnings)
