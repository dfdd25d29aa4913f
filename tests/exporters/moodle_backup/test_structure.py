"""Every XML file of a written .mbz, read back against the structure moodle-backup.md describes."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import etree

from sphinx_interrogations_lms.moodle_backup import (
    BackupCourse,
    PageActivity,
    PageFile,
    Section,
    UrlActivity,
    file_src,
    page_href,
    write_backup,
)
from tests.exporters.moodle_backup.conftest import DIAGRAM, read_mbz

PHOTO = b"\x89PNG\r\n\x1a\n photo bytes"


def structured_course() -> BackupCourse:
    """Three sections; an image shared by two pages; a file in a subfolder, non-ASCII name."""
    diagram = PageFile("diagram.png", DIAGRAM.read_bytes(), "image/png")
    photo = PageFile("img/Diagramm ä 1.png", PHOTO, "image/png")
    return BackupCourse(
        full_name="Structure",
        short_name="STRUCT",
        format="weeks",
        sections=(
            Section("About", "<p>About.</p>", (UrlActivity("Web", "https://example.edu/"),)),
            Section(
                "Week 1",
                "<p>One.</p>",
                (
                    PageActivity(
                        "a",
                        "A",
                        f'<img src="{file_src("diagram.png")}" alt="">'
                        f'<img src="{file_src(photo.name)}" alt="">',
                        files=(diagram, photo),
                    ),
                    PageActivity("b", "B", f'<a href="{page_href("a")}">A</a>'),
                ),
            ),
            Section(
                "Week 2",
                "",
                (
                    PageActivity(
                        "c", "C", f'<img src="{file_src("diagram.png")}" alt="">', files=(diagram,)
                    ),
                    UrlActivity("Elsewhere", "https://example.org/x?a=1&b=2"),
                ),
            ),
        ),
    )


@pytest.fixture(scope="module")
def backup(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    path = write_backup(structured_course(), tmp_path_factory.mktemp("mbz") / "s.mbz")
    return read_mbz(Path(path))


def xml(backup: dict[str, bytes], path: str) -> etree._Element:
    return etree.fromstring(backup[path])


def test_every_xml_file_parses_and_declares_utf8_in_double_quotes(backup):
    xml_files = [path for path in backup if path.endswith(".xml")]
    assert len(xml_files) == 9 + 3 + 5 * 4 + 2  # top level, sections, activities, inforefs
    for path in xml_files:
        assert backup[path].startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n'), path
        etree.fromstring(backup[path])
    head = backup["moodle_backup.xml"][:200]
    assert b"<moodle_backup>" in head and b"<information>" in head


def test_sections_ids_numbers_and_sequences(backup):
    info = xml(backup, "moodle_backup.xml").find("information")
    listed = info.findall("contents/sections/section")
    ids = [entry.findtext("sectionid") for entry in listed]
    assert len(set(ids)) == 3
    activities = info.findall("contents/activities/activity")
    for number, entry in enumerate(listed):
        sid = entry.findtext("sectionid")
        assert entry.findtext("directory") == f"sections/section_{sid}"
        section = xml(backup, f"sections/section_{sid}/section.xml")
        assert section.get("id") == sid
        assert section.findtext("number") == str(number)
        assert (
            section.findtext("name")
            == entry.findtext("title")
            == ["About", "Week 1", "Week 2"][number]
        )
        in_order = [a.findtext("moduleid") for a in activities if a.findtext("sectionid") == sid]
        assert section.findtext("sequence") == ",".join(in_order)
        assert section.findtext("summaryformat") == "1" and section.findtext("visible") == "1"


def test_modules_ids_placement_and_contexts(backup):
    info = xml(backup, "moodle_backup.xml").find("information")
    numbers = {
        entry.findtext("sectionid"): str(index)
        for index, entry in enumerate(info.findall("contents/sections/section"))
    }
    activities = info.findall("contents/activities/activity")
    cmids = [entry.findtext("moduleid") for entry in activities]
    assert len(set(cmids)) == len(cmids) == 5
    contexts = set()
    for entry in activities:
        cmid, modname, sid = (
            entry.findtext(tag) for tag in ("moduleid", "modulename", "sectionid")
        )
        folder = f"activities/{modname}_{cmid}"
        assert entry.findtext("directory") == folder
        module = xml(backup, f"{folder}/module.xml")
        assert (module.get("id"), module.findtext("modulename")) == (cmid, modname)
        assert module.findtext("sectionid") == sid
        assert module.findtext("sectionnumber") == numbers[sid]
        assert module.findtext("completionexpected") == "0"
        activity = xml(backup, f"{folder}/{modname}.xml")
        assert (activity.get("moduleid"), activity.get("modulename")) == (cmid, modname)
        assert activity.find(modname).findtext("name") == entry.findtext("title")
        contexts.add(activity.get("contextid"))
        for stub in ("roles.xml", "grades.xml"):
            etree.fromstring(backup[f"{folder}/{stub}"])
    assert len(contexts) == 5 and not contexts & {"1", "2"}
    url = xml(backup, "activities/url_104/url.xml")
    assert url.findtext("url/externalurl") == "https://example.org/x?a=1&b=2"


def test_files_inforef_blobs_and_hashes(backup):
    contexts = {}
    for path in backup:
        if re.fullmatch(r"activities/\w+_\d+/(page|url)\.xml", path):
            contexts[xml(backup, path).get("contextid")] = path.rsplit("/", 1)[0]
    files = xml(backup, "files.xml").findall("file")
    assert len(files) == 3
    ids = [entry.get("id") for entry in files]
    assert len(set(ids)) == 3
    inforefs = {
        folder: [
            ref.text for ref in xml(backup, f"{folder}/inforef.xml").iterfind("fileref/file/id")
        ]
        for folder in contexts.values()
        if f"{folder}/inforef.xml" in backup
    }
    assert sorted(i for refs in inforefs.values() for i in refs) == sorted(ids)
    stored = set()
    for entry in files:
        folder = contexts[entry.findtext("contextid")]
        assert entry.get("id") in inforefs[folder]
        digest = entry.findtext("contenthash")
        blob = backup[f"files/{digest[:2]}/{digest}"]
        assert hashlib.sha1(blob).hexdigest() == digest
        assert entry.findtext("filesize") == str(len(blob))
        assert entry.findtext("filepath").startswith("/") and entry.findtext("filepath").endswith(
            "/"
        )
        assert (entry.findtext("component"), entry.findtext("filearea")) == ("mod_page", "content")
        stored.add((folder, entry.findtext("filepath") + entry.findtext("filename")))
    blobs = [path for path in backup if path.startswith("files/")]
    assert len(blobs) == 2  # one image shown by two pages: one blob, two entries
    assert ("activities/page_101", "/img/Diagramm ä 1.png") in stored
    for folder in {folder for folder, _ in stored}:
        content = xml(backup, f"{folder}/page.xml").findtext("page/content")
        for name in re.findall(r"@@PLUGINFILE@@(/[^\"]+)", content):
            assert (folder, unquote(name)) in stored


def test_course_names_format_and_settings(backup):
    info = xml(backup, "moodle_backup.xml").find("information")
    assert info.findtext("original_course_fullname") == "Structure"
    assert info.findtext("original_course_shortname") == "STRUCT"
    assert info.findtext("original_course_format") == "weeks"
    assert info.findtext("details/detail/type") == "course"
    assert info.findtext("original_wwwroot")
    settings = {s.findtext("name"): s.findtext("value") for s in info.iterfind("settings/setting")}
    assert settings["activities"] == "1"
    course = xml(backup, "course/course.xml")
    assert (course.findtext("format"), course.findtext("startdate")) == ("weeks", "0")
