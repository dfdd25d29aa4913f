"""The "Cite" control beside each permalink: opens, shows the permalink and three citation
formats, and copies each one to the clipboard in one click (no network needed)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import Site

FORMATS = ["Permalink", "Plain text", "BibTeX", "CSL-JSON"]


def cite_box(page: Page, anchor: str) -> Locator:
    """The item's own "Cite" disclosure (not the one of a nested response)."""
    return page.locator(
        f'[id="{anchor}"] > :is(.sd-card-header, .sd-summary-content) > details.seminar-cite'
    )


def test_every_item_has_a_working_cite_box(reader: Page, site: Site) -> None:
    for week_page in site.week_pages:
        reader.goto(site.address(week_page))
        docname = week_page.removesuffix(".html")
        for record in (r for r in site.citables if r.docname == docname):
            box = cite_box(reader, record.anchor)
            formats = box.locator(".seminar-cite-format")
            assert formats.first.is_hidden()
            box.locator("summary").click()
            assert box.get_attribute("open") == ""
            assert formats.locator(".seminar-cite-label").all_inner_texts() == FORMATS
            assert formats.locator("button.seminar-copy").evaluate_all(
                "buttons => buttons.every(b => !b.hidden && b.offsetParent !== null)"
            )
            assert box.locator("a").get_attribute("href") == f"#{record.anchor}"
            plain = formats.nth(1).locator("pre").inner_text()
            assert record.student.family in plain
            assert f"{docname}.html#{record.anchor}" in plain


def test_copy_buttons_put_each_citation_on_the_clipboard(
    reader: Page, sites: dict[str, Site]
) -> None:
    site = sites["basic"]
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site.url))
    reader.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    reader.goto(site.address("weeks/week01.html"))
    anchor = "w01-ada-lovelace-response"
    box = cite_box(reader, anchor)
    box.locator("summary").click()
    copied = {}
    for position, name in enumerate(FORMATS):
        block = box.locator(".seminar-cite-format").nth(position)
        button = block.locator("button.seminar-copy")
        button.click()
        expect(button).to_have_text("Copied")
        copied[name] = reader.evaluate("navigator.clipboard.readText()")
        assert copied[name] == block.locator("pre").inner_text()
    assert copied["Permalink"].endswith(f"weeks/week01.html#{anchor}")
    assert copied["BibTeX"].startswith(f"@misc{{{anchor},")
    [entry] = json.loads(copied["CSL-JSON"])
    assert entry["id"] == anchor
    assert entry["author"] == [{"literal": "Prof. Example"}]
    assert entry["URL"] == copied["Permalink"]
