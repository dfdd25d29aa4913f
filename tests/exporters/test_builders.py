"""The ``canvas``, ``moodle`` and ``imscc`` builders on the ``test-lms`` root."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree

from sphinx_interrogations_lms.flavours.canvas import CANVAS
from sphinx_interrogations_lms.flavours.canvas_settings import MODULE_META
from sphinx_interrogations_lms.packaging.cartridge import CC11, CC13
from sphinx_interrogations_lms.packaging.zip_writer import MANIFEST
from sphinx_interrogations_lms.validation.package_checks import validate_package
from sphinx_interrogations_lms.validation.run import PackageError
from sphinx_interrogations_lms.validation.schemas import SchemaSet
from sphinx_interrogations_lms.validation.structure import SAFE_NAME
from tests.exporters.canvas_allowlist import ids_on_pages, package_violations
from tests.exporters.conftest import Package, build_package, lms_copy, only_package
from tests.helpers import build

BASEURL = "https://example.org/arch/"
CANVAS_NS = "{http://canvas.instructure.com/xsd/cccv1p0}"
#: what wraps an item in each flavour's pages: Canvas keeps no <section> (nor its id)
WRAPPER = {"canvas": "div", "moodle": "section"}
WEEK_TITLES = ["About this archive", "Week 2: Script & <Tags>", "Week 10: Later Things"]
OBRIEN_TITLE = '2.1 O\'Brien \u2014 "Quotes" & <b>tags</b>'
NUNEZ_TITLE = "2.2 Nu\u00f1ez \u2014 No title here, so the first words of\u2026"
#: interrogation anchor -> text only its response holds
RESPONSES = {
    "w02-zoe-obrien": "obrien-response-text",
    "w02-script-x-script-nunez": "nunez-response-text",
    "w10-kwame-mensah": "mensah-response-text",
}


@pytest.fixture(scope="module")
def canvas(rootdir: Path, tmp_path_factory: pytest.TempPathFactory, schema_dir: Path) -> Package:
    src = lms_copy(rootdir, tmp_path_factory.mktemp("canvas") / "src")
    return build_package(src, "canvas", schema_dir, interrogations_lms_discussions=True)


@pytest.fixture(scope="module")
def moodle(rootdir: Path, tmp_path_factory: pytest.TempPathFactory, schema_dir: Path) -> Package:
    src = lms_copy(rootdir, tmp_path_factory.mktemp("moodle") / "src")
    return build_package(
        src, "moodle", schema_dir, html_baseurl=BASEURL, interrogations_lms_discussions=True
    )


@pytest.fixture(scope="module")
def moodle_unpublished(
    rootdir: Path, tmp_path_factory: pytest.TempPathFactory, schema_dir: Path
) -> Package:
    src = lms_copy(rootdir, tmp_path_factory.mktemp("unpublished") / "src")
    return build_package(src, "moodle", schema_dir)


def page(package: Package, path: str) -> etree._Element:
    """A package page, parsed strictly as XML (pages are polyglot XHTML)."""
    return etree.fromstring(package.files[path])


def pages(package: Package) -> dict[str, etree._Element]:
    return {name: page(package, name) for name in package.files if name.endswith(".html")}


def hrefs(package: Package) -> list[str]:
    return [href for tree in pages(package).values() for href in tree.xpath("//a/@href")]


def organization_titles(package: Package) -> list[str]:
    root = package.xml(MANIFEST)
    return [item.findtext("{*}title") for item in root.find(".//{*}organization/{*}item")]


def test_builds_are_clean_and_packages_valid(
    canvas: Package, moodle: Package, moodle_unpublished: Package, schemas: SchemaSet
) -> None:
    for package, extra in (
        (canvas, CANVAS.checks),
        (moodle, ()),
        (moodle_unpublished, ()),
    ):
        assert package.warnings == ""
        assert validate_package(package.path, CC11, schemas, extra) == []
    assert canvas.path.name == "hostile-course-co.imscc"


def test_canvas_modules_follow_week_numbers(canvas: Package) -> None:
    modules = canvas.xml(MODULE_META).findall(f"{CANVAS_NS}module")
    assert [m.findtext(f"{CANVAS_NS}title") for m in modules] == WEEK_TITLES
    week2 = modules[1].findall(f"{CANVAS_NS}items/{CANVAS_NS}item")
    assert [
        (i.findtext(f"{CANVAS_NS}content_type"), i.findtext(f"{CANVAS_NS}title")) for i in week2
    ] == [
        ("WikiPage", "Week 2 overview"),
        ("WikiPage", OBRIEN_TITLE),
        ("WikiPage", NUNEZ_TITLE),
        ("DiscussionTopic", "Week 2 discussion: Script & <Tags>"),
    ]
    assert organization_titles(canvas) == WEEK_TITLES  # structure for other LMSs too
    settings = canvas.xml("course_settings/course_settings.xml")
    assert settings.findtext(f"{CANVAS_NS}title") == 'Hostile <Course> & "Co"'
    assert settings.findtext(f"{CANVAS_NS}course_code") == "Test 202"
    assert settings.findtext(f"{CANVAS_NS}license") == "cc_by_sa"  # from "CC BY-SA 4.0"


def test_moodle_sections_follow_week_numbers_after_about(moodle: Package) -> None:
    root = moodle.xml(MANIFEST)
    assert organization_titles(moodle) == WEEK_TITLES
    about = root.find(".//{*}organization/{*}item/{*}item")
    assert [i.findtext("{*}title") for i in about.findall("{*}item")] == [
        "About this archive",
        "The full archive (web)",
    ]
    link = etree.fromstring(moodle.files["links/archive.xml"])
    assert link.find("{*}url").get("href") == f"{BASEURL}index.html"


@pytest.mark.parametrize("flavour", ["canvas", "moodle"])
def test_one_page_per_interrogation_question_then_response(
    flavour: str, request: pytest.FixtureRequest
) -> None:
    package: Package = request.getfixturevalue(flavour)
    folder = "wiki_content" if flavour == "canvas" else "pages"
    for anchor, response_text in RESPONSES.items():
        tree = page(package, f"{folder}/{anchor}.html")
        section = tree.find(f"body/{WRAPPER[flavour]}[@id='{anchor}']")
        assert section is not None, anchor
        assert section.find("h2") is not None
        answer = section.find(f"{WRAPPER[flavour]}/blockquote")
        assert response_text in "".join(answer.itertext())
        body = "".join(section.itertext())
        assert body.index("Instructor response") < body.index(response_text)
        others = set(RESPONSES.values()) - {response_text}
        assert not any(text in body for text in others)


def test_canvas_pages_carry_their_identifier(canvas: Package) -> None:
    resources = {
        r.get("href"): r.get("identifier") for r in canvas.xml(MANIFEST).iter("{*}resource")
    }
    wiki = {n: t for n, t in pages(canvas).items() if n.startswith("wiki_content/")}
    assert len(wiki) == 1 + 2 + len(RESPONSES)  # about, two overviews, interrogations
    for name, tree in wiki.items():
        assert tree.xpath("string(head/meta[@name='identifier']/@content)") == resources[name]
        assert tree.xpath("string(head/meta[@name='workflow_state']/@content)") == "active"


def test_canvas_cross_references_are_course_page_links(canvas: Package) -> None:
    obrien = page(canvas, "wiki_content/w02-zoe-obrien.html")
    mensah = page(canvas, "wiki_content/w10-kwame-mensah.html")
    about = page(canvas, "wiki_content/about.html")
    assert "$WIKI_REFERENCE$/pages/w10-kwame-mensah" in obrien.xpath("//a/@href")
    assert "$WIKI_REFERENCE$/pages/w02-zoe-obrien#w02-zoe-obrien-response" in mensah.xpath(
        "//a/@href"
    )
    assert "$WIKI_REFERENCE$/pages/w02-zoe-obrien#a-labelled-passage" in about.xpath("//a/@href")
    for href in hrefs(canvas):
        target = re.fullmatch(r"\$WIKI_REFERENCE\$/pages/([a-z0-9-]+)(?:#(.+))?", href)
        assert target, f"not a course page link: {href}"
        tree = page(canvas, f"wiki_content/{target[1]}.html")
        assert target[2] is None or tree.xpath(f"//*[@id='{target[2]}']")


def test_moodle_references_point_to_the_published_archive(moodle: Package) -> None:
    assert all(href.startswith(BASEURL) for href in hrefs(moodle))
    obrien = page(moodle, "pages/w02-zoe-obrien.html")
    assert f"{BASEURL}weeks/alpha.html#w10-kwame-mensah" in obrien.xpath("//a/@href")
    for name, tree in pages(moodle).items():
        assert tree.xpath("//a[starts-with(., 'This page in the web archive')]/@href"), name
    assert obrien.xpath("//a[. = 'This page in the web archive']/@href") == [
        f"{BASEURL}weeks/beta.html#w02-zoe-obrien"
    ]


def test_moodle_references_become_plain_text_when_unpublished(moodle_unpublished: Package) -> None:
    assert hrefs(moodle_unpublished) == []
    obrien = page(moodle_unpublished, "pages/w02-zoe-obrien.html")
    assert "Mensah, Week 10" in "".join(obrien.itertext())
    assert "links/archive.xml" not in moodle_unpublished.files


@pytest.mark.parametrize("flavour", ["canvas", "moodle"])
def test_hostile_text_is_escaped(flavour: str, request: pytest.FixtureRequest) -> None:
    package: Package = request.getfixturevalue(flavour)
    for tree in pages(package).values():
        assert tree.xpath("//script | //style | //@class | //@onclick") == []
    folder = "wiki_content" if flavour == "canvas" else "pages"
    obrien = "".join(page(package, f"{folder}/w02-zoe-obrien.html").itertext())
    assert "<script>alert(\u201cquestion\u201d)</script> written as text & an ampersand" in obrien
    assert "raw-kept-text" in obrien and 'alert("raw")' not in obrien
    nunez = page(package, f"{folder}/w02-script-x-script-nunez.html")
    heading = nunez.find(f"body/{WRAPPER[flavour]}/h2")
    assert "".join(heading.itertext()) == "2.2 <script>x</script> Nu\u00f1ez"
    assert "Guest <Lecturer>" in "".join(nunez.itertext())
    titles = [t.text for t in package.xml(MANIFEST).iter("{*}title")]
    assert OBRIEN_TITLE in titles
    general = package.xml(MANIFEST).find(".//{*}general")
    assert general.findtext("{*}title/{*}string") == 'Hostile <Course> & "Co"'
    assert general.findtext("{*}description/{*}string") == "Questions & answers <for> testing."


@pytest.mark.parametrize("flavour", ["canvas", "moodle"])
def test_file_names_are_safe_and_images_declared(
    flavour: str, request: pytest.FixtureRequest, rootdir: Path
) -> None:
    package: Package = request.getfixturevalue(flavour)
    for name in package.files:
        assert all(SAFE_NAME.match(part) for part in name.split("/")), name
    image = "web_resources/img/my-diagram.png"
    assert package.files[image] == (rootdir / "test-lms" / "weeks" / "My_Diagram.PNG").read_bytes()
    folder = "wiki_content" if flavour == "canvas" else "pages"
    obrien = page(package, f"{folder}/w02-zoe-obrien.html")
    assert obrien.xpath("//img/@src") == ["../web_resources/img/my-diagram.png"]
    resources = {r.get("identifier"): r for r in package.xml(MANIFEST).iter("{*}resource")}
    dependency = resources["res_w02-zoe-obrien"].find("{*}dependency").get("identifierref")
    assert resources[dependency].get("href") == image


def test_discussions(canvas: Package, moodle: Package) -> None:
    resources = {r.get("identifier"): r for r in canvas.xml(MANIFEST).iter("{*}resource")}
    topic = resources["topic_w02"]
    assert topic.get("type") == "imsdt_xmlv1p1"
    meta = resources[topic.find("{*}dependency").get("identifierref")]
    topic_meta = canvas.xml(meta.get("href"))
    assert topic_meta.findtext(f"{CANVAS_NS}topic_id") == "topic_w02"
    text = moodle.xml("topics/w02-discussion.xml").findtext("{*}text")
    assert text.isascii() and "Nu&#241;ez" in text
    assert f'href="{BASEURL}weeks/beta.html#w02-zoe-obrien"' in text


def reorder(src: Path) -> None:
    """Swap week 2's two interrogations and the two week files' names."""
    beta = src / "weeks" / "beta.rst"
    head, first, second = beta.read_text().split(".. interrogation::")
    beta.write_text(head + ".. interrogation::" + second + ".. interrogation::" + first)
    (src / "weeks" / "beta.rst").rename(src / "weeks" / "gamma.rst")


def identities(package: Package, folder: str) -> dict[str, str]:
    """identifier -> student heading, for every interrogation page."""
    found = {}
    for name, tree in pages(package).items():
        heading = tree.find(
            f"body/{WRAPPER['canvas' if folder == 'wiki_content' else 'moodle']}/h2"
        )
        if name.startswith(folder) and heading is not None:
            identifier = "res_" + name.removeprefix(f"{folder}/").removesuffix(".html")
            found[identifier] = heading.findtext("strong")
    return found


def test_identifiers_survive_rebuilds_and_reordering(
    canvas: Package, rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    src = lms_copy(rootdir, tmp_path / "src")
    reorder(src)
    moved = build_package(src, "canvas", schema_dir, interrogations_lms_discussions=True)
    assert identities(moved, "wiki_content") == identities(canvas, "wiki_content")
    assert len(identities(canvas, "wiki_content")) == len(RESPONSES)
    titles = {t.text for t in moved.xml(MANIFEST).iter("{*}title")}
    assert OBRIEN_TITLE.replace("2.1", "2.2") in titles  # the numbering did change
    ids = {e.get("identifier") for e in canvas.xml(MANIFEST).iter()} - {None}
    assert {e.get("identifier") for e in moved.xml(MANIFEST).iter()} - {None} == ids
    modules = {e.get("identifier") for e in canvas.xml(MODULE_META).iter()} - {None}
    assert {e.get("identifier") for e in moved.xml(MODULE_META).iter()} - {None} == modules


@pytest.mark.parametrize("builder", ["canvas", "moodle"])
def test_rebuild_is_byte_identical(
    builder: str, rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    builds = [
        build_package(lms_copy(rootdir, tmp_path / name), builder, schema_dir, parallel=jobs)
        for name, jobs in (("one", 0), ("two", 2))
    ]
    assert builds[0].path.read_bytes() == builds[1].path.read_bytes()


@pytest.mark.parametrize("builder", ["canvas", "moodle"])
def test_a_package_from_the_html_builds_environment_is_the_same(
    builder: str, rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    """``make html canvas``: the package build reads nothing again, and loses nothing."""
    fresh = build_package(lms_copy(rootdir, tmp_path / "fresh"), builder, schema_dir)
    src = lms_copy(rootdir, tmp_path / "src")
    build(src, "html", parallel=2)
    reused = build(src, builder, confoverrides={"interrogations_lms_schema_dir": str(schema_dir)})
    assert only_package(reused.outdir).path.read_bytes() == fresh.path.read_bytes()


def test_one_page_per_week(rootdir: Path, tmp_path: Path, schema_dir: Path) -> None:
    package = build_package(
        lms_copy(rootdir, tmp_path / "src"),
        "moodle",
        schema_dir,
        interrogations_lms_page_per_week=True,
    )
    assert sorted(n for n in package.files if n.endswith(".html")) == [
        "pages/about.html",
        "pages/w02.html",
        "pages/w10.html",
    ]
    week2 = page(package, "pages/w02.html")
    assert [s.get("id") for s in week2.findall("body/section")] == [
        "w02-zoe-obrien",
        "w02-script-x-script-nunez",
    ]
    assert "nunez-response-text" in "".join(week2.itertext())
    assert organization_titles(package) == WEEK_TITLES


def test_missing_schemas_are_no_warning(rootdir: Path, tmp_path: Path, schemas: SchemaSet) -> None:
    """Without the official XSDs the package is checked by the project's own checks, silently."""
    package = build_package(lms_copy(rootdir, tmp_path / "src"), "moodle", tmp_path / "nowhere")
    assert package.warnings == ""
    assert validate_package(package.path, CC11, schemas) == []


