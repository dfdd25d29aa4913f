"""Transitional: the old name of :mod:`.identity`, kept until the exporters and the importer
import :mod:`.identity` directly (string roles are read as :class:`.identity.LmsRole` values)."""

from __future__ import annotations

from .identity import (
    ANCHOR_PATTERN,
    LmsRole,
    interrogation_anchor,
    is_valid_anchor,
    response_anchor,
    slug,
    week_anchor,
)
from .identity import lms_identifier as _lms_identifier

__all__ = [
    "ANCHOR_PATTERN",
    "interrogation_anchor",
    "is_valid_anchor",
    "lms_identifier",
    "response_anchor",
    "slug",
    "week_anchor",
]


def lms_identifier(anchor: str, role: str = "res") -> str:
    """:func:`.identity.lms_identifier` with the role given as its prefix string."""
    return _lms_identifier(anchor, LmsRole(role))
