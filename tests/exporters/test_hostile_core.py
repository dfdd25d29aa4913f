"""Hostile input against the Common Cartridge core, without Sphinx: property-based tests.

Whatever text reaches a package, its pages hold no active content, its XML stays well-formed
with every title read back as written, and no zip path can leave the folder it is unpacked in.
"""

from __future__ import annotations

import ntpath
import posixpath
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree, html

from sphinx_interrogations_lms.course import Course, Metadata, Page, Week
from sphinx_interrogations_lms.flavours.canvas import CANVAS
from sphinx_interrogations_lms.flavours.moodle import MOODLE
from sphinx_interrogations_lms.markup.html import clean_fragment, page_document
from sphinx_interrogations_lms.markup.xml_text import xml_text
from sphinx_interrogations_lms.packaging.cartridge import CC11
from sphinx_interrogations_lms.packaging.zip_writer import (
    UnsafePathError,
    check_zip_path,
    write_package,
)
from sphinx_interrogations_lms.validation.package_checks import validate_files
from sphinx_interrogations_lms.validation.schemas import SchemaSet
from tests.exporters.canvas_allowlist import violations

#: pieces of markup attacks, joined at random into fragments
ATTACK_TOKENS = [
    *("<", ">", "</", "/>", "=", '"', "'", " ", "\t", "\n", "&", "&#", "x6a;", ";", "&lt;"),
    *("<!--", "-->", "--!>", "<?", "?>", "<![CDATA[", "]]>", "<!DOCTYPE html>"),
    *("script", "style", "svg", "math", "iframe", "img", "a", "p", "div", "base", "embed"),
    *("object", "form", "button", "set", "animate", "noscript", "template", "xmp", "textarea"),
    *("title", "meta", "link", "details", "maction", "frameset", "frame", "plaintext"),
    *("href", "src", "xlink:href", "formaction", "action", "srcdoc", "to", "values", "data"),
    *("onerror", "onclick", "ontoggle", "style", "attributeName", "http-equiv", "refresh"),
    *("javascript:", "JaVaScRiPt:", "java\tscript:", " javascript:", "vbscript:", "data:"),
    *("text/html,", "alert(1)", "http://", "[", "]", "\x00", "\x0b", "\x1b", "é", "\u202e"),
]
fragments = st.one_of(
    st.lists(st.sampled_from(ATTACK_TOKENS), max_size=40).map("".join),
    st.text(max_size=60),
)
#: any text, control characters and lone surrogates included
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=30)

ACTIVE_ELEMENTS = {
    *("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base"),
    *("svg", "math", "form", "button", "input", "textarea", "link", "template", "noscript"),
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "to"}


def normalised(value: str) -> str:
    """An attribute value as a browser reads a URL scheme: no spaces or control characters."""
    return "".join(char for char in value if char > " " and char != "\x7f").lower()


def active_content(tree: etree._Element) -> list[str]:
    """Every script, event handler, style or unsafe link target in a parsed page."""
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            found.append(f"comment or instruction {element!r}")
            continue
        if element.tag in ACTIVE_ELEMENTS:
            found.append(f"<{element.tag}>")
        for name, value in element.attrib.items():
            if name.startswith("on") or name == "style":
                found.append(f"{element.tag}@{name}")
            scheme = normalised(value).split(":", 1)[0] if ":" in value else ""
            if name in URL_ATTRIBUTES and scheme in {"javascript", "vbscript", "data"}:
                found.append(f"{element.tag}@{name}={value!r}")
    return found


def body_of(page: bytes) -> etree._Element:
    """The page's body as an HTML parser (an LMS, a browser) reads it."""
    return html.document_fromstring(page).body


@settings(max_examples=300, deadline=None)
@given(fragments, any_text)
@example('<a href="http://[oops">typo</a><a href="javascript://[x">js</a>', "t")
def test_pages_never_carry_active_content(fragment: str, title: str) -> None:
    page = page_document(title, fragment, "en", {"identifier": "res_x"})
    strict = etree.fromstring(page)  # well-formed XML whatever came in
    assert strict.findtext("head/title") == xml_text(title)
    for tree in (strict.find("body"), body_of(page)):
        assert active_content(tree) == []
    head = html.document_fromstring(page).head
    assert [element.tag for element in head] == ["meta", "meta", "title"]


@settings(max_examples=300, deadline=None)
@given(fragments)
@example("<section id='a'><details open><summary id='s'>t</summary><abbr title='x'>y</abbr>")
def test_canvas_pages_hold_only_what_canvas_keeps(fragment: str) -> None:
    page = page_document("t", fragment, "en", {}, CANVAS.markup)
    assert violations(etree.fromstring(page).find("body")) == []


@settings(max_examples=200, deadline=None)
@given(fragments)
def test_cleaning_is_stable(fragment: str) -> None:
    """A cleaned fragment is a fixed point: nothing hidden surfaces when it is parsed again."""
    cleaned = clean_fragment(fragment)
    assert clean_fragment(cleaned) == cleaned
    for_canvas = clean_fragment(fragment, CANVAS.markup)
    assert clean_fragment(for_canvas, CANVAS.markup) == for_canvas


