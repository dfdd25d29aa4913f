"""Public builds of hostile sources: every route a name can take is closed, or stops the build.

The root ``test-privacy-hostile`` writes its students' names the ways that once reached the
output: through borrowed responder classes, as a response's ``:by:``, split by soft hyphens,
zero-width characters and line-end hyphens, in citation and footnote labels, in image and
download file names, and in Chinese, Arabic and Korean next to other letters without spaces.
It is built as HTML, LaTeX, Canvas and Moodle, and the leak scanner reads every byte and file
name (package members included). The catalogue's public cases (70 and up) are the routes a
build cannot decide: each stops with its located error, and its output holds no name either.
"""

from __future__ import annotations

import os
import re
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from sphinx.errors import ConfigError

from tests.conftest import SCHEMAS
from tests.ext.test_catalogue import CATALOGUE, split_pages
from tests.helpers import Build, build, copy_root, parse_html, write_project
from tests.leakscan import name_needles, phrase_needle, roster_needles, scan

KEY_ENV = "INTERROGATIONS_PSEUDONYM_KEY"
KEY = "test-key-not-a-secret-0123"
PUBLIC = {"interrogations_public": True, "interrogations_lms_schema_dir": str(SCHEMAS)}
BUILDERS = ("html", "latex", "canvas", "moodle")
HASHED_IMAGE = r"img-[0-9a-f]{16}\.png"
PUBLIC_CASES = sorted(
    path.stem
    for path in CATALOGUE.glob("*.rst")
    if "interrogations_public = True" in path.read_text()
)


@pytest.fixture(scope="module")
def hostile(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    src = copy_root(rootdir, "privacy-hostile", tmp_path_factory.mktemp("hostile") / "src")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KEY_ENV, KEY)
        return {builder: build(src, builder, confoverrides=PUBLIC) for builder in BUILDERS}


def page_text(result: Build, page: str) -> str:
    return " ".join(parse_html(result.outdir / page).text_content().split())


def test_no_output_of_the_hostile_public_build_leaks_a_name(
    rootdir: Path, hostile: dict[str, Build]
) -> None:
    needles = roster_needles(rootdir / "test-privacy-hostile" / "roster.csv")
    needles.append(phrase_needle("A response by a student who is left out"))
    assert list(hostile["canvas"].outdir.glob("*.imscc"))
    assert list(hostile["moodle"].outdir.glob("*.imscc"))
    assert list(hostile["latex"].outdir.glob("*.tex"))
    assert scan([result.outdir for result in hostile.values()], needles) == []


def test_the_hostile_build_reports_only_the_borrowed_classes(hostile: dict[str, Build]) -> None:
    lines = [line for line in hostile["html"].warnings.splitlines() if line.strip()]
    assert len(lines) == 2, hostile["html"].warnings
    assert all("class 'seminar-responder' is the extension's own" in line for line in lines)
    assert [hostile[builder].warnings for builder in BUILDERS[1:]] == ["", "", ""]


def test_a_roster_student_as_responder_is_published_like_a_student(
    hostile: dict[str, Build],
) -> None:
    tree = parse_html(hostile["html"].outdir / "weeks" / "week01.html")
    responders = [el.text_content() for el in tree.find_class("seminar-responder")]
    assert responders == ["Student 01"]  # Elsa Noterman's response went with her
    assert "A response by a student who is left out" not in tree.text_content()
    staff = parse_html(hostile["html"].outdir / "weeks" / "week02.html")
    assert [el.text_content() for el in staff.find_class("seminar-responder")] == [
        "Prof. Example",
        "Dr. O’Neill",
    ]
    registry = (hostile["html"].outdir / "anchors.json").read_text(encoding="utf-8")
    assert '"responder": "Student 01"' in registry


def test_invisible_characters_and_line_end_hyphens_do_not_hide_a_name(
    hostile: dict[str, Build],
) -> None:
    text = page_text(hostile["html"], "weeks/week01.html")
    assert "As Student 01 said, and as Student 03 wrote, perhaps not" in text
    assert "Student 02 and Student 08 disagree" in text
    assert "1.1 Student 02 — On Student 01’s engines" in text
    assert "Student 02, thank you: Student 01 2013 and 2020 Student 03 are both careful" in text
    assert "Thanks to Student 01\u00ad and Student 03 for the notes" in page_text(
        hostile["html"], "index.html"
    )


