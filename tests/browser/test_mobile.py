"""On a 390 px wide phone nothing overflows sideways and the text stays readable."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.conftest import PHONE, Site

MIN_FONT_PX = 14

#: page width, body font size, the smallest paragraph font in the main content, and (to explain a
#: failure) the elements that reach past the right edge of the viewport
LAYOUT_SCRIPT = """() => {
  const main = document.querySelector('main, [role=main]');
  const px = el => parseFloat(getComputedStyle(el).fontSize);
  const paragraphs = [...main.querySelectorAll('p')].filter(p => p.innerText.trim());
  const wide = [...document.body.querySelectorAll('*')]
    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 0.5)
    .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
      + (typeof el.className === 'string' ? '.' + el.className.trim().split(/ +/).join('.') : ''));
  return {
    scroll_width: document.documentElement.scrollWidth,
    body_font: px(document.body),
    smallest_paragraph_font: Math.min(...paragraphs.map(px)),
    wide: wide.slice(0, 8),
  };
}"""


def test_no_page_overflows_and_text_stays_readable(phone: Page, site: Site) -> None:
    pages = site.pages()
    assert set(site.week_pages) <= set(pages)
    for page in pages:
        phone.goto(site.address(page))
        # opened "Cite" boxes (and collapsed groups) must fit too
        phone.eval_on_selector_all("details", "all => all.forEach(d => { d.open = true; })")
        layout = phone.evaluate(LAYOUT_SCRIPT)
        assert layout["scroll_width"] <= PHONE["width"], (page, layout["wide"])
        assert layout["body_font"] >= MIN_FONT_PX, page
        assert layout["smallest_paragraph_font"] >= MIN_FONT_PX, page
