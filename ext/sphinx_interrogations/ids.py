"""The one identity function of the archive.

Every anchor, cross-reference target, package file name and LMS identifier is derived here,
from stable facts only (week number and student, or an explicit id), never from position.
"""

from __future__ import annotations

import re
import unicodedata

from slugify import slugify

#: What a valid anchor looks like: lowercase ASCII words joined by single hyphens, letter first.
ANCHOR_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

_APOSTROPHES = [["'", ""], ["\u2019", ""], ["\u02bc", ""]]


def slug(text: str) -> str:
    """Return the lowercase ASCII slug of user text ('' when nothing sluggable is left).

    The text is normalised to NFC and case-folded first, so names that differ only in case,
    diacritics or Unicode normal form give the same slug; apostrophes vanish (O'Brien -> obrien).
    """
    folded = unicodedata.normalize("NFC", text).casefold()
    return slugify(folded, replacements=_APOSTROPHES)


def is_valid_anchor(anchor: str) -> bool:
    """Tell whether ``anchor`` is usable as-is as an HTML id, label and NCName tail."""
    return bool(ANCHOR_PATTERN.match(anchor))


def week_anchor(week: int, prefix: str = "") -> str:
    """Anchor of a week: ``w06`` (with an optional archive-wide prefix)."""
    return f"{prefix}w{week:02d}"


def interrogation_anchor(week: int, student_slug: str, prefix: str = "") -> str:
    """Anchor of a student's interrogation in a week: ``w06-dmytro-khutkyy``."""
    return f"{week_anchor(week, prefix)}-{student_slug}"


def response_anchor(interrogation: str, ordinal: int) -> str:
    """Anchor of the ``ordinal``-th response (1-based) to an interrogation."""
    return f"{interrogation}-response" if ordinal == 1 else f"{interrogation}-response-{ordinal}"


def lms_identifier(anchor: str, role: str = "res") -> str:
    """Common Cartridge identifier (an NCName) for the object with ``anchor``.

    ``role`` keeps items, resources and other manifest entries of one object distinct.
    """
    return f"{role}_{anchor}"
