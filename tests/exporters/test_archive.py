"""Both LMS packages of the real archive (conf.py at the repository root, sources in source/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from sphinx_interrogations.catalogue import Catalogue
from sphinx_interrogations.labels import page_title, week_label
from sphinx_interrogations.nodes import interrogation, response
from sphinx_interrogations.store import catalogue_of
from sphinx_interrogations_lms.flavours.canvas import CANVAS
from sphinx_interrogations_lms.flavours.canvas_settings import MODULE_META
from sphinx_interrogations_lms.packaging.cartridge import CC11
from sphinx_interrogations_lms.packaging.zip_writer import MANIFEST
from sphinx_interrogations_lms.validation.package_checks import validate_package
from sphinx_interrogations_lms.validation.schemas import SchemaSet
from tests.conftest import REPO
from tests.exporters.canvas_allowlist import ids_on_pages, package_violations
from tests.exporters.conftest import Package, build_project_package

CANVAS_NS = "{http://canvas.instructure.com/xsd/cccv1p0}"
FOLDERS = {"canvas": "wiki_content", "moodle": "pages"}


@pytest.fixture(scope="module", params=["canvas", "moodle"])
def archive(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, schema_dir: Path
) -> Package:
    """The package as ``make`` builds it: the archive's own configuration finds the schemas."""
    outdir = tmp_path_factory.mktemp(request.param)
    return build_project_package(REPO / "source", REPO, outdir, request.param)


def catalogue(package: Package) -> Catalogue:
    assert package.env is not None
    return catalogue_of(package.env)


def test_archive_package_is_valid(archive: Package, schemas: SchemaSet) -> None:
    extra = CANVAS.checks if archive.path.parent.name == "canvas" else ()
    assert archive.warnings == ""
    assert validate_package(archive.path, CC11, schemas, extra) == []


def test_archive_weeks_in_order(archive: Package) -> None:
    weeks = catalogue(archive).weeks()
    assert weeks, "the archive has no weeks to export"
    expected = ["About this archive", *(week_label(record) for record in weeks)]
    root = archive.xml(MANIFEST)
    sections = root.find(".//{*}organization/{*}item").findall("{*}item")
    assert [item.findtext("{*}title") for item in sections] == expected
    if MODULE_META in archive.files:
        modules = archive.xml(MODULE_META).findall(f"{CANVAS_NS}module")
        assert [m.findtext(f"{CANVAS_NS}title") for m in modules] == expected


def test_archive_has_a_page_per_interrogation_with_its_responses(archive: Package) -> None:
    folder = FOLDERS[archive.path.parent.name]
    seminar = catalogue(archive)
    interrogations = seminar.interrogations()
    assert interrogations
    titles = {t.text for t in archive.xml(MANIFEST).iter("{*}title")}
    for record in interrogations:
        page = etree.fromstring(archive.files[f"{folder}/{record.anchor}.html"])
        builder = archive.builder
        doctree = archive.env.get_and_resolve_doctree(record.docname, builder, tags=builder.tags)
        node = next(n for n in doctree.findall(interrogation) if n["ids"][0] == record.anchor)
        assert page_title(record) in titles
        responses = seminar.responses_of(record)
        wrapper = "div" if folder == "wiki_content" else "section"  # Canvas keeps no <section>
        sections = page.findall(f"body/{wrapper}[@id='{record.anchor}']/{wrapper}[@id]")
        assert [s.get("id") for s in sections] == [r.anchor for r in responses]
        for section, answer in zip(sections, node.findall(response), strict=True):
            expected = " ".join(" ".join(c.astext() for c in answer.children[1:]).split())
            written = " ".join("".join(section.find("blockquote").itertext()).split())
            assert expected and written == expected


@pytest.mark.parametrize("archive", ["canvas"], indirect=True)
def test_canvas_pages_hold_only_what_canvas_keeps(archive: Package) -> None:
    assert package_violations(archive) == {}


@pytest.mark.parametrize("archive", ["canvas"], indirect=True)
def test_every_item_anchor_survives_canvas(archive: Package) -> None:
    """Canvas removes a <section> with its id: every anchor is on an element it keeps."""
    seminar = catalogue(archive)
    anchors = [week.anchor for week in seminar.weeks()]
    anchors += [record.anchor for record in seminar.items()]
    held = ids_on_pages(archive)
    assert len(anchors) == 1 + 24
    assert {anchor: held.get(anchor) for anchor in anchors} == dict.fromkeys(anchors, "div")
