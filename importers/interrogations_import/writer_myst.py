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

from .model import (
    Block,
    Document,
    Interrogation,
    ItemList,
    Notice,
    Paragraph,
    Response,
    Rubric,
    Span,
    Spans,
)

_TEXT_SPECIAL = re.compile(r"[\\`*_\[\]<>$|~{}]|&(?=#?\w+;)")
#: a line start CommonMark / MyST would read as a block (heading, quote, list, fence, target, ...)
_BLOCK_START = re.compile(r"\d{1,9}(?P<delimiter>[.)])(?:\s|$)|[-+=#%:(]")
_PLAIN_OPTION = re.compile(r"[\w.,()/–—-]+(?: [\w.,()/–—-]+)*")
_DELIMITERS = {"emphasis": "*", "strong": "**"}


def escape(text: str) -> str:
    """Backslash-escape Markdown punctuation in plain text."""
    return _TEXT_SPECIAL.sub(lambda match: "\\" + match.group(), text)


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
        source = escape(core)
        if _flanks(lead[-1:] or before, source, trail[:1] or after):
            delimiter = _DELIMITERS[span.style]
            return f"{lead}{delimiter}{source}{delimiter}{trail}"
        if "`" not in core:
            return f"{lead}{{{span.style}}}`{core}`{trail}"
        self.problems.append(f"{span.style} around text with backquotes is kept as plain text")
        return escape(span.text)

    def render(self, spans: Spans) -> str:
        pieces: list[str] = []
        for index, span in enumerate(spans):
            if span.style == "plain":
                pieces.append(escape(span.text))
                continue
            following = spans[index + 1] if index + 1 < len(spans) else None
            if following is None:
                after = ""
            elif following.style == "plain" or following.text[:1].isspace():
                after = escape(following.text)[:1]
            else:
                after = "*"
            pieces.append(self.styled(span, "".join(pieces)[-1:], after))
        return "".join(pieces).strip()


class _Writer:
    def __init__(self) -> None:
        self.inline = _Inline()
        self.notices: list[Notice] = []

    def text(self, spans: Spans, line: int) -> str:
        rendered = self.inline.render(spans)
        self.notices += [Notice(line, problem) for problem in self.inline.problems]
        self.inline.problems.clear()
        match = _BLOCK_START.match(rendered)
        if not match:
            return rendered
        at = match.start("delimiter") if match.group("delimiter") else 0
        return f"{rendered[:at]}\\{rendered[at:]}"

    def item_list(self, block: ItemList) -> list[str]:
        lines = []
        for number, spans in enumerate(block.items, start=block.start):
            marker = f"{number}{block.marker}" if block.ordered else block.marker
            lines.append(f"{marker} {self.text(spans, block.line)}".rstrip())
        return lines

    def block(self, block: Block) -> list[str]:
        if isinstance(block, Paragraph):
            return [self.text(block.spans, block.line)]
        if isinstance(block, Rubric):  # only in a student's section, inside its 4-backtick fence
            return [f"```{{rubric}} {self.text(block.spans, block.line)}", "```"]
        return self.item_list(block)

    def body(self, entries: Sequence[Block | Response]) -> list[str]:
        """Entries, each followed by a blank line; a comment keeps two consecutive lists apart."""
        lines: list[str] = []
        previous = None
        for entry in entries:
            if isinstance(entry, ItemList) and isinstance(previous, ItemList):
                lines += ["%", ""]
            lines += [
                *(self.response(entry) if isinstance(entry, Response) else self.block(entry)),
                "",
            ]
            previous = entry
        return lines

    def response(self, response: Response) -> list[str]:
        lines = ["```{response}", _option("by", response.by), "", *self.body(response.blocks)]
        return [*lines[:-1], "```"]

    def interrogation(self, item: Interrogation) -> list[str]:
        fence = "~~~~" if "`" in item.name else "````"
        lines = [f"{fence}{{interrogation}} {item.name}"]
        if item.anchor:
            lines.append(_option("id", item.anchor))
        lines += ["", *self.body(item.body)]
        return [*lines[:-1], fence]


def _option(name: str, value: str) -> str:
    if _PLAIN_OPTION.fullmatch(value):
        return f":{name}: {value}"
    return ":{}: '{}'".format(name, value.replace("'", "''"))


def write_myst(document: Document) -> tuple[str, list[Notice]]:
    """The week as a MyST Markdown page, and warnings about emphasis it had to drop."""
    writer = _Writer()
    week = document.week
    lines = [
        f"% Imported from {document.source_name} by interrogations-import.",
        "",
        f"# {escape(week.title)}",
        "",
        f"```{{week}} {week.number}",
    ]
    for name, value in (("course", week.course), ("date", week.date), ("topic", week.topic)):
        if value:
            lines.append(_option(name, value))
    lines.append("```")
    if document.intro:
        lines += ["", *writer.body(document.intro)[:-1]]
    for item in document.interrogations:
        lines += ["", *writer.interrogation(item)]
    return "\n".join(lines) + "\n", writer.notices
