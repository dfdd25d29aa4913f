"""Untrusted text in both LMS packages, built from the ``test-hostile`` root.

The root trusts raw HTML (``interrogations_allow_raw = True``), so scripts, event handlers,
``javascript:`` links, frames and styles reach the web archive; the packages keep semantic
markup and safe links only, whatever the archive trusts, and lose no readable text. Titles,
names and codes full of ``&``, ``<``, ``"`` and ``]]>`` read back exactly from every XML file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree, html

from sphinx_interrogations.store import catalogue_of
from sphinx_interrogations_lms.flavours.canvas import CANVAS
from sphinx_interrogations_lms.flavours.canvas_settings import COURSE_SETTINGS, MODULE_META
from sphinx_interrogations_lms.packaging.cartridge import CC11
from sphinx_interrogations_lms.packaging.zip_writer import MANIFEST
from sphinx_interrogations_lms.validation.package_checks import validate_package
from sphinx_interrogations_lms.validation.schemas import SchemaSet
from tests.exporters.canvas_allowlist import ids_on_pages, package_violations
from tests.exporters.conftest import Package, build_package
from tests.exporters.test_hostile_core import active_content
from tests.helpers import build, copy_root, parse_html, write_project

PROJECT = 'Hostile ]]> <Archive> & "Co"'
DESCRIPTION = 'About ]]> & <b>bold</b> "quoted"'
COURSE = 'Soc & <Sci> ]]> "929"'
RESPONDER = 'Prof. <Q> & "A" ]]>'
STUDENT = 'Ann ]]> "Lee" & <Co>'
WEEK1 = 'Week 1: Risk & <Reward> "now" ]]>'
ANN_PAGE = '1.1 <Co> \u2014 A & B <i>x</i> "q" ]]>'
DISCUSSION1 = 'Week 1 discussion: Risk & <Reward> "now" ]]>'
BASEURL = "https://example.org/a&b/"
FOLDERS = {"canvas": "wiki_content", "moodle": "pages"}
#: readable text of the week 1 and About pages, whatever the archive trusts
ALWAYS_KEPT = [
    "about-raw-kept",
    "about-js-link",
    "intro-raw-kept",
    "intro-js-link",
    'Question text with <script>alert("question")</script> and <img src=x onerror=alert(1)>',
    "Answer with <b>not bold</b> & ]]> as text; week1-response-text.",
]
#: readable text of the trusted raw block in Ann's question
RAW_TEXT = [
    *("raw-kept-paragraph", "tab-link-text", "vb-link-text", "math-text", "button-kept"),
    *("comment-before", "before-end-tags", "after-end-tags", "summary-kept", "details-kept"),
]
VARIANTS = [(flavour, raw) for flavour in FOLDERS for raw in (True, False)]


def variant_id(variant: tuple[str, bool]) -> str:
    return f"{variant[0]}-{'raw-allowed' if variant[1] else 'raw-refused'}"


@pytest.fixture(scope="module", params=VARIANTS, ids=variant_id)
def package(
    request: pytest.FixtureRequest,
    rootdir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    schema_dir: Path,
) -> Package:
    flavour, allow_raw = request.param
    src = copy_root(rootdir, "hostile", tmp_path_factory.mktemp(variant_id(request.param)) / "s")
    overrides: dict[str, object] = {"interrogations_allow_raw": allow_raw}
    if flavour == "moodle":
        overrides["html_baseurl"] = BASEURL
    return build_package(src, flavour, schema_dir, **overrides)


def flavour_of(package: Package) -> str:
    return "canvas" if "wiki_content/about.html" in package.files else "moodle"


def html_pages(package: Package) -> dict[str, bytes]:
    return {name: data for name, data in package.files.items() if name.endswith(".html")}


def page_text(package: Package, name: str) -> str:
    return "".join(etree.fromstring(package.files[name]).find("body").itertext())


def all_text(package: Package) -> str:
    return "\n".join(page_text(package, name) for name in html_pages(package))


def test_package_is_valid_and_only_refused_raw_markup_warns(
    package: Package, schemas: SchemaSet
) -> None:
    extra = CANVAS.checks if flavour_of(package) == "canvas" else ()
    assert validate_package(package.path, CC11, schemas, extra) == []
    allow_raw = package.env is not None and package.env.config.interrogations_allow_raw
    warnings = [line for line in package.warnings.splitlines() if line.strip()]
    if allow_raw:
        assert warnings == []
    else:
        source = Path(package.env.srcdir) / "weeks" / "week01.rst"
        line = source.read_text().splitlines().index("   .. raw:: html") + 1
        assert len(warnings) == 1
        assert f"{source}:{line}: WARNING: raw html markup in an interrogation" in warnings[0]


def test_no_page_or_prompt_carries_active_content(package: Package) -> None:
    pages = html_pages(package)
    assert len(pages) == 1 + 3 + 5  # About, three week overviews, five interrogations
    for name, data in pages.items():
        strict = etree.fromstring(data)  # polyglot: well-formed XML ...
        browser = html.document_fromstring(data)  # ... read by an HTML parser the same way
        for tree in (strict, browser):
            assert active_content(tree) == [], name
        assert [element.tag for element in browser.head] in (
            ["meta", "title"],
            ["meta", "meta", "meta", "meta", "title"],
        ), name
    topics = [name for name in package.files if name.endswith("-discussion.xml")]
    assert len(topics) == 3
    for name in topics:
        prompt = etree.fromstring(package.files[name]).findtext("{*}text")
        assert active_content(html.fragment_fromstring(prompt, create_parent="div")) == [], name


def test_no_readable_text_is_lost(package: Package) -> None:
    text = all_text(package)
    for kept in ALWAYS_KEPT:
        assert kept in text
    ann = etree.fromstring(package.files[f"{FOLDERS[flavour_of(package)]}/w01-ann-lee-co.html"])
    assert package.env is not None
    if package.env.config.interrogations_allow_raw:
        for kept in RAW_TEXT:
            assert kept in text
        assert ann.xpath("//img/@alt") == ["raw-img-alt"]
    else:  # the raw source is shown as text
        shown = "".join(ann.find(".//pre").itertext())
        assert shown.startswith('<p>raw-kept-paragraph</p><script>alert("raw")</script>')
        assert "<p>after-end-tags</p>" in shown
    assert ann.xpath("//a[. = 'safe-link']/@href") == ["https://example.org/?a=1&b=2"]
    about = etree.fromstring(package.files[f"{FOLDERS[flavour_of(package)]}/about.html"])
    assert about.xpath("//a[. = 'about-js-link']/@href") == []  # text kept, target refused


def titles(root: etree._Element) -> list[str]:
    return [element.findtext("{*}string") or element.text for element in root.iter("{*}title")]


def test_xml_special_characters_round_trip(package: Package) -> None:
    for name in (n for n in package.files if n.endswith(".xml")):
        assert b"<![CDATA[" not in package.files[name], name
        etree.fromstring(package.files[name])  # well-formed
    manifest = package.xml(MANIFEST)
    general = manifest.find(".//{*}general")
    assert general.findtext("{*}title/{*}string") == PROJECT
    assert general.findtext("{*}description/{*}string") == DESCRIPTION
    assert {WEEK1, ANN_PAGE, DISCUSSION1} <= set(titles(manifest))
    discussion = package.xml("topics/w01-discussion.xml")
    assert discussion.findtext("{*}title") == DISCUSSION1
    prompt = html.fragment_fromstring(discussion.findtext("{*}text"), create_parent="div")
    assert COURSE in "".join(prompt.itertext())
    folder = FOLDERS[flavour_of(package)]
    ann = etree.fromstring(package.files[f"{folder}/w01-ann-lee-co.html"])
    assert ann.findtext("head/title") == ANN_PAGE
    wrapper = "div" if folder == "wiki_content" else "section"  # Canvas keeps no <section>
    assert "".join(ann.find(f"body/{wrapper}/h2/strong").itertext()) == STUDENT
    assert RESPONDER in page_text(package, f"{folder}/w01-ann-lee-co.html")
    assert COURSE in page_text(package, f"{folder}/w01-overview.html")
    if flavour_of(package) == "canvas":
        settings = package.xml(COURSE_SETTINGS)
        assert settings.findtext("{*}title") == PROJECT
        assert settings.findtext("{*}course_code") == COURSE
        assert {WEEK1, ANN_PAGE, DISCUSSION1} <= set(titles(package.xml(MODULE_META)))
        assert package.xml("topics/w01-discussion-meta.xml").findtext("{*}title") == DISCUSSION1
    else:
        link = package.xml("links/archive.xml").find("{*}url")
        assert link.get("href") == f"{BASEURL}index.html"
        assert ann.xpath("//a[. = 'This page in the web archive']/@href") == [
            f"{BASEURL}weeks/week01.html#w01-ann-lee-co"
        ]


def test_trusted_raw_html_reaches_the_web_archive_only(rootdir: Path, tmp_path: Path) -> None:
    """The decision the packages differ on: the web archive shows what the archive trusts."""
    result = build(copy_root(rootdir, "hostile", tmp_path / "src"), "html")
    assert result.warnings == ""
    section = parse_html(result.outdir / "weeks" / "week01.html").get_element_by_id(
        "w01-ann-lee-co"
    )
    assert section.xpath(".//script[contains(., 'alert(\"raw\")')]")
    assert section.xpath(".//img/@onerror") == ["alert('img')"]


CONTROL_WEEK = """
    Week 1: Tabs
    ============

    .. week:: 1
       :topic: Topic

    .. interrogation:: Ann Lee

       Question\x07with bell.