def test_names_in_scripts_without_spaces_are_found_inside_words(
    hostile: dict[str, Build],
) -> None:
    text = page_text(hostile["html"], "weeks/week02.html")
    assert "我和Student 04讨论了这个问题。Student 04认为 [Student 02 2020] 有道理。" in text
    assert "谢谢Student 04。" in text
    assert "تحدثت مع وStudent 05 ولStudent 05 عن الكتاب، وبStudent 05." in text
    assert "Student 06는 질문했다. Student 06의 답." in text
    assert "Student 08 2019 and Student 02_2020 are in the list; so is Student 08." in text


def test_citation_and_footnote_labels_are_renamed(hostile: dict[str, Build]) -> None:
    outdir = hostile["html"].outdir
    week2 = parse_html(outdir / "weeks" / "week02.html")
    assert week2.get_element_by_id("student-01-2013").tag is not None
    index = parse_html(outdir / "index.html")
    hrefs = [a.get("href") for a in index.iter("a")]
    assert "weeks/week02.html#student-01-2013" in hrefs  # a citation resolved across pages
    week1 = parse_html(outdir / "weeks" / "week01.html")
    notes = [el.get("id") for el in week1.find_class("footnote")]
    assert notes == ["note-1", "note-2"]
    assert {a.get("href") for a in week1.find_class("footnote-reference")} == {
        "#note-1",
        "#note-2",
    }
    inventory = zlib.decompress((outdir / "objects.inv").read_bytes().partition(b"zlib.\n")[2])
    assert b"student 01 2013 std:label" in inventory


def test_images_and_downloads_are_published_under_hashed_names(
    hostile: dict[str, Build],
) -> None:
    outdir = hostile["html"].outdir
    images = sorted(path.name for path in (outdir / "_images").iterdir())
    assert len(images) == 2 and all(re.fullmatch(HASHED_IMAGE, name) for name in images)
    week1 = parse_html(outdir / "weeks" / "week01.html")
    assert sorted(Path(src).name for src in week1.xpath("//img/@src")) == images
    (download,) = week1.xpath("//a[contains(@class, 'download')]/@href")
    assert re.fullmatch(r"\.\./_downloads/[0-9a-f]{16}/file-[0-9a-f]{16}\.txt", download)
    assert (outdir / "weeks" / download).read_text() == "Reading notes for the seminar.\n"
    latex_images = sorted(p.name for p in hostile["latex"].outdir.glob("*.png"))
    assert latex_images == images
    (package,) = hostile["canvas"].outdir.glob("*.imscc")
    members = zipfile.ZipFile(package).namelist()
    assert sorted(m.rsplit("/", 1)[1] for m in members if m.endswith(".png")) == images


@pytest.mark.parametrize("case", PUBLIC_CASES)
def test_a_public_case_that_stops_publishes_no_name(case: str, tmp_path: Path) -> None:
    pages = split_pages((CATALOGUE / f"{case}.rst").read_text(encoding="utf-8"))
    srcdir = write_project(tmp_path / "src", pages)
    result = build(srcdir)
    roster = srcdir / "roster.csv"
    needles = [
        needle
        for line in roster.read_text().splitlines()[1:]
        for needle in name_needles(line.split(",")[0], skip=("Will", "Rose"))
    ]
    assert scan([result.outdir], needles) == []


def test_a_page_named_after_a_student_is_left_out(tmp_path: Path) -> None:
    pages = split_pages(
        (CATALOGUE / "72-public-page-file-name-holds-a-name.rst").read_text(encoding="utf-8")
    )
    result = build(write_project(tmp_path / "src", pages))
    assert not (result.outdir / "weeks").exists()
    assert "weeks/natani-notes" not in result.env.found_docs


