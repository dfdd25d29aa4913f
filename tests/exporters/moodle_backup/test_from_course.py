"""``make moodle``: the moodle builder writes the native backup beside the Common Cartridge."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from sphinx_interrogations_lms.moodle_backup import BackupError, package
from sphinx_interrogations_lms.moodle_backup.from_course import backup_course
from tests.conftest import SEED_STUDENTS
from tests.exporters.conftest import lms_copy
from tests.exporters.moodle_backup.conftest import read_mbz
from tests.helpers import build, build_archive

BASEURL = "https://example.edu/seminar/"


def build_moodle(
    srcdir: Path, schema_dir: Path, builder: str = "moodle", **overrides: object
) -> Path:
    result = build(
        srcdir,
        builder,
        freshenv=True,
        confoverrides={"interrogations_lms_schema_dir": str(schema_dir), **overrides},
    )
    assert "WARNING" not in result.warnings and "ERROR" not in result.warnings, result.warnings
    return Path(result.outdir)


@pytest.fixture(scope="module")
def published(rootdir: Path, schema_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = lms_copy(rootdir, tmp_path_factory.mktemp("published") / "src")
    return build_moodle(srcdir, schema_dir, html_baseurl=BASEURL)


def listing(files: dict[str, bytes]) -> etree._Element:
    return etree.fromstring(files["moodle_backup.xml"]).find("information/contents")


def page_content(files: dict[str, bytes], cmid: str) -> str:
    return etree.fromstring(files[f"activities/page_{cmid}/page.xml"]).findtext("page/content")


def test_both_packages_are_written(published):
    assert sorted(path.name for path in published.iterdir() if path.is_file()) == [
        "hostile-course-co.imscc",
        "hostile-course-co.mbz",
    ]


def test_named_sections_pages_and_the_archive_link(published):
    files = read_mbz(published / "hostile-course-co.mbz")
    sections = [entry.findtext("title") for entry in listing(files).iterfind("sections/section")]
    assert sections == ["About this archive", "Week 2: Script & <Tags>", "Week 10: Later Things"]
    activities = [
        (entry.findtext("modulename"), entry.findtext("title"))
        for entry in listing(files).iterfind("activities/activity")
    ]
    assert activities[:3] == [
        ("page", "About this archive"),
        ("url", "The full archive (web)"),
        ("page", "Week 2 overview"),
    ]
    assert [kind for kind, _ in activities].count("page") == 6
    url = etree.fromstring(files["activities/url_101/url.xml"])
    assert url.findtext("url/externalurl") == f"{BASEURL}index.html"


def test_cross_references_are_links_inside_the_course(published):
    files = read_mbz(published / "hostile-course-co.mbz")
    ids = {
        entry.findtext("title").split(" — ")[0]: entry.findtext("moduleid")
        for entry in listing(files).iterfind("activities/activity")
    }
    mensah = etree.HTML(page_content(files, ids["10.1 Mensah"]))
    hrefs = mensah.xpath("//a/@href")
    obrien = ids["2.1 O'Brien"]
    assert f"$@PAGEVIEWBYID*{obrien}@$#w02-zoe-obrien-response" in hrefs
    # "this page in the web archive" still goes to the web archive
    assert f"{BASEURL}weeks/alpha.html#w10-kwame-mensah" in hrefs


def test_unpublished_cross_references_are_links_in_the_backup_and_text_in_the_imscc(
    rootdir, schema_dir, tmp_path
):
    outdir = build_moodle(lms_copy(rootdir, tmp_path / "src"), schema_dir)
    files = read_mbz(outdir / "hostile-course-co.mbz")
    ids = {
        entry.findtext("title").split(" — ")[0]: entry.findtext("moduleid")
        for entry in listing(files).iterfind("activities/activity")
    }
    mensah = etree.HTML(page_content(files, ids["10.1 Mensah"]))
    obrien = ids["2.1 O'Brien"]
    assert f"$@PAGEVIEWBYID*{obrien}@$#w02-zoe-obrien-response" in mensah.xpath("//a/@href")
    with zipfile.ZipFile(outdir / "hostile-course-co.imscc") as package:
        pages = {n: package.read(n).decode() for n in package.namelist() if n.endswith(".html")}
    assert not any("seminar-course:" in page for page in pages.values())
    page = etree.HTML(pages["pages/w10-kwame-mensah.html"].encode())
    assert "Response to O" in "".join(page.itertext())  # the reference's text is kept
    assert not [h for h in page.xpath("//a/@href") if "obrien" in h]  # text, not a dead link


def test_images_are_the_pages_own_files(published):
    files = read_mbz(published / "hostile-course-co.mbz")
    entries = etree.fromstring(files["files.xml"]).findall("file")
    assert [entry.findtext("filename") for entry in entries] == ["my-diagram.png"]
    context = entries[0].findtext("contextid")
    pages = [path for path in files if path.endswith("/page.xml")]
    (owner,) = [path for path in pages if etree.fromstring(files[path]).get("contextid") == context]
    images = etree.HTML(etree.fromstring(files[owner]).findtext("page/content")).xpath("//img/@src")
    assert images == ["@@PLUGINFILE@@/my-diagram.png"]
    digest = entries[0].findtext("contenthash")
    assert files[f"files/{digest[:2]}/{digest}"].startswith(b"\x89PNG")


def test_same_sources_same_backup_bytes(published, rootdir, schema_dir, tmp_path):
    again = build_moodle(lms_copy(rootdir, tmp_path / "src"), schema_dir, html_baseurl=BASEURL)
    assert (again / "hostile-course-co.mbz").read_bytes() == (
        published / "hostile-course-co.mbz"
    ).read_bytes()


def test_unpublished_archive_no_url_activity_and_no_imscc_builder_backup(
    rootdir, schema_dir, tmp_path
):
    srcdir = lms_copy(rootdir, tmp_path / "src")
    outdir = build_moodle(srcdir, schema_dir, interrogations_lms_date="2024-09-01")
    files = read_mbz(outdir / "hostile-course-co.mbz")
    kinds = [
        entry.findtext("modulename") for entry in listing(files).iterfind("activities/activity")
    ]
    assert "url" not in kinds
    information = listing(files).getparent()
    assert information.findtext("original_course_startdate") == "1725148800"
    assert information.findtext("backup_date") == "1725148800"
    imscc = build_moodle(lms_copy(rootdir, tmp_path / "src2"), schema_dir, builder="imscc")
    assert not list(imscc.glob("*.mbz"))


def test_the_real_archive_restores_as_named_sections(tmp_path):
    result = build_archive(tmp_path, "moodle")
    assert result.warnings == ""
    (backup,) = result.outdir.glob("*.mbz")
    files = read_mbz(backup)
    sections = [entry.findtext("title") for entry in listing(files).iterfind("sections/section")]
    assert sections[:2] == ["About this archive", "Week 6: Peer-to-peer Mutualism"]
    week6 = listing(files).find("sections/section[2]/sectionid").text
    pages = [
        entry.findtext("title")
        for entry in listing(files).iterfind("activities/activity")
        if entry.findtext("sectionid") == week6
    ]
    assert pages[0] == "Week 6 overview"
    assert len(pages) == 1 + len(SEED_STUDENTS)
    for title, student in zip(pages[1:], SEED_STUDENTS, strict=True):
        assert title.startswith("6.") and student.split()[-1] in title
    course = etree.fromstring(files["course/course.xml"])
    assert course.findtext("fullname") == listing(files).getparent().findtext(
        "original_course_fullname"
    )
    assert course.findtext("lang") == "en"


def test_no_backup_from_sources_with_errors(rootdir, schema_dir, tmp_path):
    srcdir = lms_copy(rootdir, tmp_path / "src")
    outdir = build_moodle(srcdir, schema_dir)
    assert (outdir / "hostile-course-co.mbz").is_file()
    week = srcdir / "weeks" / "alpha.rst"
    broken = "\n.. interrogation:: Fay Gee\n   :colour: red\n\n   An unknown option.\n"
    week.write_text(week.read_text() + broken)
    result = build(
        srcdir, "moodle", confoverrides={"interrogations_lms_schema_dir": str(schema_dir)}
    )
    assert "hostile-course-co.imscc and hostile-course-co.mbz not written" in result.warnings
    assert list(Path(result.outdir).glob("*.mbz")) == []


def test_a_backup_that_fails_its_checks_is_one_build_error(
    rootdir, schema_dir, tmp_path, monkeypatch
):
    def broken(course, page_folder):  # a page key Moodle links cannot carry
        converted = backup_course(course, page_folder)
        page = converted.sections[0].activities[0]
        section = replace(converted.sections[0], activities=(replace(page, key="a b"),))
        return replace(converted, sections=(section, *converted.sections[1:]))

    monkeypatch.setattr(package, "backup_course", broken)
    with pytest.raises(
        BackupError, match=r"Moodle backup not written: 1 problem\(s\):\n  page key"
    ):
        build_moodle(lms_copy(rootdir, tmp_path / "src"), schema_dir)
    assert list((tmp_path / "src" / "_build" / "moodle").glob("*.mbz")) == []
