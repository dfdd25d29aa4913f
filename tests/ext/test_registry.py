"""The anchor registry (anchors.json): complete, ordered, and one to one with the HTML ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_interrogations.layout import LAYOUT_EVENT
from sphinx_interrogations.registry import FILENAME, FORMAT, VERSION
from tests.helpers import Build, build, copy_root, ids_of, parse_html


def registry_of(outdir: Path) -> dict:
    return json.loads((outdir / FILENAME).read_text(encoding="utf-8"))


def html_items(outdir: Path, docnames: list[str]) -> list[tuple[str, str]]:
    """(docname, id) of every interrogation and response element, pages in the given order."""
    found = []
    for docname in docnames:
        tree = parse_html(outdir / f"{docname}.html")
        elements = tree.xpath(
            "//*[contains(concat(' ', @class, ' '), ' seminar-interrogation ')"
            " or contains(concat(' ', @class, ' '), ' seminar-response ')]"
        )
        found += [(docname, element.get("id")) for element in elements]
    return found


@pytest.fixture(scope="module")
def basic(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root(rootdir, "basic", tmp_path_factory.mktemp("registry") / "src"))


@pytest.fixture(scope="module")
def cite(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build(copy_root(rootdir, "cite", tmp_path_factory.mktemp("registry-cite") / "src"))


def test_format_header_and_week_order(basic: Build) -> None:
    registry = registry_of(basic.outdir)
    assert (registry["format"], registry["version"]) == (FORMAT, VERSION)
    assert registry["project"] == "Test Seminar"
    assert registry["baseurl"] is None
    assert [(w["id"], w["week"], w["topic"], w["url"]) for w in registry["weeks"]] == [
        ("w01", 1, "Foundations", "weeks/week01.html#w01"),
        ("w02", 2, "Machines and Mutualism", "weeks/week02.html#w02"),
    ]


def test_objects_match_html_ids_one_to_one_in_order(basic: Build) -> None:
    objects = registry_of(basic.outdir)["objects"]
    listed = [(o["docname"], o["id"]) for o in objects]
    assert listed == html_items(basic.outdir, ["weeks/week01", "weeks/week02"])
    assert len(set(listed)) == len(listed) == 9
    for entry in objects:
        assert entry["url"] == f"{entry['docname']}.html#{entry['id']}"
        assert entry["absolute_url"] is None
        assert entry["lms_identifier"] is None  # no exporter loaded: no package, no LMS id


def test_fields_of_an_interrogation_and_a_response(basic: Build) -> None:
    by_id = {o["id"]: o for o in registry_of(basic.outdir)["objects"]}
    asked = by_id["w01-ada-lovelace"]
    assert {k: asked[k] for k in ("kind", "week", "number", "student", "title", "parent")} == {
        "kind": "interrogation",
        "week": 1,
        "number": "1.1",
        "student": "Ada Lovelace",
        "title": "Can engines think?",
        "parent": "",
    }
    answer = by_id["w02-zoe-obrien-response-2"]
    assert (answer["kind"], answer["number"], answer["parent"]) == (
        "response",
        "2.1.2",
        "w02-zoe-obrien",
    )
    assert (answer["student"], answer["responder"]) == ("Zoë O'Brien", "Prof. Example")
    digests = [o["digest"] for o in by_id.values()]
    assert all(len(d) == 16 for d in digests) and len(set(digests)) == len(digests)


def test_aliases_and_absolute_urls(cite: Build) -> None:
    registry = registry_of(cite.outdir)
    assert registry["baseurl"] == "https://example.org/soc929/"
    by_id = {o["id"]: o for o in registry["objects"]}
    asked = by_id["w06-dmytro-khutkyy"]
    assert asked["aliases"] == ["w06-dmytro-khutky"]
    assert asked["absolute_url"] == (
        "https://example.org/soc929/weeks/week06.html#w06-dmytro-khutkyy"
    )
    assert by_id["w06-dmytro-khutkyy-response-2"]["aliases"] == ["w06-dmytro-khutky-response-2"]
    tree = parse_html(cite.outdir / "weeks" / "week06.html")
    html_aliases = {
        span.get("id"): span.getparent().get("id")
        for span in tree.xpath("//span[@id and not(node())]")
    }
    registry_aliases = {alias: o["id"] for o in by_id.values() for alias in o["aliases"]}
    # an old id lands on the object: an empty element carrying it, inside the object's element
    assert html_aliases == registry_aliases


def test_digest_changes_only_for_the_edited_text(rootdir: Path, tmp_path: Path) -> None:
    project = copy_root(rootdir, "basic", tmp_path / "src")
    before = {o["id"]: o["digest"] for o in registry_of(build(project).outdir)["objects"]}
    week2 = project / "weeks" / "week02.rst"
    week2.write_text(week2.read_text().replace("      Two, see", "      Two, and see"))
    after = {o["id"]: o["digest"] for o in registry_of(build(project).outdir)["objects"]}
    changed = {anchor for anchor in before if before[anchor] != after[anchor]}
    assert changed == {"w02-zoe-obrien-response-2"}


def test_dirhtml_urls_and_no_registry_from_latex(rootdir: Path, tmp_path: Path) -> None:
    project = copy_root(rootdir, "basic", tmp_path / "src")
    dirhtml = build(project, "dirhtml", outdir=tmp_path / "dir")
    urls = {o["id"]: o["url"] for o in registry_of(dirhtml.outdir)["objects"]}
    assert urls["w01-ada-lovelace"] == "weeks/week01/#w01-ada-lovelace"
    tree = parse_html(dirhtml.outdir / "weeks" / "week01" / "index.html")
    assert "w01-ada-lovelace" in ids_of(tree, "seminar-interrogation")
    latex = build(project, "latex", outdir=tmp_path / "tex")
    assert not (latex.outdir / FILENAME).exists()


def test_parallel_build_writes_the_same_registry(rootdir: Path, tmp_path: Path) -> None:
    serial = build(copy_root(rootdir, "cite", tmp_path / "serial"))
    parallel = build(copy_root(rootdir, "cite", tmp_path / "parallel"), parallel=2)
    assert (parallel.outdir / FILENAME).read_bytes() == (serial.outdir / FILENAME).read_bytes()


def test_one_entry_per_line(basic: Build) -> None:
    """An edited object is one changed line when two registries are diffed."""
    text = (basic.outdir / FILENAME).read_text(encoding="utf-8")
    registry = json.loads(text)
    entries = registry["weeks"] + registry["objects"]
    lines = [json.loads(line.strip().rstrip(",")) for line in text.splitlines() if "{" in line[2:]]
    assert lines == entries


LAYOUT_EXTENSION = """
from sphinx_interrogations.layout import LAYOUT_EVENT


