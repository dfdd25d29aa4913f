"""The writer's own check of a written backup finds each mistake moodle-backup.md warns about."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from sphinx_interrogations_lms.moodle_backup import BackupError, backup_files
from sphinx_interrogations_lms.moodle_backup.output_checks import check_backup
from tests.exporters.moodle_backup.conftest import linked_course

Files = dict[str, bytes]
BLOB = "files/c7/c7a9c45fd419815a5ab1998503a9f03514c0e229"


def replace(path: str, old: str, new: str) -> Callable[[Files], None]:
    def change(files: Files) -> None:
        assert old.encode() in files[path], (path, old)
        files[path] = files[path].replace(old.encode(), new.encode(), 1)

    return change


def remove(path: str) -> Callable[[Files], None]:
    return lambda files: files.pop(path)


MISTAKES = {
    "single-quoted declaration": (
        replace("moodle_backup.xml", '"1.0" encoding="UTF-8"', "'1.0' encoding='UTF-8'"),
        "moodle_backup.xml: its first 200 bytes do not mark it as a Moodle 2 backup",
    ),
    "no activities setting": (
        replace("moodle_backup.xml", "<value>1</value>", "<value>0</value>"),
        "root setting 'activities' is not 1",
    ),
    "missing stub": (remove("questions.xml"), "questions.xml: missing"),
    "missing grades.xml": (
        remove("activities/page_102/grades.xml"),
        "page_102/grades.xml: missing",
    ),
    "missing section.xml": (remove("sections/section_11/section.xml"), "section 11: no sections"),
    "malformed XML": (
        replace("activities/page_101/page.xml", "&lt;h2&gt;", "<h2>"),
        "activities/page_101/page.xml: not well-formed XML",
    ),
    "section number gap": (
        replace("sections/section_12/section.xml", "<number>2</number>", "<number>3</number>"),
        "sections: numbers [0, 1, 3] are not 0, 1, … in order",
    ),
    "section number not a number": (
        replace("sections/section_12/section.xml", "<number>2</number>", "<number>two</number>"),
        "sections/section_12/section.xml: number missing or not an integer",
    ),
    "module in another section": (
        replace("activities/page_103/module.xml", "<sectionid>12", "<sectionid>11"),
        "activities/page_103/module.xml: id, modulename or section differ from the listing",
    ),
    "unlisted section": (
        replace(
            "moodle_backup.xml",
            "<sectionid>12</sectionid>\n          <modulename>",
            "<sectionid>99</sectionid>\n          <modulename>",
        ),
        "activity 103 is in unlisted section 99",
    ),
    "duplicate module id": (
        replace("moodle_backup.xml", "<moduleid>102</moduleid>", "<moduleid>101</moduleid>"),
        "module id 101 listed twice",
    ),
    "shared context": (
        replace("activities/page_102/page.xml", 'contextid="202"', 'contextid="201"'),
        "activities/page_102: contextid '201' not unique",
    ),
    "file not in inforef": (
        remove("activities/page_101/inforef.xml"),
        "files.xml file 1 ('diagram.png'): not listed in the inforef.xml",
    ),
    "file of the wrong context": (
        replace("files.xml", "<contextid>201</contextid>", "<contextid>202</contextid>"),
        "not listed in the inforef.xml of its context's activity",
    ),
    "missing blob": (remove(BLOB), f"no blob {BLOB} with that SHA-1"),
    "wrong hash": (lambda files: files.update({BLOB: b"other"}), "with that SHA-1"),
    "bad file path": (
        replace("files.xml", "<filepath>/</filepath>", "<filepath>img</filepath>"),
        "filepath 'img' or filename invalid",
    ),
    "name too long": (
        replace("activities/page_102/page.xml", "<name>Q2", "<name>" + "x" * 256),
        "activities/page_102/page.xml: name empty or over 255 characters",
    ),
    "tag-like course name": (
        replace(
            "moodle_backup.xml",
            "<original_course_fullname>Seminar",
            "<original_course_fullname>&lt;b&gt;",
        ),
        "course fullname '<b> Interrogations, Fall 2024' empty, over 254 or tag-like",
    ),
    "link to no page": (
        replace("activities/page_103/page.xml", "PAGEVIEWBYID*101", "PAGEVIEWBYID*999"),
        "link placeholder PAGEVIEWBYID*999 names no page of the backup",
    ),
    "no wwwroot for links": (
        replace("moodle_backup.xml", "https://generator.invalid", ""),
        "original_wwwroot empty but content has link placeholders",
    ),
    "image of another page": (
        replace(
            "activities/page_103/page.xml",
            "&lt;p&gt;See",
            '&lt;img src="@@PLUGINFILE@@/diagram.png"&gt;',
        ),
        "@@PLUGINFILE@@/diagram.png is not a file of this page",
    ),
}


def test_the_written_backup_passes():
    check_backup(backup_files(linked_course()))


@pytest.mark.parametrize("case", sorted(MISTAKES))
def test_each_mistake_is_found(case):
    change, message = MISTAKES[case]
    files = backup_files(linked_course())
    change(files)
    with pytest.raises(BackupError, match=re.escape(message)):
        check_backup(files)
