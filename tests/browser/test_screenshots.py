"""The README's screenshots, made from the archive as readers get it, into docs/images/.

Desktop (light and dark): the top of the week page down to the end of the first interrogation.
Phone: the page as a cited link to the first response opens it. Book: the PDF's first week page.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from tests.browser.conftest import DESKTOP, PHONE, Site, copy_archive, open_page
from tests.browser.dom import landing
from tests.conftest import REPO
from tests.helpers import build
from tests.pdf.conftest import ARCHIVE_WEEK, LATEXMKOPTS

IMAGES = REPO / "docs" / "images"

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
    """Save a screenshot as ``docs/images/<name>.png``."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=IMAGES / f"{name}.png", **options)  # type: ignore[arg-type]
    return IMAGES / f"{name}.png"


def assert_picture(path: Path, width: int) -> None:
    """The picture is ``width`` pixels wide and not blank."""
    with Image.open(path) as image:
        assert image.width == width
        assert ImageStat.Stat(image.convert("L")).stddev[0] > 20, f"{path.name} looks blank"


def desktop_picture(page: Page, sites: dict[str, Site], name: str) -> None:
    site, week_page = shown_week(sites)
    page.goto(site.address(week_page))
    card = page.locator(f'[id="{first_of(site, week_page, "interrogation")}"]').bounding_box()
    assert card is not None
    height = min(card["y"] + card["height"] + 16, MAX_HEIGHT)
    clip = {"x": 0, "y": 0, "width": DESKTOP["width"], "height": height}
    picture = saved(page, name, full_page=True, clip=clip)
    assert_picture(picture, DESKTOP["width"])


def test_desktop_screenshot(reader: Page, sites: dict[str, Site]) -> None:
    desktop_picture(reader, sites, "week-page-desktop")


def test_dark_mode_screenshot(browser: Browser, sites: dict[str, Site]) -> None:
    with open_page(browser, viewport=DESKTOP, color_scheme="dark") as page:
        desktop_picture(page, sites, "week-page-dark")
    with Image.open(IMAGES / "week-page-dark.png") as image:
        assert ImageStat.Stat(image.convert("L")).mean[0] < 100  # a dark page


@pytest.mark.skipif(not ARCHIVE_WEEK.exists(), reason="the archive has no week yet")
def test_book_first_week_screenshot(tmp_path: Path) -> None:
    result = build(copy_archive(tmp_path / "src"), "latex")
    subprocess.run(
        ["make", "-C", str(result.outdir), "all-pdf", LATEXMKOPTS], check=True, capture_output=True
    )
    [pdf] = result.outdir.glob("*.pdf")
    reader = PdfReader(pdf)
    page = next(i for i, p in enumerate(reader.pages) if p.extract_text().startswith("Week "))
    IMAGES.mkdir(parents=True, exist_ok=True)
    target = IMAGES / "book-first-week"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-singlefile",
            "-f",
            str(page + 1),
            "-l",
            str(page + 1),
            str(pdf),
            str(target),
        ],
        check=True,
    )
    with Image.open(target.with_suffix(".png")) as image:
        assert image.width == 680  # 8.5 in at 80 dpi
        assert ImageStat.Stat(image.convert("L")).stddev[0] > 20


def test_mobile_screenshot(phone: Page, sites: dict[str, Site]) -> None:
    site, week_page = shown_week(sites)
    anchor = first_of(site, week_page, "response")
    phone.goto(site.address(f"{week_page}#{anchor}"))
    assert landing(phone, anchor).in_view  # once the page stops scrolling
    picture = saved(phone, "week-page-mobile")
    assert_picture(picture, PHONE["width"] * 2)  # the phone has two device pixels per CSS pixel
