"""Public builds of a root with tricky names: no leak in any output, consent, stable pseudonyms."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
from sphinx.errors import ConfigError

from tests.conftest import SCHEMAS
from tests.helpers import Build, build, copy_root, ids_of, parse_html, write_project
from tests.leakscan import compile_pdf, phrase_needle, roster_needles, scan

KEY_ENV = "INTERROGATIONS_PSEUDONYM_KEY"
KEY = "test-key-not-a-secret-0123"
PUBLIC = {"interrogations_public": True, "interrogations_lms_schema_dir": str(SCHEMAS)}
BUILDERS = ("html", "latex", "canvas", "moodle")
#: Names that are everyday words: the scanner cannot tell them from the words.
EVERYDAY_WORDS = ("Will", "Rose")
#: Text of the items left out by consent.
EXCLUDED_TEXT = (
    "Excluded zebra sentence that must vanish",
    "Excluded first answer",
    "Excluded second answer",
    "withdrawn walrus question",
)
CODE = r"student-[2-9b-z]{4}"


def public_build(src: Path, builder: str, key: str = KEY) -> Build:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KEY_ENV, key)
        return build(src, builder, confoverrides=PUBLIC)


@pytest.fixture(scope="module")
def public(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    src = copy_root(rootdir, "privacy", tmp_path_factory.mktemp("public") / "src")
    builds = {builder: public_build(src, builder) for builder in BUILDERS}
    compile_pdf(builds["latex"].outdir)
    return builds


@pytest.fixture(scope="module")
def named(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    src = copy_root(rootdir, "privacy", tmp_path_factory.mktemp("named") / "src")
    return build(src, confoverrides={"interrogations_lms_schema_dir": str(SCHEMAS)})


def interrogations(result: Build, page: str) -> list[tuple[str, str]]:
    """(number, anchor) of every interrogation on a page."""
    tree = parse_html(result.outdir / "weeks" / f"{page}.html")
    return [
        (item.find_class("seminar-number")[0].text_content(), item.get("id"))
        for item in tree.find_class("seminar-interrogation")
    ]


def test_no_output_of_a_public_build_leaks_a_name(rootdir: Path, public: dict[str, Build]) -> None:
    needles = roster_needles(rootdir / "test-privacy" / "roster.csv", skip=EVERYDAY_WORDS)
    needles += [phrase_needle(text) for text in EXCLUDED_TEXT]
    outputs = [result.outdir for result in public.values()]
    doctrees = public["html"].outdir.parent / "doctrees"
    assert list(public["latex"].outdir.glob("*.pdf"))
    assert list(public["canvas"].outdir.glob("*.imscc"))
    assert list(public["moodle"].outdir.glob("*.imscc"))
    assert scan([*outputs, doctrees], needles) == []


def test_pseudonyms_are_anchors_and_follow_the_student(public: dict[str, Build]) -> None:
    week1 = dict(interrogations(public["html"], "week01"))
    week2 = dict(interrogations(public["html"], "week02"))
    assert week1["1.4"] == "w01-ada-lovelace"  # consented to be named
    assert week1["1.2"] == "w01-student-07"  # fixed number in the roster
    assert re.fullmatch(f"w01-{CODE}", week1["1.1"])
    assert re.fullmatch(f"w01-{CODE}", week1["1.3"])
    assert week2["2.2"] == "w02-" + week1["1.1"].removeprefix("w01-")  # José in both weeks
    assert week2["2.5"] == "w02-student-07"  # ":consent: named" cannot loosen the roster
    assert re.fullmatch(f"w02-{CODE}-special", week2["2.3"])  # explicit :id: w02-dmytro-special
    heading = parse_html(public["html"].outdir / "weeks" / "week01.html").get_element_by_id(
        week1["1.1"]
    )
    code = week1["1.1"].removeprefix("w01-student-").upper()
    assert heading.find_class("seminar-student")[0].text_content() == f"Student {code}"


def test_same_key_same_pseudonyms_other_key_other_codes(
    rootdir: Path, tmp_path: Path, public: dict[str, Build]
) -> None:
    again = public_build(copy_root(rootdir, "privacy", tmp_path / "again"), "html")
    other = public_build(copy_root(rootdir, "privacy", tmp_path / "other"), "html", key="x" * 32)
    first = interrogations(public["html"], "week01")
    assert interrogations(again, "week01") == first
    changed = dict(interrogations(other, "week01"))
    assert changed["1.1"] != dict(first)["1.1"]
    assert changed["1.2"] == "w01-student-07"


def test_left_out_items_keep_the_others_numbers(public: dict[str, Build], named: Build) -> None:
    everyone = dict(interrogations(named, "week02"))
    assert sorted(everyone) == ["2.1", "2.2", "2.3", "2.4", "2.5"]
    published = interrogations(public["html"], "week02")
    assert [number for number, _anchor in published] == ["2.2", "2.3", "2.5"]
    # the unaffected ones keep their anchors in both builds (named student, week 1)
    assert dict(interrogations(named, "week01"))["1.4"] == "w01-ada-lovelace"
    page = (public["html"].outdir / "weeks" / "week02.html").read_text()
    assert "seminar-response" not in page  # Zoë's two responses went with her question


def test_references_follow_the_pseudonyms(public: dict[str, Build]) -> None:
    tree = parse_html(public["html"].outdir / "index.html")
    week1 = dict(interrogations(public["html"], "week01"))
    week2 = dict(interrogations(public["html"], "week02"))
    links = {a.text_content(): a.get("href") for a in tree.iter("a") if a.get("href")}
    code = week1["1.1"].removeprefix("w01-student-").upper()
    texts = {a.get("href"): a.text_content() for a in tree.iter("a")}
    assert texts[f"weeks/week01.html#{week1['1.1']}"] == f"Student {code}, Week 1"
    assert links["the second question"] == "weeks/week01.html#w01-student-07"
    assert links["Lovelace, Week 1"] == "weeks/week01.html#w01-ada-lovelace"
    section = links[f"Notes on Student {code}’s question"]
    assert section.startswith(f"#notes-on-student-{code.lower()}")
    assert tree.get_element_by_id(section[1:]).tag == "section"
    assert any(href.endswith(f"#{week2['2.3']}") for href in links.values())
    # :aliases: w01-jose w01-q1 -- the named one is dropped, references to it follow the student
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert hrefs.count(f"weeks/week01.html#{week1['1.1']}") == 2
    assert "weeks/week01.html#w01-q1" in hrefs
    page = parse_html(public["html"].outdir / "weeks" / "week01.html")
    assert page.get_element_by_id("w01-q1") is not None
    withheld = [el.text_content() for el in tree.find_class("seminar-withheld")]
    assert withheld == ["[withheld]", "[name withheld]'s last question"]


def test_mentions_are_pseudonymized_and_unsure_ones_reported(public: dict[str, Build]) -> None:
    week1 = dict(interrogations(public["html"], "week01"))
    jose = "Student " + week1["1.1"].removeprefix("w01-student-").upper()
    will = "Student " + week1["1.3"].removeprefix("w01-student-").upper()
    text = " ".join(
        parse_html(public["html"].outdir / "weeks" / "week01.html").text_content().split()
    )
    assert "As Student 07 said last week" in text
    assert f"{jose}, your reading of Babbage" in text
    assert "Compare [name withheld]’s point, and Student" in text
    assert f"Student 07, thank you. {will} asked something similar" in text
    assert "I will argue that machines rose to prominence" in text
    assert f"I agree with {jose} and with [name withheld], and with Mr Student" in text
    assert "Guest Lecturer" in text and "Prof. Example" in text  # staff keep their names
    warnings = [line for line in public["html"].warnings.splitlines() if "seminar.privacy" in line]
    assert len(warnings) == 1
    assert (
        "weeks/week01.rst:37: WARNING: possible mention of a student left as written: 'Will'"
        in (warnings[0])
    )


def test_titles_configuration_and_inventory_use_pseudonyms(public: dict[str, Build]) -> None:
    outdir = public["html"].outdir
    jose = "Student " + dict(interrogations(public["html"], "week01"))["1.1"][-4:].upper()
    tree = parse_html(outdir / "index.html")
    assert tree.findtext(".//title") == f"Privacy Seminar — Seminar notes, with thanks to {jose}"
    description = tree.xpath("//meta[@name='description']/@content")
    assert description == [f"Interrogations by {jose}, Student 07 and others"]
    assert not (outdir / "_sources" / "index.rst.txt").exists()
    inventory = (outdir / "objects.inv").read_bytes().partition(b"zlib.\n")[2]
    assert b"w01-student-07 seminar:interrogation" in zlib.decompress(inventory)
    tex = next(public["latex"].outdir.glob("*.tex")).read_text()
    assert r"\author{Prof.\@{} Example, with Student 07}" in tex


def test_public_build_needs_a_roster(tmp_path: Path) -> None:
    project = write_project(tmp_path, {"index.rst": "T\n=\n"})
    with pytest.raises(ConfigError, match="interrogations_roster is not set"):
        build(project, confoverrides={"interrogations_public": True})


def test_public_build_needs_the_key_unless_every_student_is_numbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    roster = tmp_path / "roster.csv"
    roster.write_text("name,number\nA Person,1\nB Person,\n")
    project = write_project(tmp_path / "src", {"index.rst": "T\n=\n"})
    overrides = {"interrogations_public": True, "interrogations_roster": str(roster)}
    with pytest.raises(
        ConfigError, match=f"no pseudonym key: set the environment variable {KEY_ENV}"
    ):
        build(project, confoverrides=overrides)
    monkeypatch.setenv(KEY_ENV, "short")
    with pytest.raises(ConfigError, match="shorter than 16 bytes"):
        build(project, confoverrides=overrides)
    monkeypatch.delenv(KEY_ENV)
    (project / "secret.key").write_text(KEY)
    with pytest.raises(ConfigError, match="is inside the sources: keep the key outside them"):
        build(
            project, confoverrides={**overrides, "interrogations_pseudonym_key_file": "secret.key"}
        )
    (tmp_path / "outside.key").write_text(KEY)
    key_file = str(tmp_path / "outside.key")
    result = build(
        project, confoverrides={**overrides, "interrogations_pseudonym_key_file": key_file}
    )
    assert result.warnings == ""
    roster.write_text("name,number\nA Person,1\nB Person,2\n")
    assert build(project, confoverrides=overrides).warnings == ""


def test_a_student_missing_from_the_roster_is_left_out_with_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, KEY)
    roster = tmp_path / "roster.csv"
    roster.write_text("name\nMira Okafor\n")
    page = """\
    Week 3
    ======

    .. week:: 3

    .. interrogation:: Mira Okafor

       A question from the roster.

    .. interrogation:: Tomas Brandt

       A question from nowhere.
    """
    project = write_project(tmp_path / "src", {"index.rst": page})
    overrides = {"interrogations_public": True, "interrogations_roster": str(roster)}
    result = build(project, confoverrides=overrides)
    assert "index.rst:10: ERROR: the student of this interrogation is not in the roster" in (
        result.warnings
    )
    html = (result.outdir / "index.html").read_text()
    assert "A question from the roster." in html
    assert "nowhere" not in html and "Brandt" not in html
    assert ids_of(parse_html(result.outdir / "index.html"), "seminar-interrogation") == [
        "w03-" + re.search(CODE, html).group(0)
    ]


def test_withheld_placeholders_are_translated(rootdir: Path, tmp_path: Path) -> None:
    src = copy_root(rootdir, "privacy", tmp_path / "src")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KEY_ENV, KEY)
        result = build(src, confoverrides={**PUBLIC, "language": "de"})
    tree = parse_html(result.outdir / "index.html")
    withheld = [el.text_content() for el in tree.find_class("seminar-withheld")]
    assert withheld == ["[nicht veröffentlicht]", "[Name nicht veröffentlicht]'s last question"]


def test_a_borrowed_responder_class_does_not_hide_a_name_from_the_scrubber(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, KEY)
    roster = tmp_path / "roster.csv"
    roster.write_text("name\nMira Okafor\nTomas Brandt\n")
    page = """\
    Week 3
    ======

    .. role:: staff
       :class: seminar-responder

    .. week:: 3

    .. interrogation:: Mira Okafor

       As :staff:`Tomas Brandt` said.

    .. interrogation:: Tomas Brandt

       A question.
    """
    project = write_project(tmp_path / "src", {"index.rst": page})
    overrides = {"interrogations_public": True, "interrogations_roster": str(roster)}
    result = build(project, confoverrides=overrides)
    assert "class 'seminar-responder' is the extension's own and was removed" in result.warnings
    html = (result.outdir / "index.html").read_text()
    assert "Brandt" not in html and "Okafor" not in html


EXTRA_EXTENSION = """
from sphinx_interrogations.privacy.public_build import PUBLIC_BUILD_EVENT, PublicOverrides


def setup(app):
    app.add_config_value("extra_title", "", "env", types=(str,))
    app.add_config_value("extra_flag", True, "env", types=(bool,))
    app.connect(
        PUBLIC_BUILD_EVENT,
        lambda app, config: PublicOverrides(("extra_title",), {"extra_flag": False}),
    )
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def test_other_extensions_register_their_public_overrides(tmp_path: Path) -> None:
    """The public build scrubs and forces what an extension registers, naming none itself."""
    from sphinx_interrogations.privacy import public_build as module

    assert "interrogations_lms" not in Path(module.__file__).read_text(encoding="utf-8")
    src = write_project(
        tmp_path / "src",
        {
            "index.rst": "Archive\n=======\n",
            "extra.py": EXTRA_EXTENSION,
            "roster.csv": "name,consent,number\nAda Lovelace,pseudonym,1\n",
        },
        conf="""
        import os, sys
        sys.path.insert(0, os.path.dirname(__file__))
        extensions.append("extra")
        interrogations_roster = "roster.csv"
        extra_title = "Notes by Ada Lovelace"
        """,
    )
    result = public_build(src, "html")
    assert (result.env.config.extra_title, result.env.config.extra_flag) == (
        "Notes by Student 01",
        False,
    )
