"""The week page with the keyboard alone: Tab reaches the students' list, every Cite, Copy and
collapsible response; Enter and Space work them; whatever has the focus shows it."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from tests.browser.conftest import Site

#: what has the focus, and whether it shows it (an outline or a ring of at least 2 px)
FOCUS_SCRIPT = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return {
    tag: el.tagName.toLowerCase(),
    classes: typeof el.className === 'string' ? el.className : '',
    text: (el.innerText || '').trim().slice(0, 60),
    href: el.getAttribute('href') || '',
    visible_focus: outlined || style.boxShadow !== 'none',
  };
}"""
MAX_TABS = 400


def tab_to(page: Page, matches: str) -> dict:
    """Press Tab until the focused element matches the CSS selector ``matches``."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({matches!r})"):
            return page.evaluate(FOCUS_SCRIPT)
    raise AssertionError(f"Tab never reached {matches}")


def test_tab_reaches_the_students_and_each_has_visible_focus(reader: Page, site: Site) -> None:
    reader.goto(site.address(site.week_pages[0]))
    focus = tab_to(reader, ".seminar-week-nav a")
    assert focus["visible_focus"], focus
    first = next(r for r in site.citables if r.kind == "interrogation")
    assert focus["href"] == f"#{first.anchor}"
    reader.keyboard.press("Enter")
    assert reader.evaluate("location.hash") == f"#{first.anchor}"


def test_cite_and_copy_with_the_keyboard_alone(reader: Page, site: Site) -> None:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site.url))
    reader.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    reader.goto(site.address(site.week_pages[0]))
    focus = tab_to(reader, "summary.seminar-cite-summary")
    assert focus["visible_focus"], focus
    box = reader.locator("details.seminar-cite").first
    reader.keyboard.press("Enter")
    assert box.get_attribute("open") == ""
    focus = tab_to(reader, "button.seminar-copy")
    assert focus["visible_focus"], focus
    button = reader.locator("button.seminar-copy").first
    reader.keyboard.press("Enter")
    expect(button).to_have_text("Copied")
    permalink = box.locator("pre").first.inner_text()
    assert reader.evaluate("navigator.clipboard.readText()") == permalink
    tab_to(reader, "pre.seminar-cite-text")  # a long citation scrolls: it takes the focus too
    reader.keyboard.press("Shift+Tab")
    reader.keyboard.press("Shift+Tab")
    summary = reader.locator("summary.seminar-cite-summary").first
    summary.focus()
    reader.keyboard.press("Space")
    assert box.get_attribute("open") is None


def test_collapsed_responses_open_from_the_keyboard_alone(
    reader: Page, sites: dict[str, Site]
) -> None:
    site = sites["collapsible"]
    reader.goto(site.address(site.week_pages[0]))
    focus = tab_to(reader, "details.seminar-response > summary")
    assert focus["visible_focus"], focus
    details = reader.locator("details.seminar-response").first
    body = details.locator(":scope > .sd-summary-content")
    assert body.is_hidden()
    reader.keyboard.press("Enter")
    assert body.is_visible()
    reader.keyboard.press("Space")
    assert body.is_hidden()
