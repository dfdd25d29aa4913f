"""Finding one's way: the week's list of students, the previous and next weeks, the on-page
contents of wide screens, the weeks at a glance on the landing page."""

from __future__ import annotations

from playwright.sync_api import Browser, Page

from tests.browser.conftest import Site, open_page
from tests.browser.dom import landing

WIDE = {"width": 1600, "height": 900}


def test_each_student_link_lands_on_the_interrogation(reader: Page, site: Site) -> None:
    for week_page in site.week_pages:
        docname = week_page.removesuffix(".html")
        asked = [r for r in site.citables if r.docname == docname and r.kind == "interrogation"]
        reader.goto(site.address(week_page))
        links = reader.locator(".seminar-week-nav a")
        assert links.count() == len(asked)
        for position, record in enumerate(asked):
            link = links.nth(position)
            assert record.number in link.inner_text()
            link.click()
            assert reader.evaluate("location.hash") == f"#{record.anchor}"
            seen = landing(reader, record.anchor)
            assert seen.in_view and seen.is_target, record.anchor


def test_previous_and_next_week(reader: Page, sites: dict[str, Site]) -> None:
    site = sites["basic"]
    reader.goto(site.address(site.week_pages[0]))
    assert reader.locator(".seminar-week-previous").count() == 0
    reader.locator(".seminar-week-next a").click()
    reader.wait_for_load_state()
    assert reader.url.split("#")[0] == site.address(site.week_pages[1])
    assert reader.locator(".seminar-week-next").count() == 0
    reader.locator(".seminar-week-previous a").click()
    reader.wait_for_load_state()
    assert reader.url.split("#")[0] == site.address(site.week_pages[0])


def test_wide_screens_show_the_week_contents_beside_the_page(
    browser: Browser, sites: dict[str, Site]
) -> None:
    site = sites.get("archive")
    if site is None:
        return
    with open_page(browser, viewport=WIDE) as page:
        page.goto(site.address(site.week_pages[0]))
        toc = page.locator(".toc-drawer .seminar-toc-students a")
        docname = site.week_pages[0].removesuffix(".html")
        asked = [r for r in site.citables if r.docname == docname and r.kind == "interrogation"]
        assert toc.count() == len(asked)
        assert toc.first.is_visible()
        toc.nth(len(asked) - 1).click()
        assert page.evaluate("location.hash") == f"#{asked[-1].anchor}"


def test_landing_page_counts_each_weeks_items(reader: Page, sites: dict[str, Site]) -> None:
    site = sites.get("archive")
    if site is None:
        return
    reader.goto(site.address("index.html"))
    rows = reader.locator(".seminar-overview-table tbody tr")
    assert rows.count() == len(site.week_pages)
    for position, week_page in enumerate(site.week_pages):
        docname = week_page.removesuffix(".html")
        items = [r for r in site.citables if r.docname == docname]
        cells = rows.nth(position).locator("td").all_inner_texts()
        asked = sum(r.kind == "interrogation" for r in items)
        assert cells[3:] == [str(asked), str(len(items) - asked)]
        assert rows.nth(position).locator("a").get_attribute("href").startswith(week_page)