class OnePagePerWeek:
    def __init__(self, config):
        self.prefix = config.project.lower()

    def page_identifier(self, item):
        return f"{self.prefix}_{item.docname.replace('/', '_')}_{item.week}"


def setup(app):
    app.connect(LAYOUT_EVENT, lambda app, config: OnePagePerWeek(config))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def test_lms_identifiers_come_from_the_exporters_layout(rootdir: Path, tmp_path: Path) -> None:
    """The registry asks the loaded exporter's layout (event ``seminar-lms-layout``) which page
    holds each item, handing it the configuration; it never predicts the id itself."""
    assert LAYOUT_EVENT == "seminar-lms-layout"
    project = copy_root(rootdir, "basic", tmp_path / "src")
    (project / "week_layout.py").write_text(LAYOUT_EXTENSION, encoding="utf-8")
    conf = project / "conf.py"
    conf.write_text(
        "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n"
        + conf.read_text(encoding="utf-8")
        + "\nextensions.append('week_layout')\n",
        encoding="utf-8",
    )
    objects = registry_of(build(project).outdir)["objects"]
    assert {(o["id"], o["lms_identifier"]) for o in objects} >= {
        ("w01-ada-lovelace", "test seminar_weeks_week01_1"),
        ("w02-zoe-obrien-response-2", "test seminar_weeks_week02_2"),
    }
    assert all(
        o["lms_identifier"] == f"test seminar_{o['docname'].replace('/', '_')}_{o['week']}"
        for o in objects
    )
