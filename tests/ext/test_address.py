"""One address for every reader: the site, its Cite box and meta tags, and the registry agree,
URL-quoted, for html and dirhtml builds alike."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

import pytest

from sphinx_interrogations.address import Site, canvas_link, on_page
from sphinx_interrogations.registry import FILENAME
from tests.helpers import Build, build, parse_html, write_project

#: a page name with a space, "#", "%" and non-ASCII letters
ODD_PAGE = "weeks/week 6 #1 100% Łódź"
BASEURL = "https://example.org/soc929/"
PAGES = {
    "index.rst": f"""
        Archive
        =======

        .. toctree::

           {ODD_PAGE}
           weeks/plain
        """,
    f"{ODD_PAGE}.rst": """
        Week 6: Odd
        ===========

        .. week:: 6

        .. interrogation:: Dmytro Khutkyy

           Why?

           .. response::

              Because.
        """,
    "weeks/plain.rst": """
        Week 7: Plain
        =============

        .. week:: 7

        .. interrogation:: Ada Lovelace

           How?
        """,
}


def test_pages_are_quoted_once_and_suffix_aware() -> None:
    site = Site(BASEURL)
    assert site.page(ODD_PAGE) == "weeks/week%206%20%231%20100%25%20%C5%81%C3%B3d%C5%BA.html"
    assert site.url("weeks/plain", "w07") == "weeks/plain.html#w07"
    assert site.absolute("weeks/plain") == f"{BASEURL}weeks/plain.html"
    assert Site().absolute("weeks/plain") is None
    assert Site(suffix="").page("weeks/plain") == "weeks/plain"
    folders = Site(dirhtml=True)
    assert [folders.page(d) for d in ("index", "weeks/index", "weeks/plain")] == [
        "",
        "weeks/",
        "weeks/plain/",
    ]
    assert folders.page(ODD_PAGE).endswith("%C5%81%C3%B3d%C5%BA/")
    assert site.relative("weeks/week06", "weeks/plain") == "plain.html"
    assert site.relative("weeks/week06", ODD_PAGE) == site.page(ODD_PAGE).removeprefix("weeks/")
    assert site.relative("weeks/plain", "index") == "../index.html"
    assert folders.relative("weeks/plain", "index") == "../../"
    assert folders.relative("weeks/plain", "weeks/plain") == ""
    assert on_page("p.html", "") == "p.html"
    assert canvas_link("w06-a", "w06-a-response") == "$WIKI_REFERENCE$/pages/w06-a#w06-a-response"


def cite_permalinks(page: Path) -> dict[str, str]:
    """Anchor -> the permalink its Cite box shows."""
    tree = parse_html(page)
    links = tree.xpath("//details[contains(@class, 'seminar-cite')]//pre/../..//a[@href]")
    return {a.get("href").removeprefix("#"): a.text_content() for a in links}


def built(tmp_path: Path, builder: str) -> Build:
    srcdir = write_project(tmp_path / "src", PAGES, conf=f'html_baseurl = "{BASEURL}"\n')
    return build(srcdir, builder, outdir=tmp_path / builder)


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_site_and_registry_give_the_same_permalinks(tmp_path: Path, builder: str) -> None:
    result = built(tmp_path, builder)
    assert result.warnings == ""
    registry = json.loads((result.outdir / FILENAME).read_text(encoding="utf-8"))
    objects = registry["objects"]
    assert {o["docname"] for o in objects} == {ODD_PAGE, "weeks/plain"}
    for entry in objects:
        page, _, anchor = entry["url"].partition("#")
        written = result.outdir / unquote(page)
        if builder == "dirhtml":
            assert page.endswith("/")
            written = written / "index.html"
        assert written.is_file(), entry["url"]  # the quoted URL names the written page
        assert entry["absolute_url"] == BASEURL + entry["url"]
        assert cite_permalinks(written)[anchor] == entry["absolute_url"]
        metas = parse_html(written).xpath("//meta[@name='DC.identifier']/@content")
        assert metas == [BASEURL + page]
    odd = next(o for o in objects if o["docname"] == ODD_PAGE)
    assert "%20%231%20100%25%20%C5%81%C3%B3d%C5%BA" in odd["url"]
    assert " " not in json.dumps(registry["weeks"][0]["url"])
