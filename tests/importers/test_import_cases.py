"""Tricky but valid inputs: each case of the accepted format, read back from the output."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from docutils import nodes

from interrogations_import.convert import Conversion, convert, convert_source
from interrogations_import.lossless import read_back
from interrogations_import.model import ItemList, Paragraph, Response, Rubric
from interrogations_import.source import source_from_text
from tests.helpers import build, parse_html, write_project


def _import(text: str, **options: object) -> Conversion:
    return convert_source(source_from_text("doc.md", textwrap.dedent(text)), **options)


def _paragraphs(conversion: Conversion) -> list[str]:
    document = read_back(conversion.output, conversion.output_format)
    return [" ".join(node.astext().split()) for node in document.findall(nodes.paragraph)]


@pytest.fixture(params=["rst", "myst"])
def tricky(request: pytest.FixtureRequest, fixtures: Path) -> Conversion:
    return convert(fixtures / "tricky.md", output_format=request.param)


def test_sections_in_document_order_whatever_their_numbers_and_levels(tricky: Conversion) -> None:
    names = [item.name for item in tricky.document.interrogations]
    assert names == ["Zoë Ñúñez-Østergaard", "Li Wei", "Amara Okafor", "Li Wei"]
    assert tricky.document.week.topic == "Markets & Democracy"


def test_diacritics_come_through_in_names(tricky: Conversion) -> None:
    assert "{interrogation} Zoë Ñúñez-Østergaard" in tricky.output or (
        ".. interrogation:: Zoë Ñúñez-Østergaard" in tricky.output
    )


def test_two_responses_one_spanning_paragraphs_and_a_list(tricky: Conversion) -> None:
    first, second = tricky.document.interrogations[0].responses
    assert len(first.blocks) == 1
    assert [type(block) for block in second.blocks] == [Paragraph, ItemList, Paragraph]
    assert second.blocks[-1].spans[0].text == "and closes three paragraphs later."


def test_a_student_without_response(tricky: Conversion) -> None:
    amara = tricky.document.interrogations[2]
    assert amara.responses == ()
    assert len(amara.body) == 1


def test_brackets_and_special_characters_are_text(tricky: Conversion) -> None:
    paragraphs = _paragraphs(tricky)
    assert (
        "Polanyi's “double movement” [sic] is cited twice (Polanyi [1944] 2001, p. 3) – with "
        "costs < $5 & “tariffs”." in paragraphs
    )
    assert (
        "A price of 5 * 3 and a_variable, `code`, a|pipe, a trailing_ and a back\\slash."
        in paragraphs
    )


def test_text_that_looks_like_a_list_stays_a_paragraph(tricky: Conversion) -> None:
    paragraphs = _paragraphs(tricky)
    assert "(1) It is very important to start with a number." in paragraphs
    assert "(2) The reply also starts with a number." in paragraphs
    assert "- A student dash line that is not a list because it goes on without a marker." in (
        paragraphs
    )
    document = read_back(tricky.output, tricky.output_format)
    (real_list,) = document.findall(nodes.bullet_list)
    assert [item.astext() for item in real_list.children] == ["over a list item", "and another"]


def test_repeated_student_gets_an_explicit_id_and_a_warning(tricky: Conversion) -> None:
    assert [item.anchor for item in tricky.document.interrogations] == [
        None,
        None,
        None,
        "w09-li-wei-2",
    ]
    assert ":id: w09-li-wei-2" in tricky.output
    unnumbered, repeated = tricky.warnings  # Amara Okafor's heading has no number
    assert unnumbered.lineno == 31 and "'Amara Okafor' has no number" in unnumbered.message
    assert repeated.lineno == 35 and "line 22" in repeated.message


def test_bold_wrapped_response_keeps_inner_emphasis(tricky: Conversion) -> None:
    last = tricky.document.interrogations[3].responses[0]
    assert [(span.text, span.style) for span in last.blocks[0].spans] == [
        ("A bold reply that says ", "plain"),
        ("why", "emphasis"),
        (" it matters.", "plain"),
    ]


def test_document_without_header_takes_the_week_option(fixtures: Path) -> None:
    conversion = convert(fixtures / "headerless.txt", week=3)
    assert conversion.document.week.number == 3
    assert conversion.document.week.course is None
    assert conversion.default_path == Path("source/weeks/week03.rst")
    assert ".. week:: 3\n\n.. interrogation:: Jane Doe" in conversion.output


def test_custom_marker_and_untouched_other_brackets() -> None:
    conversion = _import(
        """\
        # Interrogations Week 2. Sociology 929, September 12

        ## Ana

        A question [EOW: not a response, mid-paragraph]?

        [JD: The answer.]
        """,
        marker="JD",
    )
    (response,) = conversion.document.interrogations[0].responses
    assert response.by == "JD"
    assert ":by: JD" in conversion.output
    assert "A question [EOW: not a response, mid-paragraph]?" in _paragraphs(conversion)


def test_text_after_a_closing_bracket_is_kept_after_the_response() -> None:
    conversion = _import(
        """\
        # Interrogations Week 2. Sociology 929, September 12

        ## Ana

        [EOW: Short answer.] And the student's afterthought.
        """
    )
    body = conversion.document.interrogations[0].body
    assert isinstance(body[0], Response) and isinstance(body[1], Paragraph)
    assert body[1].spans[0].text == "And the student's afterthought."
    assert [warning.lineno for warning in conversion.warnings] == [5]


def test_text_before_the_first_student_is_kept_as_introduction() -> None:
    conversion = _import(
        """\
        # Interrogations Week 2. Sociology 929, September 12

        A note for everyone.

        ## Ana

        Question?
        """
    )
    assert [p.spans[0].text for p in conversion.document.intro] == ["A note for everyone."]
    assert conversion.warnings[0].lineno == 3
    assert "A note for everyone." in _paragraphs(conversion)


@pytest.mark.parametrize("output_format", ["rst", "myst"])
def test_rest_and_markdown_hazards_are_escaped(output_format: str) -> None:
    hazards = [
        "a. Looks lettered",
        "IV) Looks roman",
        "#. Auto-numbered",
        ":field: list",
        ".. comment",
        "| line block",
        ">>> doctest",
        "-o option",
        "====",
        "Ends with a literal marker::",
        "A reference_ and `role` and |sub| and *stray and trailing\\\\",
        "% a MyST comment",
        "(target)=",
        "&amp; entity and <b>tag</b> and {emphasis}`role`",
    ]
    body = "\n\n".join(f"P{index}.\n\n{text}" for index, text in enumerate(hazards))
    conversion = _import(f"## Ana\n\n{body}\n", week=1, output_format=output_format)
    paragraphs = _paragraphs(conversion)
    expected = [text.replace("\\\\", "\\") for text in hazards]
    assert [p for p in paragraphs if not p.startswith("P")] == expected


def test_wrapped_lines_stay_within_the_width() -> None:
    conversion = _import("## Ana\n\n" + " ".join(["word"] * 200) + "\n", week=1)
    assert max(len(line) for line in conversion.output.splitlines()) <= 100


def test_markdown_lists_become_lists() -> None:
    conversion = _import(
        """\
        ## Ana

        Points:

        3. third
        4. fourth
           continued

        + plus one
        + plus two
        """,
        week=1,
    )
    document = read_back(conversion.output, "rst")
    (numbered,) = document.findall(nodes.enumerated_list)
    assert numbered["start"] == 3
    assert [item.astext() for item in numbered.children] == ["third", "fourth continued"]
    (bullets,) = document.findall(nodes.bullet_list)
    assert bullets["bullet"] == "+"


def test_form_feed_page_break_is_rejoined_and_reported() -> None:
    conversion = _import("## Ana\n\nA sentence cut by a\n\f\npage break, then more.\n", week=1)
    (repair,) = conversion.repairs
    assert repair.lineno == 3 and "'…a' / 'page…'" in repair.message
    assert _paragraphs(conversion) == ["A sentence cut by a page break, then more."]


def test_finished_sentences_are_not_joined() -> None:
    conversion = _import(
        "## Ana\n\nIs it done?\n\nlowercase start.\n\nNo period\n\nCapital.\n", week=1
    )
    assert conversion.repairs == []
    assert len(conversion.document.interrogations[0].body) == 4


SUB_HEADINGS = """\
    ## Interrogations Week 3. Sociology 929, September 20

    #### 1. Ann Lee

    A first question.

    ##### Background

    Some background.

    [EOW: An answer.]

    ## 2. Bo Chen

    ### A *late* thought

    More text.
    """


@pytest.mark.parametrize("output_format", ["rst", "myst"])
def test_with_numbered_students_other_headings_are_sub_headings(
    output_format: str, tmp_path: Path
) -> None:
    conversion = _import(SUB_HEADINGS, output_format=output_format, numbered_students=True)
    ann, bo = conversion.document.interrogations
    assert [type(entry) for entry in ann.body] == [Paragraph, Rubric, Paragraph, Response]
    assert [type(entry) for entry in bo.body] == [Rubric, Paragraph]
    assert conversion.warnings == []
    suffix = ".rst" if output_format == "rst" else ".md"
    conf = 'extensions += ["myst_parser"]\n' if output_format == "myst" else ""
    src = write_project(tmp_path, {f"week03{suffix}": conversion.output}, conf=conf)
    (src / "index.rst").write_text("Home\n====\n\n.. toctree::\n\n   week03\n")
    result = build(src)
    assert result.warnings == ""
    page = parse_html(result.outdir / "week03.html")
    rubrics = page.xpath("//*[@id='w03-bo-chen']//p[contains(@class, 'rubric')]")
    assert [rubric.text_content() for rubric in rubrics] == ["A late thought"]
    assert page.xpath("//*[@id='w03-ann-lee']//p[contains(@class, 'rubric')]")


def test_without_it_every_heading_is_a_student_and_unnumbered_ones_are_pointed_out() -> None:
    conversion = _import(SUB_HEADINGS)
    names = [item.name for item in conversion.document.interrogations]
    assert names == ["Ann Lee", "Background", "Bo Chen", "A late thought"]
    hint = "has no number, unlike the other students: taken as a student; if it is a sub-heading"
    assert [
        (n.lineno, n.message.split(hint)[0]) for n in conversion.warnings if hint in n.message
    ] == [
        (7, "heading 'Background' "),
        (15, "heading 'A *late* thought' "),
    ]