def test_without_schemas_a_broken_package_is_still_refused(rootdir: Path, tmp_path: Path) -> None:
    src = lms_copy(rootdir, tmp_path / "src")
    alpha = src / "weeks" / "alpha.rst"
    alpha.write_text(
        alpha.read_text().replace(":title: Does", ":id: w10-overview\n   :title: Does")
    )
    with pytest.raises(PackageError, match="problem"):
        build_package(src, "moodle", tmp_path / "nowhere")


def test_a_broken_package_is_a_build_error(rootdir: Path, tmp_path: Path, schema_dir: Path) -> None:
    src = lms_copy(rootdir, tmp_path / "src")
    alpha = src / "weeks" / "alpha.rst"
    alpha.write_text(
        alpha.read_text().replace(":title: Does", ":id: w10-overview\n   :title: Does")
    )
    with pytest.raises(PackageError, match="problem"):
        build_package(src, "moodle", schema_dir)
    rejected = tmp_path / "src" / "_build" / "moodle" / "hostile-course-co.imscc.invalid"
    assert rejected.is_file()


def test_generic_cartridge_in_cc13(
    rootdir: Path, tmp_path: Path, schema_dir: Path, schemas: SchemaSet
) -> None:
    package = build_package(
        lms_copy(rootdir, tmp_path / "src"),
        "imscc",
        schema_dir,
        interrogations_lms_cc_version="1.3",
        interrogations_lms_discussions=True,
    )
    assert package.warnings == ""
    assert package.xml(MANIFEST).findtext("{*}metadata/{*}schemaversion") == "1.3.0"
    assert validate_package(package.path, CC13, schemas) == []


