"""An activity's files (``module.xml``, ``page.xml``/``url.xml``, ``inforef.xml``), ``files.xml``.

A page file is restored only if its ``files.xml`` entry is listed in the page's
``inforef.xml`` and carries the page's ``contextid`` (moodle-backup.md §7).
"""

from __future__ import annotations

from lxml import etree

from .layout import Layout, PlacedActivity, PlacedFile
from .links import backup_html
from .model import PageActivity, UrlActivity
from .text import plain_name
from .xmldoc import HTML_FORMAT, NULL, child, container, fields, root, serialize

MODULE_VERSION = 2024100700
#: mod/page "open" display (its default)
PAGE_DISPLAY_OPEN = 5
#: no intro above the content, no "Last modified" line (a fixed date would mislead)
PAGE_DISPLAY_OPTIONS = 'a:2:{s:10:"printintro";s:1:"0";s:17:"printlastmodified";s:1:"0";}'
#: mod/url "automatic" display
URL_DISPLAY_AUTO = 0


def module_xml(placed: PlacedActivity) -> bytes:
    """``module.xml``: the course module, placed in its section."""
    element = root("module", id=placed.cmid, version=MODULE_VERSION)
    fields(
        element,
        {
            "modulename": placed.modulename,
            "sectionid": placed.section_id,
            "sectionnumber": placed.section_number,
            "idnumber": "",
            "visible": 1,
            "groupingid": 0,
            "completionexpected": 0,
        },
    )
    return serialize(element)


def activity_xml(layout: Layout, placed: PlacedActivity) -> bytes:
    """``page.xml`` or ``url.xml``: the activity's instance inside Moodle's ``<activity>``."""
    activity = placed.activity
    cmids = layout.page_cmids
    element = root(
        "activity",
        id=placed.instance,
        moduleid=placed.cmid,
        modulename=placed.modulename,
        contextid=placed.contextid,
    )
    instance = container(element, placed.modulename, id=placed.instance)
    common = {
        "name": plain_name(activity.name),
        "intro": backup_html(activity.intro, cmids),
        "introformat": HTML_FORMAT,
    }
    if isinstance(activity, PageActivity):
        specific: dict[str, object] = {
            "content": backup_html(activity.content, cmids),
            "contentformat": HTML_FORMAT,
            "display": PAGE_DISPLAY_OPEN,
            "displayoptions": PAGE_DISPLAY_OPTIONS,
            "revision": 1,
        }
    else:
        assert isinstance(activity, UrlActivity)
        specific = {"externalurl": activity.url, "display": URL_DISPLAY_AUTO}
    fields(instance, {**common, **specific, "timemodified": layout.course.timestamp})
    return serialize(element)


def inforef_xml(placed: PlacedActivity) -> bytes:
    """``inforef.xml``: the ids of the activity's files."""
    element = root("inforef")
    fileref = container(element, "fileref")
    for file in placed.files:
        child(container(fileref, "file"), "id", file.id)
    return serialize(element)


def _file_entry(parent: etree._Element, file: PlacedFile) -> None:
    entry = container(parent, "file", id=file.id)
    fields(
        entry,
        {
            "contenthash": file.contenthash,
            "contextid": file.contextid,
            "component": "mod_page",
            "filearea": "content",
            "itemid": 0,
            "filepath": file.filepath,
            "filename": file.filename,
            "userid": NULL,
            "filesize": len(file.file.content),
            "mimetype": file.file.mimetype,
            "status": 0,
            "timecreated": 0,
            "timemodified": 0,
            "source": file.filename,
            "author": NULL,
            "license": NULL,
            "sortorder": 0,
            "repositorytype": NULL,
            "repositoryid": NULL,
            "reference": NULL,
        },
    )


def files_xml(layout: Layout) -> bytes:
    """``files.xml``: every page file of the backup."""
    element = root("files")
    for file in layout.files:
        _file_entry(element, file)
    return serialize(element)
