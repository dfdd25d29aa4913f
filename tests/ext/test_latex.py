"""LaTeX output and a real PDF: framed boxes, hypertargets, bookmarks, text."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import build, copy_root


@pytest.fixture(scope="module")
def latex_dir(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = build(copy_root(rootdir, "basic", tmp_path_factory.mktemp("latex") / "src"), "latex")
    assert result.warnings == ""
    return result.outdir


def test_boxes_and_targets_in_tex(latex_dir: Path) -> None:
    tex = (latex_dir / "testseminar.tex").read_text()
    assert r"\usepackage{sphinxseminar}" in tex
    assert (latex_dir / "sphinxseminar.sty").is_file()
    assert tex.count(r"\begin{sphinxseminarinterrogation}") == 5
    assert tex.count(r"\begin{sphinxseminarresponse}") == 4
    assert re.search(r"\\label\{\\detokenize\{weeks/week01:w01-ada-lovelace\}\}", tex)
    assert r"\sphinxseminarbookmark{1}{1.1 Ada Lovelace}" in tex
    assert "Zoë O’Brien" in tex  # smartquotes is on in this root


def test_pdf_compiles_with_bookmarks(latex_dir: Path) -> None:
    subprocess.run(
        ["make", "all-pdf", "LATEXMKOPTS=-interaction=nonstopmode -halt-on-error -quiet"],
        cwd=latex_dir,
        check=True,
        capture_output=True,
    )
    pdf = latex_dir / "testseminar.pdf"
    reader = PdfReader(pdf)

    def titles(outline: list, depth: int = 0) -> list[tuple[int, str]]:
        found = []
        for entry in outline:
            if isinstance(entry, list):
                found += titles(entry, depth + 1)
            else:
                found.append((depth, entry.title))
        return found

    outline = titles(reader.outline)
    assert (0, "Week 1: Foundations") in outline
    assert (1, "1.1 Ada Lovelace") in outline
    assert (2, "1.1.1 Prof. Example") in outline
    assert (1, "2.1 Zoë O'Brien") in outline
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for name in ("Ada Lovelace", "Alan Turing", "José Núñez"):
        assert name in text
    assert "It can only do what we order it to perform." in text
