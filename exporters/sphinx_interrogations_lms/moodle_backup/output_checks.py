"""The written backup read back against every rule of moodle-backup.md, before it is archived.

:func:`check_backup` parses the files (path -> bytes) as Moodle's restore would and raises one
:class:`.BackupError` naming each problem with the file it is in: a missing or malformed file,
an id that is not unique, a section number, a module placed in an unlisted section, a file not
listed in its activity's ``inforef.xml``, a missing blob or a wrong content hash, a field over
its limit, a link to a page that is not in the backup.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from urllib.parse import unquote

from lxml import etree

from .errors import BackupError
from .layout import COURSE_CONTEXT, SYSTEM_CONTEXT
from .links import referenced_files
from .text import FULL_NAME_LIMIT, NAME_LIMIT, SHORT_NAME_LIMIT
from .xmldoc import ACTIVITY_STUBS, STUBS

EMPTY_HASH = hashlib.sha1(b"").hexdigest()
DETECTION = (b'<?xml version="1.0" encoding="UTF-8"?>', b"<moodle_backup>", b"<information>")
_PLACEHOLDER = re.compile(r"\$@([A-Z]+)\*(\d+)@\$")
_TAG_LIKE = re.compile(r"<\S")


class _Reader:
    """The backup's files, parsed on demand; collects the problems found."""

    def __init__(self, files: Mapping[str, bytes]) -> None:
        self.files = files
        self.problems: list[str] = []
        self.parsed: dict[str, etree._Element | None] = {}

    def parse(self, path: str) -> etree._Element | None:
        """The root element of ``path``; None (a problem noted once) if missing or malformed."""
        if path not in self.parsed:
            self.parsed[path] = self._parse(path)
        return self.parsed[path]

    def _parse(self, path: str) -> etree._Element | None:
        if path not in self.files:
            self.problems.append(f"{path}: missing")
            return None
        try:
            return etree.fromstring(self.files[path])
        except etree.XMLSyntaxError as error:
            self.problems.append(f"{path}: not well-formed XML: {error}")
            return None

    def problem(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")


def _text(element: etree._Element, path: str) -> str:
    return element.findtext(path) or ""


def _duplicates(values: list[str]) -> list[str]:
    return sorted(value for value, count in Counter(values).items() if count > 1)


def _check_detection(reader: _Reader) -> None:
    head = reader.files.get("moodle_backup.xml", b"")[:200]
    if not all(marker in head for marker in DETECTION):
        reader.problem(
            "moodle_backup.xml", "its first 200 bytes do not mark it as a Moodle 2 backup"
        )


def _check_course(reader: _Reader, backup: etree._Element) -> None:
    info = "moodle_backup.xml"
    for field, limit in (("fullname", FULL_NAME_LIMIT), ("shortname", SHORT_NAME_LIMIT)):
        name = _text(backup, f"information/original_course_{field}")
        if not name or len(name) > limit or _TAG_LIKE.search(name):
            reader.problem(info, f"course {field} {name!r} empty, over {limit} or tag-like")
    for field in ("original_course_id", "original_course_startdate", "original_course_contextid"):
        if not _text(backup, f"information/{field}").isdigit():
            reader.problem(info, f"{field} is not an integer")
    if _text(backup, "information/details/detail/type") != "course":
        reader.problem(info, "detail type is not 'course'")
    settings = {
        _text(setting, "name"): _text(setting, "value")
        for setting in backup.iterfind("information/settings/setting")
        if _text(setting, "level") == "root"
    }
    if settings.get("activities") != "1":
        reader.problem(info, "root setting 'activities' is not 1: every activity would be dropped")
    course = reader.parse("course/course.xml")
    if course is not None and not _text(course, "startdate").isdigit():
        reader.problem("course/course.xml", "startdate is not an integer")


def _check_sections(reader: _Reader, backup: etree._Element) -> dict[str, int]:
    """Check the listed sections; return section id -> number."""
    numbers: dict[str, int] = {}
    listed = backup.findall("information/contents/sections/section")
    for duplicate in _duplicates([_text(entry, "sectionid") for entry in listed]):
        reader.problem("moodle_backup.xml", f"section id {duplicate} listed twice")
    for entry in listed:
        sid, directory = _text(entry, "sectionid"), _text(entry, "directory")
        path = f"{directory}/section.xml"
        if directory != f"sections/section_{sid}" or (section := reader.parse(path)) is None:
            reader.problem("moodle_backup.xml", f"section {sid}: no {path}")
            continue
        if section.get("id") != sid:
            reader.problem(path, f"id {section.get('id')!r} is not the listed {sid}")
        for field in ("number", "summaryformat", "visible"):
            if not _text(section, field).isdigit():
                reader.problem(path, f"{field} missing or not an integer")
        if len(_text(section, "name")) > NAME_LIMIT:
            reader.problem(path, f"name over {NAME_LIMIT} characters")
        number = _text(section, "number")
        numbers[sid] = int(number) if number.isdigit() else -1
    if sorted(numbers.values()) != list(range(len(numbers))):
        reader.problem("sections", f"numbers {sorted(numbers.values())} are not 0, 1, … in order")
    return numbers


def _check_activity(reader: _Reader, entry: etree._Element, numbers: dict[str, int]) -> str:
    """Check one listed activity; return its ``<activity contextid>`` ("" if unreadable)."""
    cmid, modname = _text(entry, "moduleid"), _text(entry, "modulename")
    sid, directory = _text(entry, "sectionid"), _text(entry, "directory")
    if directory != f"activities/{modname}_{cmid}" or not cmid.isdigit():
        reader.problem("moodle_backup.xml", f"activity {cmid}: directory {directory!r}")
        return ""
    if sid not in numbers:
        reader.problem("moodle_backup.xml", f"activity {cmid} is in unlisted section {sid}")
    for stub in ACTIVITY_STUBS:
        reader.parse(f"{directory}/{stub}")
    module, activity = (
        reader.parse(f"{directory}/module.xml"),
        reader.parse(f"{directory}/{modname}.xml"),
    )
    if module is not None:
        placed = (module.get("id"), _text(module, "modulename"), _text(module, "sectionid"))
        if placed != (cmid, modname, sid) or _text(module, "sectionnumber") != str(
            numbers.get(sid)
        ):
            reader.problem(
                f"{directory}/module.xml", "id, modulename or section differ from the listing"
            )
        if not _text(module, "completionexpected").isdigit():
            reader.problem(f"{directory}/module.xml", "completionexpected missing")
    if activity is None:
        return ""
    path = f"{directory}/{modname}.xml"
    if activity.get("moduleid") != cmid or not activity.get("id", "").isdigit():
        reader.problem(path, "moduleid or id differ from the listing")
    name = _text(activity, f"{modname}/name")
    if not name or len(name) > NAME_LIMIT:
        reader.problem(path, f"name empty or over {NAME_LIMIT} characters")
    if modname == "url" and not _text(activity, "url/externalurl"):
        reader.problem(path, "externalurl missing")
    return activity.get("contextid", "")


def _check_files(reader: _Reader, contexts: dict[str, str]) -> None:
    """files.xml against the blobs and each activity's inforef.xml (``contexts``: ctx -> dir)."""
    files = reader.parse("files.xml")
    if files is None:
        return
    entries = files.findall("file")
    for duplicate in _duplicates([entry.get("id", "") for entry in entries]):
        reader.problem("files.xml", f"file id {duplicate} used twice")
    referenced: dict[str, set[str]] = {}
    for directory in contexts.values():
        if f"{directory}/inforef.xml" in reader.files:
            inforef = reader.parse(f"{directory}/inforef.xml")
            ids = (
                {_text(ref, "id") for ref in inforef.iterfind("fileref/file")}
                if inforef is not None
                else set()
            )
            referenced[directory] = ids
    known = {entry.get("id", "") for entry in entries}
    for directory, ids in referenced.items():
        for missing in sorted(ids - known):
            reader.problem(f"{directory}/inforef.xml", f"file id {missing} not in files.xml")
    for entry in entries:
        fid, digest = entry.get("id", ""), _text(entry, "contenthash")
        where = f"files.xml file {fid} ({_text(entry, 'filename')!r})"
        directory = contexts.get(_text(entry, "contextid"))
        if not fid.isdigit():
            reader.problem(where, "id is not a positive integer")
        if directory is None or fid not in referenced.get(directory, set()):
            reader.problem(where, "not listed in the inforef.xml of its context's activity")
        filepath = _text(entry, "filepath")
        if not (filepath.startswith("/") and filepath.endswith("/")) or not _text(
            entry, "filename"
        ):
            reader.problem(where, f"filepath {filepath!r} or filename invalid")
        if _text(entry, "itemid") == "" or not _text(entry, "component"):
            reader.problem(where, "itemid or component missing")
        blob = f"files/{digest[:2]}/{digest}"
        if digest != EMPTY_HASH and (
            blob not in reader.files or hashlib.sha1(reader.files[blob]).hexdigest() != digest
        ):
            reader.problem(where, f"no blob {blob} with that SHA-1")


def _check_content(reader: _Reader, backup: etree._Element, contexts: dict[str, str]) -> None:
    """Link placeholders name listed pages; @@PLUGINFILE@@ names a file of the page."""
    pages = {
        _text(entry, "moduleid")
        for entry in backup.iterfind("information/contents/activities/activity")
        if _text(entry, "modulename") == "page"
    }
    files = reader.parse("files.xml")
    stored = {
        (_text(entry, "contextid"), _text(entry, "filepath") + _text(entry, "filename"))
        for entry in (files.iterfind("file") if files is not None else ())
    }
    for path, data in sorted(reader.files.items()):
        if not path.endswith(".xml") or (b"$@" not in data and b"@@PLUGINFILE@@" not in data):
            continue
        text = data.decode("utf-8", "replace")
        for kind, number in _PLACEHOLDER.findall(text):
            if kind != "PAGEVIEWBYID" or number not in pages:
                reader.problem(
                    path, f"link placeholder {kind}*{number} names no page of the backup"
                )
        element = reader.parse(path)
        if path.endswith("/page.xml") and element is not None:
            context = element.get("contextid", "")
            for name in referenced_files(_text(element, "page/content")):
                if (context, "/" + unquote(name)) not in stored:
                    reader.problem(path, f"@@PLUGINFILE@@/{name} is not a file of this page")
    wwwroot = _text(backup, "information/original_wwwroot")
    if not wwwroot and any(b"$@" in data for data in reader.files.values()):
        reader.problem(
            "moodle_backup.xml", "original_wwwroot empty but content has link placeholders"
        )


def check_backup(files: Mapping[str, bytes]) -> None:
    """Raise :class:`.BackupError` naming every problem of the backup ``files``, if any."""
    reader = _Reader(files)
    _check_detection(reader)
    for path in ("files.xml", *STUBS):
        reader.parse(path)
    backup = reader.parse("moodle_backup.xml")
    if backup is not None:
        _check_course(reader, backup)
        numbers = _check_sections(reader, backup)
        listed = backup.findall("information/contents/activities/activity")
        for duplicate in _duplicates([_text(entry, "moduleid") for entry in listed]):
            reader.problem("moodle_backup.xml", f"module id {duplicate} listed twice")
        contexts: dict[str, str] = {}
        for entry in listed:
            context = _check_activity(reader, entry, numbers)
            if context in contexts or context in ("", str(COURSE_CONTEXT), str(SYSTEM_CONTEXT)):
                reader.problem(_text(entry, "directory"), f"contextid {context!r} not unique")
            contexts[context] = _text(entry, "directory")
        _check_files(reader, contexts)
        _check_content(reader, backup, contexts)
    if reader.problems:
        raise BackupError(list(dict.fromkeys(reader.problems)))
