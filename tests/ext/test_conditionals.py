"""Items inside conditional blocks are refused, in every builder, so no output lists a ghost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sphinx_interrogations.errors import ArchiveError
from tests.helpers import build, write_project

PAGE = """\
Week 3
======

.. week:: 3

.. ifconfig:: interrogations_public

   .. interrogation:: Ann Lee

      Only in public builds.
"""


@pytest.mark.parametrize("builder", ["html", "latex", "text"])
def test_interrogation_inside_ifconfig_is_refused(builder: str, tmp_path: Path) -> None:
    srcdir = write_project(
        tmp_path / "src", {"index.rst": PAGE}, 'extensions.append("sphinx.ext.ifconfig")\n'
    )
    refused = "index.rst:8: interrogation inside '.. ifconfig::': an item must be in every output"
    if builder == "latex":  # and no book is written from it
        with pytest.raises(ArchiveError, match=re.escape(refused)):
            build(srcdir, builder)
        return
    result = build(srcdir, builder)
    assert refused.replace(": interrogation", ": ERROR: interrogation") in result.warnings


def test_condition_inside_the_text_is_fine(tmp_path: Path) -> None:
    page = (
        "Week 3\n======\n\n.. week:: 3\n\n.. interrogation:: Ann Lee\n\n   A question.\n\n"
        "   .. only:: html\n\n      A note for the web.\n"
    )
    srcdir = write_project(tmp_path / "src", {"index.rst": page})
    assert build(srcdir).warnings == ""
