"""The Moodle backup as a further package of the ``moodle`` builder, beside its ``.imscc``."""

from __future__ import annotations

from sphinx_interrogations.identity import package_file

from ..course import Course
from .archive import archive_bytes
from .from_course import backup_course
from .writer import backup_files


class MoodleBackupPackage:
    """``<course>.mbz``: the course as a native Moodle backup (checked before it is made).

    ``page_folder`` is the zip folder the course's pages were rendered for (their image
    ``src`` is relative to it).
    """

    def __init__(self, page_folder: str) -> None:
        self.page_folder = page_folder

    def file_name(self, course: Course) -> str:
        """The backup's file name in the output folder."""
        return package_file(course.slug, "mbz")

    def package_bytes(self, course: Course) -> bytes:
        """The whole ``.mbz``; raises :class:`.BackupError` naming every problem."""
        backup = backup_course(course, self.page_folder)
        return archive_bytes(backup_files(backup, self.file_name(course)), backup.timestamp)
