"""The catalogue: plain records and their queries; people sorted and cited alike everywhere."""

from __future__ import annotations

from pathlib import Path

from sphinx_interrogations.catalogue import Catalogue
from sphinx_interrogations.labels import citation_label, page_title, week_index_entry
from sphinx_interrogations.records import Interrogation, Person, Response, Target, Week
from sphinx_interrogations.store import catalogue_of
from tests.helpers import build, parse_html, write_project


def week(number: int) -> Week:
    docname = f"weeks/week{number:02d}"
    return Week(
        anchor=f"w{number:02d}",
        docname=docname,
        lineno=1,
        term="",
        number=number,
        topic=f"Topic {number}",
        date="",
        course="C",
    )


def asked(number: int, ordinal: int, name: str, family: str) -> Interrogation:
    return Interrogation(
        anchor=f"w{number:02d}-{ordinal}",
        docname=f"weeks/week{number:02d}",
        lineno=10 * ordinal,
        term="",
        week=number,
        ordinal=ordinal,
        student=Person.named(name, family),
        title="",
        opening="Why do we",
        aliases=(f"old-{number}-{ordinal}",),
    )


def answer(question: Interrogation, ordinal: int) -> Response:
    return Response(
        anchor=f"{question.anchor}-response-{ordinal}",
        docname=question.docname,
        lineno=question.lineno + ordinal,
        term="",
        week=question.week,
        ordinal=ordinal,
        question_ordinal=question.ordinal,
        student=question.student,
        responder=Person.whole("EOW"),
        parent=question.anchor,
        title=question.title,
    )


def catalogue() -> Catalogue:
    first = asked(7, 1, "Łukasz Østergaard", "Østergaard")
    second = asked(6, 2, "Lukasz Ostergaard", "Ostergaard")
    other = asked(6, 1, "Ada Lovelace", "Lovelace")
    items = {
        "weeks/week07": [first, answer(first, 1), answer(first, 2)],
        "weeks/week06": [other, second],
    }
    targets = {
        item.anchor: Target(item.docname, item.kind, item.anchor)
        for docs in items.values()
        for item in docs
    }
    targets.update({a: Target(i.docname, i.kind, i.anchor) for i in (first,) for a in i.aliases})
    weeks = {w.docname: w for w in (week(7), week(6), week(8))}
    return Catalogue(weeks, items, targets)


def test_queries() -> None:
    cat = catalogue()
    assert [w.number for w in cat.weeks()] == [6, 7, 8]
    assert [i.number for i in cat.items()] == ["6.1", "6.2", "7.1", "7.1.1", "7.1.2"]
    first = cat.item("old-7-1")  # an alias finds its object
    assert isinstance(first, Interrogation) and first.anchor == "w07-1"
    assert [r.number for r in cat.responses_of(first)] == ["7.1.1", "7.1.2"]
    assert [r.page_anchor for r in cat.responses_of(first)] == ["w07-1", "w07-1"]
    assert cat.lookup("w07-1-response-2") == cat.responses_of(first)[1]
    assert cat.lookup("missing") is None
    before, after = cat.neighbours(week(7))
    assert (before, after) == (week(6), week(8))
    assert cat.neighbours(week(6))[0] is None
    students = cat.students()  # one person however the name is spelled, by sort form
    assert [(p.sort_form, [i.number for i in items]) for p, items in students] == [
        ("Lovelace, Ada", ["6.1"]),
        ("Ostergaard, Lukasz", ["6.2", "7.1"]),
    ]


def test_labels_come_from_fields() -> None:
    cat = catalogue()
    first, one, two = cat.items_of("weeks/week07")
    assert citation_label(first) == "Østergaard, Week 7"
    assert citation_label(one) == "Response to Østergaard, Week 7"
    assert citation_label(two) == "Response 2 to Østergaard, Week 7"
    assert isinstance(first, Interrogation)
    assert page_title(first) == "7.1 Østergaard \u2014 Why do we"
    assert week_index_entry(first) == "7.1 Østergaard, Łukasz"


PEOPLE = {
    "index.rst": """
        Archive
        =======

        .. toctree::

           week

        Seminar: :ref:`seminar-students`.
        """,
    "week.rst": """
        Week 1: People
        ==============

        .. week:: 1

        .. interrogation:: Alan M. Turing
           :family-name: Turing-Smith

           A question.

        .. interrogation:: Ludwig van Beethoven
           :family-name: van Beethoven

           Another question.
        """,
}


def test_student_index_and_citations_sort_people_alike(tmp_path: Path) -> None:
    """A name that does not end with its family name is cited and indexed whole."""
    result = build(write_project(tmp_path / "src", PEOPLE), confoverrides={"html_baseurl": ""})
    index = parse_html(result.outdir / "seminar-students.html")
    listed = [h.text_content() for h in index.find_class("seminar-person-name")]
    assert listed == ["Alan M. Turing", "van Beethoven, Ludwig"]
    people = {p.full: p.sort_form for p, _items in catalogue_of(result.env).students()}
    assert sorted(people.values(), key=str.casefold) == listed
    page = parse_html(result.outdir / "week.html")
    plain = [pre.text_content() for pre in page.xpath("//pre[@class='seminar-cite-text']")]
    for form in listed:  # the plain-text citation names the author as the index does
        assert any(text.startswith(f"{form}. \u201c") for text in plain), form
    assert any("{Alan M. Turing}" in text for text in plain)  # BibTeX: the name kept whole
