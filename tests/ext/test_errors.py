"""Misuse of the directives gives located errors naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import build, write_project

WEEK = """\
Week 3
======

.. week:: 3

"""


def warnings_for(tmp_path: Path, body: str, extra: dict[str, str] | None = None) -> str:
    files = {"index.rst": WEEK + body, **(extra or {})}
    if extra:
        files["index.rst"] += "\n.. toctree::\n\n" + "".join(
            f"   {name.removesuffix('.rst')}\n" for name in extra
        )
    return build(write_project(tmp_path, files)).warnings


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (".. response::\n\n   Stray.\n", 6, "response outside an interrogation"),
        (".. interrogation::\n\n   No name.\n", 6, 'Error in "interrogation" directive'),
        (".. interrogation:: A\x07B\n\n   Bell.\n", 6, "student name contains control characters"),
        (".. interrogation:: A B\n   :colour: red\n\n   Hi.\n", 6, 'unknown option: "colour"'),
        (".. interrogation:: A B\n   :id: 6bad id\n\n   Hi.\n", 6, "invalid :id: '6bad id'"),
        (
            ".. interrogation:: A B\n\n   Hi.\n\n   .. interrogation:: C D\n\n      In.\n",
            10,
            "interrogations cannot be nested",
        ),
        (".. week:: 4\n", 6, "a page holds one week: week 3 was already declared at line 4"),
        (".. interrogation:: !!!\n\n   Hi.\n", 6, "cannot make an id from the student name '!!!'"),
    ],
)
def test_misuse_is_a_located_error(tmp_path: Path, body: str, line: int, message: str) -> None:
    warnings = warnings_for(tmp_path, body)
    assert f"index.rst:{line}: ERROR: " in warnings
    assert message in warnings


def test_week_number_must_be_a_number(tmp_path: Path) -> None:
    project = write_project(tmp_path, {"index.rst": "T\n=\n\n.. week:: six\n"})
    warnings = build(project).warnings
    assert "index.rst:4: ERROR: week number must be a positive whole number, not 'six'" in warnings


def test_interrogation_needs_a_week(tmp_path: Path) -> None:
    project = write_project(tmp_path, {"index.rst": "T\n=\n\n.. interrogation:: A B\n\n   Hi.\n"})
    assert "index.rst:4: ERROR: interrogation before any week" in build(project).warnings


def test_duplicate_id_in_one_week_names_both_places(tmp_path: Path) -> None:
    body = ".. interrogation:: Ann Lee\n\n   One.\n\n.. interrogation:: ann  LEE\n\n   Two.\n"
    warnings = warnings_for(tmp_path, body)
    assert "index.rst:10: ERROR: duplicate id 'w03-ann-lee' (also at " in warnings
    assert "index.rst:6)" in warnings


@pytest.mark.parametrize("parallel", [0, 2])
def test_duplicates_across_files_are_found_in_parallel_builds(
    tmp_path: Path, parallel: int
) -> None:
    page = "P\n=\n\n.. week:: {}\n\n.. interrogation:: X Y\n   :id: shared-id\n\n   Q.\n"
    pages = {f"p{i}.rst": page.format(10 + i) for i in range(6)}
    project = write_project(tmp_path, {"index.rst": WEEK, **pages})
    (project / "index.rst").write_text(
        WEEK + ".. toctree::\n\n" + "".join(f"   p{i}\n" for i in range(6))
    )
    warnings = build(project, parallel=parallel).warnings
    assert warnings.count("ERROR: duplicate id 'shared-id'") == 5


def test_same_week_number_on_two_pages(tmp_path: Path) -> None:
    project = write_project(
        tmp_path, {"index.rst": WEEK + ".. toctree::\n\n   other\n", "other.rst": WEEK}
    )
    warnings = build(project).warnings
    assert "other.rst:4: ERROR: week 3 is declared twice (also in " in warnings


def test_dangling_reference_warns(tmp_path: Path) -> None:
    warnings = warnings_for(tmp_path, "See :seminar:interrogation:`w03-nobody`.\n")
    assert "index.rst:6: WARNING: " in warnings
    assert "w03-nobody" in warnings


def test_empty_bodies_warn(tmp_path: Path) -> None:
    body = ".. interrogation:: A B\n\n   .. response::\n"
    warnings = warnings_for(tmp_path, body)
    assert "index.rst:6: WARNING: interrogation by A B has no question text" in warnings
    assert "index.rst:8: WARNING: response has no text" in warnings
