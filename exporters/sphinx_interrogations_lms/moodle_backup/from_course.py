"""The exporter's rendered course (:class:`..course.Course`) as a Moodle backup course.

Section 0 is the About section (the About page, then a URL activity to the published archive
when there is one); then one section per week, named by its title, holding its pages in order
(the week overview first). A page's images become its own files (``@@PLUGINFILE@@``); a link to
another page of the course (a course link, :mod:`..flavours.course_links`) becomes a link to that
page inside the course, whether the archive is published or not. Characters XML cannot hold
become U+FFFD, as in the Common Cartridge packages.
Discussion prompts are not part of the backup (no forum activity).
"""

from __future__ import annotations

import mimetypes
import posixpath
from datetime import UTC, date, datetime
from html import escape

from lxml import html

from ..course import Course, Page
from ..flavours.course_links import parse_course_link
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


class _PageConverter:
    """Turns the exporter's pages into Page activities of one course."""

    def __init__(self, course: Course, page_folder: str) -> None:
        self.assets = course.assets
        self.page_folder = page_folder

    @staticmethod
    def link(href: str, here: str) -> str | None:
        """``href`` with a course link made a link inside the course (None: keep the text)."""
        found = parse_course_link(href)
        if found is None:
            return href
        if found.page == here:
            return f"#{found.fragment}" if found.fragment else None
        return page_href(found.page, found.fragment)

    def convert(self, page: Page) -> PageActivity:
        """The Page activity of ``page``: images as its own files, course links inside."""
        files: dict[str, PageFile] = {}
        tree = html.fragment_fromstring(xml_text(page.body), create_parent="div")
        for image in tree.iter("img"):
            path = posixpath.normpath(posixpath.join(self.page_folder, image.get("src", "")))
            if path in self.assets:
                name = posixpath.basename(path)
                mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
                files[name] = PageFile(name, self.assets[path], mimetype)
                image.set("src", file_src(name))
        for anchor in list(tree.iter("a")):
            href = self.link(anchor.get("href", ""), page.anchor) if anchor.get("href") else ""
            if href is None:
                anchor.drop_tag()
            elif href:
                anchor.set("href", href)
        body = (tree.text or "") + "".join(
            html.tostring(child, encoding="unicode") for child in tree
        )
        return PageActivity(page.anchor, xml_text(page.title), body, files=tuple(files.values()))


def backup_course(
    course: Course,
    page_folder: str,
    course_format: CourseFormat = "topics",
    timestamp: int | None = None,
) -> BackupCourse:
    """The backup course of the exporter's ``course`` (its pages rendered for ``page_folder``).

    ``timestamp`` (the backup's date) defaults to the course date (``interrogations_lms_date``)
    or 0, so that the same sources give the same bytes.
    """
    convert = _PageConverter(course, page_folder).convert
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
