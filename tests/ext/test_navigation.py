"""Navigation of the web archive: a week page's students and neighbouring weeks, the page's table
of contents, the weeks at a glance (``.. week-overview::``) in every builder."""

from __future__ import annotations

import pytest

from tests.helpers import Build, build, copy_root, parse_html, write_project


@pytest.fixture(scope="module")
def built(rootdir, tmp_path_factory) -> Build:
    return build(copy_root(rootdir, "basic", tmp_path_factory.mktemp("nav") / "src"))


@pytest.fixture(scope="module")
def furo(rootdir, tmp_path_factory) -> Build:
    source = copy_root(rootdir, "basic", tmp_path_factory.mktemp("furo") / "src")
    return build(source, confoverrides={"html_theme": "furo"})


OVERVIEW = {
    "index.rst": """
        Archive
        =======

        .. week-overview::

        .. toctree::

           w1
           w2
        """,
    "w1.rst": """
        Week 1: Foundations
        ===================

        .. week:: 1
           :date: 2024-09-05

        .. interrogation:: Ada Lovelace

           Text.

           .. response::

              One.

        .. interrogation:: Alan Turing

           Text.
        """,
    "w2.rst": """
        Week 2: Machines
        ================

        .. week:: 2

        .. interrogation:: Grace Hopper

           Text.

           .. response::

              One.

           .. response::

              Two.
        """,
}


def test_week_page_lists_its_students_with_titles_or_first_words(built: Build) -> None:
    tree = parse_html(built.outdir / "weeks" / "week01.html")
    [nav] = tree.xpath("//nav[contains(@class,'seminar-week-nav')]")
    assert nav.get("aria-label") == "Students this week"
    assert " ".join(nav.find_class("seminar-week-counts")[0].text_content().split()) == (
        "Interrogations: 2 · Responses: 2"
    )
    lines = [" ".join(li.text_content().split()) for li in nav.iter("li")]
    assert lines == [
        "1.1 Ada Lovelace Can engines think?",  # its :title:
        "1.2 Alan Turing What if the engine learns?",  # no title: its first words
    ]
    assert [a.get("href") for a in nav.iter("a")] == ["#w01-ada-lovelace", "#w01-alan-turing"]


def test_the_list_comes_before_the_first_interrogation(built: Build) -> None:
    tree = parse_html(built.outdir / "weeks" / "week02.html")
    classes = [el.get("class") or "" for el in tree.iter()]
    nav = next(i for i, c in enumerate(classes) if "seminar-week-nav" in c)
    first = next(i for i, c in enumerate(classes) if "seminar-interrogation" in c)
    assert nav < first


def test_previous_and_next_week_links(built: Build) -> None:
    first = parse_html(built.outdir / "weeks" / "week01.html")
    second = parse_html(built.outdir / "weeks" / "week02.html")
    [pager] = first.xpath("//nav[contains(@class,'seminar-week-pager')]")
    assert pager.get("aria-label") == "Weeks"
    assert first.find_class("seminar-week-previous") == []
    [after] = first.find_class("seminar-week-next")
    assert after.xpath(".//a/@href") == ["week02.html#w02"]
    assert "Week 2: Machines and Mutualism" in after.text_content()
    [before] = second.find_class("seminar-week-previous")
    assert before.xpath(".//a/@href") == ["week01.html#w01"]
    assert second.find_class("seminar-week-next") == []


def test_page_contents_hold_the_students(furo: Build) -> None:
    tree = parse_html(furo.outdir / "weeks" / "week02.html")
    [toc] = tree.xpath("//aside[contains(@class,'toc-drawer')]//div[@class='toc-tree']")
    assert [a.get("href") for a in toc.iter("a")][1:] == [
        "#w02-zoe-obrien",
        "#w02-jose-nunez",
        "#w02-ada-lovelace",
    ]
    # furo hides a table of contents of one heading: this one is shown
    assert (
        tree.xpath("//label[contains(@class,'toc-content-icon') and contains(@class,'no-toc')]")
        == []
    )


def test_landing_page_shows_weeks_at_a_glance(tmp_path) -> None:
    result = build(write_project(tmp_path / "src", OVERVIEW))
    assert result.warnings == ""
    tree = parse_html(result.outdir / "index.html")
    [table] = tree.xpath("//table[contains(@class,'seminar-overview-table')]")
    rows = [
        [" ".join(td.text_content().split()) for td in tr.iter("td")] for tr in table.iter("tr")
    ]
    assert rows[1:] == [
        ["1", "Foundations", "2024-09-05", "2", "1"],
        ["2", "Machines", "", "1", "2"],
    ]
    assert table.xpath(".//td/p/a/@href") == ["w1.html#w01", "w2.html#w02"]


def test_weeks_at_a_glance_in_text_and_latex(tmp_path) -> None:
    text = build(write_project(tmp_path / "text", OVERVIEW), "text")
    assert text.warnings == ""
    page = (text.outdir / "index.txt").read_text(encoding="utf-8")
    assert "Weeks at a glance" in page
    assert "Foundations" in page
    assert "Students this week" not in (text.outdir / "w1.txt").read_text(encoding="utf-8")
    latex = build(write_project(tmp_path / "latex", OVERVIEW), "latex")
    assert latex.warnings == ""
    [tex] = latex.outdir.glob("*.tex")
    source = tex.read_text(encoding="utf-8")
    assert "Weeks at a glance" in source
    assert "Students this week" not in source


def test_landing_page_follows_a_new_week(tmp_path) -> None:
    source = write_project(tmp_path / "src", OVERVIEW)
    build(source, outdir=tmp_path / "out")
    (source / "w2.rst").write_text(
        (source / "w2.rst").read_text(encoding="utf-8")
        + "\n.. interrogation:: Ada Byron\n\n   Q.\n",
        encoding="utf-8",
    )
    again = build(source, outdir=tmp_path / "out")
    tree = parse_html(again.outdir / "index.html")
    [table] = tree.xpath("//table[contains(@class,'seminar-overview-table')]")
    second = table.xpath(".//tbody/tr")[1]
    assert [" ".join(td.text_content().split()) for td in second.iter("td")][3] == "2"
