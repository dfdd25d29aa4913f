"""Writing a :class:`Document` as MyST Markdown, one paragraph per line.

Directives are fenced: ``````{interrogation}`` with four backticks (four tildes when the student's
name has a backtick) around the three-backtick ``{response}`` fences it contains. Markdown
punctuation in text is backslash-escaped; emphasis is ``*x*`` where CommonMark's flanking rules
allow it, else the ``{emphasis}`` / ``{strong}`` role.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from .escaping import MYST
from .model import Document, Image, ItemList, Notice, Span, Spans
from .writer import Lines, write

_PLAIN_OPTION = re.compile(r"[\w.,()/–—-]+(?: [\w.,()/–—-]+)*")
_DELIMITERS = {"emphasis": "*", "strong": "**"}
#: fences of directives that hold other fenced directives
_FENCES = {"interrogation": "````"}


def _space(char: str) -> bool:
    return not char or char.isspace()


def _punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _flanks(before: str, core: str, after: str) -> bool:
    """Whether ``*core*`` between these characters is emphasis for CommonMark."""
    if before == "*" or after == "*":
        return False
    opens = not _punctuation(core[0]) or _space(before) or _punctuation(before)
    closes = not _punctuation(core[-1]) or _space(after) or _punctuation(after)
    return opens and closes


class _Inline:
    """Renders spans; records what CommonMark could not express."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def styled(self, span: Span, before: str, after: str) -> str:
        core = span.text.strip()
        if not core:
            return span.text
        lead = span.text[: len(span.text) - len(span.text.lstrip())]
        trail = span.text[len(span.text.rstrip()) :]
        source = MYST.text(core)
        if _flanks(lead[-1:] or before, source, trail[:1] or after):
            delimiter = _DELIMITERS[span.style]
            return f"{lead}{delimiter}{source}{delimiter}{trail}"
        if "`" not in core:
            return f"{lead}{{{span.style}}}`{core}`{trail}"
        self.problems.append(f"{span.style} around text with backquotes is kept as plain text")
        return MYST.text(span.text)

    def render(self, spans: Spans) -> str:
        pieces: list[str] = []
        for index, span in enumerate(spans):
            if span.style == "plain":
                pieces.append(MYST.text(span.text))
                continue
            following = spans[index + 1] if index + 1 < len(spans) else None
            if following is None:
                after = ""
            elif following.style == "plain" or following.text[:1].isspace():
                after = MYST.text(following.text)[:1]
            else:
                after = "*"
            before = next((piece[-1] for piece in reversed(pieces) if piece), "")
            pieces.append(self.styled(span, before, after))
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