def test_cleaning_keeps_text_and_drops_only_what_is_active() -> None:
    fragment = (
        '<p onclick="x()" style="c">kept-1</p><embed src="javascript:e()">'
        "<p>kept-2<!-- a --!><script>alert(1)</script> --></p>"
        "<form action='javascript:f()'><button formaction='javascript:b()'>kept-3</button></form>"
        "<a href=' java&#9;script:a()' title='t'>kept-4</a><a href='https://x.org/?a=1&amp;b'>k5</a>"
        "<svg><a><set attributeName='href' to='javascript:s()'/><text>svg-text</text></a></svg>"
        '<img src="javascript:i()" alt="kept-6"><base href="https://evil.example/">'
    )
    assert clean_fragment(fragment) == (
        '<p>kept-1</p><p>kept-2 --&gt;</p>kept-3<a title="t">kept-4</a>'
        '<a href="https://x.org/?a=1&amp;b">k5</a><img alt="kept-6"/>'
    )


def hostile_course(text: str, prompt: str) -> Course:
    """A course whose every title, code and description is ``text``."""
    page = Page("w01-ann", text, f"<p>{prompt}</p>")
    week = Week(1, "w01", text, (Page("w01-overview", text, prompt), page), text, prompt)
    return Course(
        slug="course",
        metadata=Metadata(text, text, "en", text),
        code=text,
        about_title=text,
        about=Page("about", text, prompt),
        archive_url="https://example.org/a?x=1&y=<2>",
        archive_title=text,
        weeks=(week,),
    )


def titles(root: etree._Element) -> list[str | None]:
    """The text of every title-like element (LOM titles hold theirs in a ``string``)."""
    found = []
    for element in root.iter("{*}title", "{*}course_code", "{*}description"):
        strings = element.findall("{*}string")
        found += [s.text for s in strings] if strings else [element.text]
    return found


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text.filter(str.strip), prompt=fragments)
def test_any_title_is_escaped_in_every_xml_file(text: str, prompt: str, schemas: SchemaSet) -> None:
    course = hostile_course(text, prompt)
    for files, extra in (
        (CANVAS.package_files(course, CC11), CANVAS.checks),
        (MOODLE.package_files(course, CC11), ()),
    ):
        assert validate_files(files, CC11, schemas, extra) == []
        for path in (p for p in files if p.endswith(".xml")):
            root = etree.fromstring(files[path])
            assert b"<![CDATA[" not in files[path]
            assert set(titles(root)) <= {xml_text(text)}, path
            for topic_text in root.iter("{*}text"):  # a discussion prompt: HTML as text
                assert active_content(html.fragment_fromstring(topic_text.text or "", "div")) == []
        settings_file = files.get("course_settings/course_settings.xml")
        if settings_file is not None:
            assert titles(etree.fromstring(settings_file)) == [xml_text(text)] * 2
        link = etree.fromstring(files["links/archive.xml"]).find("{*}url")
        assert link.get("href") == "https://example.org/a?x=1&y=<2>"


# -- zip paths --------------------------------------------------------------------------

path_parts = st.text(st.characters(codec="ascii"), min_size=1, max_size=8)
safe_parts = st.text("abcxyz0189._-", min_size=1, max_size=8).filter(
    lambda part: part[-1] != "." and part.strip(".")
)
HOSTILE_PIECES = [
    *("..", ".", "", " ..", ".. ", "...", "a\\..\\..", "\\", "C:", "c:", "C:\\", "//"),
    *("\x00", "a\x00", "\n", "\r", "\u202e", "\u200b", "\x7f", "a:b", "/"),
]


def stays_inside(path: str) -> bool:
    """Whether ``path`` unpacked under a folder stays in it, on POSIX and on Windows."""
    posix = posixpath.normpath(posixpath.join("/base", path))
    windows = ntpath.normpath(ntpath.join("C:\\base", path))
    return posix.startswith("/base/") and windows.lower().startswith("c:\\base\\")


@settings(max_examples=500, deadline=None)
@given(st.lists(path_parts, min_size=1, max_size=4).map("/".join))
def test_an_accepted_path_is_a_plain_relative_path(path: str) -> None:
    try:
        accepted = check_zip_path(path)
    except UnsafePathError:
        return
    assert accepted == path
    assert path.isprintable() and "\\" not in path and ":" not in path
    assert all(part not in {"", ".", ".."} for part in path.split("/"))
    assert stays_inside(path)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(safe_parts, max_size=3),
    st.sampled_from(HOSTILE_PIECES),
    st.lists(safe_parts, min_size=1, max_size=3),
    st.booleans(),
)
def test_a_hostile_piece_anywhere_is_refused(
    before: list[str], piece: str, after: list[str], leading_slash: bool
) -> None:
    path = ("/" if leading_slash else "") + "/".join([*before, piece, *after])
    with pytest.raises(UnsafePathError):
        check_zip_path(path)


@pytest.mark.parametrize("piece", HOSTILE_PIECES)
def test_the_writer_refuses_and_leaves_nothing(piece: str, tmp_path: Path) -> None:
    target = tmp_path / "course.imscc"
    files = {"imsmanifest.xml": b"<manifest/>", f"pages/{piece}/x.html": b""}
    with pytest.raises(UnsafePathError):
        write_package(target, files)
    assert list(tmp_path.iterdir()) == []


@settings(deadline=None)
@given(st.lists(safe_parts, min_size=1, max_size=4).map("/".join))
def test_safe_paths_are_accepted(path: str) -> None:
    assert check_zip_path(path) == path
    assert stays_inside(path)
