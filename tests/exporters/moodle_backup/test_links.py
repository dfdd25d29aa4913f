"""Links between pages become Moodle's backup link encoding; nothing else looks like one."""

from __future__ import annotations

import pytest
from lxml import etree

from sphinx_interrogations_lms.moodle_backup import (
    BackupError,
    PageActivity,
    Section,
    backup_files,
    page_href,
)
from tests.exporters.moodle_backup.conftest import linked_course, minimal_course


def module_ids(files: dict[str, bytes]) -> dict[str, str]:
    """Activity title -> module id, from moodle_backup.xml."""
    info = etree.fromstring(files["moodle_backup.xml"])
    return {
        entry.findtext("title"): entry.findtext("moduleid")
        for entry in info.iterfind("information/contents/activities/activity")
    }


def content(files: dict[str, bytes], cmid: str) -> str:
    return etree.fromstring(files[f"activities/page_{cmid}/page.xml"]).findtext("page/content")


def test_links_between_pages_name_the_target_module_ids():
    files = backup_files(linked_course())
    ids = module_ids(files)
    q1 = ids["Q1 (Alice Example): Is the premise circular?"]
    q2 = ids["Q2 (Bob Example): What counts as evidence?"]
    q3 = content(files, ids["Q3 (Carol Example): Is induction justified?"])
    hrefs = etree.fromstring(f"<div>{q3}</div>").xpath("//a/@href")
    assert hrefs == [f"$@PAGEVIEWBYID*{q1}@$", f"$@PAGEVIEWBYID*{q2}@$#w01-q02-response"]
    assert "moodle-page:" not in q3


def test_links_in_summaries_are_encoded_too():
    course = minimal_course(summary=f'<p><a href="{page_href("w02-q03")}">Start</a></p>')
    week = course.sections[1]
    summary = f'<a href="{page_href("w01-q01")}">first</a>'
    sections = (
        course.sections[0],
        Section(week.name, summary, week.activities),
        course.sections[2],
    )
    files = backup_files(minimal_course(summary=course.summary, sections=sections))
    ids = module_ids(files)
    course_summary = etree.fromstring(files["course/course.xml"]).findtext("summary")
    assert (
        f"$@PAGEVIEWBYID*{ids['Q3 (Carol Example): Is induction justified?']}@$" in course_summary
    )
    section = etree.fromstring(files["sections/section_11/section.xml"]).findtext("summary")
    q1 = ids["Q1 (Alice Example): Is the premise circular?"]
    assert section == f'<a href="$@PAGEVIEWBYID*{q1}@$">first</a>'


def test_literal_placeholders_in_text_are_defused():
    course = minimal_course()
    week2 = course.sections[2]
    text = "<p>costs $@5, and $@PAGEVIEWBYID*101@$ or $@NULL@$ typed by hand</p>"
    page = PageActivity("w02-q03", "Q3", text)
    files = backup_files(
        minimal_course(sections=(*course.sections[:2], Section(week2.name, "", (page,))))
    )
    stored = content(files, "103")
    assert "$@" not in stored
    assert stored == text.replace("$@", "$&#64;")


def test_a_link_to_a_page_not_in_the_course_is_refused():
    course = minimal_course()
    week2 = course.sections[2]
    page = PageActivity("w02-q03", "Q3", f'<a href="{page_href("w09-q99", "x")}">gone</a>')
    broken = minimal_course(sections=(*course.sections[:2], Section(week2.name, "", (page,))))
    with pytest.raises(
        BackupError, match=r"content links to page 'w09-q99', which is not in the course"
    ):
        backup_files(broken)
