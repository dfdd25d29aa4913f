"""PDF fixtures: the LaTeX of the test root (and of the real archive once its first week
exists), compiled once per session with the LaTeX build's own ``make all-pdf``."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from sphinx_interrogations.records import Item
from sphinx_interrogations.store import catalogue_of
from tests.conftest import REPO
from tests.helpers import build, copy_root

ARCHIVE_WEEK = REPO / "source" / "2013-fall" / "week06.rst"
DOCUMENTS = ("basic", "archive") if ARCHIVE_WEEK.exists() else ("basic",)
LATEXMKOPTS = "LATEXMKOPTS=-interaction=nonstopmode -halt-on-error -quiet"


@dataclass(frozen=True)
class Document:
    """A compiled PDF and what the build knew about its content."""

    pdf: Path
    #: week number -> title of the week's chapter
    weeks: dict[int, str]
    #: every interrogation and response, by week then document order
    citables: tuple[Item, ...]


def source_of(name: str, rootdir: Path, destination: Path) -> Path:
    """A throwaway copy of the test root or of the real archive (with its ``conf.py``)."""
    if name == "basic":
        return copy_root(rootdir, "basic", destination)
    shutil.copytree(REPO / "source", destination)
    shutil.copy(REPO / "conf.py", destination / "conf.py")
    return destination


@pytest.fixture(scope="session", params=DOCUMENTS)
def document(
    request: pytest.FixtureRequest, rootdir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Document:
    """The PDF of the test root, then of the real archive when it exists."""
    srcdir = source_of(request.param, rootdir, tmp_path_factory.mktemp("pdf") / "src")
    result = build(srcdir, "latex")
    compiled = subprocess.run(
        ["make", "-C", str(result.outdir), "all-pdf", LATEXMKOPTS],
        capture_output=True,
        text=True,
    )
    assert compiled.returncode == 0, compiled.stdout[-3000:] + compiled.stderr[-3000:]
    [pdf] = result.outdir.glob("*.pdf")
    catalogue = catalogue_of(result.env)
    weeks = {week.number: result.env.titles[week.docname].astext() for week in catalogue.weeks()}
    return Document(pdf, weeks, tuple(catalogue.items()))
