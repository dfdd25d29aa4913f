"""HTML pages and fragments for packages, written with lxml.

Pages are *polyglot*: well-formed XML (so the validator can parse them strictly) that HTML
parsers read the same way, because only void elements are ever self-closed.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree, html

#: elements HTML parsers accept as ``<x/>``; every other empty element is written ``<x></x>``
VOID_ELEMENTS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


#: elements LMS sanitisers remove (or that do nothing without the theme), dropped with content
DROPPED_ELEMENTS = ("script", "style", "iframe", "object", "embed", "form", "link", "meta")
#: presentation-only attributes: pages must read well with semantic markup alone
_DROPPED_ATTRIBUTES = ("class", "style")


def parse_fragment(fragment: str, container: str = "div") -> etree._Element:
    """Parse an HTML fragment into a new ``container`` element holding it, semantics only.

    Scripts, styles, frames and forms are dropped; so are ``class``, ``style``, ``on*`` and
    ``data-*`` attributes.
    """
    root = html.fragment_fromstring(fragment, create_parent=container)
    etree.strip_elements(root, *DROPPED_ELEMENTS, with_tail=False)
    for element in root.iter():
        for name in list(element.attrib):
            if name in _DROPPED_ATTRIBUTES or name.startswith(("on", "data-")):
                del element.attrib[name]
    return root


def _close_non_void(root: etree._Element) -> None:
    for element in root.iter():
        empty = len(element) == 0 and element.text is None
        if empty and isinstance(element.tag, str) and element.tag not in VOID_ELEMENTS:
            element.text = ""


def page_document(
    title: str, body: str, language: str, meta: Mapping[str, str] | None = None
) -> bytes:
    """A complete UTF-8 page: ``<head>`` with charset, ``meta`` tags and title; ``body`` inside."""
    root = etree.Element("html", lang=language)
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    for name, content in (meta or {}).items():
        etree.SubElement(head, "meta", name=name, content=content)
    etree.SubElement(head, "title").text = title
    root.append(parse_fragment(body, "body"))
    _close_non_void(root)
    return b"<!DOCTYPE html>\n" + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def clean_fragment(fragment: str, encoding: str = "unicode") -> str:
    """The fragment with semantics only (see :func:`parse_fragment`), re-serialised."""
    container = parse_fragment(fragment)
    _close_non_void(container)
    serialised = etree.tostring(container, encoding=encoding)
    if isinstance(serialised, bytes):
        serialised = serialised.decode("ascii")
    return serialised.removeprefix("<div>").removesuffix("</div>")


def ascii_fragment(fragment: str) -> str:
    """The fragment re-serialised with every non-ASCII character as a numeric reference.

    Moodle parses discussion text without a charset, so only ASCII survives it intact.
    """
    return clean_fragment(fragment, "us-ascii")


def element_html(element: etree._Element) -> str:
    """Serialise one element built with lxml as an HTML fragment string."""
    _close_non_void(element)
    return etree.tostring(element, encoding="unicode")
