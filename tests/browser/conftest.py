"""Browser-test fixtures: the built sites served on localhost, and Chromium driven by Playwright.

Sites are built once per run of this package: the ``test-basic`` root (``basic``), the same
root with collapsible responses (``collapsible``) and, once ``source/2013-fall/week06.rst`` exists,
the real archive (``archive``). Chromium comes from the system's packages; nothing is downloaded.
"""

from __future__ import annotations

import functools
import runpy
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Response,
    sync_playwright,
)

from sphinx_interrogations.records import Item
from sphinx_interrogations.store import catalogue_of
from tests.conftest import REPO
from tests.helpers import build, copy_root

ARCHIVE_WEEK = REPO / "source" / "2013-fall" / "week06.rst"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
#: sites every content test runs on (the real archive only once its first week exists)
CONTENT_SITES = ("basic", "archive") if ARCHIVE_WEEK.exists() else ("basic",)
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@dataclass(frozen=True)
class Site:
    """One built HTML site, served at ``url``."""

    name: str
    outdir: Path
    url: str
    #: page of every week, in week order ("weeks/week01.html")
    week_pages: tuple[str, ...]
    #: every interrogation and response, by week then document order
    citables: tuple[Item, ...]

    def address(self, page: str) -> str:
        """Absolute URL of ``page`` (a path relative to the site's root, with query/fragment)."""
        return self.url + page

    def pages(self) -> list[str]:
        """Every HTML page, relative to the root (Sphinx's own _static/_sources left out)."""
        return sorted(
            path.relative_to(self.outdir).as_posix()
            for path in self.outdir.rglob("*.html")
            if not path.relative_to(self.outdir).parts[0].startswith("_")
        )


def chosen_theme(srcdir: Path) -> str:
    """The HTML theme the project's ``conf.py`` chooses (Sphinx's default when it chooses none)."""
    return runpy.run_path(str(srcdir / "conf.py")).get("html_theme", "alabaster")


def build_site(
    name: str,
    srcdir: Path,
    served: Path,
    origin: str,
    confoverrides: dict[str, object] | None = None,
) -> Site:
    """Build ``srcdir`` (a throwaway copy) as HTML into ``served/name``, served as ``/name/``.

    Sphinx's test application swaps the default theme for 'basic' unless told otherwise; the
    browser tests look at the theme readers get.
    """
    overrides = {"html_theme": chosen_theme(srcdir), **(confoverrides or {})}
    result = build(srcdir, confoverrides=overrides)
    shutil.move(result.outdir, served / name)
    catalogue = catalogue_of(result.env)
    weeks = tuple(f"{record.docname}.html" for record in catalogue.weeks())
    return Site(name, served / name, f"{origin}/{name}/", weeks, tuple(catalogue.items()))


def copy_archive(destination: Path) -> Path:
    """Copy the real archive (``source/`` with the repository's ``conf.py``) to ``destination``."""
    shutil.copytree(REPO / "source", destination)
    shutil.copy(REPO / "conf.py", destination / "conf.py")
    return destination


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="package")
def sites(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Site]]:
    """Every site, built once and served by a threaded HTTP server on 127.0.0.1."""
    served = tmp_path_factory.mktemp("served")
    sources = tmp_path_factory.mktemp("sources")
    handler = functools.partial(QuietHandler, directory=str(served))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        built = [
            build_site("basic", copy_root(rootdir, "basic", sources / "basic"), served, origin),
            build_site(
                "collapsible",
                copy_root(rootdir, "basic", sources / "collapsible"),
                served,
                origin,
                confoverrides={"interrogations_collapsible_responses": True},
            ),
        ]
        if "archive" in CONTENT_SITES:
            built.append(build_site("archive", copy_archive(sources / "archive"), served, origin))
        yield {site.name: site for site in built}
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(params=CONTENT_SITES)
def site(request: pytest.FixtureRequest, sites: dict[str, Site]) -> Site:
    """Each content site in turn: the test root, and the real archive when it exists."""
    return sites[request.param]


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    """Playwright for this package only: a second sync Playwright cannot start while it runs."""
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Chromium from the system's packages (never a downloaded browser build)."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: the browser tests need it. "
            "Install it with `tools/install-system-packages --browser` "
            "(`make test` runs that first).",
            pytrace=False,
        )
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


class Problems:
    """Console errors, uncaught exceptions and failed requests seen by the pages of one test."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def watch(self, page: Page) -> Page:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.found.append(f"uncaught exception: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        return page

    def _console(self, message: ConsoleMessage) -> None:
        # The browser asks every site for /favicon.ico by itself; Sphinx has none unless
        # html_favicon is set. That request is the browser's, not the page's.
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            self.found.append(f"console error: {message.text} ({message.location['url']})")

    def _failed(self, request: Request) -> None:
        # ERR_ABORTED: the test moved on to the next page while this one still loaded something
        # (e.g. the index's toggle images); a missing or unreachable resource fails otherwise.
        if request.failure != "net::ERR_ABORTED":
            self.found.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.found.append(f"HTTP {response.status}: {response.url}")


@contextmanager
def open_page(browser: Browser, **context: object) -> Iterator[Page]:
    """A fresh page in its own context; fails if any page problem was seen by the end."""
    problems = Problems()
    browser_context = browser.new_context(**context)  # type: ignore[arg-type]
    try:
        yield problems.watch(browser_context.new_page())
    finally:
        browser_context.close()
    assert problems.found == [], "\n".join(problems.found)


@pytest.fixture
def reader(browser: Browser) -> Iterator[Page]:
    """A page on a 1280 px wide desktop viewport."""
    with open_page(browser, viewport=DESKTOP) as page:
        yield page


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A page on a 390 px wide phone (mobile viewport rules, touch, two pixels per CSS pixel)."""
    with open_page(
        browser, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    ) as page:
        yield page
