"""Property: every word of a Word file's text reaches the week page, in order, or a clear error.

The importer's own lossless check compares the page with the light Markdown the Word reader
writes; this test compares it with the Word text itself, so the reader's escaping is checked too.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from interrogations_import.convert import convert
from interrogations_import.errors import DocumentError
from interrogations_import.lossless import output_words
from interrogations_import.syntax import words

RUN_TEXT = st.text(alphabet="ab *_[]\\#-1.:`|<>&()\u00e9\t", min_size=1, max_size=12)
RUNS = st.lists(st.tuples(RUN_TEXT, st.booleans(), st.booleans()), min_size=1, max_size=5)


@settings(max_examples=60, deadline=None)
@given(paragraphs=st.lists(RUNS, min_size=1, max_size=5), fmt=st.sampled_from(["rst", "myst"]))
def test_the_word_text_is_the_pages_text(
    paragraphs: list[list[tuple[str, bool, bool]]], fmt: str
) -> None:
    document = docx.Document()
    document.add_heading("Ana", level=2)
    expected = ["Ana"]
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, bold, italic in runs:
            run = paragraph.add_run(text)
            run.bold, run.italic = bold, italic
        expected += words(paragraph.text)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "week.docx"
        document.save(str(path))
        try:
            conversion = convert(path, week=1, output_format=fmt)
        except DocumentError as error:
            assert error.message  # refused with a reason, never a crash
            return
    assert output_words(conversion.output, fmt) == expected
