"""Every id of the backup, given from the course order: same course, same ids, same bytes.

Moodle remaps every id on restore, so they only have to be unique and consistent. The scheme is
the one of the guide's minimal example: section ``n`` has id ``10 + n``; activities are numbered
100, 101, … through the course (module id), each with its own context ``module id + 100``;
instances are numbered per module from 1, files from 1 in course order.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

from .model import Activity, BackupCourse, PageActivity, PageFile, Section

COURSE_ID = 1
SYSTEM_CONTEXT = 1
COURSE_CONTEXT = 2
FIRST_SECTION_ID = 10
FIRST_MODULE_ID = 100
#: an activity's context id is its module id + this (above the course and system contexts)
CONTEXT_OFFSET = 100


def module_name(activity: Activity) -> str:
    """Moodle's module name of ``activity``: ``page`` or ``url``."""
    return "page" if isinstance(activity, PageActivity) else "url"


@dataclass(frozen=True, slots=True)
class PlacedFile:
    """A page file in the backup: ``files.xml`` entry ``id`` and blob ``contenthash``."""

    id: int
    contextid: int
    filepath: str
    filename: str
    file: PageFile

    @property
    def contenthash(self) -> str:
        """Lowercase hex SHA-1 of the content, as Moodle names its blobs."""
        return hashlib.sha1(self.file.content).hexdigest()

    @property
    def blob_path(self) -> str:
        """Path of the content in the backup: ``files/<hh>/<contenthash>``."""
        return f"files/{self.contenthash[:2]}/{self.contenthash}"


@dataclass(frozen=True, slots=True)
class PlacedActivity:
    """An activity with its module id, instance id, context and section."""

    cmid: int
    instance: int
    contextid: int
    section_id: int
    section_number: int
    activity: Activity
    files: tuple[PlacedFile, ...] = ()

    @property
    def modulename(self) -> str:
        """Moodle's module name: ``page`` or ``url``."""
        return module_name(self.activity)

    @property
    def directory(self) -> str:
        """The activity's folder: ``activities/<modulename>_<module id>``."""
        return f"activities/{self.modulename}_{self.cmid}"


@dataclass(frozen=True, slots=True)
class PlacedSection:
    """A section with its id, number and the module ids of its activities in order."""

    id: int
    number: int
    section: Section
    cmids: tuple[int, ...]

    @property
    def directory(self) -> str:
        """The section's folder: ``sections/section_<id>``."""
        return f"sections/section_{self.id}"


@dataclass(frozen=True, slots=True)
class Layout:
    """The course with every id given: sections, activities in course order, page module ids."""

    course: BackupCourse
    sections: tuple[PlacedSection, ...]
    activities: tuple[PlacedActivity, ...]
    #: page key -> module id (the first page of a key, if two share one: see the checks)
    page_cmids: Mapping[str, int]

    @property
    def files(self) -> tuple[PlacedFile, ...]:
        """Every page file, in order of their ids."""
        return tuple(file for placed in self.activities for file in placed.files)


def split_name(name: str) -> tuple[str, str]:
    """Moodle's ``filepath`` (``/`` or ``/img/``) and ``filename`` of a page file ``name``."""
    folder, filename = posixpath.split(name)
    return (f"/{folder}/" if folder else "/"), filename


def lay_out(course: BackupCourse) -> Layout:
    """Give every section, activity and file of ``course`` its ids."""
    sections: list[PlacedSection] = []
    activities: list[PlacedActivity] = []
    instances = {"page": 0, "url": 0}
    file_id = 0
    for number, section in enumerate(course.sections):
        section_id = FIRST_SECTION_ID + number
        cmids = []
        for activity in section.activities:
            cmid = FIRST_MODULE_ID + len(activities)
            contextid = cmid + CONTEXT_OFFSET
            files = []
            for file in activity.files if isinstance(activity, PageActivity) else ():
                file_id += 1
                filepath, filename = split_name(file.name)
                files.append(PlacedFile(file_id, contextid, filepath, filename, file))
            modulename = module_name(activity)
            instances[modulename] += 1
            activities.append(
                PlacedActivity(
                    cmid,
                    instances[modulename],
                    contextid,
                    section_id,
                    number,
                    activity,
                    tuple(files),
                )
            )
            cmids.append(cmid)
        sections.append(PlacedSection(section_id, number, section, tuple(cmids)))
    page_cmids: dict[str, int] = {}
    for placed in activities:
        if isinstance(placed.activity, PageActivity):
            page_cmids.setdefault(placed.activity.key, placed.cmid)
    return Layout(course, tuple(sections), tuple(activities), page_cmids)
