"""Word documents with everything Word can hold: nothing is lost, everything is reported.

Built with python-docx, and with raw OOXML where python-docx has no API (notes, text boxes,
content controls, tracked changes).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docutils import nodes
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from PIL import Image

from interrogations_import.cli import main
from interrogations_import.convert import Conversion, convert
from interrogations_import.errors import DocumentError
from interrogations_import.lossless import read_back
from tests.helpers import build, parse_html, write_project

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NAMESPACES = (
    f'{W} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
)


def _png(path: Path, colour: str) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), colour).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def _notes_part(document: docx.document.Document, kind: str, notes: dict[int, str]) -> None:
    """Add a footnotes or endnotes part (python-docx has no API for them)."""
    body = "".join(
        f'<w:{kind} w:id="{number}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{kind}>'
        for number, text in notes.items()
    )
    blob = f"<w:{kind}s {W}>{body}</w:{kind}s>".encode()
    content_type, reltype = (
        (CT.WML_FOOTNOTES, RT.FOOTNOTES) if kind == "footnote" else (CT.WML_ENDNOTES, RT.ENDNOTES)
    )
    part = Part(PackURI(f"/word/{kind}s.xml"), content_type, blob, document.part.package)
    document.part.relate_to(part, reltype)


def _xml(paragraph: docx.text.paragraph.Paragraph, xml: str) -> None:
    """Append raw OOXML (runs, changes, controls) to a paragraph."""
    paragraph._p.append(parse_xml(f"<w:wrap {NAMESPACES}>{xml}</w:wrap>")[0])


def test_a_picture_in_a_text_box_is_kept(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Ana", level=2)
    _xml(document.add_paragraph("A box holding a picture:"), TEXT_BOX)
    holder = document.paragraphs[-1]._p
    document.add_picture(str(_png(tmp_path / "dot.png", "blue")))
    picture = document.paragraphs[-1]._p
    holder.xpath(".//w:txbxContent/w:p")[0].append(picture.xpath("./w:r")[0])  # Choice's box
    picture.getparent().remove(picture)
    path = tmp_path / "boxed.docx"
    document.save(str(path))
    conversion = convert(path, week=1)
    assert list(conversion.attachments) == ["boxed-picture-1.png"]
    assert ".. image:: boxed-picture-1.png" in conversion.output
    assert conversion.output.count("Boxed aside about cooperatives.") == 1


def test_a_text_box_in_a_text_box_is_kept(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Ana", level=2)
    _xml(document.add_paragraph("Outer paragraph."), TEXT_BOX)
    inner_box = parse_xml(f"<w:wrap {NAMESPACES}>{TEXT_BOX}</w:wrap>")[0]
    for text in inner_box.iter("{*}t"):
        text.text = "Inner box text."
    (box_paragraph, *_) = document.paragraphs[-1]._p.xpath(".//w:txbxContent/w:p")
    box_paragraph.append(inner_box)
    path = tmp_path / "nested.docx"
    document.save(str(path))
    conversion = convert(path, week=1)
    assert conversion.output.count("Boxed aside about cooperatives.") == 1
    assert conversion.output.count("Inner box text.") == 1


TEXT_BOX = """
<w:r><mc:AlternateContent>
  <mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="7" name="Box"/>
    <a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>
      <w:p><w:r><w:t>Boxed aside about cooperatives.</w:t></w:r></w:p>
    </w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>
  </wp:anchor></w:drawing></mc:Choice>
  <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
      <w:p><w:r><w:t>Boxed aside about cooperatives.</w:t></w:r></w:p>
  </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r>"""


@pytest.fixture
def rich_file(tmp_path: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Draft circulated to the seminar only"
    document.sections[0].footer.paragraphs[0].text = "Compiled by the teaching assistant"
    document.add_paragraph("Interrogations Week 8. Sociology 929, October 24")
    document.add_heading("Cooperatives", level=2)
    document.add_heading("1. Ana Lima", level=3)
    question = document.add_paragraph("Ana asks about scale")
    _xml(question, '<w:r><w:footnoteReference w:id="1"/></w:r>')
    _xml(question, '<w:r><w:t xml:space="preserve"> and </w:t></w:r>')
    _xml(question, '<w:ins w:id="11"><w:r><w:t>inserted words</w:t></w:r></w:ins>')
    _xml(question, '<w:del w:id="12"><w:r><w:delText>gone words</w:delText></w:r></w:del>')
    _xml(question, '<w:r><w:t xml:space="preserve"> too.</w:t></w:r>')
    _xml(question, '<w:r><w:endnoteReference w:id="2"/></w:r>')
    remark = question.add_run(" Which firms?")
    document.add_comment(remark, text="Ask for an example", author="EOW")
    _xml(document.add_paragraph("A paragraph holding a box."), TEXT_BOX)
    document.add_picture(str(_png(tmp_path / "chart.png", "red")))
    document.inline_shapes[0]._inline.docPr.set("descr", "A chart of member firms")
    control = parse_xml(
        f"<w:sdt {W}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Text in a content control."
        "</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    document.paragraphs[-1]._p.addnext(control)
    reply = document.add_paragraph("[EOW: A reply with ")
    _xml(reply, "<w:sdt><w:sdtContent><w:r><w:t>inline control</w:t></w:r></w:sdtContent></w:sdt>")
    reply.add_run(" text.]")
    _notes_part(document, "footnote", {1: "Benkler 2006, p. 60."})
    _notes_part(document, "endnote", {2: "See also Ostrom."})
    path = tmp_path / "week08.docx"
    document.save(str(path))
    return path


@pytest.fixture
def rich(rich_file: Path) -> Conversion:
    return convert(rich_file)


def _paragraphs(conversion: Conversion) -> list[str]:
    document = read_back(conversion.output, conversion.output_format)
    return [" ".join(node.astext().split()) for node in document.findall(nodes.paragraph)]


def test_notes_comments_and_tracked_changes_are_kept_in_the_text(rich: Conversion) -> None:
    (question,) = [text for text in _paragraphs(rich) if text.startswith("Ana asks")]
    assert question == (
        "Ana asks about scale (footnote 1: Benkler 2006, p. 60.) and inserted words too. "
        "(endnote 1: See also Ostrom.) Which firms? (comment 1 by EOW: Ask for an example)"
    )
    assert "gone words" not in rich.output


def test_text_boxes_controls_headers_and_footers_are_kept(rich: Conversion) -> None:
    paragraphs = _paragraphs(rich)
    assert paragraphs.count("Boxed aside about cooperatives.") == 1  # not its fallback copy
    assert "Text in a content control." in paragraphs
    assert "Draft circulated to the seminar only" in paragraphs
    assert "Compiled by the teaching assistant" in paragraphs
    assert rich.document.week.topic == "Cooperatives"
    (response,) = rich.document.interrogations[0].responses
    assert "".join(span.text for span in response.blocks[0].spans) == (
        "A reply with inline control text."
    )


def test_pictures_are_written_next_to_the_week_page(rich: Conversion) -> None:
    assert list(rich.attachments) == ["week08-picture-1.png"]
    assert rich.attachments["week08-picture-1.png"].startswith(b"\x89PNG")
    document = read_back(rich.output, "rst")
    (image,) = document.findall(nodes.image)
    assert (image["uri"], image["alt"]) == ("week08-picture-1.png", "A chart of member firms")


def test_the_report_says_how_everything_was_resolved(rich: Conversion) -> None:
    report = "\n".join(rich.report)
    assert "tracked changes resolved as accepted: 1 insertions kept, 1 deletions dropped " in report
    assert "(2 words)" in report
    for what in ("footnotes", "endnotes", "comments", "text boxes", "content controls",
                 "pictures", "page header and footer"):  # fmt: skip
        assert what in report, what


def test_the_command_writes_the_pictures_and_prints_the_report(
    rich_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "weeks"
    assert main([str(rich_file), "--out-dir", str(out)]) == 0
    assert (out / "week08.rst").is_file()
    assert (out / "week08-picture-1.png").read_bytes().startswith(b"\x89PNG")
    printed = capsys.readouterr().out
    assert "note: tracked changes resolved as accepted" in printed
    assert main([str(rich_file), "--out-dir", str(out)]) == 1  # page and picture exist already
    assert "pass --force" in capsys.readouterr().err


def test_pictures_cannot_go_to_standard_output(
    rich_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(rich_file), "-o", "-"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "week08.docx: error: it has 1 pictures" in err


def test_myst_shows_the_picture(rich_file: Path) -> None:
    myst = convert(rich_file, output_format="myst")
    document = read_back(myst.output, "myst")
    (image,) = document.findall(nodes.image)
    assert image["uri"] == "week08-picture-1.png"


def _with(tmp_path: Path, xml: str) -> Path:
    document = docx.Document()
    document.add_heading("Ana", level=2)
    document.add_paragraph("A question.")
    _xml(document.add_paragraph("Then "), xml)
    path = tmp_path / "odd.docx"
    document.save(str(path))
    return path


def test_an_equation_is_refused_naming_its_paragraph(tmp_path: Path) -> None:
    path = _with(tmp_path, "<m:oMath><m:r><w:t>E=mc2</w:t></m:r></m:oMath>")
    with pytest.raises(DocumentError) as caught:
        convert(path, week=1)
    assert "<oMath>" in caught.value.message and "paragraph 3" in caught.value.message
    assert "E=mc2" in caught.value.message


def test_a_linked_picture_is_refused(tmp_path: Path) -> None:
    path = _with(
        tmp_path,
        '<w:r><w:drawing><wp:inline><wp:docPr id="1" name="p"/><a:graphic><a:graphicData>'
        '<a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'r:link="rId99"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>',
    )
    with pytest.raises(DocumentError, match=r"linked to a file outside .*paragraph 3"):
        convert(path, week=1)


def test_a_chart_is_refused(tmp_path: Path) -> None:
    chart = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    path = _with(
        tmp_path,
        '<w:r><w:drawing><wp:inline><wp:docPr id="1" name="c"/><a:graphic>'
        f'<a:graphicData uri="{chart}"/></a:graphic></wp:inline></w:drawing></w:r>',
    )
    with pytest.raises(DocumentError, match=r"a Word chart cannot be imported \(paragraph 3\)"):
        convert(path, week=1)


def test_a_bad_symbol_is_refused(tmp_path: Path) -> None:
    path = _with(tmp_path, '<w:r><w:sym w:font="Symbol" w:char="ZZ"/></w:r>')
    with pytest.raises(DocumentError, match=r"symbol with a bad code 'ZZ' \(paragraph 3\)"):
        convert(path, week=1)


def test_a_refusal_is_one_line_through_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _with(tmp_path, "<m:oMath><m:r><w:t>E=mc2</w:t></m:r></m:oMath>")
    assert main([str(path), "--week", "1", "--out-dir", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("odd.docx: error:") and "Traceback" not in err


def test_tracked_paragraphs_and_embedded_documents(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Ana", level=2)
    kept = document.add_paragraph("Kept question.")
    kept._p.addnext(
        parse_xml(f'<w:del {W} w:id="5"><w:p><w:r><w:delText>Struck paragraph words</w:delText>'
                  "</w:r></w:p></w:del>")
    )  # fmt: skip
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    conversion = convert(path, week=1)
    assert "Struck" not in conversion.output
    assert "1 deletions dropped (3 words)" in "\n".join(conversion.report)
    document.paragraphs[-1]._p.addnext(
        parse_xml('<w:altChunk xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                  'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                  'relationships" r:id="rId42"/>')
    )  # fmt: skip
    document.save(str(path))
    with pytest.raises(DocumentError, match=r"altChunk\) cannot be imported \(paragraph 3\)"):
        convert(path, week=1)


def test_the_imported_week_builds_with_its_picture(rich_file: Path, tmp_path: Path) -> None:
    src = write_project(tmp_path / "site", {"index.rst": INDEX})
    assert main([str(rich_file), "--out-dir", str(src / "weeks")]) == 0
    result = build(src)
    assert result.warnings == ""
    page = parse_html(result.outdir / "weeks" / "week08.html")
    (image,) = page.xpath("//*[@id='w08-ana-lima']//img")
    assert image.get("alt") == "A chart of member firms"
    assert (result.outdir / image.get("src").replace("../", "")).is_file()
    text = " ".join(page.xpath("string(//*[@id='w08-ana-lima'])").split())
    assert "(footnote 1: Benkler 2006, p. 60.)" in text and "gone words" not in text


INDEX = """\
    Home
    ====

    .. toctree::

       weeks/week08
    """
