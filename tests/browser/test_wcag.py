"""WCAG 2.1 AA on every page type of the archive's own theme, in both colour modes, on a desktop
and a phone: axe-core's WCAG 2.0/2.1 A and AA rules on the whole page (theme included), every
disclosure open, and the colours of the responses measured in each mode."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.browser.conftest import CONTENT_SITES, DESKTOP, PHONE, Site, open_page
from tests.browser.test_accessibility import violations

#: every kind of page the archive has (the search page with a query that finds something)
PAGE_TYPES = {
    "landing": "index.html",
    "week": None,  # the first week page
    "student index": "seminar-students.html",
    "week index": "seminar-weeks.html",
    "search": "search.html?q=Benkler",
    "general index": "genindex.html",
}
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
MODES = [
    pytest.param(("light", DESKTOP), id="light-desktop"),
    pytest.param(("dark", DESKTOP), id="dark-desktop"),
    pytest.param(("light", PHONE), id="light-phone"),
    pytest.param(("dark", PHONE), id="dark-phone"),
]
#: the response's own colours (background, text) must be these in each mode
RESPONSE_BACKGROUND = {"light": "rgb(242, 246, 251)", "dark": "rgb(28, 38, 51)"}

pytestmark = pytest.mark.skipif("archive" not in CONTENT_SITES, reason="the archive has no week")


@pytest.fixture
def themed(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    scheme, viewport = request.param
    with open_page(browser, viewport=viewport, color_scheme=scheme) as page:
        yield page


def address(site: Site, page: str | None) -> str:
    return site.address(page or site.week_pages[0])


@pytest.mark.parametrize("themed", MODES, indirect=True)
def test_every_page_type_passes_wcag_aa(themed: Page, sites: dict[str, Site]) -> None:
    site = sites["archive"]
    axe = Axe()
    found = {}
    for kind, page in PAGE_TYPES.items():
        themed.goto(address(site, page))
        themed.wait_for_load_state("networkidle")
        themed.eval_on_selector_all("details", "all => all.forEach(d => { d.open = true; })")
        results = axe.run(themed, options=WCAG_AA).response
        assert results["passes"], kind  # axe ran
        found[kind] = violations(results)
    assert found == {kind: [] for kind in PAGE_TYPES}


@pytest.mark.parametrize("themed", [MODES[0], MODES[1]], indirect=True, ids=["light", "dark"])
def test_each_mode_has_its_own_measured_contrast(themed: Page, sites: dict[str, Site]) -> None:
    site = sites["archive"]
    scheme = (
        "dark" if themed.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") else "light"
    )
    themed.goto(address(site, None))
    response = themed.locator(".seminar-response").first
    assert (
        response.evaluate("el => getComputedStyle(el).backgroundColor")
        == (RESPONSE_BACKGROUND[scheme])
    )
    results = (
        Axe()
        .run(
            themed, ".seminar-response", {"runOnly": {"type": "rule", "values": ["color-contrast"]}}
        )
        .response
    )
    ratios = [
        node["any"][0]["data"]["contrastRatio"]
        for rule in results["passes"]
        for node in rule["nodes"]
        if node["any"][0].get("data") and "contrastRatio" in node["any"][0]["data"]
    ]
    assert ratios and min(ratios) >= 4.5, ratios
    assert violations(results) == []


def test_the_theme_toggle_switches_to_dark(reader: Page, sites: dict[str, Site]) -> None:
    site = sites["archive"]
    reader.goto(address(site, None))
    response = reader.locator(".seminar-response").first
    colours = set()
    for _ in range(3):  # furo cycles auto → dark → light (or auto → light → dark)
        reader.locator(
            ".theme-toggle-content button.theme-toggle, .content-icon-container .theme-toggle"
        ).first.click()
        colours.add(response.evaluate("el => getComputedStyle(el).backgroundColor"))
    assert colours >= set(RESPONSE_BACKGROUND.values())


def test_every_page_declares_its_language(reader: Page, sites: dict[str, Site]) -> None:
    site = sites["archive"]
    for page in PAGE_TYPES.values():
        reader.goto(address(site, page))
        assert reader.evaluate("document.documentElement.lang") == "en"
