"""Canvas flavour: CC 1.1 plus Canvas's course-export files, so pages arrive as Pages in Modules.

Canvas recognises its own export by the resource whose ``href`` is
``course_settings/canvas_export.txt``; it then ignores the organization (still written, for
other LMSs) and reads modules from ``course_settings/module_meta.xml`` and pages from
``wiki_content/`` (identifier, title and state from each page's ``<head>``).
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from sphinx_interrogations.ids import lms_identifier, slug

from .cartridge import CC11, XML_DECLARATION, XSI, CCVersion, Resource, manifest_xml, xml_text
from .course import ARCHIVE_ITEM, Course, Page, Week, assemble
from .package import MANIFEST
from .validate import Problem, parse_xml

CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
CANVAS_SCHEMA_LOCATION = f"{CANVAS_NS} https://canvas.instructure.com/xsd/cccv1p0.xsd"
WIKI_FOLDER = "wiki_content"
SETTINGS_FOLDER = "course_settings"
EXPORT_FLAG = f"{SETTINGS_FOLDER}/canvas_export.txt"
COURSE_SETTINGS = f"{SETTINGS_FOLDER}/course_settings.xml"
MODULE_META = f"{SETTINGS_FOLDER}/module_meta.xml"
SETTINGS_RESOURCE = "canvas_course_settings"
#: Canvas's licence codes (``course_settings.xml``); anything else is exported as "private"
LICENCES = frozenset(
    [
        "private",
        "public_domain",
        "cc_by",
        "cc_by_sa",
        "cc_by_nd",
        "cc_by_nc",
        "cc_by_nc_sa",
        "cc_by_nc_nd",
    ]
)


def page_link(page: str, fragment: str = "") -> str:
    """Canvas's link token to the package page with anchor ``page`` (optionally a fragment)."""
    return f"$WIKI_REFERENCE$/pages/{page}" + (f"#{fragment}" if fragment else "")


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
    root = _canvas_root("course", identifier=lms_identifier(course.slug, "course"))
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
    _module_item(items, lms_identifier(page.anchor, "mi"), "WikiPage", page.title, page.resource)


def module_meta_xml(course: Course) -> bytes:
    """``module_meta.xml``: the About module, then one module per week in week order."""
    root = _canvas_root("modules")
    about = _module(root, lms_identifier("about", "module"), course.about_title, 1)
    _page_item(about, course.about)
    if course.archive_url:
        _module_item(
            about, ARCHIVE_ITEM, "ExternalUrl", course.archive_title, url=course.archive_url
        )
    for position, week in enumerate(course.weeks, start=2):
        items = _module(root, lms_identifier(week.anchor, "module"), week.title, position)
        for page in week.pages:
            _page_item(items, page)
        if week.discussion_title:
            _module_item(
                items,
                lms_identifier(week.anchor, "midiscussion"),
                "DiscussionTopic",
                week.discussion_title,
                week.topic,
            )
    return _xml(root)


def _topic_meta(week: Week, position: int) -> tuple[str, bytes]:
    identifier = lms_identifier(week.anchor, "topicmeta")
    root = _canvas_root("topicMeta", identifier=identifier)
    _add(root, "topic_id", week.topic)
    _add(root, "title", week.discussion_title)
    _add(root, "type", "topic")
    _add(root, "discussion_type", "threaded")
    _add(root, "workflow_state", "active")
    _add(root, "position", position)
    return identifier, _xml(root)


def _wiki_meta(page: Page) -> Mapping[str, str]:
    return {"identifier": page.resource, "editing_roles": "teachers", "workflow_state": "active"}


def canvas_files(course: Course, version: CCVersion = CC11) -> dict[str, bytes]:
    """All files of the Canvas package, ``imsmanifest.xml`` included."""
    cartridge = assemble(course, version, WIKI_FOLDER, _wiki_meta)
    resources = {r.identifier: r for r in cartridge.manifest.resources}
    discussions = [week for week in course.weeks if week.discussion_title]
    for position, week in enumerate(discussions, start=1):
        identifier, data = _topic_meta(week, position)
        path = week.topic_file.removesuffix(".xml") + "-meta.xml"
        cartridge.files[path] = data
        cartridge.manifest.resources.append(
            Resource(identifier, version.associated_type, path, [path])
        )
        resources[week.topic].dependencies.append(identifier)
    cartridge.files[COURSE_SETTINGS] = course_settings_xml(course)
    cartridge.files[MODULE_META] = module_meta_xml(course)
    cartridge.files[EXPORT_FLAG] = b"Exported by sphinx-interrogations for Canvas.\n"
    cartridge.manifest.resources.append(
        Resource(
            SETTINGS_RESOURCE,
            version.associated_type,
            EXPORT_FLAG,
            [EXPORT_FLAG, COURSE_SETTINGS, MODULE_META],
        )
    )
    cartridge.files[MANIFEST] = manifest_xml(cartridge.manifest, version)
    return cartridge.files


def check_canvas_extras(files: Mapping[str, bytes], manifest: etree._Element) -> list[Problem]:
    """Canvas-only checks: the export flag, module items and wiki page identifiers resolve."""
    resources = {r.get("identifier"): r.get("href") for r in manifest.iter("{*}resource")}
    problems: list[Problem] = []
    if EXPORT_FLAG not in resources.values():
        problems.append(Problem(MANIFEST, f"no resource with href {EXPORT_FLAG!r}"))
    wiki_ids: dict[str, str] = {}
    for path in sorted(p for p in files if p.startswith(f"{WIKI_FOLDER}/")):
        page, _ = parse_xml(files, path)  # syntax errors are reported by the generic checks
        if page is None:
            continue
        identifier = page.xpath("string(head/meta[@name='identifier']/@content)")
        if resources.get(identifier) != path:
            problems.append(Problem(path, f"identifier {identifier!r} is not this page's resource"))
        if identifier in wiki_ids:
            problems.append(
                Problem(path, f"identifier {identifier!r} also used by {wiki_ids[identifier]}")
            )
        wiki_ids[identifier] = path
    modules, errors = parse_xml(files, MODULE_META) if MODULE_META in files else (None, [])
    problems += errors
    if modules is not None:
        for ref in modules.iter(f"{{{CANVAS_NS}}}identifierref"):
            if ref.text not in resources:
                problems.append(
                    Problem(f"{MODULE_META}:{ref.sourceline}", f"{ref.text!r} names no resource")
                )
    return problems
