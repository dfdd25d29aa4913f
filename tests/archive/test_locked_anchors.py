"""Week 6 lives in its term, Fall 2013: every anchor the lock publishes still resolves, at its
page and at the page it was first published on (a redirect page now)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sphinx_interrogations import lock
from sphinx_interrogations.store import catalogue_of
from tests.conftest import REPO
from tests.helpers import Build, build_archive, parse_html


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_archive(tmp_path_factory.mktemp("archive"), "html")


def test_week_6_is_in_its_term(html: Build) -> None:
    catalogue = catalogue_of(html.env)
    [term] = catalogue.terms()
    assert (term.key, term.title, term.year, term.prefix) == ("2013-fall", "Fall 2013", 2013, "")
    [week] = catalogue.weeks()
    assert (week.docname, week.term, week.issued) == ("2013-fall/week06", "2013-fall", "2013-10-10")


def test_every_locked_anchor_resolves(html: Build) -> None:
    entries = lock.read(REPO / "anchors.lock")
    assert len(entries) == 25
    pages: dict[str, set[str]] = {}
    for anchor, entry in entries.items():
        page, _, fragment = entry.url.partition("#")
        assert fragment == anchor
        if page not in pages:
            pages[page] = set(parse_html(html.outdir / page).xpath("//@id"))
        assert anchor in pages[page], f"{anchor} is not on {page}"


def test_the_first_published_urls_land_on_the_term_page(html: Build) -> None:
    entries = lock.read(REPO / "anchors.lock")
    former = {docname for entry in entries.values() for docname in entry.former_docnames}
    assert former == {"weeks/week06"}
    redirect = (html.outdir / "weeks" / "week06.html").read_text(encoding="utf-8")
    targets = json.loads(re.search(r"var targets = (\{.*?\});", redirect)[1])
    assert targets == {anchor: f"../{entry.url}" for anchor, entry in entries.items()}
    for url in targets.values():
        assert (html.outdir / "weeks" / Path(url.split("#")[0])).resolve().is_file()
