"""In a real browser, from file:// (no server, no network): one-click copy and redirect pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from sphinx_interrogations import lock
from tests.helpers import build, copy_root

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install it with "
            "`tools/install-system-packages --browser`",
            pytrace=False,
        )
    with sync_playwright() as driver:
        chromium = driver.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert problems == []


def test_copy_button_puts_the_bibtex_on_the_clipboard(
    rootdir: Path, tmp_path: Path, page: Page
) -> None:
    outdir = build(copy_root(rootdir, "cite", tmp_path / "src")).outdir
    page.goto((outdir / "weeks" / "week06.html").as_uri())
    item = page.locator('[id="w06-zoe-obrien"]')
    header = item.locator(":scope > .sd-card-header")
    bibtex = header.locator(
        ".seminar-cite-format", has=page.locator("button[aria-label='Copy BibTeX']")
    )
    button = bibtex.locator("button")
    assert not button.is_visible()  # closed disclosure
    header.locator("summary").click()
    shown = bibtex.locator("pre").inner_text()
    assert shown.startswith("@misc{w06-zoe-obrien,")
    button.click()
    assert button.inner_text() == "Copied"
    page.evaluate(
        "() => { const area = document.createElement('textarea');"
        " area.id = 'pasted'; document.body.append(area); area.focus(); }"
    )
    page.keyboard.press("Control+V")
    assert page.input_value("#pasted") == shown


def test_a_renamed_week_page_redirects_keeping_the_fragment(
    rootdir: Path, tmp_path: Path, page: Page
) -> None:
    project = copy_root(rootdir, "basic", tmp_path / "src")
    assert lock.main(["update", str(build(project).outdir), str(project / "anchors.lock")]) == 0
    (project / "weeks" / "week02.rst").rename(project / "weeks" / "machines.rst")
    index = project / "index.rst"
    index.write_text(index.read_text().replace("weeks/week02\n", "weeks/machines\n"))
    outdir = build(project).outdir
    old = (outdir / "weeks" / "week02.html").as_uri()

    page.goto(f"{old}#w02-zoe-obrien-response-2")
    page.wait_for_url("**/weeks/machines.html#w02-zoe-obrien-response-2")
    assert page.locator('[id="w02-zoe-obrien-response-2"]').evaluate("e => e.matches(':target')")
    page.goto(old)
    page.wait_for_url("**/weeks/machines.html")
