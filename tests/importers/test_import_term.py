"""Importing into a term: a missing term is created (its page, listed on the landing page), and
every imported week is listed on its term's page, in week order, once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from interrogations_import.cli import main
from interrogations_import.toctrees import toctrees, with_entry
from sphinx_interrogations.scaffold import cli as scaffold
from sphinx_interrogations.scaffold.spec import new_term
from sphinx_interrogations.scaffold.writer import term_page
from tests.helpers import parse_html

WEEK = """\
## Interrogations Week {week}. Sociology 101, October {week}
### Readings of week {week}
---
#### 1. Ann Lee
Why do markets need rules, in week {week}?

[EOW: Because they are made of rules.]
"""


def entries(page: Path, caption: str) -> list[str]:
    """The entries of the page's toctree with ``caption``."""
    lines = page.read_text(encoding="utf-8").splitlines()
    [tree] = [tree for tree in toctrees(lines) if tree.caption == caption]
    return [target for _, target in tree.entries]


def documents(folder: Path, *weeks: int) -> list[str]:
    folder.mkdir(exist_ok=True)
    for week in weeks:
        (folder / f"week{week}.md").write_text(WEEK.format(week=week), encoding="utf-8")
    return [str(folder / f"week{week}.md") for week in weeks]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    target = tmp_path / "soc101"
    created = scaffold.main([str(target), "--course", "Sociology 101", "--term", "2014-fall",
                             "--requirement", "sphinx-interrogations==0.1.0"])  # fmt: skip
    assert created == 0
    return target


def import_into(archive: Path, term: str, *paths: str, force: bool = False) -> int:
    extra = ["--force"] if force else []
    return main([*paths, "--term", term, "--source-dir", str(archive / "source"), *extra])


