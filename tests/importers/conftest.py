"""Paths the importer tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    """Folder of the small input documents made for these tests."""
    return FIXTURES
