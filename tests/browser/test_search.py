"""Sphinx's own search page finds a sentence of the archive, and its result leads to it."""

from __future__ import annotations

from urllib.parse import quote_plus

from playwright.sync_api import Page

from tests.browser.conftest import Site
from tests.conftest import SEED

#: per site: a sentence to look for, and the only page holding it
SENTENCES = {
    "basic": ("It can only do what we order it to perform.", "weeks/week01.html"),
    # from EOW's response to Dmytro Khutkyy, in the seed
    "archive": (
        "The system becomes more heterogeneous, and thus capitalism becomes less dominant"
        " in the system without capitalism being replaced.",
        "2013-fall/week06.html",
    ),
}


def test_archive_sentence_comes_from_the_seed() -> None:
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    assert SENTENCES["archive"][0] in seed


def test_search_finds_the_sentence(reader: Page, site: Site) -> None:
    sentence, page = SENTENCES[site.name]
    reader.goto(site.address(f"search.html?q={quote_plus(sentence)}"))
    summary = reader.locator("#search-results .search-summary")
    summary.filter(has_text="Search finished").wait_for()
    results = reader.locator("#search-results ul.search > li")
    assert results.count() == 1, results.all_inner_texts()
    link = results.locator("a").first
    assert link.get_attribute("href").split("?")[0] == page
    results.locator("p.context").wait_for()  # a summary fetched from the page itself
    link.click()
    reader.wait_for_url(f"{site.address(page)}*")
    assert sentence in " ".join(reader.locator("[role=main], main").first.inner_text().split())
    assert reader.locator("span.highlighted").count() > 0
