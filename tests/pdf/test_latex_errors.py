"""When LaTeX itself fails, the failure is named by its source file, line and item, not only by
LaTeX's ``.log``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import build, write_project
from tests.pdf.conftest import LATEXMKOPTS

WEEK = """
Week 1: Broken
==============

.. week:: 1

.. interrogation:: Ada Lovelace

   A first paragraph.

   .. raw:: latex

      \\undefinedseminarcommand

.. interrogation:: Alan Turing

   Fine.
"""


def test_a_latex_failure_names_the_source_line_and_item(tmp_path: Path) -> None:
    source = write_project(
        tmp_path / "src",
        {"index.rst": "Broken\n======\n\n.. toctree::\n\n   w1\n", "w1.rst": WEEK},
        conf="interrogations_allow_raw = True\n",
    )
    result = build(source, "latex")
    assert result.warnings == ""
    compiled = subprocess.run(
        ["make", "-C", str(result.outdir), "all-pdf", LATEXMKOPTS], capture_output=True, text=True
    )
    assert compiled.returncode != 0
    located = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx_interrogations.book.latexlog",
            str(result.outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
    )
    assert located.returncode == 1
    [line] = located.stderr.splitlines()
    assert line.startswith(f"error: {source / 'w1.rst'}:12: in 1.1 Ada Lovelace (w01-ada-lovelace)")
    assert line.endswith("Undefined control sequence.")
    assert "line " in line and "of the LaTeX file" in line


def test_nothing_to_say_after_a_good_run(tmp_path: Path) -> None:
    source = write_project(tmp_path / "src", {"index.rst": "Fine\n====\n\nText.\n"})
    result = build(source, "latex")
    subprocess.run(
        ["make", "-C", str(result.outdir), "all-pdf", LATEXMKOPTS], check=True, capture_output=True
    )
    located = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx_interrogations.book.latexlog",
            str(result.outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
    )
    assert (located.returncode, located.stderr) == (0, "")
