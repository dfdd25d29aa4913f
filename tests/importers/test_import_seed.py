"""The seed document (Week 6) imports completely, with its three page-break repairs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docutils import nodes

from interrogations_import.convert import Conversion, convert
from interrogations_import.lossless import read_back
from tests.conftest import REPO, SEED
from tests.conftest import SEED_STUDENTS as STUDENTS


@pytest.fixture(scope="module")
def week6() -> Conversion:
    return convert(SEED)


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


def _line_ending_with(lines: list[str], word: str) -> int:
    (found,) = [no for no, line in enumerate(lines, 1) if line.rstrip().endswith(word)]
    return found


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_week_metadata(week6: Conversion) -> None:
    week = week6.document.week
    assert (week.number, week.course, week.date, week.topic) == (
        6,
        "Sociology 929",
        "October 10",
        "Peer-to-peer Mutualism",
    )


def test_twelve_students_each_with_one_response(week6: Conversion) -> None:
    interrogations = week6.document.interrogations
    assert [item.name for item in interrogations] == STUDENTS
    assert [len(item.responses) for item in interrogations] == [1] * 12
    assert all(response.by == "EOW" for item in interrogations for response in item.responses)
    assert all(item.anchor is None for item in interrogations)


def test_three_page_break_repairs_are_reported_with_their_lines(
    week6: Conversion, seed_lines: list[str]
) -> None:
    expected = [
        _line_ending_with(seed_lines, word) for word in ("perpetual", "themselves", "starving")
    ]
    assert [repair.lineno for repair in week6.repairs] == expected
    for repair, (tail, head) in zip(
        week6.repairs,
        [("perpetual", "revolution"), ("themselves", "(i.e."), ("starving", "artists")],
        strict=True,
    ):
        assert tail in repair.message and head in repair.message
    text = _flat(week6.output)
    for joined in (
        '“perpetual revolution"?)',
        "themselves (i.e. the capital-intensity",
        "starving artists (so to speak)",
    ):
        assert joined in text


def test_bold_responses_without_closing_bracket_are_warned_about(
    week6: Conversion, seed_lines: list[str]
) -> None:
    unclosed = [
        no
        for no, line in enumerate(seed_lines, 1)
        if line.startswith("**[EOW:") and "]" not in line
    ]
    assert [warning.lineno for warning in week6.warnings] == unclosed
    kerem = week6.document.interrogations[2].responses[0]
    assert len(kerem.blocks) == 2  # both bold paragraphs belong to the response


def test_every_word_of_the_seed_is_in_the_output_in_order(week6: Conversion) -> None:
    """Independently of the importer's own check: alphanumeric words, as a subsequence."""
    text = SEED.read_text(encoding="utf-8")
    text = re.sub(r"Interrogations Week 6\.", "", text)
    text = re.sub(r"^#+ \d+\.", "", text, flags=re.M)
    text = text.replace("[EOW:", "")
    output_words = iter(re.findall(r"\w+", week6.output))
    missing = [word for word in re.findall(r"\w+", text) if word not in output_words]
    assert missing == []


def test_markdown_emphasis_becomes_rest_emphasis(week6: Conversion) -> None:
    document = read_back(week6.output, "rst")
    emphasised = [_flat(node.astext()) for node in document.findall(nodes.emphasis)]
    assert "displace" in emphasised
    assert "Anarchy in Action" in emphasised
    assert any(text.startswith("What kinds of emancipatory") for text in emphasised)
    assert not list(document.findall(nodes.strong))  # bold wrappers of responses are structure


def test_numbered_response_stays_a_paragraph(week6: Conversion) -> None:
    document = read_back(week6.output, "rst")
    assert not list(document.findall(nodes.enumerated_list))
    paragraphs = [node.astext() for node in document.findall(nodes.paragraph)]
    assert any(text.startswith("(1) It is very important") for text in paragraphs)
    assert any(text.startswith("Y. Benkler claims") for text in paragraphs)


def test_special_characters_come_through_unchanged(week6: Conversion) -> None:
    text = _flat(week6.output)
    for fragment in (
        "March&Olson",
        "goods – literally",
        "“practical anarchism”",
        "Mao's",
        "free downloads + pay what you like",
        "etc. -- although",
    ):
        assert fragment in text


def test_archive_week6_is_the_importers_output(week6: Conversion) -> None:
    archived = REPO / "source" / "2013-fall" / "week06.rst"
    assert archived.read_bytes() == week6.output.encode("utf-8")


def test_import_is_idempotent(week6: Conversion) -> None:
    assert convert(SEED).output == week6.output
    assert convert(Path(SEED)).output.encode() == week6.output.encode()


def test_myst_output_reads_back_with_the_same_words(week6: Conversion) -> None:
    myst = convert(SEED, output_format="myst")
    assert myst.output.count("````{interrogation}") == 12
    assert myst.output.count("```{response}") == 12
    document = read_back(myst.output, "myst")
    emphasised = [_flat(node.astext()) for node in document.findall(nodes.emphasis)]
    assert "displace" in emphasised
    assert myst.default_path == Path("source/weeks/week06.md")
    assert week6.default_path == Path("source/weeks/week06.rst")
