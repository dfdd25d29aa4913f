"""Text as Moodle stores it: field limits, plain-text names, HTML that restore leaves alone.

Moodle's database columns hold at most so many characters (a longer name aborts the restore
half-way with "value too long"); plain-text names are cut to them with an ellipsis. Course
names must not look like HTML tags (Moodle refuses the backup); in HTML, a literal ``$@``
would be read by the restore as a link placeholder, so it is written as ``$&#64;``.
"""

from __future__ import annotations

import re

#: characters per column (moodle lib/db/install.xml; 255 seen in restores, moodle-backup.md §5-6)
FULL_NAME_LIMIT = 254
SHORT_NAME_LIMIT = 255
NAME_LIMIT = 255
LANGUAGE_LIMIT = 30
FILE_NAME_LIMIT = 255
ELLIPSIS = "…"
#: what XML 1.0 cannot hold: C0 controls but tab and newlines, surrogates, U+FFFE and U+FFFF
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SPACES = re.compile(r"\s+")
#: a ``<`` that opens something tag-like (PHP's strip_tags keeps a ``<`` before white space)
_TAG_OPEN = re.compile(r"<(?=\S)")
#: what must not end a cut name: joiners and variation selectors of a split emoji
_DANGLING = "\u200d\ufe0e\ufe0f "


def cut(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters: cut, with an ellipsis, if longer."""
    if len(text) <= limit:
        return text
    return text[: limit - len(ELLIPSIS)].rstrip(_DANGLING) + ELLIPSIS


def plain_name(text: str, limit: int = NAME_LIMIT) -> str:
    """A one-line name: white space runs made one space, cut to ``limit``."""
    return cut(_SPACES.sub(" ", text).strip(), limit)


def course_name(text: str, limit: int) -> str:
    """A course name Moodle accepts (PARAM_TEXT): no tag-like ``<x``, cut to ``limit``."""
    return plain_name(_TAG_OPEN.sub("< ", text), limit)


def restore_safe_html(html: str) -> str:
    """``html`` with each literal ``$@`` made ``$&#64;`` (same text, no link placeholder)."""
    return html.replace("$@", "$&#64;")


def xml_problem(text: str) -> str:
    """Which character of ``text`` XML cannot hold, as a phrase ("" when it can hold them all)."""
    match = NOT_XML.search(text)
    return f"a character XML cannot hold (U+{ord(match.group()):04X})" if match else ""
