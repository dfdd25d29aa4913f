"""Deterministic zip writing: same files in, byte-identical ``.imscc`` out."""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath

MANIFEST = "imsmanifest.xml"
#: the earliest timestamp a zip can hold, used for every entry
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = 0o100644
_UNIX = 3


class UnsafePathError(ValueError):
    """A package path that is absolute, climbs with ``..`` or is otherwise not a plain file path."""


def _unsafe_part(part: str) -> bool:
    """Empty, ``.``/``..``, or a name Windows would change (leading space, trailing dot/space)."""
    return not part or part[0] == " " or part[-1] in ". "


def check_zip_path(path: str) -> str:
    """Return ``path`` if it is a safe relative POSIX path inside a package, else raise.

    Refused: absolute paths, ``..``, backslashes, drive letters (any ``:``), control and other
    invisible characters (NUL, newlines, bidi overrides), and parts Windows would rename.
    """
    parts = PurePosixPath(path).parts
    if (
        not path
        or path.startswith("/")
        or "\\" in path
        or ":" in path
        or not path.isprintable()
        or any(_unsafe_part(part) for part in parts)
        or path != "/".join(parts)
    ):
        raise UnsafePathError(f"unsafe path in package: {path!r}")
    return path


def entry_order(paths: Iterable[str]) -> list[str]:
    """The manifest first, then every other path in sorted order."""
    return sorted(paths, key=lambda path: (path != MANIFEST, path))


def _add_entry(archive: zipfile.ZipFile, path: str, data: bytes) -> None:
    """Add one file with fixed timestamp, permissions and creator system."""
    info = zipfile.ZipInfo(check_zip_path(path), date_time=ZIP_EPOCH)
    info.external_attr = _FILE_MODE << 16
    info.create_system = _UNIX
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data, compresslevel=9)


def write_package(target: Path, files: Mapping[str, bytes]) -> Path:
    """Write ``files`` (zip path -> content) to ``target`` atomically; return ``target``.

    ``imsmanifest.xml`` must be among them; no directory entries are written.
    """
    if MANIFEST not in files:
        raise ValueError(f"a cartridge needs {MANIFEST} at its root")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream, zipfile.ZipFile(stream, "w") as archive:
            for path in entry_order(files):
                _add_entry(archive, path, files[path])
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
