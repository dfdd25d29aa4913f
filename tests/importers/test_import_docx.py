"""Word documents with the same structure, made here with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docutils import nodes

from interrogations_import.convert import Conversion, convert
from interrogations_import.docx_reader import read_docx
from interrogations_import.errors import DocumentError
from interrogations_import.lossless import read_back


def _bold(paragraph: docx.text.paragraph.Paragraph, text: str, italic: bool = False) -> None:
    run = paragraph.add_run(text)
    run.bold = True
    run.italic = italic


@pytest.fixture
def word_file(tmp_path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Interrogations Week 7. Sociology 929, October 17")
    document.add_heading("Real Utopias", level=2)
    document.add_heading("2. Zoë Ñúñez", level=3)
    question = document.add_paragraph("She asks whether ")
    question.add_run("peer production").italic = True
    question.add_run(" can scale * really, and cites [sic] Benkler’s “anarchy”.")
    document.add_paragraph("1. Not a list, a numbered sentence.")
    document.add_paragraph("first point", style="List Bullet")
    document.add_paragraph("second point", style="List Bullet")
    reply = document.add_paragraph()
    _bold(reply, "[EOW: A short reply with ")
    _bold(reply, "emphasis", italic=True)
    _bold(reply, " inside.]")
    document.add_heading("1. Ben Okri", level=4)
    document.add_paragraph("A question that was cut by a page")
    document.add_paragraph("break in the middle.")
    path = tmp_path / "week07.docx"
    document.save(str(path))
    return path


@pytest.fixture
def conversion(word_file: Path) -> Conversion:
    return convert(word_file)


def test_structure(conversion: Conversion) -> None:
    week = conversion.document.week
    assert (week.number, week.course, week.date, week.topic) == (
        7,
        "Sociology 929",
        "October 17",
        "Real Utopias",
    )
    assert [item.name for item in conversion.document.interrogations] == ["Zoë Ñúñez", "Ben Okri"]
    assert [len(item.responses) for item in conversion.document.interrogations] == [1, 0]


def test_italic_and_bold_runs_keep_their_emphasis(conversion: Conversion) -> None:
    document = read_back(conversion.output, "rst")
    assert [node.astext() for node in document.findall(nodes.emphasis)] == [
        "peer production",
        "emphasis",
    ]
    (response,) = conversion.document.interrogations[0].responses
    assert "".join(span.text for span in response.blocks[0].spans) == (
        "A short reply with emphasis inside."
    )


def test_text_and_lists(conversion: Conversion) -> None:
    document = read_back(conversion.output, "rst")
    paragraphs = [node.astext() for node in document.findall(nodes.paragraph)]
    assert (
        "She asks whether peer production can scale * really, and cites [sic] Benkler’s “anarchy”."
        in paragraphs
    )
    assert "1. Not a list, a numbered sentence." in paragraphs
    (bullets,) = document.findall(nodes.bullet_list)
    assert [item.astext() for item in bullets.children] == ["first point", "second point"]


def test_page_break_repair_names_word_paragraphs(conversion: Conversion, word_file: Path) -> None:
    (repair,) = conversion.repairs
    paragraphs = [p.text for p in docx.Document(str(word_file)).paragraphs]
    split = paragraphs.index("A question that was cut by a page") + 1
    assert conversion.source.place(repair.lineno) == f"paragraph {split}"
    assert f"paragraph {split + 1}" in repair.message


def test_errors_name_word_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Ana", level=2)
    document.add_paragraph("Question?")
    document.add_paragraph("[EOW: an answer that never closes")
    path = tmp_path / "broken.docx"
    document.save(str(path))
    with pytest.raises(DocumentError) as caught:
        convert(path, week=1)
    source = read_docx(path).source
    assert source.place(caught.value.lineno) == "paragraph 3"


def test_not_a_word_file(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("not a zip")
    with pytest.raises(DocumentError, match=r"not a readable \.docx"):
        convert(path)


def test_tables_are_read_as_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Ana", level=2)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Left cell."
    table.cell(0, 1).text = "Right cell."
    path = tmp_path / "table.docx"
    document.save(str(path))
    conversion = convert(path, week=1)
    assert "Left cell." in conversion.output and "Right cell." in conversion.output
    assert any("tables" in warning.message for warning in conversion.warnings)
