"""The LMS builders write no package from a build with errors, and say which errors.

Week 2 of the ``test-hostile`` root is broken three ways at once (a duplicate id, an unknown
option, a response outside any interrogation). The build then fails (exit status 1, with or
without ``-W``) and names every error; warnings alone do not stop a package. A package build
reuses the environment an HTML build left, so errors reported when that build read the sources
(serially or in parallel) must still refuse the package.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from tests.exporters.conftest import build_package
from tests.helpers import build, copy_root

PACKAGE = "hostile-archive-co.imscc"
BROKEN = """
.. interrogation:: Cy Dee

   The same student twice in a week: a duplicate id.

.. interrogation:: Fay Gee
   :colour: red

   week2-lost-question.

.. response::

   A response outside any interrogation.
"""
MISSING_REFERENCE = "\nSee :seminar:interrogation:`w09-nobody`.\n"


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    lines = path.read_text().splitlines()
    found = [number for number, line in enumerate(lines, 1) if line == text]
    return found[occurrence - 1]


def break_week(src: Path, text: str = BROKEN) -> list[str]:
    """Append ``text`` to week 2; return the errors it must cause, as the builders list them."""
    week = src / "weeks" / "week02.rst"
    week.write_text(week.read_text() + text)
    if text != BROKEN:
        return []
    first, second = (line_of(week, ".. interrogation:: Cy Dee", n) for n in (1, 2))
    return [
        f"{week}:{line_of(week, '.. interrogation:: Fay Gee')}: "
        'Error in "interrogation" directive: unknown option: "colour".',
        f"{week}:{line_of(week, '.. response::')}: "
        "response outside an interrogation: indent it under one",
        f"{week}:{second}: duplicate id 'w02-cy-dee' (also at {week}:{first}): "
        "give one of them an explicit :id:",
    ]


@dataclass
class Outcome:
    """How a build ended: its exit status, its warnings and its progress (colours stripped)."""

    status: int
    warnings: str
    progress: str


def build_outcome(
    src: Path, builder: str, schema_dir: Path, parallel: int = 0, **overrides: object
) -> Outcome:
    warnings, progress = io.StringIO(), io.StringIO()
    app = SphinxTestApp(
        builder,
        srcdir=src,
        status=progress,
        warning=warnings,
        parallel=parallel,
        confoverrides={"interrogations_lms_schema_dir": str(schema_dir), **overrides},
    )
    try:
        app.build()
        plain = (re.sub(r"\x1b\[[0-9;]*m", "", text.getvalue()) for text in (warnings, progress))
        return Outcome(app.statuscode, *plain)
    finally:
        app.cleanup()


def refusal(errors: list[str]) -> str:
    """The located error a refused build ends with."""
    listed = "".join(f"\n  {error}" for error in errors)
    return (
        f"ERROR: {PACKAGE} not written: the build reported {len(errors)} error(s); "
        f"fix them and build again:{listed}\n"
    )


@pytest.mark.parametrize("flavour", ["canvas", "moodle"])
def test_no_package_from_a_build_with_errors(
    flavour: str, rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    src = copy_root(rootdir, "hostile", tmp_path / "src")
    earlier = build_package(src, flavour, schema_dir)  # a good package from a clean build
    assert earlier.path.name == PACKAGE
    errors = break_week(src)
    outcome = build_outcome(src, flavour, schema_dir)
    assert outcome.status == 1
    assert outcome.warnings.endswith(refusal(errors))
    assert not earlier.path.exists()  # the earlier package is not left to be mistaken for this
    assert list(earlier.path.parent.glob("*.imscc*")) == []


@pytest.mark.parametrize("parallel", [0, 2])
def test_errors_cached_by_an_earlier_build_still_refuse_the_package(
    parallel: int, rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    """``make html`` then ``make moodle`` share the environment: the package build reads nothing."""
    src = copy_root(rootdir, "hostile", tmp_path / "src")
    errors = break_week(src)
    assert build(src, "html", parallel=parallel).warnings.count("ERROR") == 3
    outcome = build_outcome(src, "moodle", schema_dir)
    assert "0 added, 0 changed, 0 removed" in outcome.progress
    assert outcome.status == 1
    assert outcome.warnings.endswith(refusal(errors))
    assert not (src / "_build" / "moodle" / PACKAGE).exists()


def test_a_package_follows_once_the_cached_errors_are_fixed(
    rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    src = copy_root(rootdir, "hostile", tmp_path / "src")
    week = src / "weeks" / "week02.rst"
    good = week.read_text()
    errors = break_week(src)
    assert build_outcome(src, "canvas", schema_dir, parallel=2).warnings.endswith(refusal(errors))
    week.write_text(good)
    outcome = build_outcome(src, "canvas", schema_dir)
    assert "0 added, 1 changed, 0 removed" in outcome.progress  # only the fixed week is read
    assert (outcome.status, outcome.warnings) == (0, "")
    assert (src / "_build" / "canvas" / PACKAGE).is_file()


def test_warnings_alone_do_not_stop_a_package(
    rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    src = copy_root(rootdir, "hostile", tmp_path / "src")
    break_week(src, MISSING_REFERENCE)
    package = build_package(src, "moodle", schema_dir)
    assert "reference target not found: w09-nobody" in package.warnings
    assert package.path.name == PACKAGE


def test_errors_silenced_by_suppress_warnings_are_not_counted(
    rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    src = copy_root(rootdir, "hostile", tmp_path / "src")
    start, end = BROKEN.index(".. interrogation:: Fay Gee"), BROKEN.index(".. response")
    unknown_option = BROKEN[start:end]
    break_week(src, unknown_option)
    assert "reported 1 error(s)" in build_outcome(src, "canvas", schema_dir).warnings
    package = build_package(src, "canvas", schema_dir, suppress_warnings=["docutils"])
    assert package.warnings == ""
