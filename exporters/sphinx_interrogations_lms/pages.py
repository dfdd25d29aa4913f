"""HTML pages and fragments for packages, written with lxml.

Pages are *polyglot*: well-formed XML (so the validator can parse them strictly) that HTML
parsers read the same way, because only void elements are ever self-closed.

Package pages hold semantic markup only, whatever the archive trusts: even when
``interrogations_allow_raw`` lets raw HTML into the web archive, every page and discussion
prompt keeps only the elements and attributes below, and only safe link targets. Scripts,
styles, templates, frames and SVG go with their content; any other element gives way to its
content, so no text is lost. We do not rely on the LMS's own sanitiser.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree, html

from sphinx_interrogations.sanitize import is_safe_uri

from .cartridge import xml_text

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


#: elements dropped with their content, which is code, metadata or graphics, never shown text;
#: any other element not allowed (a form, an object, ``<embed>``) gives way to its content
DROPPED_ELEMENTS = ("script", "style", "template", "head", "title", "svg", "iframe", "noembed")
#: the semantic elements a page keeps; any other element is replaced by its content
ALLOWED_ELEMENTS = frozenset(
    [
        *("article", "aside", "div", "footer", "header", "main", "nav", "p", "section", "span"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "wbr", "img"),
        *("a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd"),
        *("mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "strong", "sub", "sup", "time"),
        *("tt", "u", "var", "blockquote", "details", "figcaption", "figure", "pre", "summary"),
        *("dd", "dl", "dt", "li", "ol", "ul", "caption", "col", "colgroup", "table", "tbody"),
        *("td", "tfoot", "th", "thead", "tr"),
    ]
)
#: the attributes a page keeps (and ``aria-*``); every other one, ``on*`` and ``style`` included,
#: is dropped, and so is a URL attribute whose target :func:`is_safe_uri` refuses
ALLOWED_ATTRIBUTES = frozenset(
    [
        *("abbr", "alt", "cite", "colspan", "datetime", "dir", "headers", "height", "href", "id"),
        *("lang", "open", "reversed", "role", "rowspan", "scope", "span", "src", "start"),
        *("title", "value", "width"),
    ]
)
URL_ATTRIBUTES = frozenset(["cite", "href", "src"])
#: the document's end tags: lxml's HTML parser drops everything after them, browsers do not
_DOCUMENT_END = re.compile(r"</\s*(?:body|html)\b[^>]*>", re.IGNORECASE)


def _keeps_attribute(name: str, value: str) -> bool:
    allowed = name in ALLOWED_ATTRIBUTES or name.startswith("aria-")
    return allowed and (name not in URL_ATTRIBUTES or is_safe_uri(value))


def parse_fragment(fragment: str, container: str = "div") -> etree._Element:
    """Parse an HTML fragment into a new ``container`` element holding it, semantics only.

    Comments and :data:`DROPPED_ELEMENTS` go with their content; other elements not in
    :data:`ALLOWED_ELEMENTS` give way to their content; attributes not in
    :data:`ALLOWED_ATTRIBUTES` and unsafe link targets are dropped.
    """
    text = _DOCUMENT_END.sub("", xml_text(fragment))
    root = html.document_fromstring(f"<html><body>{text}</body></html>").body
    root.tag = container
    etree.strip_elements(
        root, etree.Comment, etree.ProcessingInstruction, *DROPPED_ELEMENTS, with_tail=False
    )
    for element in list(root.iterdescendants()):
        if element.tag not in ALLOWED_ELEMENTS:
            element.drop_tag()
    for element in root.iter():
        for name, value in list(element.attrib.items()):
            if not _keeps_attribute(name, value):
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
    root = etree.Element("html", lang=xml_text(language))
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    for name, content in (meta or {}).items():
        etree.SubElement(head, "meta", name=name, content=xml_text(content))
    etree.SubElement(head, "title").text = xml_text(title)
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
