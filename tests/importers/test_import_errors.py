"""Documents that cannot be imported fail with a clear message naming the line at fault."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from interrogations_import.convert import convert, convert_source
from interrogations_import.errors import DocumentError, LosslessError
from interrogations_import.lossless import check
from interrogations_import.source import source_from_text
from tests.conftest import SEED


def _error(text: str, **options: object) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        convert_source(source_from_text("doc.txt", textwrap.dedent(text)), **options)
    return caught.value


def test_no_students() -> None:
    error = _error(
        """\
        ## Interrogations Week 6. Sociology 929, October 10

        ### Peer-to-peer Mutualism

        ---

        Some text, but nobody's heading.
        """
    )
    assert error.lineno == 7
    assert "no student sections" in error.message


def test_empty_document() -> None:
    error = _error("\n\n", week=1)
    assert "no student sections" in error.message


def test_unclosed_response_before_the_next_student() -> None:
    error = _error(
        """\
        ## 1. Ana

        [EOW: An answer that never closes.

        It goes on.

        ## 2. Ben

        Question?
        """,
        week=1,
    )
    assert error.lineno == 3
    assert "'[EOW:' is not closed" in error.message and "line 7" in error.message


def test_unclosed_response_at_the_end() -> None:
    error = _error("## Ana\n\nQuestion?\n\n[EOW: no end", week=1)
    assert (error.lineno, "by the end of the document" in error.message) == (5, True)


def test_unclosed_response_before_another_response() -> None:
    error = _error("## Ana\n\n[EOW: first\n\n[EOW: second]\n", week=1)
    assert error.lineno == 3 and "next response (line 5)" in error.message


def test_missing_header_without_week_option(fixtures: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        convert(fixtures / "headerless.txt")
    assert caught.value.lineno == 1 and "--week" in caught.value.message


def test_header_and_week_option_disagree() -> None:
    error = _error("# Interrogations Week 6. Soc 929, Oct 10\n\n## Ana\n\nQ?\n", week=7)
    assert "week 6" in error.message and "--week 7" in error.message


def test_heading_without_a_name() -> None:
    error = _error("## 1. Ana\n\nQ?\n\n## 2.\n\nQ?\n", week=1)
    assert error.lineno == 5 and "no student name" in error.message


def test_response_before_any_student() -> None:
    error = _error("[EOW: to whom?]\n\n## Ana\n\nQ?\n", week=1)
    assert error.lineno == 1


def test_text_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("## Ana\n\nQ?\n\nCaf\u00e9\n".encode("latin-1"))
    with pytest.raises(DocumentError) as caught:
        convert(path)
    assert caught.value.lineno == 5 and "--encoding" in caught.value.message
    assert convert(path, encoding="latin-1", week=1).document.interrogations[0].name == "Ana"


def test_lossless_check_names_the_input_line_of_a_dropped_word() -> None:
    source = source_from_text(SEED.name, SEED.read_text(encoding="utf-8"))
    output = convert(SEED).output
    line = next(no for no, text in enumerate(source.lines, 1) if "terabytes" in text)
    with pytest.raises(LosslessError) as caught:
        check(source, output.replace(" terabytes", "", 1), "rst", "EOW")
    assert caught.value.lineno == line and "'terabytes'" in caught.value.message


def test_lossless_check_catches_moved_words() -> None:
    source = source_from_text("doc.txt", "## Ana\n\nfirst second third\n")
    output = convert_source(source, week=1).output
    with pytest.raises(LosslessError) as caught:
        check(source, output.replace("first second", "second first"), "rst", "EOW")
    assert caught.value.lineno == 3


def test_lossless_check_refuses_output_that_reads_back_with_warnings() -> None:
    source = source_from_text("doc.txt", "## Ana\n\na \\* b\n")
    output = convert_source(source, week=1).output
    assert "a \\* b" in output
    with pytest.raises(LosslessError) as caught:
        check(source, output.replace("a \\* b", "a *b"), "rst", "EOW")
    assert "does not read back cleanly" in caught.value.message
