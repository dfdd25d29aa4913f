"""Broken courses are refused with one clear message, and nothing is written."""

from __future__ import annotations

import re

import pytest

from sphinx_interrogations_lms.moodle_backup import (
    BackupError,
    PageActivity,
    PageFile,
    Section,
    UrlActivity,
    file_src,
    write_backup,
)
from tests.exporters.moodle_backup.conftest import minimal_course

PNG = PageFile("a.png", b"png", "image/png")


def with_activities(*activities, summary: str = ""):
    return minimal_course(sections=(Section("Week 1", summary, activities),))


BROKEN = {
    "duplicate key": (
        with_activities(PageActivity("p", "A", "<p>a</p>"), PageActivity("p", "B", "<p>b</p>")),
        "page key 'p' is used by 2 pages",
    ),
    "bad key": (
        with_activities(PageActivity("a b", "A", "<p>a</p>")),
        "page key 'a b' is not made of letters, digits",
    ),
    "missing file": (
        with_activities(
            PageActivity("p", "A", f'<img src="{file_src("gone.png")}">', files=(PNG,))
        ),
        "section 0 ('Week 1'), activity 1 ('A'): content refers to file 'gone.png', "
        "which the page does not have",
    ),
    "broken HTML": (
        with_activities(PageActivity("p", "A", "<p>open\n<em>x</b></p>")),
        "activity 1 ('A'): content is not well-formed HTML: "
        "line 2, column 9: Unexpected end tag : b",
    ),
    "empty name": (
        with_activities(PageActivity("p", "  ", "<p>a</p>")),
        "activity 1 (''): empty name",
    ),
    "relative URL": (
        with_activities(UrlActivity("Web", "archive/index.html")),
        "url 'archive/index.html' is not an absolute http(s) address",
    ),
    "control character": (
        with_activities(PageActivity("p", "A\x01", "<p>a</p>")),
        "name has a character XML cannot hold (U+0001)",
    ),
    "climbing file name": (
        with_activities(PageActivity("p", "A", "<p>a</p>", files=(PageFile("../a.png", b"x"),))),
        "file name '../a.png' is not a relative path Moodle can store",
    ),
    "bad file path": (
        with_activities(PageActivity("p", "A", "<p>a</p>", files=(PageFile("img//a.png", b"x"),))),
        "file name 'img//a.png' is not a relative path",
    ),
    "two files of one name": (
        with_activities(PageActivity("p", "A", "<p>a</p>", files=(PNG, PNG))),
        "2 files named 'a.png'",
    ),
    "file in a summary": (
        with_activities(summary=f'<img src="{file_src("a.png")}">'),
        "section 0 ('Week 1'): summary refers to a file (@@PLUGINFILE@@), only page content may",
    ),
    "file in an intro": (
        with_activities(
            PageActivity("p", "A", "", intro=f'<img src="{file_src("a.png")}">', files=(PNG,))
        ),
        "intro refers to a file (@@PLUGINFILE@@), only page content may",
    ),
    "format": (
        minimal_course(format="social"),
        "course: format 'social' is not one of topics, weeks",
    ),
    "language": (
        minimal_course(language="English"),
        "course: language 'English' is not a Moodle language code",
    ),
    "start date": (
        minimal_course(start_date=-5),
        "course: start date -5 is not a time in seconds since 1970",
    ),
    "empty short name": (minimal_course(short_name=""), "course: empty short name"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_course_is_refused_and_nothing_written(case, tmp_path):
    course, message = BROKEN[case]
    target = tmp_path / "course.mbz"
    target.write_bytes(b"the previous build")
    with pytest.raises(BackupError, match=re.escape(message)) as raised:
        write_backup(course, target)
    assert str(raised.value).startswith("Moodle backup not written: ")
    assert target.read_bytes() == b"the previous build"
    assert list(tmp_path.iterdir()) == [target]


def test_every_problem_is_named_at_once(tmp_path):
    course = with_activities(PageActivity("a b", "", "<p>x</b>"), UrlActivity("W", "ftp:x"))
    with pytest.raises(BackupError) as raised:
        write_backup(course, tmp_path / "course.mbz")
    assert len(raised.value.problems) == 4
    assert "4 problem(s)" in str(raised.value)
