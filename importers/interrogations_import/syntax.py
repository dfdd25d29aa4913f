"""The week format's own markers: the header, students' numbers, the response opening, words.

Shared by the parser and the lossless check, so both agree on what is structure and what is text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Header:
    week: int
    course: str | None
    date: str | None


def unescape(text: str) -> str:
    """Resolve Markdown backslash escapes (``\\*`` is a literal asterisk)."""
    return ESCAPE.sub(r"\1", text)


def header_of(text: str) -> Header | None:
    """The document header, when ``text`` (a heading's or a one-line paragraph's) is one."""
    match = _HEADER.fullmatch(text.replace("*", "").strip())
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
