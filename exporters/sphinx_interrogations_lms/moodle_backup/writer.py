"""A course becomes a Moodle backup: check it, lay it out, write every file, check, archive.

Nothing is written when a check fails: :func:`write_backup` raises :class:`.BackupError` and
leaves ``path`` as it was.
"""

from __future__ import annotations

from pathlib import Path

from .activity_xml import activity_xml, files_xml, inforef_xml, module_xml
from .archive import archive_bytes, write_atomically
from .course_xml import course_xml, moodle_backup_xml, section_xml
from .input_checks import check_course
from .layout import lay_out
from .model import BackupCourse
from .output_checks import check_backup
from .xmldoc import ACTIVITY_STUBS, STUBS, stub


def backup_files(course: BackupCourse, archive_name: str = "backup.mbz") -> dict[str, bytes]:
    """Every file of the backup of ``course`` (path -> bytes), checked."""
    check_course(course)
    layout = lay_out(course)
    files = {
        "moodle_backup.xml": moodle_backup_xml(layout, archive_name),
        "course/course.xml": course_xml(layout),
        "files.xml": files_xml(layout),
        **{path: stub(tag) for path, tag in STUBS.items()},
    }
    for section in layout.sections:
        files[f"{section.directory}/section.xml"] = section_xml(layout, section)
    for placed in layout.activities:
        folder = placed.directory
        files[f"{folder}/module.xml"] = module_xml(placed)
        files[f"{folder}/{placed.modulename}.xml"] = activity_xml(layout, placed)
        files.update({f"{folder}/{name}": stub(tag) for name, tag in ACTIVITY_STUBS.items()})
        if placed.files:
            files[f"{folder}/inforef.xml"] = inforef_xml(placed)
        for file in placed.files:
            files[file.blob_path] = file.file.content
    check_backup(files)
    return files


def write_backup(course: BackupCourse, path: Path | str) -> Path:
    """Write the ``.mbz`` of ``course`` to ``path`` (tar.gz) and return ``path``."""
    path = Path(path)
    files = backup_files(course, path.name)
    write_atomically(path, archive_bytes(files, course.timestamp))
    return path
