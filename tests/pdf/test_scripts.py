"""Every script in the book (LuaLaTeX with the project's Noto fonts): Chinese, Arabic (right to
left), Cyrillic and emoji names and text come out of the PDF as written, in reading order."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest

from tests.helpers import build, write_project
from tests.pdf.conftest import LATEXMKOPTS

NAMES = ["王小明", "سمير خالد", "Иван Петров", "Zoë 🌻 Park"]
SENTENCES = [
    "互助生产能否取代资本主义",  # Chinese
    "هل يمكن تغيير السوق",  # Arabic, right to left
    "Может ли взаимопомощь заменить рынок",  # Cyrillic
    "Peer production 🎉 works 🚀",  # emoji inside Latin text
]
#: the Arabic name, in reading (logical) order
ARABIC_NAME = NAMES[1]

WEEK = """
Week 3: Scripts
===============

.. week:: 3
   :date: 2024-09-19

""" + "\n".join(
    f""".. interrogation:: {name}

   {sentence}

   .. response::

      {sentence}
"""
    for name, sentence in zip(NAMES, SENTENCES, strict=True)
)


def readable(text: str) -> str:
    """Extracted text compared as written: presentation forms folded (NFKC), bidi marks and
    line breaks taken out."""
    folded = unicodedata.normalize("NFKC", text)
    marks = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2069"))
    return " ".join(folded.translate(marks).split())


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = write_project(
        tmp_path_factory.mktemp("scripts") / "src",
        {"index.rst": "Scripts\n=======\n\n.. toctree::\n\n   week03\n", "week03.rst": WEEK},
        conf='latex_engine = "lualatex"\n',
    )
    result = build(source, "latex")
    assert result.warnings == ""
    compiled = subprocess.run(
        ["make", "-C", str(result.outdir), "all-pdf", LATEXMKOPTS], capture_output=True, text=True
    )
    assert compiled.returncode == 0, compiled.stdout[-3000:]
    [pdf] = result.outdir.glob("*.pdf")
    return pdf


def test_every_name_and_sentence_is_in_the_pdf_text(book: Path) -> None:
    text = readable(
        subprocess.run(["pdftotext", str(book), "-"], capture_output=True, text=True).stdout
    )
    for name in NAMES:
        assert readable(name) in text, name
    for sentence in SENTENCES:
        assert readable(sentence) in text, sentence


def test_no_character_is_missing_from_the_fonts(book: Path) -> None:
    log = book.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log


def test_arabic_runs_right_to_left(book: Path) -> None:
    """In the heading "سمير خالد" the first letter (seen) stands right of the last (dal):
    pdftotext's boxes are the glyphs as laid out on the page."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(book), "-"], capture_output=True, text=True, check=True
    ).stdout
    glyphs: list[tuple[str, float, float]] = []  # (text, x, y) in document order
    for line in boxes.splitlines():
        if line.strip().startswith("<word"):
            text = readable(line.rsplit(">", 2)[1].removesuffix("</word"))
            x = float(line.split('xMin="', 1)[1].split('"', 1)[0])
            y = float(line.split('yMin="', 1)[1].split('"', 1)[0])
            glyphs.append((text, x, y))
    first, last = ARABIC_NAME[0], ARABIC_NAME[-1]
    seen = next((x, y) for text, x, y in glyphs if text == first)
    dal = next((x, y) for text, x, y in glyphs if text == last and y == seen[1])
    assert seen[0] > dal[0]
