"""While pages are written, the objects alive before are out of the garbage collector's sight
(``gc_freeze``); when the build ends, after an error too, they are collected again."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import pytest

from tests.helpers import build, write_project

WEEK = """
    Week 1
    ======

    .. week:: 1

    .. interrogation:: Ada Lovelace

       A question.
    """

PROBE = '''
"""Notes how many objects are frozen while each page is written (optionally, then fails)."""
import gc

FROZEN = []
FAIL = []


def note(app, pagename, templatename, context, doctree):
    FROZEN.append(gc.get_freeze_count())
    if FAIL:
        raise RuntimeError("the probe fails the build")


def setup(app):
    app.connect("html-page-context", note)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
'''


def project(root: Path) -> Path:
    conf = f'import sys\nsys.path.insert(0, {str(root)!r})\nextensions.append("gc_probe")\n'
    write_project(root, {"index.rst": WEEK}, conf=conf)
    (root / "gc_probe.py").write_text(PROBE)
    return root


@pytest.fixture
def probe():
    sys.modules.pop("gc_probe", None)
    yield lambda: sys.modules["gc_probe"]
    sys.modules.pop("gc_probe", None)


def test_objects_alive_before_writing_are_frozen_while_pages_are_written(
    tmp_path: Path, probe
) -> None:
    assert gc.get_freeze_count() == 0
    result = build(project(tmp_path / "p"))
    assert result.warnings == ""
    frozen = probe().FROZEN
    assert frozen, "no page was written"
    # the application, its environment and the page's doctree were alive when writing began
    assert min(frozen) > 10_000
    assert gc.get_freeze_count() == 0


def test_a_failed_build_unfreezes_them(tmp_path: Path, probe) -> None:
    root = project(tmp_path / "p")
    (root / "gc_probe.py").write_text(PROBE.replace("FAIL = []", "FAIL = [True]"))
    with pytest.raises(Exception, match="probe fails the build"):
        build(root)
    assert probe().FROZEN
    assert gc.get_freeze_count() == 0


READ_PROBE = '''
"""Notes, for each document read, the reading process and how many objects it has frozen."""
import gc
import os

NOTES = {notes!r}


def note(app, doctree):
    with open(NOTES, "a") as notes:
        notes.write(f"{{os.getpid()}} {{gc.get_freeze_count()}}\\n")


def setup(app):
    app.connect("doctree-read", note)
    return {{"parallel_read_safe": True, "parallel_write_safe": True}}
'''


def test_forked_readers_freeze_what_they_inherit(tmp_path: Path) -> None:
    """Sphinx reads more than five sources in forked readers; nothing is frozen in the main
    process while reading, so what a reader has frozen it froze as it started."""
    root = tmp_path / "p"
    weeks = {
        f"week{n}.rst": WEEK.replace("Week 1\n    ======", f"Week {n}\n    ======")
        .replace(".. week:: 1", f".. week:: {n}")
        .replace("Ada Lovelace", f"Student {n}")
        for n in range(1, 8)
    }
    toctree = "\n".join(f"       week{n}" for n in range(1, 8))
    weeks["index.rst"] = f"""
    Archive
    =======

    .. toctree::

{toctree}
    """
    notes = tmp_path / "notes.txt"
    conf = f"import sys\nsys.path.insert(0, {str(root)!r})\nextensions.append('read_probe')\n"
    write_project(root, weeks, conf=conf)
    (root / "read_probe.py").write_text(READ_PROBE.format(notes=str(notes)))
    sys.modules.pop("read_probe", None)
    result = build(root, parallel=2)
    sys.modules.pop("read_probe", None)
    assert result.warnings == ""
    readers = [line.split() for line in notes.read_text().splitlines()]
    assert len(readers) == 8
    assert all(int(pid) != os.getpid() for pid, _ in readers), "not read in forked readers"
    assert all(int(frozen) > 10_000 for _, frozen in readers)
