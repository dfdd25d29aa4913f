"""Small DOM probes the browser tests share (each one script run in the page)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ITEMS = ".seminar-interrogation, .seminar-response"

LANDING_SCRIPT = """({anchor, items}) => {
  const el = document.getElementById(anchor);
  const rect = el.getBoundingClientRect();
  const outlined = [...document.querySelectorAll(items)].filter(item => {
    const style = getComputedStyle(item);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
  return {
    in_view: rect.top >= 0 && rect.top + 20 <= window.innerHeight,
    is_target: el.matches(':target'),
    outlined: outlined.map(item => item.id),
    top_in_document: rect.top + window.scrollY,
  };
}"""


@dataclass(frozen=True)
class Landing:
    """Where an item is, seen from the page a reader has just opened."""

    #: the top of the item (its heading) lies inside the viewport
    in_view: bool
    #: the item matches ``:target``
    is_target: bool
    #: ids of the items drawn with an outline (the ``:target`` style)
    outlined: list[str]
    #: distance from the top of the document to the item, in CSS pixels
    top_in_document: float


#: waits until the page stops scrolling (themes such as furo scroll smoothly to a fragment)
SETTLE_SCRIPT = """async () => {
  if (document.readyState !== 'complete') {
    await new Promise(resolve => window.addEventListener('load', resolve, {once: true}));
  }
  let last = window.scrollY, still = 0;
  for (let i = 0; i < 100 && still < 5; i++) {
    await new Promise(resolve => setTimeout(resolve, 50));
    still = window.scrollY === last ? still + 1 : 0;
    last = window.scrollY;
  }
}"""


#: true once the item's heading is inside the viewport
IN_VIEW_SCRIPT = """anchor => {
  const rect = document.getElementById(anchor).getBoundingClientRect();
  return rect.top >= 0 && rect.top + 20 <= window.innerHeight;
}"""


def landing(page: Page, anchor: str) -> Landing:
    """Probe the item carrying ``anchor`` as its id, once the page has stopped scrolling.

    A loaded machine may start a theme's smooth scroll late: the item is given up to five
    seconds to come into view before the page is probed (a page that never scrolls there fails).
    """
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(IN_VIEW_SCRIPT, arg=anchor, timeout=5000)
    page.evaluate(SETTLE_SCRIPT)
    return Landing(**page.evaluate(LANDING_SCRIPT, {"anchor": anchor, "items": ITEMS}))


def permalink(page: Page, anchor: str) -> Locator:
    """The ¶ link in the item's own heading (not in a nested response)."""
    return page.locator(f'[id="{anchor}"] > :is(.sd-card-header, summary) a.headerlink')
