"""The leak scanner finds names wherever a build can hide them (so its silence means something)."""

from __future__ import annotations

import io
import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest
import sphinx

from sphinx_interrogations_lms.moodle_backup import (
    BackupCourse,
    PageActivity,
    Section,
    write_backup,
)
from tests.conftest import SCHEMAS
from tests.helpers import Build, build, copy_root
from tests.leakscan import compile_pdf, name_needles, roster_needles, scan


@pytest.fixture(scope="module")
def named(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    """The privacy root built as the full (non-public) archive: names everywhere."""
    src = copy_root(rootdir, "privacy", tmp_path_factory.mktemp("named") / "src")
    overrides = {"interrogations_lms_schema_dir": str(SCHEMAS)}
    builds = {b: build(src, b, confoverrides=overrides) for b in ("html", "latex", "canvas")}
    compile_pdf(builds["latex"].outdir)
    return builds


def test_names_are_found_in_every_kind_of_output(rootdir: Path, named: dict[str, Build]) -> None:
    needles = roster_needles(rootdir / "test-privacy" / "roster.csv", skip=("Will", "Rose"))
    leaks = scan([result.outdir for result in named.values()], needles)
    found = {(leak.where, leak.needle) for leak in leaks}
    expected = {
        ("weeks/week01.html [text]", "José Núñez"),
        ("searchindex.js [text]", "Núñez (of José Núñez)"),
        ("objects.inv [inventory]", "José Núñez"),
        ("anchors.json [text]", "Anne-Marie Ng"),
        ("privacyseminar.pdf [pdf text]", "José Núñez"),
        ("privacyseminar.pdf [pdf objects]", "Anne-Marie Ng"),  # author metadata, bookmarks
        ("privacy-seminar.imscc!wiki_content/w01-jose-nunez.html [file name]", "José Núñez"),
        ("privacy-seminar.imscc!imsmanifest.xml [text]", "Zoë O'Brien"),
    }
    assert expected <= found, sorted(found)


def test_nested_packages_and_encodings_are_unpacked(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as package:
        package.writestr("pages/anne-marie-ng.html", "<p>nothing here</p>")
        package.writestr("a.html", unicodedata.normalize("NFD", "<p>Z&ouml;e O&#8217;Brien</p>"))
        package.writestr("b.txt", "see /people/Jos%C3%A9%20N%C3%BA%C3%B1ez/")
        package.writestr("c.js", '{"t": "Nu\\u00f1ez"}')
    with zipfile.ZipFile(tmp_path / "course.imscc", "w") as outer:
        outer.writestr("inner.zip", inner.getvalue())
    needles = [
        *name_needles("Anne-Marie Ng"),
        *name_needles("Zoë O'Brien"),
        *name_needles("José Núñez"),
    ]
    found = {(leak.where, leak.needle) for leak in scan([tmp_path], needles)}
    assert {
        ("course.imscc!inner.zip!pages/anne-marie-ng.html [file name]", "Anne-Marie Ng"),
        ("course.imscc!inner.zip!a.html [html-unescaped]", "Zoë O'Brien"),
        ("course.imscc!inner.zip!b.txt [url-decoded]", "José Núñez"),
        ("course.imscc!inner.zip!c.js [json-unescaped]", "Núñez (of José Núñez)"),
    } <= found


def test_moodle_backups_are_unpacked(tmp_path: Path) -> None:
    page = PageActivity("w01-anne", "1.1 Ng", "<p>Z&ouml;e O&#8217;Brien asks &amp; answers</p>")
    course = BackupCourse("Seminar", "S", sections=(Section("Week 1", "", (page,)),))
    write_backup(course, tmp_path / "course.mbz")
    found = {(leak.where, leak.needle) for leak in scan([tmp_path], name_needles("Zoë O'Brien"))}
    where = "course.mbz!activities/page_100/page.xml [xml-and-html-unescaped]"
    assert (where, "Zoë O'Brien") in found


def test_everyday_words_are_skipped_but_the_name_is_not(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("I will say it rose. <a href='#w01-will-rose'>x</a>")
    leaks = scan([tmp_path], name_needles("Will Rose", skip=("Will", "Rose")))
    assert {leak.needle for leak in leaks} == {"Will Rose"}
    assert "will-rose" in leaks[0].context


def test_verbatim_copies_of_packaged_files_are_not_searched(tmp_path: Path) -> None:
    shipped = Path(sphinx.__file__).parent / "texinputs" / "sphinxpackagecyrillic.sty"
    needles = name_needles("Anne-Marie Ng")  # "\ng" is a glyph command in that file
    shutil.copy(shipped, tmp_path / shipped.name)
    assert scan([tmp_path], needles) == []
    (tmp_path / shipped.name).write_bytes(shipped.read_bytes() + b"% Anne-Marie Ng\n")
    assert scan([tmp_path], needles) != []


def test_the_routes_of_hostile_sources_are_scanned(tmp_path: Path) -> None:
    """Invisible characters, line-end hyphens, digits, scripts without spaces, attached
    particles, transliterated slugs, user parts of URLs, image file names and zip paths."""
    pages = {
        "soft.html": "<p>Na\u00adtani and Mor\u200dgul, Khut\u200bkyy</p>",
        "broken.tex": "as Khut-\n   kyy wrote",
        "labels.js": '{"natani2013": 1, "2020khutkyy": 2}',
        "cjk.txt": "我和李娜讨论",
        "arabic.txt": "تحدثت مع وكريم",
        "korean.txt": "김민수는 질문했다",
        "slug.html": '<a href="#w01-li-nuo">x</a>',
        "url.html": '<a href="https://example.org/~kmorgul/">x</a>',
        "images/natani-diagram.png": "",
    }
    for name, text in pages.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "course.imscc", "w") as package:
        package.writestr("web_resources/img/Kerem_Morgul-chart.png", b"\x89PNG")
    needles = [
        *name_needles("Yotaro Natani"),
        *name_needles("Kerem Morgul"),
        *name_needles("Dmytro Khutkyy"),
        *name_needles("李娜"),
        *name_needles("كريم حداد"),
        *name_needles("김민수"),
    ]
    found = {
        (leak.where.split(" [")[0], leak.needle.split(" (")[0])
        for leak in scan([tmp_path], needles)
    }
    assert {
        ("soft.html", "Natani"),
        ("soft.html", "Morgul"),
        ("soft.html", "Khutkyy"),
        ("broken.tex", "Khutkyy"),
        ("labels.js", "Natani"),
        ("labels.js", "Khutkyy"),
        ("cjk.txt", "李娜"),
        ("arabic.txt", "كريم"),
        ("korean.txt", "김민수"),
        ("slug.html", "Li Nuo"),
        ("url.html", "Morgul"),
        ("images/natani-diagram.png", "Natani"),
        ("course.imscc!web_resources/img/Kerem_Morgul-chart.png", "Kerem Morgul"),
    } <= found, sorted(found)


def test_short_names_are_not_found_in_other_words(tmp_path: Path) -> None:
    """Only names in scripts without spaces and words of six letters or more are looked for
    inside other words; "Kerem" (five) is not."""
    (tmp_path / "page.html").write_text("<p>理纳 and 李, Kerembe, Li Na</p>", encoding="utf-8")
    needles = [*name_needles("李娜"), *name_needles("Kerem Morgul")]
    assert scan([tmp_path], needles) == []
