"""With ``interrogations_collapsible_responses``, responses open and close on a click or a key."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.conftest import Site


def test_responses_open_and_close(reader: Page, sites: dict[str, Site]) -> None:
    site = sites["collapsible"]
    responses = [record for record in site.citables if record.kind == "response"]
    assert responses
    for week_page in site.week_pages:
        reader.goto(site.address(week_page))
        docname = week_page.removesuffix(".html")
        for record in (r for r in responses if r.docname == docname):
            details = reader.locator(f'details[id="{record.anchor}"]')
            body = details.locator(":scope > .sd-summary-content")
            label = details.locator(":scope > summary .seminar-label")
            assert details.get_attribute("open") is None
            assert body.is_hidden()
            label.click()
            assert details.get_attribute("open") == ""
            assert body.is_visible()
            label.click()
            assert details.get_attribute("open") is None
            assert body.is_hidden()


def test_response_opens_from_the_keyboard(reader: Page, sites: dict[str, Site]) -> None:
    site = sites["collapsible"]
    reader.goto(site.address("weeks/week01.html"))
    details = reader.locator('details[id="w01-ada-lovelace-response"]')
    details.locator(":scope > summary").focus()
    reader.keyboard.press("Enter")
    assert details.locator(":scope > .sd-summary-content").is_visible()
    reader.keyboard.press("Space")
    assert details.locator(":scope > .sd-summary-content").is_hidden()


def test_a_cited_link_opens_the_collapsed_response(reader: Page, sites: dict[str, Site]) -> None:
    site = sites["collapsible"]
    reader.goto(site.address("weeks/week01.html") + "#w01-alan-turing-response")
    details = reader.locator('details[id="w01-alan-turing-response"]')
    assert details.get_attribute("open") == ""
    assert details.locator(":scope > .sd-summary-content").is_visible()
    closed = reader.locator('details[id="w01-ada-lovelace-response"]')
    assert closed.get_attribute("open") is None
