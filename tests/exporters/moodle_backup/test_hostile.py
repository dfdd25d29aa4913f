"""Hostile names and text: escaped once, cut to Moodle's field limits, never tag-like in names."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from sphinx_interrogations_lms.moodle_backup import (
    PageActivity,
    Section,
    UrlActivity,
    backup_files,
)
from sphinx_interrogations_lms.moodle_backup.text import NOT_XML, plain_name
from tests.exporters.moodle_backup.conftest import minimal_course

HOSTILE = "Week <1> & \"the\" 'quotes' 🎓 — ümlaut </name>"
LONG = "Q1 " + "x" * 150 + " 🧑‍🎓" * 40  # 300+ characters, ending in emoji ZWJ sequences
HTML = '<p>a &amp; b &lt; c <script>alert("x")</script> 🎓 <span id="s">&#x1F393;</span></p>'


def hostile_course():
    page = PageActivity("hostile", LONG, HTML, intro="<p>intro &amp; more</p>")
    url = UrlActivity(HOSTILE, "https://example.edu/?a=1&b=<2>")
    return minimal_course(
        full_name="Logic <Fall> & 🎓 " + "F" * 300,
        short_name="LOG<b>-" + "S" * 300,
        sections=(Section(HOSTILE, HTML, (page, url)),),
    )


def test_text_is_escaped_once_and_read_back_exactly():
    files = backup_files(hostile_course())
    section = etree.fromstring(files["sections/section_10/section.xml"])
    assert section.findtext("name") == HOSTILE
    assert section.findtext("summary") == HTML
    raw = files["sections/section_10/section.xml"].decode()
    assert "&lt;1&gt; &amp; " in raw and "&amp;amp;" in raw and "🎓" in raw
    page = etree.fromstring(files["activities/page_100/page.xml"])
    assert page.findtext("page/content") == HTML
    assert page.findtext("page/intro") == "<p>intro &amp; more</p>"
    url = etree.fromstring(files["activities/url_101/url.xml"])
    assert url.findtext("url/externalurl") == "https://example.edu/?a=1&b=<2>"
    assert url.findtext("url/name") == HOSTILE


def test_names_are_cut_to_the_field_limits():
    files = backup_files(hostile_course())
    info = etree.fromstring(files["moodle_backup.xml"]).find("information")
    name = etree.fromstring(files["activities/page_100/page.xml"]).findtext("page/name")
    assert len(LONG) > 255 and 250 <= len(name) <= 255
    assert name.endswith("…") and not name[:-1].endswith(("\u200d", " "))
    assert name == info.findtext("contents/activities/activity/title")
    full, short = (
        info.findtext("original_course_fullname"),
        info.findtext("original_course_shortname"),
    )
    assert len(full) <= 254 and full.endswith("…")
    assert len(short) <= 255 and short.endswith("…")
    course = etree.fromstring(files["course/course.xml"])
    assert (course.findtext("fullname"), course.findtext("shortname")) == (full, short)


def test_course_names_hold_no_tag_like_text():
    files = backup_files(hostile_course())
    info = etree.fromstring(files["moodle_backup.xml"]).find("information")
    assert info.findtext("original_course_fullname").startswith("Logic < Fall> & 🎓 F")
    assert info.findtext("original_course_shortname").startswith("LOG< b>-S")


def test_white_space_in_names_becomes_one_space():
    page = PageActivity("p", "  A\n\tname  with   gaps ", "<p>x</p>")
    files = backup_files(minimal_course(sections=(Section("S\nS", "", (page,)),)))
    assert (
        etree.fromstring(files["activities/page_100/page.xml"]).findtext("page/name")
        == "A name with gaps"
    )
    assert etree.fromstring(files["sections/section_10/section.xml"]).findtext("name") == "S S"


XML_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff"), max_size=400
).filter(lambda text: not NOT_XML.search(text))


@given(name=XML_TEXT.filter(lambda text: text.strip()), course=XML_TEXT.filter(str.strip))
@settings(max_examples=60)
def test_any_text_is_written_and_read_back_within_the_limits(name, course):
    page = PageActivity("p", name, "<p>x</p>")
    files = backup_files(minimal_course(full_name=course, sections=(Section(name, "", (page,)),)))
    written = etree.fromstring(files["activities/page_100/page.xml"]).findtext("page/name")
    section = etree.fromstring(files["sections/section_10/section.xml"]).findtext("name")
    assert written == section == plain_name(name)
    assert len(written) <= 255
    full = etree.fromstring(files["course/course.xml"]).findtext("fullname")
    assert len(full) <= 254 and not re.search(r"<\S", full)
