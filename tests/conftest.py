"""Shared fixtures: Sphinx's testing plugin, the test roots, and paths to shared material."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Builds and parsers run under load (two test workers on two cores): time is no property here.
settings.register_profile("archive", deadline=None)
settings.load_profile("archive")

pytest_plugins = ("sphinx.testing.fixtures",)

REPO = Path(__file__).resolve().parent.parent
ROOTS = REPO / "tests" / "roots"
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "week06-peer-to-peer-mutualism.txt"
SCHEMAS = SHARED / "schemas"

#: The students of the seed (Week 6), in the document's order.
SEED_STUDENTS = [
    "Dmytro Khutkyy",
    "Yotaro Natani",
    "Kerem Morgul",
    "Emanuel Ubert",
    "Jake Carlson",
    "Michael Blix",
    "Madi Pape",
    "Alisa Pykett",
    "Jiaqi Lu",
    "Taylor Laemmler",
    "Laura Hanson Schlachter",
    "Elsa Noterman",
]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds ``test-<name>`` folders."""
    return ROOTS