def test_a_parallel_public_build_names_files_and_labels_alike(
    rootdir: Path, tmp_path: Path, hostile: dict[str, Build]
) -> None:
    """Hashed file names and renamed labels survive the merge of parallel readers."""
    src = copy_root(rootdir, "privacy-hostile", tmp_path / "src")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KEY_ENV, KEY)
        parallel = build(src, "html", parallel=2, confoverrides=PUBLIC)
    for page in ("index.html", "weeks/week01.html", "weeks/week02.html"):
        serial_page = (hostile["html"].outdir / page).read_bytes()
        assert (parallel.outdir / page).read_bytes() == serial_page
    assert sorted(p.name for p in (parallel.outdir / "_images").iterdir()) == sorted(
        p.name for p in (hostile["html"].outdir / "_images").iterdir()
    )
    week1 = parse_html(parallel.outdir / "weeks" / "week01.html")
    (download,) = week1.xpath("//a[contains(@class, 'download')]/@href")
    assert (parallel.outdir / "weeks" / download).is_file()


def test_a_public_build_rereading_a_page_names_files_alike(tmp_path: Path, rootdir: Path) -> None:
    """An incremental build keeps the hashed names (the page with the image and the download
    is read again, the others are not)."""
    src = copy_root(rootdir, "privacy-hostile", tmp_path / "src")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KEY_ENV, KEY)
        first = build(src, "html", confoverrides=PUBLIC)
        pages = {p: (first.outdir / p).read_bytes() for p in ("index.html", "weeks/week01.html")}
        later = time.time() + 10
        os.utime(src / "weeks" / "week01.rst", (later, later))
        again = build(src, "html", confoverrides=PUBLIC)
    assert "weeks/week01.rst:13: WARNING: class 'seminar-responder'" in again.warnings
    assert {p: (again.outdir / p).read_bytes() for p in pages} == pages


def test_a_configured_address_holding_a_name_stops_the_public_build(
    rootdir: Path, tmp_path: Path
) -> None:
    src = copy_root(rootdir, "privacy-hostile", tmp_path / "src")
    overrides = {**PUBLIC, "html_baseurl": "https://example.org/~kmorgul/seminar/"}
    with pytest.MonkeyPatch.context() as patch, pytest.raises(ConfigError) as raised:
        patch.setenv(KEY_ENV, KEY)
        build(src, "html", confoverrides=overrides)
    assert str(raised.value) == (
        "html_baseurl 'https://example.org/~kmorgul/seminar/' holds a student's name ('morgul'): "
        "a public build does not publish it; give public builds an address without it "
        "(e.g. -D html_baseurl=https://example.org/seminar/)"
    )


CLASS_EXTENSION = """
from docutils import nodes
from sphinx.transforms import SphinxTransform


class GiveResponderClass(SphinxTransform):
    default_priority = 500  # after the reserved classes are removed, before the scrubber

    def apply(self):
        for node in self.document.findall(nodes.emphasis):
            node["classes"].append("seminar-responder")


def setup(app):
    app.add_transform(GiveResponderClass)
    return {"parallel_read_safe": True}
"""


def test_the_scrubber_decides_by_node_not_by_class(tmp_path: Path) -> None:
    """Text carrying the responder class (here from another extension) is scrubbed."""
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": """\
            Week 3
            ======

            .. week:: 3

            .. interrogation:: Kerem Morgul

               As *Yotaro Natani* said.
            """,
            "classes.py": CLASS_EXTENSION,
            "roster.csv": "name,number\nKerem Morgul,1\nYotaro Natani,2\n",
        },
        conf="""
        import os, sys
        sys.path.insert(0, os.path.dirname(__file__))
        extensions.append("classes")
        interrogations_public = True
        interrogations_roster = "roster.csv"
        """,
    )
    result = build(src)
    emphasis = parse_html(result.outdir / "index.html").find_class("seminar-responder")
    assert [el.text_content() for el in emphasis] == ["Student 02"]


def test_a_static_file_named_after_a_student_stops_the_public_build(
    rootdir: Path, tmp_path: Path
) -> None:
    src = copy_root(rootdir, "privacy-hostile", tmp_path / "src")
    (src / "extra" / "people").mkdir(parents=True)
    (src / "extra" / "people" / "kmorgul.html").write_text("<p>hello</p>")
    overrides = {**PUBLIC, "html_extra_path": ["extra"]}
    with pytest.MonkeyPatch.context() as patch, pytest.raises(ConfigError) as raised:
        patch.setenv(KEY_ENV, KEY)
        build(src, "html", confoverrides=overrides)
    assert str(raised.value) == (
        "html_extra_path: the file name 'extra/people/kmorgul.html' holds a student's name "
        "('morgul'): it would be published as it is; rename it"
    )
