"""Screenshots of a week page on a desktop and on a phone, kept in tests/artifacts/.

Desktop: the top of the page down to the end of the first interrogation and its response.
Phone: the page as a cited link to the first response opens it.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageStat
from playwright.sync_api import Page

from tests.browser.conftest import ARTIFACTS, DESKTOP, PHONE, Site

#: the tallest desktop picture, in CSS pixels
MAX_HEIGHT = 1800


def shown_week(sites: dict[str, Site]) -> tuple[Site, str]:
    """The week page to show: the archive's first week, or the test root's."""
    site = sites.get("archive", sites["basic"])
    return site, site.week_pages[0]


def first_of(site: Site, week_page: str, kind: str) -> str:
    docname = week_page.removesuffix(".html")
    return next(r.anchor for r in site.citables if r.docname == docname and r.kind == kind)


def saved(page: Page, name: str, **options: object) -> Path:
    """Save a screenshot as ``tests/artifacts/<name>.png``."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", **options)  # type: ignore[arg-type]
    return ARTIFACTS / f"{name}.png"


def assert_picture(path: Path, width: int) -> None:
    """The picture is ``width`` pixels wide and not blank."""
    with Image.open(path) as image:
        assert image.width == width
        assert ImageStat.Stat(image.convert("L")).stddev[0] > 20, f"{path.name} looks blank"


def test_desktop_screenshot(reader: Page, sites: dict[str, Site]) -> None:
    site, week_page = shown_week(sites)
    reader.goto(site.address(week_page))
    card = reader.locator(f'[id="{first_of(site, week_page, "interrogation")}"]').bounding_box()
    assert card is not None
    height = min(card["y"] + card["height"] + 16, MAX_HEIGHT)
    clip = {"x": 0, "y": 0, "width": DESKTOP["width"], "height": height}
    picture = saved(reader, "week-page-desktop", full_page=True, clip=clip)
    assert_picture(picture, DESKTOP["width"])


def test_mobile_screenshot(phone: Page, sites: dict[str, Site]) -> None:
    site, week_page = shown_week(sites)
    phone.goto(site.address(f"{week_page}#{first_of(site, week_page, 'response')}"))
    picture = saved(phone, "week-page-mobile")
    assert_picture(picture, PHONE["width"] * 2)  # the phone has two device pixels per CSS pixel
