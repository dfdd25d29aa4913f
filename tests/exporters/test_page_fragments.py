"""No package page links to an anchor it does not hold: footnotes come along with their item."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.exporters.conftest import build_package, lms_copy
from tests.helpers import write_project

PAGE = """\
Week 2: Notes
=============

.. week:: 2

.. interrogation:: Ann Lee

   A question with a note [#outside]_, an inline one [#inside]_ and a citation [Ben2006]_.

   .. [#inside] Defined inside the question.

.. interrogation:: Bo Chan

   The same note again [#outside]_.

.. [#outside] Defined outside every interrogation.

.. [Ben2006] Benkler, The Wealth of Networks.
"""


def dangling(files: dict[str, bytes]) -> list[str]:
    """Every same-page link (``#x``) of every page whose page holds no ``id="x"``."""
    found = []
    for name, data in files.items():
        if not name.endswith(".html"):
            continue
        page = etree.fromstring(data)
        ids = set(page.xpath("//@id"))
        found += [
            f"{name}: {href}"
            for href in page.xpath("//*[local-name()='a']/@href")
            if href.startswith("#") and href[1:] not in ids
        ]
    return found


@pytest.mark.parametrize("builder", ["canvas", "moodle", "imscc"])
def test_footnotes_defined_outside_an_item_are_carried_onto_its_page(
    builder: str, schema_dir: Path, tmp_path: Path
) -> None:
    srcdir = write_project(
        tmp_path / "src", {"index.rst": PAGE}, 'extensions.append("sphinx_interrogations_lms")\n'
    )
    package = build_package(srcdir, builder, schema_dir)
    assert package.warnings == ""
    assert dangling(package.files) == []
    folder = "wiki_content" if builder == "canvas" else "pages"
    for student in ("ann-lee", "bo-chan"):
        text = package.text(f"{folder}/w02-{student}.html")
        assert "Defined outside every interrogation." in text


@pytest.mark.parametrize("builder", ["canvas", "moodle"])
def test_no_page_of_the_lms_root_links_to_an_anchor_it_lacks(
    builder: str, rootdir: Path, schema_dir: Path, tmp_path: Path
) -> None:
    package = build_package(lms_copy(rootdir, tmp_path / "src"), builder, schema_dir)
    assert dangling(package.files) == []
