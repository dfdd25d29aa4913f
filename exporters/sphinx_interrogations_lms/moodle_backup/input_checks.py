"""What the course must be before it is laid out: every rule Moodle does not check itself.

Each problem names the section, activity and field it is in; :func:`check_course` raises one
:class:`.BackupError` listing them all. Names that are merely too long are not problems (the
writer cuts them to Moodle's limits).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from posixpath import normpath
from urllib.parse import urlsplit

from lxml import etree

from .errors import BackupError
from .layout import split_name
from .links import KEY, has_file_reference, linked_keys, referenced_files
from .model import Activity, BackupCourse, PageActivity, Section, UrlActivity
from .text import FILE_NAME_LIMIT, course_name, plain_name, xml_problem

FORMATS = ("topics", "weeks")
LANGUAGE = re.compile(r"[a-z]{2,3}(_[a-z0-9]+)*")
URL_SCHEMES = ("http", "https")


def html_problems(html: str) -> list[str]:
    """What libxml2's HTML parser reports in ``html`` (mismatched end tags, bad characters)."""
    if not html.strip():
        return []
    parser = etree.HTMLParser(recover=True)
    etree.fromstring(html, parser)
    return [
        f"line {error.line}, column {error.column}: {error.message}" for error in parser.error_log
    ]


def _field_problems(
    where: str, texts: dict[str, str], htmls: dict[str, str], keys: set[str]
) -> Iterator[str]:
    """Characters XML cannot hold in any field; HTML that does not parse or links nowhere."""
    for field, value in {**texts, **htmls}.items():
        if problem := xml_problem(value):
            yield f"{where}: {field} has {problem}"
        elif field in htmls:
            for problem in html_problems(value):
                yield f"{where}: {field} is not well-formed HTML: {problem}"
            for key in sorted(set(linked_keys(value)) - keys):
                yield f"{where}: {field} links to page {key!r}, which is not in the course"


def _no_file_reference(where: str, field: str, html: str) -> Iterator[str]:
    if has_file_reference(html):
        yield f"{where}: {field} refers to a file (@@PLUGINFILE@@), only page content may"


def _file_problems(where: str, page: PageActivity) -> Iterator[str]:
    names = [file.name for file in page.files]
    for name, count in sorted(Counter(names).items()):
        if count > 1:
            yield f"{where}: {count} files named {name!r}"
    for file in page.files:
        if (
            not file.name
            or file.name.startswith("/")
            or "\\" in file.name
            or normpath(file.name) != file.name
            or any(part in ("", ".", "..") for part in file.name.split("/"))
            or max(len(part) for part in split_name(file.name)) > FILE_NAME_LIMIT
        ):
            yield f"{where}: file name {file.name!r} is not a relative path Moodle can store"
        texts = {f"file {file.name!r}": file.name, "mimetype": file.mimetype}
        yield from _field_problems(where, texts, {}, set())
    for name in referenced_files(page.content):
        if name not in names:
            yield f"{where}: content refers to file {name!r}, which the page does not have"


def _activity_problems(where: str, activity: Activity, keys: set[str]) -> Iterator[str]:
    if isinstance(activity, PageActivity):
        htmls = {"intro": activity.intro, "content": activity.content}
        yield from _field_problems(where, {"name": activity.name}, htmls, keys)
        yield from _file_problems(where, activity)
    elif isinstance(activity, UrlActivity):
        texts = {"name": activity.name, "url": activity.url}
        yield from _field_problems(where, texts, {"intro": activity.intro}, keys)
        parts = urlsplit(activity.url)
        if parts.scheme not in URL_SCHEMES or not parts.netloc:
            yield f"{where}: url {activity.url!r} is not an absolute http(s) address"
    else:
        yield f"{where}: {type(activity).__name__} is not a Page or URL activity"
        return
    yield from _no_file_reference(where, "intro", activity.intro)
    if not plain_name(activity.name):
        yield f"{where}: empty name"


def _section_problems(number: int, section: Section, keys: set[str]) -> Iterator[str]:
    where = f"section {number} ({plain_name(section.name)!r})"
    yield from _field_problems(where, {"name": section.name}, {"summary": section.summary}, keys)
    yield from _no_file_reference(where, "summary", section.summary)
    for position, activity in enumerate(section.activities, 1):
        name = plain_name(getattr(activity, "name", ""))
        yield from _activity_problems(f"{where}, activity {position} ({name!r})", activity, keys)


def _course_problems(course: BackupCourse, keys: set[str]) -> Iterator[str]:
    names = {"full name": course.full_name, "short name": course.short_name}
    yield from _field_problems("course", names, {"summary": course.summary}, keys)
    yield from _no_file_reference("course", "summary", course.summary)
    for field, name in names.items():
        if not course_name(name, FILE_NAME_LIMIT):
            yield f"course: empty {field}"
    if course.format not in FORMATS:
        yield f"course: format {course.format!r} is not one of {', '.join(FORMATS)}"
    if course.language and not LANGUAGE.fullmatch(course.language):
        yield f"course: language {course.language!r} is not a Moodle language code (en, pt_br)"
    for field, value in (("start date", course.start_date), ("timestamp", course.timestamp)):
        if value is not None and (type(value) is not int or value < 0):
            yield f"course: {field} {value!r} is not a time in seconds since 1970"


def _key_problems(course: BackupCourse) -> Iterator[str]:
    pages = [
        activity
        for section in course.sections
        for activity in section.activities
        if isinstance(activity, PageActivity)
    ]
    for key, count in sorted(Counter(page.key for page in pages).items()):
        if count > 1:
            yield f"page key {key!r} is used by {count} pages"
        if not KEY.fullmatch(key):
            yield f"page key {key!r} is not made of letters, digits, '_', '.' and '-'"


def check_course(course: BackupCourse) -> None:
    """Raise :class:`.BackupError` naming every problem of ``course``; return if there is none."""
    keys = {
        activity.key
        for section in course.sections
        for activity in section.activities
        if isinstance(activity, PageActivity)
    }
    problems = [*_key_problems(course), *_course_problems(course, keys)]
    for number, section in enumerate(course.sections):
        problems += _section_problems(number, section, keys)
    if problems:
        raise BackupError(problems)
