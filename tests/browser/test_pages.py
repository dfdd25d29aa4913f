"""Every page of every site loads without console errors or failed requests (checked by the
``reader`` fixture), and every link inside the site leads to an existing page and element."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html
from playwright.sync_api import Page

from tests.browser.conftest import CONTENT_SITES, Site


@cache
def ids_in(page: Path) -> frozenset[str]:
    """Every ``id`` in a built page."""
    return frozenset(html.fromstring(page.read_bytes()).xpath("//@id"))


def broken(site: Site, url: str) -> str | None:
    """Why ``url`` (a link inside ``site``) leads nowhere, or None when it leads somewhere."""
    parts = urlsplit(url)
    path = site.outdir / unquote(parts.path.removeprefix(urlsplit(site.url).path))
    if path.is_dir():
        path = path / "index.html"
    if not path.is_file():
        return f"{url}: no such page"
    fragment = unquote(parts.fragment)
    if fragment and path.suffix == ".html" and fragment not in ids_in(path):
        return f"{url}: no element with id {fragment!r}"
    return None


@pytest.mark.parametrize("name", [*CONTENT_SITES, "collapsible"])
def test_every_page_loads_cleanly_and_links_resolve(
    reader: Page, sites: dict[str, Site], name: str
) -> None:
    site = sites[name]
    problems = []
    for page in site.pages():
        reader.goto(site.address(page))
        links = reader.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        internal = {link for link in links if link.startswith(site.url)}
        problems += [f"{page}: {why}" for link in internal if (why := broken(site, link))]
    assert problems == []