"""


def test_control_characters_in_titles_are_located_errors_and_refuse_the_package(
    tmp_path: Path, schema_dir: Path
) -> None:
    """Titles become XML names and headings: the directive reports them, the package waits."""
    week = CONTROL_WEEK.replace(":topic: Topic", ":topic: Topic\x1bwith escape")
    src = write_project(
        tmp_path / "src",
        {"index.rst": "Home\n====\n\n.. toctree::\n\n   w1\n", "w1.rst": week},
        conf='extensions = ["sphinx_interrogations_lms"]\n',
    )
    result = build(src, "moodle", confoverrides={"interrogations_lms_schema_dir": str(schema_dir)})
    path, message = src / "w1.rst", ":topic: contains control characters: 'Topic\\x1bwith escape'"
    assert f"{path}:4: ERROR: {message} (left out)" in result.warnings
    assert f"fix them and build again:\n  {path}:4: {message} (left out)" in result.warnings
    assert list(result.outdir.glob("*.imscc")) == []


@pytest.mark.parametrize("flavour", ["canvas", "moodle"])
def test_control_characters_never_break_a_package(
    flavour: str, tmp_path: Path, schema_dir: Path, schemas: SchemaSet
) -> None:
    src = write_project(
        tmp_path / "src",
        {"index.rst": "Home\n====\n\n.. toctree::\n\n   w1\n", "w1.rst": CONTROL_WEEK},
        conf='extensions = ["sphinx_interrogations_lms"]\ninterrogations_lms_discussions = True\n',
    )
    package = build_package(
        src, flavour, schema_dir, interrogations_lms_description="Description\x0cform feed"
    )
    extra = CANVAS.checks if flavour == "canvas" else ()
    assert validate_package(package.path, CC11, schemas, extra) == []
    general = package.xml(MANIFEST).find(".//{*}general")
    assert general.findtext("{*}description/{*}string") == "Description\ufffdform feed"
    assert "Question\ufffdwith bell." in all_text(package)


@pytest.mark.parametrize(
    "package", [("canvas", True), ("canvas", False)], indirect=True, ids=variant_id
)
def test_hostile_canvas_pages_hold_only_what_canvas_keeps(package: Package) -> None:
    """Trusted raw HTML (sections, details, abbr, time, ...) degrades to Canvas's list."""
    assert package_violations(package) == {}
    held = ids_on_pages(package)
    assert package.env is not None
    for record in catalogue_of(package.env).items():
        assert held.get(record.anchor) == "div", record.anchor
