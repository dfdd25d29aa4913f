"""Canvas's course-export files: ``course_settings.xml``, ``module_meta.xml``, topic meta.

Canvas recognises its own export by the resource whose ``href`` is
``course_settings/canvas_export.txt``; it then ignores the organization (still written, for
other LMSs) and reads modules from ``course_settings/module_meta.xml``.
"""

from __future__ import annotations

from lxml import etree

from sphinx_interrogations.identity import (
    ARCHIVE_ANCHOR,
    LmsRole,
    course_anchor,
    lms_identifier,
    slug,
)

from ..course import Course, Page, Week
from ..markup.xml_text import xml_text
from ..packaging.cartridge import XML_DECLARATION, XSI

CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
CANVAS_SCHEMA_LOCATION = f"{CANVAS_NS} https://canvas.instructure.com/xsd/cccv1p0.xsd"
SETTINGS_FOLDER = "course_settings"
EXPORT_FLAG = f"{SETTINGS_FOLDER}/canvas_export.txt"
COURSE_SETTINGS = f"{SETTINGS_FOLDER}/course_settings.xml"
MODULE_META = f"{SETTINGS_FOLDER}/module_meta.xml"
SETTINGS_RESOURCE = "canvas_course_settings"
#: Canvas's licence codes (``course_settings.xml``); anything else is exported as "private"
LICENCES = frozenset(
    [
        *("private", "public_domain", "cc_by", "cc_by_sa", "cc_by_nd", "cc_by_nc"),
        *("cc_by_nc_sa", "cc_by_nc_nd"),
    ]
)


def licence_code(licence: str) -> str:
    """Map free licence text ("CC BY-SA 4.0") to a Canvas code ("cc_by_sa")."""
    words = [w for w in slug(licence).split("-") if not w.isdigit()]
    code = "_".join(words)
    return code if code in LICENCES else "private"


def _canvas_root(tag: str, **attrib: str) -> etree._Element:
    root = etree.Element(f"{{{CANVAS_NS}}}{tag}", attrib, nsmap={None: CANVAS_NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", CANVAS_SCHEMA_LOCATION)
    return root


def _add(parent: etree._Element, tag: str, text: str | int) -> None:
    etree.SubElement(parent, f"{{{CANVAS_NS}}}{tag}").text = xml_text(str(text))


def _xml(root: etree._Element) -> bytes:
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", pretty_print=True)


def course_settings_xml(course: Course) -> bytes:
    """``course_settings.xml``: title, code, modules as the home view, licence."""
    root = _canvas_root("course", identifier=lms_identifier(course.slug, LmsRole.COURSE))
    _add(root, "title", course.metadata.title)
    _add(root, "course_code", course.code or course.metadata.title)
    _add(root, "default_view", "modules")
    _add(root, "license", licence_code(course.metadata.licence))
    return _xml(root)


def _module(parent: etree._Element, identifier: str, title: str, position: int) -> etree._Element:
    module = etree.SubElement(parent, f"{{{CANVAS_NS}}}module", identifier=identifier)
    _add(module, "title", title)
    _add(module, "workflow_state", "active")
    _add(module, "position", position)
    return etree.SubElement(module, f"{{{CANVAS_NS}}}items")


def _module_item(
    items: etree._Element, identifier: str, kind: str, title: str, ref: str = "", url: str = ""
) -> None:
    item = etree.SubElement(items, f"{{{CANVAS_NS}}}item", identifier=identifier)
    _add(item, "content_type", kind)
    _add(item, "title", title)
    if ref:
        _add(item, "identifierref", ref)
    if url:
        _add(item, "url", url)
    _add(item, "position", len(items))
    _add(item, "indent", 0)


def _page_item(items: etree._Element, page: Page) -> None:
    identifier = lms_identifier(page.anchor, LmsRole.MODULE_ITEM)
    resource = lms_identifier(page.anchor, LmsRole.RESOURCE)
    _module_item(items, identifier, "WikiPage", page.title, resource)


def module_meta_xml(course: Course) -> bytes:
    """``module_meta.xml``: the About module, then one module per week in week order."""
    root = _canvas_root("modules")
    about_module = lms_identifier(course.about.anchor, LmsRole.MODULE)
    about = _module(root, about_module, course.about_title, 1)
    _page_item(about, course.about)
    if course.archive_url:
        _module_item(
            about,
            lms_identifier(course_anchor(ARCHIVE_ANCHOR, course.term_prefix), LmsRole.ITEM),
            "ExternalUrl",
            course.archive_title,
            url=course.archive_url,
        )
    for position, week in enumerate(course.weeks, start=2):
        items = _module(root, lms_identifier(week.anchor, LmsRole.MODULE), week.title, position)
        for page in week.pages:
            _page_item(items, page)
        if week.discussion_title:
            _module_item(
                items,
                lms_identifier(week.anchor, LmsRole.DISCUSSION_ITEM),
                "DiscussionTopic",
                week.discussion_title,
                lms_identifier(week.anchor, LmsRole.TOPIC),
            )
    return _xml(root)


def topic_meta_xml(week: Week, position: int) -> bytes:
    """The Canvas ``topicMeta`` of a week's discussion, ``position``-th in the course."""
    root = _canvas_root("topicMeta", identifier=lms_identifier(week.anchor, LmsRole.TOPIC_META))
    _add(root, "topic_id", lms_identifier(week.anchor, LmsRole.TOPIC))
    _add(root, "title", week.discussion_title)
    _add(root, "type", "topic")
    _add(root, "discussion_type", "threaded")
    _add(root, "workflow_state", "active")
    _add(root, "position", position)
    return _xml(root)
