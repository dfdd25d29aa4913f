"""Writing a :class:`Document` as MyST Markdown, one paragraph per line.

Directives are fenced: ``````{interrogation}`` with four backticks (four tildes when the student's
name has a backtick) around the three-backtick ``{response}`` fences it contains. Markdown
punctuation in text is backslash-escaped; emphasis is ``*x*`` when markdown-it-py (MyST's own
parser) reads the paragraph back with the same emphasis, else the ``{emphasis}`` / ``{strong}``
role.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .escaping import MYST
from .inline import parse_inline
from .model import Document, Image, ItemList, Notice, Span, Spans, Style
from .writer import Lines, write

_PLAIN_OPTION = re.compile(r"[\w.,()/–—-]+(?: [\w.,()/–—-]+)*")
_DELIMITERS = {"emphasis": "*", "strong": "**"}
#: fences of directives that hold other fenced directives
_FENCES = {"interrogation": "````"}


def _styles(spans: Spans) -> list[tuple[str, Style | None]]:
    """Each character with its style (None for whitespace), outer whitespace left out."""
    chars = [(char, span.style) for span in spans for char in span.text]
    while chars and chars[0][0].isspace():
        chars.pop(0)
    while chars and chars[-1][0].isspace():
        chars.pop()
    return [(char, None if char.isspace() else style) for char, style in chars]


def _outside(span: Span) -> tuple[str, str, str]:
    """A span's leading whitespace, its core, its trailing whitespace."""
    core = span.text.strip()
    lead = span.text[: len(span.text) - len(span.text.lstrip())]
    return lead, core, span.text[len(lead) + len(core) :]


class _Inline:
    """Renders spans; records what MyST could not express."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def role(self, span: Span) -> str:
        lead, core, trail = _outside(span)
        if not core:
            return span.text
        if "`" not in core:
            return f"{lead}{{{span.style}}}`{core}`{trail}"
        self.problems.append(f"{span.style} around text with backquotes is kept as plain text")
        return MYST.text(span.text)

    def render(self, spans: Spans) -> str:
        """``*x*`` / ``**x**`` when markdown-it reads the result back as these spans, else roles."""
        pieces = []
        for span in spans:
            lead, core, trail = _outside(span)
            delimiter = _DELIMITERS.get(span.style, "") if core else ""
            pieces.append(f"{MYST.text(lead)}{delimiter}{MYST.text(core)}{delimiter}{trail}")
        delimited = "".join(pieces).strip()
        read, problems = parse_inline(delimited)
        if not problems and _styles(read) == _styles(spans):  # (problems: nested emphasis)
            return delimited
        pieces = [MYST.text(s.text) if s.style == "plain" else self.role(s) for s in spans]
        return "".join(pieces).strip()


def _option(name: str, value: str) -> str:
    if _PLAIN_OPTION.fullmatch(value):
        return f":{name}: {value}"
    return ":{}: '{}'".format(name, value.replace("'", "''"))


class MystDialect:
    """The pieces of a week page in MyST (see :class:`.writer.Dialect`); records what it drops."""

    def __init__(self) -> None:
        self.inline = _Inline()
        self.notices: list[Notice] = []

    def text(self, spans: Spans, line: int) -> str:
        rendered = self.inline.render(spans)
        self.notices += [Notice(line, problem) for problem in self.inline.problems]
        self.inline.problems.clear()
        return MYST.guard_start(rendered)

    def preamble(self, note: str, title: str) -> Lines:
        return [f"% {note}", "", f"# {MYST.text(title)}", ""]

    def directive(
        self, name: str, argument: str, options: Sequence[tuple[str, str]], body: Lines, depth: int
    ) -> Lines:
        fence = _FENCES.get(name, "```")
        fence = "~~~~" if "`" in argument else fence
        head = f"{fence}{{{name}}}" + (f" {argument}" if argument else "")
        return [head, *(_option(key, value) for key, value in options), *body, fence]

    def paragraph(self, spans: Spans, line: int, depth: int) -> Lines:
        return [self.text(spans, line)]

    def item_list(self, block: ItemList, depth: int) -> Lines:
        lines = []
        for number, spans in enumerate(block.items, start=block.start):
            marker = f"{number}{block.marker}" if block.ordered else block.marker
            lines.append(f"{marker} {self.text(spans, block.line)}".rstrip())
        return lines

    def rubric(self, spans: Spans, line: int, depth: int) -> Lines:
        # only in a student's section, inside its 4-backtick fence
        return [f"```{{rubric}} {self.text(spans, line)}", "```"]

    def image(self, block: Image, depth: int) -> Lines:
        return [f"![{MYST.text(block.alt)}]({block.name})"]

    def list_break(self, depth: int) -> str:
        return "%"


def write_myst(document: Document) -> tuple[str, list[Notice]]:
    """The week as a MyST Markdown page, and warnings about emphasis it had to drop."""
    dialect = MystDialect()
    return write(document, dialect), dialect.notices
