"""``moodle_backup.xml`` (what the backup holds), ``course/course.xml`` and each ``section.xml``.

Moodle names the restored course from ``moodle_backup.xml`` (``original_course_*``), reads
``course.xml`` for its summary, format, language and start date, and each section's name,
number and summary from its ``section.xml`` (moodle-backup.md §3, §5).
"""

from __future__ import annotations

import hashlib

from .layout import COURSE_CONTEXT, COURSE_ID, SYSTEM_CONTEXT, Layout, PlacedSection
from .links import backup_html
from .text import FULL_NAME_LIMIT, LANGUAGE_LIMIT, SHORT_NAME_LIMIT, course_name, cut, plain_name
from .xmldoc import HTML_FORMAT, container, fields, root, serialize

#: Moodle 4.5.0: not newer than any 4.5.x site (a newer one gets a precheck warning)
MOODLE_VERSION = 2024100700
MOODLE_RELEASE = "4.5"
#: where unresolvable links point; must be non-empty when links are encoded
ORIGINAL_WWWROOT = "https://generator.invalid"
#: a fixed site hash: a restore is never taken for one on the same site
SITE_IDENTIFIER_HASH = "5f1c3e0a9b7d4c2e8a6f0b1d3c5e7a9f"
#: backup mode "general" (backup::MODE_GENERAL)
MODE_GENERAL = 10


def full_name(layout: Layout) -> str:
    """The course's full name as written (cut, no tag-like text)."""
    return course_name(layout.course.full_name, FULL_NAME_LIMIT)


def short_name(layout: Layout) -> str:
    """The course's short name as written (cut, no tag-like text)."""
    return course_name(layout.course.short_name, SHORT_NAME_LIMIT)


def start_date(layout: Layout) -> int:
    """The course start (0 for none)."""
    return layout.course.start_date or 0


def moodle_backup_xml(layout: Layout, archive_name: str) -> bytes:
    """``moodle_backup.xml``: versions, the original course, contents and root settings."""
    course = layout.course
    backup = root("moodle_backup")
    information = container(backup, "information")
    fields(
        information,
        {
            "name": archive_name,
            "moodle_version": MOODLE_VERSION,
            "moodle_release": MOODLE_RELEASE,
            "backup_version": MOODLE_VERSION,
            "backup_release": MOODLE_RELEASE,
            "backup_date": course.timestamp,
            "mnet_remoteusers": 0,
            "include_files": 1,
            "include_file_references_to_external_content": 0,
            "original_wwwroot": ORIGINAL_WWWROOT,
            "original_site_identifier_hash": SITE_IDENTIFIER_HASH,
            "original_course_id": COURSE_ID,
            "original_course_format": course.format,
            "original_course_fullname": full_name(layout),
            "original_course_shortname": short_name(layout),
            "original_course_startdate": start_date(layout),
            "original_course_enddate": 0,
            "original_course_contextid": COURSE_CONTEXT,
            "original_system_contextid": SYSTEM_CONTEXT,
        },
    )
    backup_id = hashlib.md5(short_name(layout).encode(), usedforsecurity=False).hexdigest()
    detail = container(container(information, "details"), "detail", backup_id=backup_id)
    fields(
        detail,
        {
            "type": "course",
            "format": "moodle2",
            "interactive": 1,
            "mode": MODE_GENERAL,
            "execution": 1,
            "executiontime": 0,
        },
    )
    contents = container(information, "contents")
    activities = container(contents, "activities")
    for placed in layout.activities:
        fields(
            container(activities, "activity"),
            {
                "moduleid": placed.cmid,
                "sectionid": placed.section_id,
                "modulename": placed.modulename,
                "title": plain_name(placed.activity.name),
                "directory": placed.directory,
            },
        )
    sections = container(contents, "sections")
    for section in layout.sections:
        fields(
            container(sections, "section"),
            {
                "sectionid": section.id,
                "title": plain_name(section.section.name),
                "directory": section.directory,
            },
        )
    fields(
        container(contents, "course"),
        {"courseid": COURSE_ID, "title": short_name(layout), "directory": "course"},
    )
    setting = container(container(information, "settings"), "setting")
    fields(setting, {"level": "root", "name": "activities", "value": 1})
    return serialize(backup)


def course_xml(layout: Layout) -> bytes:
    """``course/course.xml``: names, summary, format, start date and language."""
    course = layout.course
    element = root("course", id=COURSE_ID, contextid=COURSE_CONTEXT)
    fields(
        element,
        {
            "shortname": short_name(layout),
            "fullname": full_name(layout),
            "summary": backup_html(course.summary, layout.page_cmids),
            "summaryformat": HTML_FORMAT,
            "format": course.format,
            "startdate": start_date(layout),
            "enddate": 0,
            "visible": 1,
            "lang": cut(course.language, LANGUAGE_LIMIT),
            "theme": "",
            "defaultgroupingid": 0,
            "timecreated": course.timestamp,
            "timemodified": course.timestamp,
        },
    )
    return serialize(element)


def section_xml(layout: Layout, section: PlacedSection) -> bytes:
    """``sections/section_<id>/section.xml``: number, name, summary and activity sequence."""
    element = root("section", id=section.id)
    fields(
        element,
        {
            "number": section.number,
            "name": plain_name(section.section.name),
            "summary": backup_html(section.section.summary, layout.page_cmids),
            "summaryformat": HTML_FORMAT,
            "sequence": ",".join(str(cmid) for cmid in section.cmids),
            "visible": 1,
            "timemodified": layout.course.timestamp,
        },
    )
    return serialize(element)
