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
from .links import KEY, has_file_reference, linked_keys, referenced_files
from .model import BackupCourse, PageActivity, Section, UrlActivity
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


def _text_problems(where: str, values: dict[str, str]) -> Iterator[str]:
    for field, value in values.items():
        if problem := xml_problem(value):
            yield f"{where}: {field} has {problem}"


def _html_problems(where: str, values: dict[str, str], keys: set[str]) -> Iterator[str]:
    for field, html in values.items():
        if xml_problem(html):
            continue  # reported as a text problem
        for problem in html_problems(html):
            yield f"{where}: {field} is not well-formed HTML: {problem}"
        for key in sorted(set(linked_keys(html)) - keys):
            yield f"{where}: {field} links to page {key!r}, which is not in the course"


def _file_problems(where: str, page: PageActivity) -> Iterator[str]:
    names = [file.name for file in page.files]
    for name, count in sorted(Counter(names).items()):
        if count > 1:
            yield f"{where}: {count} files named {name!r}"
    for file in page.files:
        parts = file.name.split("/")
        if (
            not file.name
            or file.name.startswith("/")
            or "\\" in file.name
            or normpath(file.name) != file.name
            or any(part in ("", ".", "..") for part in parts)
            or len(parts[-1]) > FILE_NAME_LIMIT
            or len(file.name) - len(parts[-1]) + 2 > FILE_NAME_LIMIT
        ):
            yield f"{where}: file name {file.name!r} is not a relative path Moodle can store"
        yield from _text_problems(
            where, {f"file {file.name!r}": file.name, "mimetype": file.mimetype}
        )
    for name in referenced_files(page.content):
        if name not in names:
            yield f"{where}: content refers to file {name!r}, which the page does not have"
    if has_file_reference(page.intro):
        yield f"{where}: intro refers to a file (@@PLUGINFILE@@), only content may"


def _activity_problems(where: str, activity: object, keys: set[str]) -> Iterator[str]:
    if isinstance(activity, PageActivity):
        yield from _text_problems(where, {"name": activity.name})
        yield from _html_problems(
            where, {"intro": activity.intro, "content": activity.content}, keys
        )
        yield from _text_problems(where, {"intro": activity.intro, "content": activity.content})
        yield from _file_problems(where, activity)
    elif isinstance(activity, UrlActivity):
        yield from _text_problems(where, {"name": activity.name, "url": activity.url})
        yield from _html_problems(where, {"intro": activity.intro}, keys)
        yield from _text_problems(where, {"intro": activity.intro})
        parts = urlsplit(activity.url)
        if parts.scheme not in URL_SCHEMES or not parts.netloc:
            yield f"{where}: url {activity.url!r} is not an absolute http(s) address"
    else:
        yield f"{where}: {type(activity).__name__} is not a Page or URL activity"
        return
    if not plain_name(activity.name):
        yield f"{where}: empty name"
    if has_file_reference(activity.intro) and isinstance(activity, UrlActivity):
        yield f"{where}: intro refers to a file (@@PLUGINFILE@@), which a URL cannot have"


def _section_problems(number: int, section: Section, keys: set[str]) -> Iterator[str]:
    where = f"section {number} ({plain_name(section.name)!r})"
    yield from _text_problems(where, {"name": section.name, "summary": section.summary})
    yield from _html_problems(where, {"summary": section.summary}, keys)
    if has_file_reference(section.summary):
        yield f"{where}: summary refers to a file (@@PLUGINFILE@@), only page content may"
    for position, activity in enumerate(section.activities, 1):
        name = plain_name(getattr(activity, "name", ""))
        yield from _activity_problems(f"{where}, activity {position} ({name!r})", activity, keys)


def _course_problems(course: BackupCourse, keys: set[str]) -> Iterator[str]:
    yield from _text_problems(
        "course", {"full name": course.full_name, "short name": course.short_name}
    )
    yield from _html_problems("course", {"summary": course.summary}, keys)
    yield from _text_problems("course", {"summary": course.summary})
    if has_file_reference(course.summary):
        yield "course: summary refers to a file (@@PLUGINFILE@@), only page content may"
    for field, name in (("full name", course.full_name), ("short name", course.short_name)):
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
