"""Terms: two offerings of one course, both with a Week 6 and the same student."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from sphinx.errors import ConfigError

from sphinx_interrogations import lock
from sphinx_interrogations.citation import bibtex, citation_for, csl_item, plain_text
from sphinx_interrogations.dates import full_date
from sphinx_interrogations.records import Interrogation, Person, Week
from sphinx_interrogations.store import catalogue_of
from tests.helpers import Build, build, copy_root, ids_of, parse_html

KHUTKYY_2013 = "w06-dmytro-khutkyy"
KHUTKYY_2015 = "t2015-fall-w06-dmytro-khutkyy"


@pytest.fixture(scope="module")
def terms(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root(rootdir, "terms", tmp_path_factory.mktemp("terms") / "src"))


def table_rows(path: Path) -> list[str]:
    """The rows of a domain index, as text."""
    tree = parse_html(path)
    rows = tree.xpath("//table[contains(@class,'indextable')]//tr")
    texts = [" ".join(" ".join(row.xpath(".//text()")).split()) for row in rows]
    return [text for text in texts if text]


def test_two_week_6s_build_cleanly_with_distinct_anchors(terms: Build) -> None:
    assert terms.warnings == ""
    first = parse_html(terms.outdir / "2013-fall" / "week06.html")
    second = parse_html(terms.outdir / "2015-fall" / "week06.html")
    assert ids_of(first, "seminar-interrogation") == [KHUTKYY_2013, "w06-alisa-pykett"]
    assert ids_of(second, "seminar-interrogation") == [KHUTKYY_2015]
    assert ids_of(second, "seminar-response") == [f"{KHUTKYY_2015}-response"]
    anchors = [anchor for anchor, _ in catalogue_of(terms.env).anchors()]
    assert len(anchors) == len(set(anchors))


def test_the_catalogue_answers_navigation_queries(terms: Build) -> None:
    catalogue = catalogue_of(terms.env)
    assert [term.key for term in catalogue.terms()] == ["2015-fall", "2013-fall"]
    assert [t.title for t in catalogue.terms()] == ["Fall 2015 (second offering)", "Fall 2013"]
    summaries = catalogue.weeks_of("2015-fall")
    assert [(s.week.number, s.interrogations, s.responses) for s in summaries] == [
        (6, 1, 1),
        (7, 1, 1),
    ]
    first = catalogue.of_term("2013-fall")
    assert [week.anchor for week in first.weeks()] == ["w06"]
    assert first.target(KHUTKYY_2015) is None and first.target(KHUTKYY_2013) is not None
    assert [term.key for term in first.terms()] == ["2013-fall"]
    [(person, _)] = [pair for pair in catalogue.students() if pair[0].family == "Khutkyy"]
    grouped = catalogue.student_terms(person.key)
    assert [(term.key, [i.anchor for i in items]) for term, items in grouped] == [
        ("2013-fall", [KHUTKYY_2013]),
        ("2015-fall", [KHUTKYY_2015]),
    ]


def test_the_student_index_lists_a_student_once_with_both_terms(terms: Build) -> None:
    tree = parse_html(terms.outdir / "seminar-students.html")
    people = {
        person.find_class("seminar-person-name")[0].text_content(): person
        for person in tree.find_class("seminar-person")
    }
    names = [h.text_content() for h in tree.find_class("seminar-person-name")]
    assert names.count("Khutkyy, Dmytro") == 1
    items = people["Khutkyy, Dmytro"].xpath(".//ul[@class='seminar-person-items']/li")
    lines = [" ".join(li.text_content().split()) for li in items]
    assert lines[0].startswith("Week 6: Peer-to-peer Mutualism (Fall 2013) 6.1")
    assert lines[1].startswith("Week 6: Platform Cooperatives (Fall 2015 (second offering)) 6.1")
    hrefs = people["Khutkyy, Dmytro"].xpath(".//a/@href")
    assert f"2013-fall/week06.html#{KHUTKYY_2013}" in hrefs
    assert f"2015-fall/week06.html#{KHUTKYY_2015}" in hrefs


def test_the_week_index_groups_weeks_by_term_newest_first(terms: Build) -> None:
    rows = table_rows(terms.outdir / "seminar-weeks.html")
    assert rows == [
        "Fall 2015 (second offering)",
        "Week 6: Platform Cooperatives",
        "6.1 Khutkyy, Dmytro",
        "Week 7: Open Source",
        "7.1 Lu, Jiaqi",
        "Fall 2013",
        "Week 6: Peer-to-peer Mutualism",
        "6.1 Khutkyy, Dmytro",
        "6.2 Pykett, Alisa",
    ]


def test_dates_get_their_terms_year_and_citations_carry_it(terms: Build) -> None:
    registry = json.loads((terms.outdir / "anchors.json").read_text(encoding="utf-8"))
    issued = {week["id"]: week["issued"] for week in registry["weeks"]}
    assert issued == {
        "w06": "2013-10-10",
        "t2015-fall-w06": "2015-10-08",
        "t2015-fall-w07": "2015-10-15",
    }
    terms_listed = [(t["key"], t["year"], t["url"]) for t in registry["terms"]]
    assert terms_listed == [
        ("2015-fall", 2015, "2015-fall/index.html"),
        ("2013-fall", 2013, "2013-fall/index.html"),
    ]
    objects = {entry["id"]: entry for entry in registry["objects"]}
    assert objects[KHUTKYY_2015]["term"] == "2015-fall"
    page = parse_html(terms.outdir / "2013-fall" / "week06.html")
    texts = [pre.text_content() for pre in page.find_class("seminar-cite-text")]
    _permalink, plain, bibtex, csl = texts[0], texts[1], texts[2], json.loads(texts[3])
    assert "Sociology 929, Fall 2013, October 10, 2013." in plain
    fields = dict(re.findall(r"^  (\w+) += \{(.*)\},?$", bibtex, flags=re.M))
    assert (fields["year"], fields["date"]) == ("2013", "2013-10-10")
    assert csl[0]["issued"] == {"date-parts": [[2013, 10, 10]]}
    meta = {m.get("name"): m.get("content") for m in page.xpath("//meta[@name]")}
    assert meta["citation_date"] == "2013/10/10"


def test_search_results_name_the_term(terms: Build) -> None:
    index = (terms.outdir / "searchindex.js").read_text(encoding="utf-8")
    assert "Khutkyy, Week 6 (Fall 2013)" in index
    assert "Khutkyy, Week 6 (Fall 2015 (second offering))" in index
    assert r"Fall 2013 \u00b7 Week 6: Peer-to-peer Mutualism" in index  # JSON-escaped


def edited_copy(rootdir: Path, tmp_path: Path, edits: dict[str, tuple[str, str]]) -> Path:
    """A copy of the two-term root with ``file: (old, new)`` replacements."""
    srcdir = copy_root(rootdir, "terms", tmp_path / "src")
    for name, (old, new) in edits.items():
        path = srcdir / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    return srcdir


def test_a_date_in_another_year_than_its_term_is_a_located_warning(
    rootdir: Path, tmp_path: Path
) -> None:
    srcdir = edited_copy(rootdir, tmp_path, {"2015-fall/week07.rst": ("2015-10-15", "2014-10-15")})
    warnings = build(srcdir).warnings
    assert "2015-fall/week07.rst:4: WARNING: :date: the date '2014-10-15' is in 2014" in warnings
    assert "its term is in 2015" in warnings


def test_week_numbers_may_repeat_across_terms_but_not_within_one(
    rootdir: Path, tmp_path: Path
) -> None:
    srcdir = edited_copy(
        rootdir, tmp_path, {"2015-fall/week07.rst": (".. week:: 7", ".. week:: 6")}
    )
    warnings = build(srcdir).warnings
    assert "2015-fall/week07.rst:4: ERROR: week 6 is declared twice" in warnings
    assert warnings.count("declared twice") == 1


def test_two_unprefixed_terms_are_a_located_error(rootdir: Path, tmp_path: Path) -> None:
    srcdir = edited_copy(
        rootdir, tmp_path, {"2015-fall/index.rst": (":title:", ":anchor-prefix:\n   :title:")}
    )
    warnings = build(srcdir).warnings
    assert "2015-fall/index.rst:4: ERROR: term '2015-fall' has the anchor prefix ''" in warnings


def test_a_term_page_outside_its_folder_is_refused(rootdir: Path, tmp_path: Path) -> None:
    srcdir = edited_copy(
        rootdir, tmp_path, {"2015-fall/index.rst": ("term:: 2015-fall", "term:: 2016-fall")}
    )
    warnings = build(srcdir).warnings
    assert "2015-fall/index.rst:4: ERROR: the page of term '2016-fall' must be" in warnings


def test_editing_a_term_page_re_reads_its_weeks(rootdir: Path, tmp_path: Path) -> None:
    srcdir = copy_root(rootdir, "terms", tmp_path / "src")
    build(srcdir)
    page = srcdir / "2015-fall" / "index.rst"
    page.write_text(page.read_text().replace(":title:", ":anchor-prefix: f15-\n   :title:"))
    again = build(srcdir)
    anchors = {anchor for anchor, _ in catalogue_of(again.env).anchors()}
    assert "f15-w06-dmytro-khutkyy" in anchors and KHUTKYY_2015 not in anchors


def test_a_parallel_build_equals_a_serial_one(rootdir: Path, tmp_path: Path) -> None:
    serial = build(copy_root(rootdir, "terms", tmp_path / "serial"))
    parallel = build(copy_root(rootdir, "terms", tmp_path / "parallel"), parallel=2)
    assert parallel.warnings == serial.warnings == ""
    registry = [(b.outdir / "anchors.json").read_text(encoding="utf-8") for b in (serial, parallel)]
    assert registry[0] == registry[1]
    assert (serial.outdir / "seminar-weeks.html").read_bytes() == (
        parallel.outdir / "seminar-weeks.html"
    ).read_bytes()


def test_adding_a_term_keeps_the_first_terms_locked_anchors(rootdir: Path, tmp_path: Path) -> None:
    srcdir = copy_root(rootdir, "terms", tmp_path / "src")
    later = tmp_path / "2015-fall"
    shutil.move(srcdir / "2015-fall", later)
    index = srcdir / "index.rst"
    index.write_text(index.read_text().replace("   2015-fall/index\n", ""))
    alone = build(srcdir)
    assert alone.warnings == ""
    registry = json.loads((alone.outdir / "anchors.json").read_text(encoding="utf-8"))
    locked = lock.published(registry)
    (srcdir / "anchors.lock").write_text(lock.dumps(locked), encoding="utf-8")
    shutil.move(later, srcdir / "2015-fall")
    index.write_text(
        index.read_text().replace("   2013-fall/index", "   2015-fall/index\n   2013-fall/index")
    )
    both = build(srcdir, outdir=tmp_path / "both", freshenv=True)
    assert both.warnings == ""
    now = lock.published(json.loads((both.outdir / "anchors.json").read_text(encoding="utf-8")))
    assert {anchor: now[anchor] for anchor in locked} == locked


def test_one_pdf_book_per_term_and_the_whole_archive_on_request(
    rootdir: Path, tmp_path: Path
) -> None:
    latex = build(copy_root(rootdir, "terms", tmp_path / "src"), "latex")
    assert latex.warnings == ""
    books = sorted(path.name for path in latex.outdir.glob("*.tex"))
    assert books == ["sociology-929-2013-fall.tex", "sociology-929-2015-fall.tex"]
    first = (latex.outdir / "sociology-929-2013-fall.tex").read_text(encoding="utf-8")
    assert KHUTKYY_2013 in first and "t2015-fall" not in first
    assert "Fall 2013" in first
    one = build(
        copy_root(rootdir, "terms", tmp_path / "one"),
        "latex",
        confoverrides={"interrogations_term": "2015-fall", "interrogations_pdf_archive": True},
    )
    books = sorted(path.name for path in one.outdir.glob("*.tex"))
    assert books == ["sociology-929-2015-fall.tex", "sociology-929.tex"]


def test_a_date_without_a_known_year_is_never_given_one() -> None:
    week = Week(
        anchor="w06", docname="weeks/week06", lineno=1, term="", number=6,
        topic="Mutualism", date="October 10", course="Sociology 929",
        issued=full_date("October 10", None),
    )  # fmt: skip
    item = Interrogation(
        anchor="w06-ann-lee", docname="weeks/week06", lineno=2, term="", week=6, ordinal=1,
        student=Person.named("Ann Lee", "Lee"), title="Why?",
    )  # fmt: skip
    citation = citation_for(item, week, "weeks/week06.html#w06-ann-lee")
    assert week.issued == "" and week.year is None
    assert "Sociology 929, October 10. " in plain_text(citation)
    assert "year" not in bibtex(citation) and "October 10" in bibtex(citation)
    assert csl_item(citation)["issued"] == {"literal": "October 10"}


@pytest.mark.parametrize(
    ("written", "year", "start", "issued"),
    [
        ("October 10", 2013, "", "2013-10-10"),
        ("Oct. 10", 2013, "", "2013-10-10"),
        ("10 October", 2013, "", "2013-10-10"),
        ("2013-10-10", None, "", "2013-10-10"),
        ("October 10, 2012", 2013, "", "2012-10-10"),
        ("January 9", 2013, "2013-09-05", "2014-01-09"),
        ("January 9", None, "", ""),
        ("after the break", 2013, "", ""),
        ("February 30", 2013, "", ""),
    ],
)
def test_full_dates(written: str, year: int | None, start: str, issued: str) -> None:
    assert full_date(written, year, start) == issued


def test_an_unknown_term_to_build_is_a_configuration_error(rootdir: Path, tmp_path: Path) -> None:
    srcdir = copy_root(rootdir, "terms", tmp_path / "src")
    with pytest.raises(ConfigError, match="interrogations_term = '2099-fall': no such term"):
        build(srcdir, confoverrides={"interrogations_term": "2099-fall"})


def test_a_week_may_name_its_term(rootdir: Path, tmp_path: Path) -> None:
    srcdir = copy_root(rootdir, "terms", tmp_path / "src")
    week = (
        ".. week:: 8\n   :term: {}\n   :date: November 5\n\n"
        ".. interrogation:: Ann Lee\n\n   Why?\n"
    )
    (srcdir / "extra").mkdir()
    (srcdir / "extra" / "week08.rst").write_text("Week 8\n======\n\n" + week.format("2015-fall"))
    (srcdir / "extra" / "week09.rst").write_text("Week 9\n======\n\n" + week.format("2099-fall"))
    index = srcdir / "index.rst"
    index.write_text(index.read_text() + "   extra/week08\n   extra/week09\n")
    result = build(srcdir)
    assert "extra/week09.rst:4: ERROR: :term: term '2099-fall' has no term page" in result.warnings
    named = catalogue_of(result.env).week_of("extra/week08")
    assert named is not None
    assert (named.term, named.anchor, named.issued) == ("2015-fall", "t2015-fall-w08", "2015-11-05")
