"""A native Moodle course backup (``.mbz``) that restores in Moodle 4.x with named sections.

Independent of Sphinx and of the rest of the exporter (only :mod:`.from_course`, the adapter
from the exporter's course model, imports it): build a :class:`BackupCourse` from
:class:`Section`, :class:`PageActivity` (with :class:`PageFile`) and :class:`UrlActivity`,
link pages with :func:`page_href`, show their files with :func:`file_src`, and call
:func:`write_backup`. Every rule Moodle's restore depends on is checked first; a course that
would restore wrongly raises :class:`BackupError` and nothing is written.
"""

from __future__ import annotations

from .errors import BackupError
from .model import (
    BackupCourse,
    PageActivity,
    PageFile,
    Section,
    UrlActivity,
    file_src,
    page_href,
)
from .writer import backup_files, write_backup

__all__ = [
    "BackupCourse",
    "BackupError",
    "PageActivity",
    "PageFile",
    "Section",
    "UrlActivity",
    "backup_files",
    "file_src",
    "page_href",
    "write_backup",
]
