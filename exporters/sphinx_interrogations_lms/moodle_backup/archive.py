"""The ``.mbz`` file: a gzip-compressed tar of the backup's files, byte for byte reproducible.

What Moodle 4.5 writes (and recognises by the gzip magic): ``moodle_backup.xml`` at the root,
no top-level folder. Entries are sorted (``moodle_backup.xml`` first), carry one fixed time,
owner 0 and mode 0644; the gzip header holds no name and time 0.
"""

from __future__ import annotations

import gzip
import io
import os
import tarfile
import tempfile
from collections.abc import Mapping
from pathlib import Path

MAIN_FILE = "moodle_backup.xml"
#: zlib's default level: level 9 takes twice as long for 1% less
COMPRESSION = 6


def entry_order(paths: list[str]) -> list[str]:
    """``moodle_backup.xml`` first, then every other path sorted."""
    return sorted(paths, key=lambda path: (path != MAIN_FILE, path))


def archive_bytes(files: Mapping[str, bytes], mtime: int) -> bytes:
    """The tar.gz of ``files`` (path -> content), every entry dated ``mtime``."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for path in entry_order(list(files)):
            info = tarfile.TarInfo(path)
            info.size, info.mtime, info.mode = len(files[path]), mtime, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(files[path]))
    return gzip.compress(buffer.getvalue(), compresslevel=COMPRESSION, mtime=0)


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file: never a half-written archive."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
