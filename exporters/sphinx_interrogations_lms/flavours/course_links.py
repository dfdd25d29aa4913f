"""Links between the pages of a Moodle course, kept neutral until each package decides.

The ``moodle`` builder writes two packages from one course model: the ``.imscc``, in which
Moodle cannot follow links between pages (they go to the published archive, or become text),
and the native backup, in which they are links inside the course. Its link policy therefore
writes a link to a course page as ``seminar-course:<page>?<archive URL>#<fragment>``;
:func:`to_archive` turns those into archive links (or text) for the ``.imscc``, and
:func:`parse_course_link` gives the backup the page and fragment. Nothing else reads the form.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import quote, unquote

from lxml import html

from ..course import Course, Page
from ..links import ArchiveAddress, LinkPolicy, PageMap, Target
from ..markup.xml_text import xml_text

SCHEME = "seminar-course:"


@dataclass(frozen=True, slots=True)
class CourseLink:
    """A link to ``page`` of the course (at ``fragment``), and the target's archive address."""

    page: str
    fragment: str
    archive: str


def course_link(link: CourseLink) -> str:
    """The neutral ``href`` of ``link``."""
    href = f"{SCHEME}{quote(link.page, safe='')}?{quote(link.archive, safe='')}"
    return f"{href}#{quote(link.fragment, safe='')}" if link.fragment else href


def parse_course_link(href: str) -> CourseLink | None:
    """The course link an ``href`` holds (None for any other ``href``)."""
    if not href.startswith(SCHEME):
        return None
    rest, _, fragment = href.removeprefix(SCHEME).partition("#")
    page, _, archive = rest.partition("?")
    return CourseLink(unquote(page), unquote(fragment), unquote(archive))


def course_policy(pages: PageMap, archive: ArchiveAddress) -> LinkPolicy:
    """Targets on a page of the course: a course link; anything else: the archive, or text."""

    def link(target: Target, here: str) -> str:
        page = pages.page_of(target)
        if not page:
            return archive(target)
        fragment = pages.fragment_of(target) if target.anchor != page else ""
        return course_link(CourseLink(page, fragment, archive(target)))

    return link


def to_archive(body: str) -> str:
    """``body`` with every course link pointing to the archive (or, unpublished, as text)."""
    if SCHEME not in body:
        return body
    tree = html.fragment_fromstring(xml_text(body), create_parent="div")
    for anchor in list(tree.iter("a")):
        found = parse_course_link(anchor.get("href", ""))
        if found is None:
            continue
        if found.archive:
            anchor.set("href", found.archive)
        else:
            anchor.drop_tag()
    return (tree.text or "") + "".join(html.tostring(child, encoding="unicode") for child in tree)


def archive_course(course: Course) -> Course:
    """``course`` with :func:`to_archive` applied to every page and discussion prompt."""

    def page(item: Page) -> Page:
        return replace(item, body=to_archive(item.body))

    weeks = tuple(
        replace(
            week,
            pages=tuple(map(page, week.pages)),
            discussion_prompt=to_archive(week.discussion_prompt),
        )
        for week in course.weeks
    )
    return replace(course, about=page(course.about), weeks=weeks)
