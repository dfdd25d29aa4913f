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

from .model import (
    Block,
    Document,
    Interrogation,
    ItemList,
    Paragraph,
    Response,
    Rubric,
    Span,
    Spans,
)

WIDTH = 100
INDENT = "   "

_TEXT_SPECIAL = re.compile(r"[\\*`|]|_(?![^\W_])")
#: what may precede an inline markup start-string / follow an end-string (docutils' rules)
_BEFORE_START = re.compile(f"[\\s{openers}{delimiters}]")
_AFTER_END = re.compile(f"[\\s\\\\.,;!?{delimiters}{closers}]")
#: a paragraph start that reST would read as something else than text (list, table, field,
#: option, comment, target, line block, transition); an enumerator gets its delimiter escaped.
#: (A leading ``*`` is always emphasis markup here: a literal one is escaped already.)
_BLOCK_START = re.compile(
    r"""\(?(?:\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+)(?P<delimiter>[.)])(?:\s|$)
      | [-+•‣⁃:|/=.#_>]
      | (?P<mark>[!-/:-@\[-`{-~])(?P=mark)*$""",
    re.VERBOSE,
)
#: a word of one repeated punctuation character: never put it alone at a line start (underline)
_RULE = re.compile(r"([!-/:-@\[-`{-~])\1*")
_DELIMITERS = {"emphasis": "*", "strong": "**"}


def escape(text: str) -> str:
    """Escape reST inline markup characters in plain text."""
    return _TEXT_SPECIAL.sub(lambda match: "\\" + match.group(), text)


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
    return f"{lead}{start_gap}{delimiter}{escape(core)}{delimiter}{end_gap}{trail}"


def inline(spans: Spans) -> str:
    """reST source of styled spans."""
    pieces: list[str] = []
    for index, span in enumerate(spans):
        if span.style == "plain":
            pieces.append(escape(span.text))
            continue
        before = spans[index - 1].text[-1:] if index else ""
        after = spans[index + 1].text[:1] if index + 1 < len(spans) else ""
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
        if fits or (lines and _RULE.fullmatch(word)):
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _paragraph_source(spans: Spans) -> str:
    """Inline source of a paragraph, not ending in a literal-block marker ``::``."""
    text = inline(spans)
    return text[:-1] + "\\:" if text.endswith("::") else text


def _guard_start(line: str) -> str:
    """Escape the first line of a paragraph if reST would read it as another construct."""
    match = _BLOCK_START.match(line)
    if not match:
        return line
    at = match.start("delimiter") if match.group("delimiter") else 0
    return f"{line[:at]}\\{line[at:]}"


def _text_lines(spans: Spans, indent: str, first_indent: str | None = None) -> list[str]:
    lines = _wrap(_paragraph_source(spans), WIDTH - len(indent))
    lines[0] = _guard_start(lines[0])
    start = indent if first_indent is None else first_indent
    return [f"{start}{lines[0]}".rstrip(), *(f"{indent}{line}" for line in lines[1:])]


def _item_list(block: ItemList, indent: str) -> list[str]:
    lines: list[str] = []
    for number, spans in enumerate(block.items, start=block.start):
        marker = f"{number}{block.marker}" if block.ordered else block.marker
        lines += _text_lines(spans, indent + " " * (len(marker) + 1), f"{indent}{marker} ")
    return lines


def _block(block: Block, indent: str) -> list[str]:
    if isinstance(block, Paragraph):
        return _text_lines(block.spans, indent)
    if isinstance(block, Rubric):
        return [f"{indent}.. rubric:: {inline(block.spans)}"]
    return _item_list(block, indent)


def _option(name: str, value: str, indent: str) -> str:
    return f"{indent}:{name}: {_guard_start(_paragraph_source((Span(value),)))}"


def _body(entries: Sequence[Block | Response], indent: str) -> list[str]:
    """Entries after blank lines; an empty comment keeps two consecutive lists apart."""
    lines: list[str] = []
    previous = None
    for entry in entries:
        if isinstance(entry, ItemList) and isinstance(previous, ItemList):
            lines += ["", f"{indent}.."]
        lines += ["", *(_response(entry) if isinstance(entry, Response) else _block(entry, indent))]
        previous = entry
    return lines


def _response(response: Response) -> list[str]:
    lines = [f"{INDENT}.. response::", _option("by", response.by, INDENT * 2)]
    return lines + _body(response.blocks, INDENT * 2)


def _interrogation(item: Interrogation) -> list[str]:
    lines = [f".. interrogation:: {item.name}"]
    if item.anchor:
        lines.append(f"{INDENT}:id: {item.anchor}")
    return lines + _body(item.body, INDENT)


def write_rst(document: Document) -> str:
    """The week as a reStructuredText page."""
    week = document.week
    title = inline((Span(week.title),))
    rule = "=" * column_width(title)
    lines = [
        f".. Imported from {document.source_name} by interrogations-import.",
        "",
        rule,
        title,
        rule,
        "",
        f".. week:: {week.number}",
    ]
    for name, value in (("course", week.course), ("date", week.date), ("topic", week.topic)):
        if value:
            lines.append(_option(name, value, INDENT))
    lines += _body(document.intro, "")
    for item in document.interrogations:
        lines += ["", *_interrogation(item)]
    return "\n".join(lines) + "\n"
