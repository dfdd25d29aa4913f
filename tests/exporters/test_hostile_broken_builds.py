"""The LMS builders write no package from a build with errors, and say which errors.

Week 2 of the ``test-hostile`` root is broken three ways at once (a duplicate id, an unknown
option, a response outside any interrogation). The build then fails (exit status 1, with or
without ``-W``) and names every error; warnings alone do not stop a package, unless the build
fails on warnings (``-W``, as every archive build runs): then they count as errors. A package
build reuses the environment an HTML build left, so problems reported when that build read the
sources (serially or in parallel) must still refuse the package.
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
MISSING_IMAGE = "\n.. image:: lost-figure.png\n"
#: a warning of the reading alone (a missing image makes its page be read again every build)
UNINDENT = "\n* A list item\nthat runs on unindented.\n"


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
    src: Path,
    builder: str,
    schema_dir: Path,
    parallel: int = 0,
    strict: bool = False,
    **overrides: object,
) -> Outcome:
    """Build with Sphinx's test application; ``strict``: fail on warnings (``-W``)."""
    warnings, progress = io.StringIO(), io.StringIO()
    app = SphinxTestApp(
        builder,
        srcdir=src,
        status=progress,
        warning=warnings,
        parallel=parallel,
        warningiserror=strict,
        confoverrides={"interrogations_lms_schema_dir": str(schema_dir), **overrides},
    )
    try:
        app.build()
        plain = (re.sub(r"\x1b\[[0-9;]*m", "", text.getvalue()) for text in (warnings, progress))
        return Outcome(app.statuscode, *plain)
    finally:
        app.cleanup()


def not_written(flavour: str) -> str:
    """The packages a refused build of ``flavour`` names: Moodle's ``.mbz`` too."""
    backup = PACKAGE.removesuffix(".imscc") + ".mbz"
    return f"{PACKAGE} and {backup}" if flavour == "moodle" else PACKAGE


def refusal(errors: list[str], flavour: str = "canvas") -> str:
    """The located error a refused build ends with."""
    return f"ERROR: {refusal_text(errors, flavour)}\n"


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
    assert outcome.warnings.endswith(refusal(errors, flavour))
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
    assert outcome.warnings.endswith(refusal(errors, "moodle"))
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


def missing_image(src: Path) -> str:
    """Append an image with no file to week 2; return the warning it causes, as listed."""
    week = src / "weeks" / "week02.rst"
    break_week(src, MISSING_IMAGE)
    line = line_of(week, ".. image:: lost-figure.png")
    return f"{week}:{line}: image file not readable: weeks/lost-figure.png"


def unindent(src: Path) -> str:
    """Append a list that ends without a blank line; return the warning, as listed."""
    week = src / "weeks" / "week02.rst"
    break_week(src, UNINDENT)
    line = line_of(week, "that runs on unindented.")  # where docutils sees the end
    return f"{week}:{line}: Bullet list ends without a blank line; unexpected unindent."


@pytest.mark.parametrize("flavour", ["canvas", "moodle"])
def test_under_W_a_build_that_only_warns_writes_no_package(
    flavour: str, rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    src = copy_root(rootdir, "hostile", tmp_path / "src")
    earlier = build_package(src, flavour, schema_dir)
    outdir = earlier.path.parent
    assert sorted(path.suffix for path in outdir.glob("*.*z") if path.is_file()) == (
        [".mbz"] if flavour == "moodle" else []
    )
    image = missing_image(src)
    break_week(src, MISSING_REFERENCE)
    week = src / "weeks" / "week02.rst"
    reference = (
        f"{week}:{line_of(week, MISSING_REFERENCE.strip())}: "
        "seminar:interrogation reference target not found: w09-nobody"
    )
    outcome = build_outcome(src, flavour, schema_dir, strict=True)
    assert outcome.status == 1
    assert outcome.warnings.endswith(f"ERROR: {refusal_text([image, reference], flavour)}\n")
    assert not earlier.path.exists()
    assert [path.name for path in outdir.iterdir() if path.suffix in {".imscc", ".mbz"}] == []


def refusal_text(problems: list[str], flavour: str = "canvas") -> str:
    """The message of a refused build of ``flavour``."""
    listed = "".join(f"\n  {problem}" for problem in problems)
    return (
        f"{not_written(flavour)} not written: the build reported {len(problems)} error(s); "
        f"fix them and build again:{listed}"
    )


@pytest.mark.parametrize("parallel", [0, 2])
def test_warnings_of_a_failed_W_build_refuse_a_later_package(
    parallel: int, rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    """``make html`` (fails on a warning), then ``make canvas``: it reads nothing, and refuses;
    once the source is fixed, the package follows."""
    src = copy_root(rootdir, "hostile", tmp_path / "src")
    week = src / "weeks" / "week02.rst"
    good = week.read_text()
    warning = unindent(src)
    html = build_outcome(src, "html", schema_dir, parallel=parallel, strict=True)
    assert html.status == 1
    assert "Bullet list ends without a blank line" in html.warnings
    outcome = build_outcome(src, "canvas", schema_dir, strict=True)
    assert "0 added, 0 changed, 0 removed" in outcome.progress
    assert outcome.status == 1
    assert outcome.warnings.endswith(refusal([warning]))
    assert outcome.warnings.count("not written") == 1
    assert not (src / "_build" / "canvas" / PACKAGE).exists()
    week.write_text(good)
    fixed = build_outcome(src, "canvas", schema_dir, strict=True)
    assert (fixed.status, fixed.warnings) == (0, "")
    assert (src / "_build" / "canvas" / PACKAGE).is_file()


def test_without_W_stored_warnings_do_not_refuse_a_package(
    rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    src = copy_root(rootdir, "hostile", tmp_path / "src")
    unindent(src)
    assert build_outcome(src, "html", schema_dir, strict=True).status == 1
    outcome = build_outcome(src, "moodle", schema_dir)
    assert "0 added, 0 changed, 0 removed" in outcome.progress
    assert (outcome.status, outcome.warnings) == (0, "")  # a warning not reported again
    assert (src / "_build" / "moodle" / PACKAGE).is_file()
