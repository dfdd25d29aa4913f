"""Accessibility basics of the week pages: axe-core's rules on the content, headings in order,
landmarks, link text, and the contrast of the response styling.

axe-core comes from the ``axe-playwright-python`` package (its bundled ``axe.min.js``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from tests.browser.conftest import CONTENT_SITES, DESKTOP, Site, open_page

MAIN = "main, [role=main]"
#: rules checked on the whole page, theme included (the theme's own footer colours and sidebar
#: headings are the theme's business; everything inside the content is checked by all rules)
PAGE_RULES = [
    "document-title",
    "html-has-lang",
    "landmark-one-main",
    "landmark-no-duplicate-main",
    "page-has-heading-one",
    "link-name",
    "image-alt",
    "duplicate-id-aria",
    "nested-interactive",
]

STRUCTURE_SCRIPT = """main => ({
  headings: [...main.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => Number(h.tagName[1])),
  mains: document.querySelectorAll('main, [role=main]').length,
  navigations: document.querySelectorAll('nav, [role=navigation]').length,
  unnamed_links: [...document.querySelectorAll('a[href]')]
    .filter(a => !(a.innerText.trim() || a.getAttribute('aria-label') || a.title
      || [...a.querySelectorAll('img[alt]')].some(img => img.alt.trim())))
    .map(a => a.outerHTML),
})"""


@dataclass(frozen=True)
class Audit:
    """What axe-core and a few scripts found on the first week page of a site."""

    #: every rule of axe-core on the content
    content: dict
    #: the page-wide rules on the whole page
    page: dict
    #: colour contrast of every text of the responses that passed axe-core's check (one that
    #: failed is a violation of ``content``)
    response_contrast: list[dict]
    structure: dict


def violations(results: dict) -> list[str]:
    return [
        f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'])})"
        for v in results["violations"]
    ]


def only(*rules: str) -> dict:
    """axe-core options running only ``rules``."""
    return {"runOnly": {"type": "rule", "values": list(rules)}}


@pytest.fixture(scope="module", params=[*CONTENT_SITES, "collapsible"])
def audit(
    request: pytest.FixtureRequest, browser: Browser, sites: dict[str, Site]
) -> Iterator[Audit]:
    """Audit the first week page of each site once, with every disclosure (Cite, response) open."""
    site = sites[request.param]
    axe = Axe()
    with open_page(browser, viewport=DESKTOP) as page:
        page.goto(site.address(site.week_pages[0]))
        page.eval_on_selector_all("details", "all => all.forEach(d => { d.open = true; })")
        responses = axe.run(
            page, ".seminar-response", {**only("color-contrast"), "resultTypes": ["passes"]}
        ).response
        yield Audit(
            content=axe.run(page, MAIN, {"resultTypes": ["violations"]}).response,
            page=axe.run(page, options=only(*PAGE_RULES)).response,
            response_contrast=[
                {"target": node["target"], **node["any"][0]["data"]}
                for rule in responses["passes"]
                for node in rule["nodes"]
            ],
            structure=page.locator(MAIN).first.evaluate(STRUCTURE_SCRIPT),
        )


def test_content_passes_every_axe_rule(audit: Audit) -> None:
    assert violations(audit.content) == []


def test_whole_page_landmarks_titles_and_links_pass_axe(audit: Audit) -> None:
    assert violations(audit.page) == []
    assert {rule["id"] for rule in audit.page["passes"]} >= {"landmark-one-main", "link-name"}


def test_headings_in_order_landmarks_and_link_text(audit: Audit) -> None:
    levels = audit.structure["headings"]
    assert levels[0] == 1
    skips = [(a, b) for a, b in pairwise(levels) if b > a + 1]
    assert skips == [], levels
    assert audit.structure["mains"] == 1
    assert audit.structure["navigations"] >= 1
    assert audit.structure["unnamed_links"] == []


def test_response_styling_has_enough_contrast(audit: Audit) -> None:
    checked = audit.response_contrast
    targets = " ".join(" ".join(text["target"]) for text in checked)
    assert "seminar-responder" in targets  # the response's header text
    assert "sd-card-body" in targets  # the response's body text
    assert min(text["contrastRatio"] for text in checked) >= 4.5, checked
    backgrounds = {text["bgColor"] for text in checked}
    assert backgrounds >= {"#e3ecf6", "#f2f6fb"}, backgrounds  # the response's own colours
