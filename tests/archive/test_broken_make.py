"""Through the archive's own make targets: after ``make html`` failed on a warning, ``make canvas``
and ``make pdf`` (separate builds sharing ``_build/doctrees``) refuse, naming the stored problem;
once the source is fixed they build."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from tests.conftest import REPO, ROOTS

MAKEFILE = f"""\
VENV := {REPO / ".venv"}
PY := $(VENV)/bin/python
include {REPO / "ext" / "sphinx_interrogations" / "scaffold" / "archive.mk"}
$(VENV)/.installed: ;
"""
UNINDENT = "\n* A list item\nthat runs on unindented.\n"


def make(archive: Path, target: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(["make", "-s", target], cwd=archive, capture_output=True, text=True)
    result.stderr = re.sub(r"\x1b\[[0-9;]*m", "", result.stderr)
    return result


def test_make_canvas_and_pdf_refuse_after_a_failed_make_html(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(ROOTS / "test-hostile", archive / "source")
    (archive / "source" / "conf.py").rename(archive / "conf.py")
    (archive / "Makefile").write_text(MAKEFILE)
    week = archive / "source" / "weeks" / "week02.rst"
    good = week.read_text()
    week.write_text(good + UNINDENT)
    line = week.read_text().splitlines().index("that runs on unindented.") + 1
    problem = f"\n  {week}:{line}: Bullet list ends without a blank line"
    assert make(archive, "html").returncode != 0
    canvas = make(archive, "canvas")
    assert canvas.returncode != 0
    assert "imscc not written: the build reported 1 error(s); fix them and build again:" in (
        canvas.stderr
    )
    assert problem in canvas.stderr
    assert list((archive / "_build" / "canvas").glob("*.imscc")) == []
    pdf = make(archive, "pdf")
    assert pdf.returncode != 0
    assert "Archive error: " in pdf.stderr and problem in pdf.stderr
    assert "Traceback" not in pdf.stderr and "Sphinx" not in pdf.stderr
    assert list((archive / "_build" / "latex").glob("*.tex")) == []
    assert list((archive / "_build" / "latex").glob("*.pdf")) == []  # LaTeX never ran
    week.write_text(good)
    fixed = make(archive, "canvas")
    assert (fixed.returncode, fixed.stderr) == (0, "")
    assert len(list((archive / "_build" / "canvas").glob("*.imscc"))) == 1
    assert make(archive, "latex").returncode == 0
    assert len(list((archive / "_build" / "latex").glob("*.tex"))) == 1
