"""The catalogue of malformed sources: each gives exactly its located messages, none crashes.

Each ``catalogue/NN-name.rst`` is a small project: its text up to the first ``.. file: NAME``
line is ``index.rst``, each such line starts another file (a ``.rst`` page is added to a
toctree; a ``conf.py`` replaces the default one, e.g. for a public build). A comment line
``.. builds: html -W, canvas -W`` runs those builds in turn, sharing ``_build/doctrees`` as
``make html canvas`` does (``-W``: fail on warnings); without it, one HTML build. Its expected
messages are in ``catalogue/expected.txt`` under ``[NN-name]``, exactly as Sphinx prints them
(path relative to the project, colours stripped), a designed error as the command line
prints it (``Archive error: ...``).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from sphinx.errors import SphinxError
from sphinx.testing.util import SphinxTestApp

from sphinx_interrogations.errors import is_designed, plain_report
from tests.conftest import SCHEMAS
from tests.helpers import write_project

CATALOGUE = Path(__file__).parent / "catalogue"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
BUILDS = re.compile(r"^\.\. builds: (.+)$", re.MULTILINE)
PACKAGE_BUILDERS = ("canvas", "moodle", "imscc")


def expectations() -> dict[str, list[str]]:
    expected: dict[str, list[str]] = {}
    current = ""
    for line in (CATALOGUE / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            expected[current] = []
        elif line.strip():
            expected[current].append(line)
    return expected


EXPECTED = expectations()
CASES = sorted(path.stem for path in CATALOGUE.glob("*.rst"))


def split_pages(text: str) -> dict[str, str]:
    pages: dict[str, str] = {}
    name, lines = "index.rst", []
    for line in text.splitlines(keepends=True):
        if line.startswith(".. file: "):
            pages[name] = "".join(lines)
            name, lines = line.removeprefix(".. file: ").strip(), []
        else:
            lines.append(line)
    pages[name] = "".join(lines)
    others = [p.removesuffix(".rst") for p in pages if p.endswith(".rst") and p != "index.rst"]
    if others:
        pages["index.rst"] += "\n.. toctree::\n\n" + "".join(f"   {o}\n" for o in others)
    return pages


def messages(srcdir: Path, warnings: str) -> list[str]:
    text = ANSI.sub("", warnings).replace(f"{srcdir}/", "")
    return [line for line in text.splitlines() if line.strip()]


def builds_of(text: str) -> list[tuple[str, bool]]:
    """The builds a case runs: (builder, fails on warnings)."""
    found = BUILDS.search(text)
    if found is None:
        return [("html", False)]
    runs = [part.split() for part in found.group(1).split(",")]
    return [(run[0], "-W" in run[1:]) for run in runs]


def run_build(srcdir: Path, builder: str, strict: bool) -> tuple[str, Path | None]:
    """One build's warnings (and designed error, as printed) and output folder (None if none)."""
    warnings = io.StringIO()
    overrides = {"interrogations_lms_schema_dir": str(SCHEMAS)}
    app = None
    try:
        app = SphinxTestApp(
            builder,
            srcdir=srcdir,
            status=io.StringIO(),
            warning=warnings,
            warningiserror=strict,
            confoverrides=overrides if builder in PACKAGE_BUILDERS else {},
        )
        app.build()
        return warnings.getvalue(), Path(app.outdir)
    except SphinxError as error:
        if not is_designed(error):
            raise
        return f"{warnings.getvalue()}{plain_report(error)}\n", None
    finally:
        if app is not None:
            app.cleanup()


def test_catalogue_is_large_and_complete() -> None:
    assert len(CASES) >= 30
    assert sorted(EXPECTED) == CASES


@pytest.mark.parametrize("case", CASES)
def test_case_gives_its_messages(case: str, tmp_path: Path) -> None:
    text = (CATALOGUE / f"{case}.rst").read_text(encoding="utf-8")
    pages = split_pages(text)
    if case == "37-huge-body":
        pages["index.rst"] += "".join(f"\n   {'word ' * 2000}\n" for _ in range(200))
    srcdir = write_project(tmp_path / "src", pages)
    found: list[str] = []
    for builder, strict in builds_of(text):
        warnings, outdir = run_build(srcdir, builder, strict)
        found += messages(srcdir, warnings)
    assert found == EXPECTED[case]
    if builder != "html" or outdir is None:
        return
    page = (outdir / "index.html").read_text(encoding="utf-8")
    if case == "37-huge-body":
        assert page.count("word") >= 400_000
