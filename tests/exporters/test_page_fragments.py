"""No package page links to an anchor it does not hold: footnotes come along with their item."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.exporters.conftest import build_package, lms_copy
from tests.exporters.moodle_backup.conftest import read_mbz
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


CITING_WEEK = """\
Week 3: Citations
=================

.. week:: 3

.. interrogation:: Cy Dee

   Cites the week page [Ben2006]_, another item [Inner2010]_ and another page [Far2001]_.

.. interrogation:: Di Eve

   Cites the week page again [Ben2006]_.

   .. [Inner2010] Defined inside the second item, 2010.

.. [Ben2006] Benkler, The Wealth of Networks.
"""
CITATIONS = {
    "index.rst": "Archive\n=======\n\n.. toctree::\n\n   w3\n   sources\n",
    "w3.rst": CITING_WEEK,
    "sources.rst": "Sources\n=======\n\nCited from week 3.\n\n.. [Far2001] Far, Elsewhere, 2001.\n",
}


def mbz_pages(path: Path) -> dict[str, bytes]:
    """Every page activity of a ``.mbz`` as an HTML document (named by its folder)."""
    files = read_mbz(path)
    pages = {}
    for name, data in files.items():
        if name.startswith("activities/page_") and name.endswith("/page.xml"):
            body = etree.fromstring(data).findtext("page/content") or ""
            pages[f"{name}.html"] = f"<html><body>{body}</body></html>".encode()
    return pages


@pytest.mark.parametrize("builder", ["canvas", "moodle"])
def test_citations_defined_outside_an_item_are_carried_onto_its_page(
    builder: str, schema_dir: Path, tmp_path: Path
) -> None:
    srcdir = write_project(
        tmp_path / "src", CITATIONS, 'extensions.append("sphinx_interrogations_lms")\n'
    )
    package = build_package(srcdir, builder, schema_dir)
    assert package.warnings == ""
    folder = "wiki_content" if builder == "canvas" else "pages"
    outputs = [package.files]
    if builder == "moodle":
        [backup] = package.path.parent.glob("*.mbz")
        outputs.append(mbz_pages(backup))
    for files in outputs:
        assert dangling(files) == []
        [first] = [data.decode() for data in files.values() if b'id="w03-cy-dee"' in data]
        for text in (
            "Benkler, The Wealth of Networks.",
            "Defined inside the second item, 2010.",
            "Far, Elsewhere, 2001.",
        ):
            assert text in first
        tree = etree.fromstring(first.encode(), etree.HTMLParser())
        citation_links = [
            href
            for href in tree.xpath("//a/@href")
            if "2006" in href or "2010" in href or "2001" in href
        ]
        assert sorted(citation_links) == ["#ben2006", "#far2001", "#inner2010"]
    second = package.text(f"{folder}/w03-di-eve.html")
    assert second.count("Benkler, The Wealth of Networks.") == 1


def test_carrying_a_citation_reports_the_pages_warnings_once(
    schema_dir: Path, tmp_path: Path
) -> None:
    week = CITING_WEEK.replace(
        "again [Ben2006]_.", "again [Ben2006]_ and :seminar:interrogation:`w09-nobody`."
    )
    files = {**CITATIONS, "w3.rst": week}
    srcdir = write_project(
        tmp_path / "src", files, 'extensions.append("sphinx_interrogations_lms")\n'
    )
    package = build_package(srcdir, "canvas", schema_dir)
    assert package.warnings.count("reference target not found: w09-nobody") == 1
