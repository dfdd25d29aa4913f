"""Writing a :class:`Document` as reStructuredText with the archive's directives.

Text is escaped so that docutils reads back exactly the words written: inline markup characters
are backslash-escaped, emphasis gets ``\\ `` where reST's recognition rules need it, and a paragraph
that would start a list, table, field, comment or transition gets a leading backslash. Paragraphs
are wrapped at 100 columns; the output depends on the document only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docutils.utils import column_width
from docutils.utils.punctuation_chars import closers, delimiters, match_chars, openers

from .escaping import RST, RST_RULE
from .model import Document, Image, ItemList, Span, Spans
from .writer import Lines, write

WIDTH = 100
INDENT = "   "

#: what may precede an inline markup start-string / follow an end-string (docutils' rules)
_BEFORE_START = re.compile(f"[\\s{openers}{delimiters}]")
_AFTER_END = re.compile(f"[\\s\\\\.,;!?{delimiters}{closers}]")
_DELIMITERS = {"emphasis": "*", "strong": "**"}


def _styled(span: Span, before: str, after: str) -> str:
    core = span.text.strip()
    if not core:
        return span.text
    lead = span.text[: len(span.text) - len(span.text.lstrip())]
    trail = span.text[len(span.text.rstrip()) :]
    before = lead[-1:] or before
    after = trail[:1] or after
    quoted = bool(before) and match_chars(before, core[0])
    start_gap = "" if not before or (_BEFORE_START.match(before) and not quoted) else "\\ "
    end_gap = "" if not after or _AFTER_END.match(after) else "\\ "
    delimiter = _DELIMITERS[span.style]
    return f"{lead}{start_gap}{delimiter}{RST.text(core)}{delimiter}{end_gap}{trail}"


def _edge(char: str, span: Span) -> str:
    """What the output shows next to a styled span: a neighbour's character, or its delimiter."""
    return "*" if span.style != "plain" and char and not char.isspace() else char


def inline(spans: Spans) -> str:
    """reST source of styled spans."""
    pieces: list[str] = []
    for index, span in enumerate(spans):
        if span.style == "plain":
            pieces.append(RST.text(span.text))
            continue
        before = _edge(spans[index - 1].text[-1:], spans[index - 1]) if index else ""
        following = spans[index + 1] if index + 1 < len(spans) else None
        after = _edge(following.text[:1], following) if following else ""
        pieces.append(_styled(span, before, after))
    return "".join(pieces).strip()


def _odd_backslashes(word: str) -> bool:
    return (len(word) - len(word.rstrip("\\"))) % 2 == 1


def _wrap(text: str, width: int) -> list[str]:
    """Fill ``text`` into lines, never breaking an escaped space or before a lone rule line."""
    words: list[str] = []
    for piece in text.split(" "):
        if words and (not piece or piece[0].isspace() or _odd_backslashes(words[-1])):
            words[-1] += " " + piece
        else:
            words.append(piece)
    lines: list[str] = []
    for word in words:
        fits = lines and len(lines[-1]) + 1 + len(word) <= width
        if fits or (lines and RST_RULE.fullmatch(word)):
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _paragraph_source(spans: Spans) -> str:
    """Inline source of a paragraph, not ending in a literal-block marker ``::``."""
    text = inline(spans)
    return text[:-1] + "\\:" if text.endswith("::") else text


def _text_lines(spans: Spans, indent: str, first_indent: str | None = None) -> Lines:
    lines = _wrap(_paragraph_source(spans), WIDTH - len(indent))
    lines[0] = RST.guard_start(lines[0])
    start = indent if first_indent is None else first_indent
    return [f"{start}{lines[0]}".rstrip(), *(f"{indent}{line}" for line in lines[1:])]


class RstDialect:
    """The pieces of a week page in reStructuredText (see :class:`.writer.Dialect`)."""

    def preamble(self, note: str, title: str) -> Lines:
        heading = inline((Span(title),))
        rule = "=" * column_width(heading)
        return [f".. {note}", "", rule, heading, rule, ""]

    def directive(
        self, name: str, argument: str, options: Sequence[tuple[str, str]], body: Lines, depth: int
    ) -> Lines:
        indent = INDENT * depth
        head = f"{indent}.. {name}::" + (f" {argument}" if argument else "")
        values = [_paragraph_source((Span(value),)) for _, value in options]
        return [
            head,
            *(
                f"{indent}{INDENT}:{key}: {RST.guard_start(value)}"
                for (key, _), value in zip(options, values, strict=True)
            ),
            *body,
        ]

    def paragraph(self, spans: Spans, line: int, depth: int) -> Lines:
        return _text_lines(spans, INDENT * depth)

    def item_list(self, block: ItemList, depth: int) -> Lines:
        indent = INDENT * depth
        lines: Lines = []
        for number, spans in enumerate(block.items, start=block.start):
            marker = f"{number}{block.marker}" if block.ordered else block.marker
            lines += _text_lines(spans, indent + " " * (len(marker) + 1), f"{indent}{marker} ")
        return lines

    def rubric(self, spans: Spans, line: int, depth: int) -> Lines:
        return [f"{INDENT * depth}.. rubric:: {inline(spans)}"]

    def image(self, block: Image, depth: int) -> Lines:
        indent = INDENT * depth
        alt = [f"{indent}{INDENT}:alt: {block.alt}"] if block.alt else []
        return [f"{indent}.. image:: {block.name}", *alt]

    def list_break(self, depth: int) -> str:
        return f"{INDENT * depth}.."


def write_rst(document: Document, note: str | None = None) -> str:
    """The week as a reStructuredText page."""
    return write(document, RstDialect(), note)
