"""HTML output of the basic test root: anchors, numbering, permalinks, references, indices."""

from __future__ import annotations

import pytest
from sphinx.util.inventory import InventoryFile

from tests.helpers import Build, build, copy_root, ids_of, parse_html


@pytest.fixture(scope="module")
def built(rootdir, tmp_path_factory) -> Build:
    return build(copy_root(rootdir, "basic", tmp_path_factory.mktemp("basic") / "src"))


def test_build_has_no_warnings(built: Build) -> None:
    assert built.warnings == ""


def test_anchors_come_from_week_and_student(built: Build) -> None:
    tree = parse_html(built.outdir / "weeks" / "week02.html")
    assert ids_of(tree, "seminar-interrogation") == [
        "w02-zoe-obrien",
        "w02-jose-nunez",
        "w02-ada-lovelace",
    ]
    assert ids_of(tree, "seminar-response") == [
        "w02-zoe-obrien-response",
        "w02-zoe-obrien-response-2",
    ]


def test_numbering_within_week(built: Build) -> None:
    tree = parse_html(built.outdir / "weeks" / "week02.html")
    numbers = [el.text_content() for el in tree.find_class("seminar-number")]
    assert numbers == ["2.1", "2.2", "2.3"]


def test_every_item_has_a_permalink_to_itself(built: Build) -> None:
    tree = parse_html(built.outdir / "weeks" / "week01.html")
    for css in ("seminar-interrogation", "seminar-response"):
        for item in tree.find_class(css):
            links = item.xpath("./div[@class='sd-card-header']//a[@class='headerlink']")
            assert [a.get("href") for a in links] == [f"#{item.get('id')}"]


def test_response_is_distinct_and_attributed(built: Build) -> None:
    tree = parse_html(built.outdir / "weeks" / "week01.html")
    responses = tree.find_class("seminar-response")
    assert [r.find_class("seminar-responder")[0].text for r in responses] == [
        "Prof. Example",
        "Guest Lecturer",
    ]
    assert all(r.getparent().get("class").endswith("seminar-interrogation") for r in responses)


def test_untrusted_markup_stays_text(built: Build) -> None:
    page = (built.outdir / "weeks" / "week02.html").read_text()
    assert "&lt;b&gt;not bold&lt;/b&gt;" in page
    assert "<b>not bold</b>" not in page


def test_cross_references_resolve_with_default_text(built: Build) -> None:
    tree = parse_html(built.outdir / "index.html")
    links = {a.text_content(): a.get("href") for a in tree.xpath("//p//a[@href]")}
    assert links["Lovelace, Week 1"] == "weeks/week01.html#w01-ada-lovelace"
    assert links["Response 2 to O'Brien, Week 2"] == "weeks/week02.html#w02-zoe-obrien-response-2"
    assert links["explicit text"] == "weeks/week02.html#w02-jose-nunez"
    assert links["Week 2: Machines and Mutualism"] == "weeks/week02.html#w02"
    assert links["Turing, Week 1"] == "weeks/week01.html#w01-alan-turing"


def test_inventory_lists_every_object(built: Build) -> None:
    inventory = InventoryFile.loads((built.outdir / "objects.inv").read_bytes(), uri="")
    data = inventory.data
    assert set(data["seminar:interrogation"]) == {
        "w01-ada-lovelace",
        "w01-alan-turing",
        "w02-zoe-obrien",
        "w02-jose-nunez",
        "w02-ada-lovelace",
    }
    assert set(data["seminar:response"]) == {
        "w01-ada-lovelace-response",
        "w01-alan-turing-response",
        "w02-zoe-obrien-response",
        "w02-zoe-obrien-response-2",
    }
    label = data["std:label"]["w02-jose-nunez"]
    assert label.uri == "weeks/week02.html#w02-jose-nunez"
    assert label.display_name == "Núñez, Week 2"


def test_student_index_groups_weeks_per_student(built: Build) -> None:
    tree = parse_html(built.outdir / "seminar-students.html")
    people = {
        person.find_class("seminar-person-name")[0].text_content(): [
            a.get("href") for a in person.iter("a")
        ]
        for person in tree.find_class("seminar-person")
    }
    assert people["Lovelace, Ada"] == [
        "weeks/week01.html#w01-ada-lovelace",
        "weeks/week02.html#w02-ada-lovelace",
    ]
    assert list(people).index("Lovelace, Ada") < list(people).index("Núñez, José")
    assert list(people).index("Núñez, José") < list(people).index("Turing, Alan")
    assert tree.xpath("//table[contains(@class,'indextable')]") == []  # people, not a table


def test_week_index_lists_weeks_in_order(built: Build) -> None:
    tree = parse_html(built.outdir / "seminar-weeks.html")
    text = tree.text_content()
    assert text.index("Week 1: Foundations") < text.index("Week 2: Machines and Mutualism")
    hrefs = [a.get("href") for a in tree.xpath("//table[contains(@class,'indextable')]//a")]
    assert hrefs[:2] == ["weeks/week01.html#w01-ada-lovelace", "weeks/week01.html#w01-alan-turing"]
