"""What LaTeX cannot typeset is refused before LaTeX runs, with the source file and line: a figure
inside an item's box, lists nested deeper than LaTeX allows, a line longer than TeX reads."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from sphinx_interrogations.errors import ArchiveError
from tests.helpers import write_project

#: a 1x1 PNG
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
HEAD = """
Week 1: Checks
==============

.. week:: 1

"""


def latex_errors(tmp_path: Path, body: str) -> list[str]:
    """The located messages of a LaTeX build of one week page holding ``body``; a build with
    errors writes no book."""
    source = write_project(
        tmp_path / "src",
        {"index.rst": "Checks\n======\n\n.. toctree::\n\n   w1\n", "w1.rst": HEAD + body},
    )
    (source / "pixel.png").write_bytes(PIXEL)
    warnings = io.StringIO()
    app = SphinxTestApp("latex", srcdir=source, status=io.StringIO(), warning=warnings)
    try:
        app.build()
        refused = None
    except ArchiveError as error:
        refused = str(error)
    finally:
        app.cleanup()
    plain = re.sub(r"\x1b\[[0-9;]*m", "", warnings.getvalue())
    found = [
        re.sub(r"^.*?/src/", "", line).removesuffix(" [seminar.latex]")
        for line in plain.splitlines()
        if line.strip()
    ]
    books = list((source / "_build" / "latex").glob("*.tex"))
    if found:
        assert refused is not None and refused.startswith("t.tex not written: "), refused
        assert books == []
    else:
        assert refused is None and len(books) == 1
    return found


def nested(depth: int, marker: str = "-") -> str:
    lines = [f"{'  ' * level}{marker} level {level + 1}\n" for level in range(depth)]
    return "\n".join(lines)


def test_figure_inside_an_interrogation_is_refused(tmp_path: Path) -> None:
    body = """
.. interrogation:: Ada Lovelace

   Text.

   .. figure:: pixel.png

      A caption.
"""
    assert latex_errors(tmp_path, body) == [
        "w1.rst:11: ERROR: a figure cannot stand inside an interrogation or a response in the "
        "PDF (a floating figure inside a box): use an 'image' directive there instead"
    ]


def test_figure_inside_a_response_is_refused_and_an_image_is_not(tmp_path: Path) -> None:
    body = """
.. interrogation:: Ada Lovelace

   .. image:: pixel.png

   .. response::

      .. figure:: pixel.png
"""
    assert latex_errors(tmp_path, body) == [
        "w1.rst:13: ERROR: a figure cannot stand inside an interrogation or a response in the "
        "PDF (a floating figure inside a box): use an 'image' directive there instead"
    ]


def test_figure_outside_the_items_is_typeset(tmp_path: Path) -> None:
    assert latex_errors(tmp_path, ".. figure:: pixel.png\n\n   A caption.\n") == []


def test_five_nested_bullet_lists_are_refused_once(tmp_path: Path) -> None:
    body = ".. interrogation:: Ada Lovelace\n\n" + "".join(
        "   " + line + "\n" for line in nested(5).splitlines()
    )
    errors = latex_errors(tmp_path, body)
    assert len(errors) == 1
    assert errors[0].endswith(
        "ERROR: lists nested 5 deep (5 of this kind): the PDF allows at most 6, and 4 of a "
        "kind; flatten the list"
    )
    assert errors[0].startswith("w1.rst:")


def test_four_nested_lists_are_typeset(tmp_path: Path) -> None:
    assert latex_errors(tmp_path, nested(4)) == []


def test_seven_nested_lists_of_mixed_kinds_are_refused(tmp_path: Path) -> None:
    markers = ["-", "1.", "*", "#.", "+", "a.", "-"]
    lines = [f"{'   ' * level}{marker} level {level + 1}\n" for level, marker in enumerate(markers)]
    errors = latex_errors(tmp_path, "\n".join(lines))
    assert [e.split("ERROR: ", 1)[1] for e in errors] == [
        "lists nested 7 deep (3 of this kind): the PDF allows at most 6, and 4 of a kind; "
        "flatten the list"
    ]


def test_a_line_longer_than_tex_reads_is_refused(tmp_path: Path) -> None:
    body = ".. interrogation:: Ada Lovelace\n\n   " + "word " * 24_000 + "\n"
    assert latex_errors(tmp_path, body) == [
        "w1.rst:8: ERROR: a line of 119,999 characters: the PDF's typesetter reads at most "
        "100,000 characters a line; break it into several lines"
    ]
