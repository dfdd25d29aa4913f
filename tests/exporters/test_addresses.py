"""One address for a page everywhere: the site, the registry and both packages agree.

A page whose name holds a space, a ``#`` and a non-ASCII letter must be URL-quoted the same way
in the HTML site's links, in ``anchors.json`` and in the Canvas and Moodle packages.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from tests.exporters.conftest import build_package, lms_copy
from tests.helpers import build, parse_html

BASEURL = "https://example.org/arch/"
PAGE_NAME = "béta #2 x"
QUOTED = "weeks/b%C3%A9ta%20%232%20x.html"
FOLDERS = {"canvas": "wiki_content", "moodle": "pages"}


@pytest.fixture(scope="module")
def source(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = lms_copy(rootdir, tmp_path_factory.mktemp("addresses") / "src")
    (src / "weeks" / "beta.rst").rename(src / "weeks" / f"{PAGE_NAME}.rst")
    return src


def test_site_registry_and_packages_quote_a_page_alike(
    source: Path, tmp_path: Path, schema_dir: Path
) -> None:
    html = build(source, "html", confoverrides={"html_baseurl": BASEURL})
    assert html.warnings == ""
    site_links = parse_html(html.outdir / "index.html").xpath("//a/@href")
    assert QUOTED in site_links  # the site's own link to the page
    registry = json.loads((html.outdir / "anchors.json").read_text())
    entry = next(o for o in registry["objects"] if o["id"] == "w02-zoe-obrien")
    assert entry["url"] == f"{QUOTED}#w02-zoe-obrien"
    assert entry["absolute_url"] == f"{BASEURL}{QUOTED}#w02-zoe-obrien"
    for flavour, folder in FOLDERS.items():
        package = build_package(source, flavour, schema_dir, html_baseurl=BASEURL)
        obrien = etree.fromstring(package.files[f"{folder}/w02-zoe-obrien.html"])
        assert obrien.xpath("//a[. = 'This page in the web archive']/@href") == [
            entry["absolute_url"]
        ], flavour
        if flavour == "moodle":  # a cross-reference into the page, to the published archive
            mensah = etree.fromstring(package.files["pages/w10-kwame-mensah.html"])
            assert f"{BASEURL}{QUOTED}#w02-zoe-obrien-response" in mensah.xpath("//a/@href")
