"""Invisible characters and hidden line breaks: the page means what its author sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_interrogations.source_text import as_an_editor_shows
from tests.helpers import build, parse_html, write_project

WEEK = "Week 3\n======\n\n.. week:: 3\n\n"


@pytest.mark.parametrize("invisible", ["\ufeff", "\u200b", "\u200d", "\u2060", "\u00ad", "\u200e"])
def test_invisible_character_before_directives_keeps_them_directives(
    invisible: str, tmp_path: Path
) -> None:
    text = (
        f"{WEEK}{invisible}.. interrogation:: Ann Lee\n   {invisible}:title: Who owns it?\n\n"
        f"   A question.\n\n   {invisible}.. response::\n\n      An answer.\n"
    )
    srcdir = write_project(tmp_path / "src", {"index.rst": text})
    result = build(srcdir)
    assert result.warnings == ""
    tree = parse_html(result.outdir / "index.html")
    assert tree.get_element_by_id("w03-ann-lee") is not None
    assert tree.get_element_by_id("w03-ann-lee-response") is not None
    assert "Who owns it?" in tree.get_element_by_id("w03-ann-lee").text_content()
    assert ".. response::" not in tree.text_content()


def test_line_separators_count_as_an_editor_counts(tmp_path: Path) -> None:
    text = "Week 3\n======\n\nOne\u2028two\u2029three\x0bfour\x0cfive\x85six.\n\n.. week:: x\n"
    srcdir = write_project(tmp_path / "src", {"index.rst": text})
    result = build(srcdir)
    assert "index.rst:6: ERROR: week number must be a positive whole number, not 'x'" in (
        result.warnings
    )
    page = parse_html(result.outdir / "index.html").text_content()
    assert "One two three four five six." in page


def test_invisible_characters_inside_words_are_kept() -> None:
    arabic = "\u200fمرحبا"  # a direction mark starting Arabic text is meaningful
    family = "👩\u200d👩\u200d👧"  # zero-width joiners join an emoji sequence
    text = f"{arabic}\n   {family}\nword\u00adbreak\n"
    assert as_an_editor_shows(text) == text


def test_included_files_are_cleaned_too(tmp_path: Path) -> None:
    srcdir = write_project(
        tmp_path / "src",
        {
            "index.rst": f"{WEEK}.. include:: part.txt\n",
            "part.txt": "\u200b.. interrogation:: Ann Lee\n\n   A question.\n",
        },
    )
    result = build(srcdir)
    assert result.warnings == ""
    assert parse_html(result.outdir / "index.html").get_element_by_id("w03-ann-lee") is not None