def sphinx_build(archive: Path) -> subprocess.CompletedProcess[str]:
    """A strict, nitpicky HTML build, as the archive's Makefile runs it."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-c", ".", "-b", "html",
         "-d", "_build/doctrees", "source", "_build/html"],
        cwd=archive, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip


def test_importing_into_a_new_term_creates_it_and_lists_its_weeks(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = archive / "source"
    assert import_into(archive, "2015-fall", *documents(tmp_path / "docs", 9, 8)) == 0
    out, err = capsys.readouterr()
    page = source / "2015-fall" / "index.rst"
    assert f"created term 2015-fall (Fall 2015): edit its title in {page}" in out
    assert f"added 2015-fall/index to the terms in {source / 'index.rst'}" in out
    assert f"added week08 to the weeks in {page}" in out and "Traceback" not in err
    # the page interrogations-new writes for a term, and the weeks in their order
    blank = term_page(new_term("2015-fall", "Sociology 101"))
    assert page.read_text(encoding="utf-8") == f"{blank}\n   week08\n   week09\n"
    assert entries(source / "index.rst", "Terms") == ["2015-fall/index", "2014-fall/index"]

    built = sphinx_build(archive)
    assert built.returncode == 0, built.stderr
    assert built.stderr == ""
    html = archive / "_build" / "html"
    landing = [(a.get("href"), a.text_content()) for a in parse_html(html / "index.html").iter("a")]
    terms = [
        link for link in landing if link[0] in ("2015-fall/index.html", "2014-fall/index.html")
    ]
    assert terms[:2] == [
        ("2015-fall/index.html", "Fall 2015"),
        ("2014-fall/index.html", "Fall 2014"),
    ]
    term = parse_html(html / "2015-fall" / "index.html")
    weeks = [a.get("href") for a in term.xpath("//div[contains(@class,'toctree-wrapper')]//a")]
    assert weeks == ["week08.html", "week09.html"]
    assert "t2015-fall-w08-ann-lee" in (html / "2015-fall" / "week08.html").read_text("utf-8")


def test_importing_again_or_into_an_existing_term_changes_no_listing_twice(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = archive / "source"
    docs = documents(tmp_path / "docs", 6, 8, 7)
    assert import_into(archive, "2015-fall", docs[0], docs[1]) == 0
    pages = {
        path: path.read_bytes() for path in (source / "index.rst", source / "2015-fall/index.rst")
    }
    capsys.readouterr()
    assert import_into(archive, "2015-fall", docs[0], docs[1], force=True) == 0
    out, _ = capsys.readouterr()
    assert "created" not in out and "added" not in out
    assert {path: path.read_bytes() for path in pages} == pages
    assert import_into(archive, "2015-fall", docs[2]) == 0  # week 7 goes between 6 and 8
    assert entries(source / "2015-fall/index.rst", "Weeks") == ["week06", "week07", "week08"]
    assert import_into(archive, "2014-fall", docs[2]) == 0  # the first term: its page exists
    out, _ = capsys.readouterr()
    assert "created" not in out
    assert entries(source / "2014-fall/index.rst", "Weeks") == ["week07"]
    assert entries(source / "index.rst", "Terms") == ["2015-fall/index", "2014-fall/index"]
    built = sphinx_build(archive)
    assert built.returncode == 0 and built.stderr == "", built.stderr


def test_an_older_term_goes_below_the_newer_ones(archive: Path, tmp_path: Path) -> None:
    assert import_into(archive, "2013-spring", *documents(tmp_path / "docs", 1)) == 0
    assert import_into(archive, "2016-fall", *documents(tmp_path / "docs", 2)) == 0
    assert entries(archive / "source/index.rst", "Terms") == [
        "2016-fall/index", "2014-fall/index", "2013-spring/index",
    ]  # fmt: skip


def test_a_landing_page_without_a_terms_toctree_is_left_alone_and_named(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    landing = archive / "source" / "index.rst"
    landing.write_text("Archive\n=======\n\nNo list of terms here.\n", encoding="utf-8")
    before = landing.read_bytes()
    assert import_into(archive, "2015-fall", *documents(tmp_path / "docs", 3)) == 0
    out, err = capsys.readouterr()
    assert "created term 2015-fall (Fall 2015)" in out
    assert (
        f"warning: no toctree of terms found in {landing}: add 2015-fall/index to it by hand" in err
    )
    assert landing.read_bytes() == before
    assert entries(archive / "source/2015-fall/index.rst", "Weeks") == ["week03"]


def test_a_term_page_without_a_toctree_of_weeks_is_left_alone_and_named(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = archive / "source" / "2014-fall" / "index.rst"
    page.write_text("Fall 2014\n=========\n\n.. term:: 2014-fall\n", encoding="utf-8")
    assert import_into(archive, "2014-fall", *documents(tmp_path / "docs", 4)) == 0
    assert page.read_text(encoding="utf-8") == "Fall 2014\n=========\n\n.. term:: 2014-fall\n"
    err = capsys.readouterr().err
    assert f"warning: no toctree of weeks found in {page}: add week04 to it by hand" in err


def test_a_failed_import_creates_no_term(archive: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    broken.write_text("## Ana\n\n[EOW: never closed\n", encoding="utf-8")
    assert main([str(broken), "--week", "1", "--term", "2015-fall",
                 "--source-dir", str(archive / "source")]) == 1  # fmt: skip
    assert not (archive / "source" / "2015-fall").exists()


@pytest.mark.parametrize(
    "options", [["--term", "Fall 2015"], ["--term", "2015-fall", "--out-dir", "x"]]
)
def test_a_bad_term_option_is_one_clear_message(
    tmp_path: Path, options: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main([*documents(tmp_path / "docs", 1), *options])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "invalid term key 'Fall 2015'" in err or "give it without --out-dir" in err
    assert "Traceback" not in err


def test_a_toctree_keeps_its_comments_and_titled_entries() -> None:
    text = (
        "Fall\n====\n\n.. toctree::\n   :caption: Weeks\n\n   .. week05 is a draft,\n"
        "      not listed yet: week05\n   Week 4 <week04>\n   week09\n\nAfter.\n"
    )
    later = lambda other: int(other.removeprefix("week")) > 6  # noqa: E731
    assert with_entry(text, "week06", "Weeks", later) == (
        text.replace("   week09\n", "   week06\n   week09\n"),
        True,
    )
    assert with_entry(text, "week04", "Weeks", later) == (text, False)
    assert with_entry(text, "week06", "Terms", later) is not None  # the page's only toctree
    assert with_entry(text + "\n.. toctree::\n\n   other\n", "week06", "Terms", later) is None
    assert with_entry("Fall\n====\n\n.. toctree::\n", "week06", "Weeks", later) == (
        "Fall\n====\n\n.. toctree::\n\n   week06\n",
        True,
    )
