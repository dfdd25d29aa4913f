"""Transitional: the old names of the catalogue's records (see :mod:`.catalogue`), kept until
the exporters import :mod:`.catalogue` directly."""

from __future__ import annotations

from .catalogue import Item as CitableRecord
from .catalogue import Week as WeekRecord

__all__ = ["CitableRecord", "WeekRecord"]
