"""Fixtures of the Moodle backup tests: the guide's minimal course as input, reading a .mbz."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from sphinx_interrogations_lms.moodle_backup import (
    BackupCourse,
    PageActivity,
    PageFile,
    Section,
    UrlActivity,
    file_src,
    page_href,
)
from tests.conftest import SHARED

EXAMPLES = SHARED / "guide" / "examples"
MINIMAL = EXAMPLES / "moodle-backup-minimal"
REFERENCE = EXAMPLES / "moodle-backup-45"
DIAGRAM = MINIMAL / "files" / "c7" / "c7a9c45fd419815a5ab1998503a9f03514c0e229"
START = 1725148800


def example_tree(folder: Path) -> dict[str, bytes]:
    """Path -> content of every file of an unpacked example backup."""
    if not (folder / "moodle_backup.xml").is_file():
        pytest.fail(f"the guide's example backup is missing at {folder}")
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def read_mbz(path: Path) -> dict[str, bytes]:
    """Path -> content of every file entry of a ``.mbz`` (tar.gz)."""
    with tarfile.open(path, "r:gz") as archive:
        return {
            member.name: archive.extractfile(member).read()  # type: ignore[union-attr]
            for member in archive.getmembers()
            if member.isfile()
        }


def minimal_course(**changes: object) -> BackupCourse:
    """The course of the guide's minimal example, as this package's input."""
    diagram = PageFile("diagram.png", DIAGRAM.read_bytes(), "image/png")
    q1 = (
        "<h2>Question</h2><p>Paragraph one.</p>"
        f'<p><img src="{file_src("diagram.png")}" alt="Argument diagram"></p>'
    )
    fields: dict[str, object] = {
        "full_name": "Seminar Interrogations, Fall 2024",
        "short_name": "SEM-2024F",
        "summary": "<p>Weekly student questions with instructor responses.</p>",
        "format": "topics",
        "language": "en",
        "start_date": START,
        "timestamp": START,
        "sections": (
            Section(
                "About this archive",
                "<p>What this archive is.</p>",
                (UrlActivity("Full archive (web)", "https://example.edu/seminar/2024-fall/"),),
            ),
            Section(
                "Week 1: Foundations",
                "",
                (
                    PageActivity(
                        "w01-q01",
                        "Q1 (Alice Example): Is the premise circular?",
                        q1,
                        files=(diagram,),
                    ),
                    PageActivity(
                        "w01-q02",
                        "Q2 (Bob Example): What counts as evidence?",
                        "<h2>Question</h2><p>Second question.</p>",
                    ),
                ),
            ),
            Section(
                "Week 2: Method",
                "",
                (
                    PageActivity(
                        "w02-q03",
                        "Q3 (Carol Example): Is induction justified?",
                        "<p>Third question.</p>",
                    ),
                ),
            ),
        ),
    }
    fields.update(changes)
    return BackupCourse(**fields)  # type: ignore[arg-type]


def linked_course() -> BackupCourse:
    """The minimal course whose Q3 links to Q1 (page) and to Q2's response (anchor)."""
    course = minimal_course()
    week2 = course.sections[2]
    q3 = week2.activities[0]
    content = (
        f'<p>See <a href="{page_href("w01-q01")}">Q1</a> and '
        f'<a href="{page_href("w01-q02", "w01-q02-response")}">the answer to Q2</a>.</p>'
    )
    linked = PageActivity(q3.key, q3.name, content)  # type: ignore[union-attr]
    sections = (*course.sections[:2], Section(week2.name, week2.summary, (linked,)))
    return minimal_course(sections=sections)


@pytest.fixture
def course() -> BackupCourse:
    return minimal_course()
