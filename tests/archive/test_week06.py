"""The archive itself: Week 6 holds the seed's 12 interrogations and 12 responses, every
sentence of the seed is in the HTML, and the PDF names every student."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.conftest import SEED_STUDENTS as STUDENTS
from tests.helpers import Build, build_archive, ids_of, parse_html


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_archive(tmp_path_factory.mktemp("archive"), "html")


def seed_sentences() -> list[str]:
    """Sentences of the seed with its Markdown and structural markers taken out."""
    text = SEED.read_text(encoding="utf-8")
    text = re.sub(r"^#+ .*$|^---$", "", text, flags=re.M)
    text = text.replace("**", "").replace("*", "").replace("[EOW:", "")
    # the page breaks the importer repairs: a paragraph split mid-sentence
    text = re.sub(r"(\w)\n\n+(?=[a-z(])", r"\1 ", text)
    sentences = []
    for paragraph in re.split(r"\n\s*\n", text):
        flat = " ".join(paragraph.split()).strip(" ]")
        sentences += [s.strip(" ]") for s in re.split(r"(?<=[.?!])\s+(?=[A-Z])", flat)]
    return [s for s in sentences if len(s.split()) >= 3]


def test_build_is_clean(html: Build) -> None:
    assert html.warnings == ""


def test_week06_has_every_interrogation_and_response(html: Build) -> None:
    tree = parse_html(html.outdir / "2013-fall" / "week06.html")
    questions = ids_of(tree, "seminar-interrogation")
    responses = ids_of(tree, "seminar-response")
    assert len(questions) == 12
    assert len(responses) == 12
    assert questions[0] == "w06-dmytro-khutkyy"
    assert "w06-laura-hanson-schlachter" in questions
    assert responses == [f"{anchor}-response" for anchor in questions]
    names = [el.text_content() for el in tree.find_class("seminar-student")]
    assert names == STUDENTS
    numbers = [el.text_content() for el in tree.find_class("seminar-number")]
    assert numbers == [f"6.{n}" for n in range(1, 13)]


def test_every_sentence_of_the_seed_is_in_the_html(html: Build) -> None:
    page = " ".join(parse_html(html.outdir / "2013-fall" / "week06.html").text_content().split())
    sentences = seed_sentences()
    assert len(sentences) > 180
    missing = [s for s in sentences if s not in page]
    assert missing == []


def test_pdf_names_every_student(tmp_path_factory: pytest.TempPathFactory) -> None:
    latex = build_archive(tmp_path_factory.mktemp("latex"), "latex")
    assert latex.warnings == ""
    subprocess.run(
        ["make", "all-pdf", "LATEXMKOPTS=-interaction=nonstopmode -halt-on-error -quiet"],
        cwd=latex.outdir,
        check=True,
        capture_output=True,
    )
    pdf: Path = latex.outdir / "sociology-929-2013-fall.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    for name in STUDENTS:
        assert name in flat
