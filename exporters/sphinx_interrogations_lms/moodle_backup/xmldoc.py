"""Backup XML files with lxml: the exact declaration Moodle looks for, and the stub files.

Moodle recognises a backup only if ``moodle_backup.xml`` starts with
``<?xml version="1.0" encoding="UTF-8"?>`` in double quotes (lxml writes single quotes), so
the declaration is written here, before lxml's serialisation of the root element. Empty
elements are written as ``<x></x>``, as Moodle writes them.
"""

from __future__ import annotations

from lxml import etree

DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
#: Moodle's NULL in every backup XML field
NULL = "$@NULL@$"
#: the ``*format`` of a text field holding HTML (FORMAT_HTML)
HTML_FORMAT = 1

#: files every backup needs whose content does not matter: path -> root element
STUBS = {
    "roles.xml": "roles_definition",
    "groups.xml": "groups",
    "scales.xml": "scales_definition",
    "outcomes.xml": "outcomes_definition",
    "questions.xml": "question_categories",
    "course/roles.xml": "roles",
}
#: the same, in every activity folder
ACTIVITY_STUBS = {"roles.xml": "roles", "grades.xml": "activity_gradebook"}


def root(tag: str, **attributes: object) -> etree._Element:
    """A root element with ``attributes`` (values written with ``str``)."""
    return etree.Element(tag, {name: str(value) for name, value in attributes.items()})


def child(
    parent: etree._Element, tag: str, text: object = "", **attributes: object
) -> etree._Element:
    """Append ``<tag>text</tag>`` to ``parent`` (``text`` written with ``str``) and return it."""
    element = etree.SubElement(
        parent, tag, {name: str(value) for name, value in attributes.items()}
    )
    element.text = str(text)
    return element


def fields(parent: etree._Element, values: dict[str, object]) -> None:
    """Append one ``<name>value</name>`` per entry, in order."""
    for tag, text in values.items():
        child(parent, tag, text)


def container(parent: etree._Element, tag: str, **attributes: object) -> etree._Element:
    """Append an element that holds elements (no text of its own)."""
    return etree.SubElement(parent, tag, {name: str(value) for name, value in attributes.items()})


def serialize(element: etree._Element) -> bytes:
    """The file's bytes: the declaration, then ``element`` indented by two spaces."""
    for node in element.iter():
        if len(node) == 0 and node.text is None:
            node.text = ""  # <x></x>, not <x/>
    etree.indent(element, space="  ")
    return DECLARATION + etree.tostring(element, encoding="UTF-8") + b"\n"


def stub(tag: str) -> bytes:
    """A stub file: an empty root element."""
    return serialize(root(tag))
