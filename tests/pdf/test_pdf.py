"""The PDF as a reader gets it: a bookmark per week, interrogation and response, each leading to
its page; every page with text renders visibly; every font embedded."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.pdf.conftest import Document

#: a page "has ink" when at least this share of its pixels is dark (one line of text: ~0.0014)
MIN_INK = 0.0005


@pytest.fixture(autouse=True)
def poppler() -> None:
    """pdftoppm and pdffonts come from poppler-utils, which the project's set-up installs."""
    missing = [tool for tool in ("pdftoppm", "pdffonts") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} missing: run tools/install-system-packages", False)


@dataclass(frozen=True)
class Bookmark:
    title: str
    #: 0-based page the bookmark leads to
    page: int
    #: title of the bookmark it is nested in (None at the top level)
    parent: str | None


def plain(text: str) -> str:
    """``text`` with typographic apostrophes made straight (the test root uses smartquotes)."""
    return text.replace("’", "'")


def bookmarks(reader: PdfReader) -> dict[str, Bookmark]:
    """Every bookmark of the outline by title (pypdf lists children after their parent)."""
    found: dict[str, Bookmark] = {}

    def walk(outline: list, parent: str | None) -> None:
        previous = parent
        for entry in outline:
            if isinstance(entry, list):
                walk(entry, previous)
            else:
                previous = plain(entry.title)
                found[previous] = Bookmark(
                    previous, reader.get_destination_page_number(entry), parent
                )

    walk(reader.outline, None)
    return found


def expected_bookmarks(document: Document) -> list[tuple[str, str, str]]:
    """(title, parent's title, a name on its page) of every interrogation and response."""
    titles: dict[str, str] = {}
    expected = []
    for record in document.citables:
        if record.kind == "interrogation":
            title = f"{record.number} {record.student.full}"
            expected.append((title, document.weeks[record.week], record.student.full))
        else:
            title = f"{record.number} {record.responder.full}"
            expected.append((title, titles[record.parent], record.responder.full))
        titles[record.anchor] = title
    return [(plain(title), plain(parent), plain(name)) for title, parent, name in expected]


def test_bookmark_per_week_interrogation_and_response(document: Document) -> None:
    reader = PdfReader(document.pdf)
    outline = bookmarks(reader)
    for title in document.weeks.values():
        assert plain(title) in outline, f"no bookmark for the week {title!r}"
    for title, parent, name in expected_bookmarks(document):
        assert title in outline, f"no bookmark {title!r}"
        bookmark = outline[title]
        assert bookmark.parent == parent, title
        # A bookmark set just before a page break lands at the foot of the previous page, so
        # the item may start on the next one; any further away is a wrong bookmark.
        pages = reader.pages[bookmark.page : bookmark.page + 2]
        assert name in plain(" ".join(page.extract_text() for page in pages)), title


def dark_share(png: Path) -> float:
    """Share of the pixels darker than mid-grey."""
    with Image.open(png) as image:
        histogram = image.convert("L").histogram()
    return sum(histogram[:128]) / sum(histogram)


def test_pages_with_text_render_visibly(document: Document, tmp_path: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", str(document.pdf), str(tmp_path / "page")], check=True
    )
    images = sorted(tmp_path.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    reader = PdfReader(document.pdf)
    assert len(images) == len(reader.pages)
    inked = 0
    for number, (image, page) in enumerate(zip(images, reader.pages, strict=True), start=1):
        ink = dark_share(image)
        if page.extract_text().strip():
            assert ink >= MIN_INK, f"page {number} has text but renders blank"
        inked += ink >= MIN_INK
    assert inked >= len(document.weeks) + 2  # title page, contents, every week


def test_every_font_is_embedded(document: Document) -> None:
    header, rule, *fonts = subprocess.run(
        ["pdffonts", str(document.pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    # columns (name, type, encoding, emb, sub, uni, object ID) span the rule's runs of dashes
    spans, start = [], 0
    for dashes in rule.split(" "):
        spans.append(slice(start, start + len(dashes)))
        start += len(dashes) + 1
    name, emb = spans[0], spans[header.split().index("emb")]
    assert fonts, "the PDF lists no fonts"
    assert [font[name].strip() for font in fonts if font[emb].strip() != "yes"] == []
