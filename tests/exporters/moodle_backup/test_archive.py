"""The .mbz file: a tar.gz Moodle recognises, byte-identical on every build."""

from __future__ import annotations

import gzip
import tarfile

from sphinx_interrogations_lms.moodle_backup import backup_files, write_backup
from tests.exporters.moodle_backup.conftest import START, linked_course, minimal_course, read_mbz


def test_rebuild_is_byte_identical(tmp_path):
    first = write_backup(linked_course(), tmp_path / "a" / "course.mbz").read_bytes()
    second = write_backup(linked_course(), tmp_path / "b" / "course.mbz").read_bytes()
    assert first == second


def test_a_changed_course_changes_the_bytes(tmp_path):
    first = write_backup(minimal_course(), tmp_path / "a.mbz").read_bytes()
    second = write_backup(minimal_course(summary="<p>Other.</p>"), tmp_path / "a.mbz").read_bytes()
    assert first != second


def test_gzip_tar_with_fixed_metadata_and_no_top_folder(tmp_path):
    path = write_backup(minimal_course(), tmp_path / "course.mbz")
    data = path.read_bytes()
    assert data[:2] == b"\x1f\x8b"  # how Moodle tells tar.gz from zip
    assert data[4:8] == b"\0\0\0\0" and data[3] & 0x08 == 0  # no time, no file name in gzip
    with tarfile.open(path, "r:gz") as archive:
        members = archive.getmembers()
    names = [member.name for member in members]
    assert names[0] == "moodle_backup.xml" and names[1:] == sorted(names[1:])
    assert all(member.isfile() for member in members)
    assert not any(name.startswith(("/", "./")) or ".." in name for name in names)
    for member in members:
        assert (member.mtime, member.mode, member.uid, member.gid) == (START, 0o644, 0, 0)
        assert (member.uname, member.gname) == ("", "")
    assert gzip.decompress(data)[:17] == b"moodle_backup.xml"


def test_archive_holds_exactly_the_backup_files(tmp_path):
    path = write_backup(minimal_course(), tmp_path / "seminar.mbz")
    assert read_mbz(path) == backup_files(minimal_course(), "seminar.mbz")
