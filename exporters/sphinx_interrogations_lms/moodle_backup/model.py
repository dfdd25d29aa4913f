"""What a Moodle course backup holds: plain typed records, no Sphinx, no other exporter module.

A :class:`BackupCourse` is a list of :class:`Section` in course order (the first becomes section
0, shown above the others); each section holds :class:`PageActivity` and :class:`UrlActivity`
in order. HTML fields are HTML fragments, written as they are (Moodle shows Page content
uncleaned). Inside a page's HTML:

- a link to another page of the course is ``href="{page_href(key, fragment)}"``; the writer
  encodes it for Moodle's restore (``$@PAGEVIEWBYID*<module id>@$``), which turns it into the
  new course's page address;
- an image (or any file) the page shows is one of its :class:`PageFile` s, referred to as
  ``src="{file_src(name)}"`` (``@@PLUGINFILE@@/<name, percent-encoded>``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import quote

#: the URI scheme of a link to another page of the backup (see :func:`page_href`)
PAGE_LINK_SCHEME = "moodle-page:"
#: how page HTML names its own files; Moodle rewrites it to the file's URL when showing the page
PLUGINFILE = "@@PLUGINFILE@@"

CourseFormat = Literal["topics", "weeks"]


def page_href(key: str, fragment: str = "") -> str:
    """The ``href`` of a link to the page ``key`` (and an ``id`` on it, if ``fragment``)."""
    return f"{PAGE_LINK_SCHEME}{key}#{fragment}" if fragment else f"{PAGE_LINK_SCHEME}{key}"


def file_src(name: str) -> str:
    """The ``src``/``href`` of the page's own file ``name`` (``img/a b.png`` allowed)."""
    return f"{PLUGINFILE}/{quote(name, safe='/')}"


@dataclass(frozen=True, slots=True)
class PageFile:
    """A file of a page: its ``name`` (a relative path, ``diagram.png`` or ``img/diagram.png``)."""

    name: str
    content: bytes
    mimetype: str = "application/octet-stream"


@dataclass(frozen=True, slots=True)
class PageActivity:
    """A Page activity; ``key`` is its stable name in :func:`page_href` links."""

    key: str
    name: str
    content: str
    intro: str = ""
    files: tuple[PageFile, ...] = ()


@dataclass(frozen=True, slots=True)
class UrlActivity:
    """A URL activity: a link to ``url`` outside the course."""

    name: str
    url: str
    intro: str = ""


Activity = PageActivity | UrlActivity


@dataclass(frozen=True, slots=True)
class Section:
    """A named course section (its heading) with a summary and its activities in order."""

    name: str
    summary: str = ""
    activities: tuple[Activity, ...] = ()


@dataclass(frozen=True, slots=True)
class BackupCourse:
    """The course: what names it, how it is shown, and its sections in order.

    ``start_date`` (seconds since 1970, UTC) is the course start, ``None`` for none; ``timestamp``
    is the backup's own date and every "modified" time in it (fixed: the bytes stay the same).
    """

    full_name: str
    short_name: str
    summary: str = ""
    format: CourseFormat = "topics"
    #: a Moodle language code ("en", "de", "pt_br"); "" for the site's default
    language: str = ""
    start_date: int | None = None
    timestamp: int = 0
    sections: tuple[Section, ...] = field(default_factory=tuple)
