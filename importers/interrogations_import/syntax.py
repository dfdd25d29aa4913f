"""The accepted document syntax: how lines group into blocks, and the structural markers.

Shared by the parser and the lossless check, so both agree on what is structure and what is text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

#: ``## 1. Name`` (any level, optional closing hashes)
HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
#: ``---``, ``***``, ``___`` (spaces allowed between)
SEPARATOR = re.compile(r"^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$")
#: a student's number in a heading: ``3.`` or ``3)``
NUMBERING = re.compile(r"^\d{1,4}[.)](?:[ \t]+|$)")
#: ``Interrogations Week 6. Sociology 929, October 10``
_HEADER = re.compile(
    r"interrogations?[\s:–—-]+week\s+(?P<week>\d{1,3})(?!\d)[\s.,:;–—-]*(?P<rest>.*)", re.I
)
#: Markdown backslash escape of an ASCII punctuation character
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
#: what separates words for the lossless comparison: whitespace and square brackets
_WORD_BREAK = re.compile(r"[\s\[\]]+")

BlockKind = Literal["text", "heading", "separator"]


@dataclass(frozen=True, slots=True)
class Line:
    no: int
    text: str


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A heading, a separator, or a run of non-blank text lines."""

    kind: BlockKind
    lines: tuple[Line, ...]
    heading: str = ""

    @property
    def line(self) -> int:
        return self.lines[0].no


@dataclass(frozen=True, slots=True)
class Header:
    week: int
    course: str | None
    date: str | None


def split_blocks(lines: Sequence[str]) -> list[RawBlock]:
    """Group lines into blocks; blank lines, headings and separators end a text block."""
    blocks: list[RawBlock] = []
    pending: list[Line] = []

    def flush() -> None:
        if pending:
            blocks.append(RawBlock("text", tuple(pending)))
            pending.clear()

    for no, text in enumerate(lines, start=1):
        heading = HEADING.match(text)
        if not text.strip():
            flush()
        elif SEPARATOR.match(text):
            flush()
            blocks.append(RawBlock("separator", (Line(no, text),)))
        elif heading:
            flush()
            blocks.append(RawBlock("heading", (Line(no, text),), heading=heading.group(2) or ""))
        else:
            pending.append(Line(no, text))
    flush()
    return blocks


def unescape(text: str) -> str:
    """Resolve Markdown backslash escapes (``\\*`` is a literal asterisk)."""
    return ESCAPE.sub(r"\1", text)


def header_of(block: RawBlock) -> Header | None:
    """The document header, when ``block`` (a heading or a one-line paragraph) is one."""
    if block.kind == "heading":
        text = block.heading
    elif block.kind == "text" and len(block.lines) == 1:
        text = block.lines[0].text
    else:
        return None
    match = _HEADER.fullmatch(unescape(text).replace("*", "").strip())
    if not match:
        return None
    rest = match.group("rest").strip()
    course, comma, date = rest.rpartition(",")
    if comma and course.strip() and date.strip():
        return Header(int(match.group("week")), course.strip(), date.strip())
    return Header(int(match.group("week")), rest or None, None)


def numbered(heading: str) -> bool:
    """Whether a heading starts with a student's number (``3.`` or ``3)``)."""
    return bool(NUMBERING.match(heading.strip()))


def student_heading(heading: str) -> str:
    """A student heading's text without its number."""
    return NUMBERING.sub("", heading.strip(), count=1)


def opening(marker: str) -> re.Pattern[str]:
    """Start of a response block: ``[EOW:`` or ``**[EOW:`` at the start of a paragraph."""
    return re.compile(rf"^[ \t]*(?P<bold>\*\*)?\[[ \t]*{re.escape(marker)}[ \t]*:[ \t]*", re.I)


def words(text: str) -> list[str]:
    """The words of a piece of text, as the lossless check compares them.

    Asterisks (emphasis markers in the input) are left out; square brackets separate words.
    """
    return [word for word in _WORD_BREAK.split(text.replace("*", "")) if word]