def test_registry_names_the_package_identifiers(
    canvas: Package, rootdir: Path, tmp_path: Path
) -> None:
    """The anchor registry's LMS identifier of every item is the package page that holds it."""
    html = build(lms_copy(rootdir, tmp_path / "src"), "html")
    objects = json.loads((html.outdir / "anchors.json").read_text())["objects"]
    resources = {
        resource.get("identifier")
        for resource in canvas.xml("imsmanifest.xml").iter(f"{{{CC11.namespace}}}resource")
    }
    assert objects
    for entry in objects:
        assert entry["lms_identifier"] in resources, entry["id"]


def test_canvas_pages_hold_only_what_canvas_keeps(canvas: Package) -> None:
    assert package_violations(canvas) == {}
    held = ids_on_pages(canvas)
    for anchor in [*RESPONSES, "w02-zoe-obrien-response", "a-labelled-passage"]:
        assert held.get(anchor) in {"div", "p"}, anchor  # on the list (checked above)


def test_canvas_page_per_week_keeps_every_anchor(
    rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    package = build_package(
        lms_copy(rootdir, tmp_path / "src"),
        "canvas",
        schema_dir,
        interrogations_lms_page_per_week=True,
    )
    assert package_violations(package) == {}
    week2 = page(package, "wiki_content/w02.html")
    assert [d.get("id") for d in week2.findall("body/div[@id]")][1:] == [
        "w02-zoe-obrien",
        "w02-script-x-script-nunez",
    ]
    mensah = page(package, "wiki_content/w10.html")
    assert "$WIKI_REFERENCE$/pages/w02#w02-zoe-obrien-response" in mensah.xpath("//a/@href")


@pytest.mark.parametrize("page_per_week", [False, True], ids=["page-per-item", "page-per-week"])
def test_registry_names_the_page_holding_each_item(
    page_per_week: bool, rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    """``anchors.json`` names, for every item, the Canvas resource whose page holds its id."""
    overrides = {"interrogations_lms_page_per_week": page_per_week}
    src = lms_copy(rootdir, tmp_path / "src")
    html = build(src, "html", confoverrides=overrides)
    objects = json.loads((html.outdir / "anchors.json").read_text())["objects"]
    package = build_package(src, "canvas", schema_dir, **overrides)
    hrefs = {r.get("identifier"): r.get("href") for r in package.xml(MANIFEST).iter("{*}resource")}
    assert len(objects) == 2 * len(RESPONSES)
    for entry in objects:
        held = page(package, hrefs[entry["lms_identifier"]]).xpath("//@id")
        assert entry["id"] in held, (entry["id"], entry["lms_identifier"])


def test_collapsible_responses_degrade_to_canvas_markup(
    rootdir: Path, tmp_path: Path, schema_dir: Path
) -> None:
    """The site's collapsible responses become plain blocks: Canvas has no details/summary."""
    src = lms_copy(rootdir, tmp_path / "src")
    package = build_package(src, "canvas", schema_dir, interrogations_collapsible_responses=True)
    assert package_violations(package) == {}
    obrien = page(package, "wiki_content/w02-zoe-obrien.html")
    assert obrien.xpath("//details | //summary") == []
    response = obrien.find("body/div/div[@id='w02-zoe-obrien-response']")
    assert "obrien-response-text" in "".join(response.find("blockquote").itertext())
