"""Cited links land on the exact interrogation or response; the ¶ permalink points to itself."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.conftest import Site
from tests.browser.dom import landing, permalink

#: a short window, so that most items start below the fold
SHORT_WINDOW = {"width": 1280, "height": 400}


def test_cited_item_scrolls_into_view_and_is_the_target(reader: Page, site: Site) -> None:
    reader.set_viewport_size(SHORT_WINDOW)
    below_the_fold = 0
    for visit, record in enumerate(site.citables):
        # a distinct query string makes every visit a fresh page load, as from another site
        reader.goto(site.address(f"{record.docname}.html?visit={visit}#{record.anchor}"))
        landed = landing(reader, record.anchor)
        assert landed.in_view, record.anchor
        assert landed.is_target, record.anchor
        assert landed.outlined == [record.anchor]
        below_the_fold += landed.top_in_document > SHORT_WINDOW["height"]
    assert below_the_fold >= len(site.citables) // 2, "too few items needed scrolling to reach"


def test_turing_response_lands_in_view(reader: Page, sites: dict[str, Site]) -> None:
    reader.set_viewport_size(SHORT_WINDOW)
    anchor = "w01-alan-turing-response"
    page = sites["basic"].address("weeks/week01.html")
    reader.goto(page)
    before = landing(reader, anchor)
    assert not before.in_view
    assert before.outlined == []
    reader.goto(f"{page}?cited#{anchor}")
    after = landing(reader, anchor)
    assert after.in_view
    assert after.outlined == [anchor]


def test_permalink_points_to_itself_and_updates_the_address(reader: Page, site: Site) -> None:
    reader.set_viewport_size(SHORT_WINDOW)
    for week_page in site.week_pages:
        reader.goto(site.address(week_page))
        docname = week_page.removesuffix(".html")
        for record in (r for r in site.citables if r.docname == docname):
            link = permalink(reader, record.anchor)
            assert link.get_attribute("href") == f"#{record.anchor}"
            link.locator("xpath=..").hover()  # the theme shows ¶ on hovering the heading
            link.click()
            assert reader.url == site.address(f"{week_page}#{record.anchor}")
            landed = landing(reader, record.anchor)
            assert landed.is_target
            assert landed.in_view
