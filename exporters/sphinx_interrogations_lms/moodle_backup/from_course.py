"""The exporter's rendered course (:class:`..course.Course`) as a Moodle backup course.

Section 0 is the About section (the About page, then a URL activity to the published archive
when there is one); then one section per week, named by its title, holding its pages in order
(the week overview first). A page's images become its own files (``@@PLUGINFILE@@``); a link to
the published archive whose anchor is on another page of the course becomes a link to that
page inside the course (with ``html_baseurl`` unset, the renderer has already made such links
plain text). Characters XML cannot hold become U+FFFD, as in the Common Cartridge packages.
Discussion prompts are not part of the backup (no forum activity).
"""

from __future__ import annotations

import mimetypes
import posixpath
from datetime import UTC, date, datetime
from html import escape

from lxml import html

from ..course import Course, Page
from ..flavours.moodle import PAGE_FOLDER
from ..markup.xml_text import xml_text
from .model import (
    BackupCourse,
    CourseFormat,
    PageActivity,
    PageFile,
    Section,
    UrlActivity,
    file_src,
    page_href,
)


def epoch(iso_date: str) -> int | None:
    """Seconds since 1970 of midnight UTC of ``YYYY-MM-DD`` (None for "")."""
    if not iso_date:
        return None
    day = date.fromisoformat(iso_date)
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


def moodle_language(language: str) -> str:
    """Sphinx's language (``pt_BR``, ``de``) as Moodle's language code (``pt_br``, ``de``)."""
    return language.replace("-", "_").lower()


def _anchor_pages(course: Course) -> dict[str, str]:
    """Every ``id`` on a page of the course -> that page's anchor (its key)."""
    pages = [course.about, *(page for week in course.weeks for page in week.pages)]
    found: dict[str, str] = {}
    for page in pages:
        found.setdefault(page.anchor, page.anchor)
        if 'id="' in page.body:
            tree = html.fragment_fromstring(xml_text(page.body), create_parent="div")
            for anchor in tree.xpath("//@id"):
                found.setdefault(str(anchor), page.anchor)
    return found


class _PageConverter:
    """Turns the exporter's pages into Page activities of one course."""

    def __init__(self, course: Course) -> None:
        self.assets = course.assets
        self.anchors = _anchor_pages(course)
        #: the archive's address up to the document names ("" when unpublished)
        self.archive_base = course.archive_url.rsplit("/", 1)[0] + "/" if course.archive_url else ""

    def link(self, href: str, here: str) -> str:
        """``href`` as a link inside the course, when it names an anchor on another of its pages.

        A link from page ``here`` to its own place in the archive ("this page in the web
        archive") stays a link to the archive.
        """
        if not self.archive_base or not href.startswith(self.archive_base):
            return href
        _, _, fragment = href.partition("#")
        key = self.anchors.get(fragment)
        if key is None or key == here:
            return href
        return page_href(key, "" if fragment == key else fragment)

    def convert(self, page: Page) -> PageActivity:
        """The Page activity of ``page``: images as its own files, course links inside."""
        files: dict[str, PageFile] = {}
        tree = html.fragment_fromstring(xml_text(page.body), create_parent="div")
        for image in tree.iter("img"):
            path = posixpath.normpath(posixpath.join(PAGE_FOLDER, image.get("src", "")))
            if path in self.assets:
                name = posixpath.basename(path)
                mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
                files[name] = PageFile(name, self.assets[path], mimetype)
                image.set("src", file_src(name))
        for anchor in tree.iter("a"):
            if anchor.get("href"):
                anchor.set("href", self.link(anchor.get("href", ""), page.anchor))
        body = (tree.text or "") + "".join(
            html.tostring(child, encoding="unicode") for child in tree
        )
        return PageActivity(page.anchor, xml_text(page.title), body, files=tuple(files.values()))


def backup_course(
    course: Course, course_format: CourseFormat = "topics", timestamp: int | None = None
) -> BackupCourse:
    """The backup course of the exporter's ``course``.

    ``timestamp`` (the backup's date) defaults to the course date (``interrogations_lms_date``)
    or 0, so that the same sources give the same bytes.
    """
    convert = _PageConverter(course).convert
    metadata = course.metadata
    description = metadata.description
    about: list[PageActivity | UrlActivity] = [convert(course.about)]
    if course.archive_url:
        about.append(UrlActivity(xml_text(course.archive_title), course.archive_url))
    sections = [Section(xml_text(course.about_title), "", tuple(about))]
    sections += [
        Section(xml_text(week.title), "", tuple(convert(page) for page in week.pages))
        for week in course.weeks
    ]
    start = epoch(metadata.date)
    return BackupCourse(
        full_name=xml_text(metadata.title),
        short_name=xml_text(course.code or course.slug),
        summary=f"<p>{escape(xml_text(description), quote=False)}</p>" if description else "",
        format=course_format,
        language=moodle_language(metadata.language),
        start_date=start,
        timestamp=(start or 0) if timestamp is None else timestamp,
        sections=tuple(sections),
    )
