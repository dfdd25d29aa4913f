"""Package HTML: fragments cleaned with nh3 (Ammonia), pages written with lxml.

nh3 parses a fragment as a browser would (HTML5) and keeps what a :class:`.Markup` policy
allows; the result is read into an lxml tree, where the policy's renames are applied, and
serialised as *polyglot* markup: well-formed XML (so the validator can parse it strictly) that
HTML parsers read the same way, because only void elements are ever self-closed. We do not rely
on the LMS's own sanitiser: what the LMS keeps is what we wrote.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import nh3
from lxml import etree, html

from .policy import DROPPED_WITH_CONTENT, SAFE_SCHEMES, SEMANTIC, Markup
from .xml_text import xml_text


@lru_cache(maxsize=8)
def _cleaner(markup: Markup) -> nh3.Cleaner:
    elements = markup.elements | set(markup.renames)
    attributes: dict[str, set[str]] = {e: set(markup.attributes_of(e)) for e in elements}
    attributes.update((element, set()) for element in markup.unwrapped)

    def keep(element: str, attribute: str, value: str) -> str | None:
        return value if markup.keeps_url(element, attribute, value) else None

    return nh3.Cleaner(
        tags=set(elements | markup.unwrapped),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=attributes,
        attribute_filter=keep,
        generic_attribute_prefixes=set(markup.attribute_prefixes) or None,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(SAFE_SCHEMES),
    )


def clean_tree(fragment: str, markup: Markup = SEMANTIC, container: str = "div") -> etree._Element:
    """The fragment cleaned by ``markup``, as a new ``container`` element holding it.

    A link to a fragment the cleaned markup no longer holds (an ``id`` the policy drops, a note
    left on another page) keeps its text but not its link: no page links to an anchor it lacks.
    """
    cleaned = _cleaner(markup).clean(xml_text(fragment))
    root = html.document_fromstring(f"<html><body>{cleaned}</body></html>").body
    root.tag = container
    for element in list(root.iterdescendants()):
        if element.tag in markup.renames:
            element.tag = markup.renames[element.tag]
        elif element.tag in markup.unwrapped:
            element.drop_tag()
    held = set(root.xpath(".//@id"))
    for link in root.xpath(".//a[starts-with(@href, '#')]"):
        if link.get("href", "")[1:] not in held:
            link.drop_tag()
    return root


def close_non_void(root: etree._Element) -> None:
    """Give every empty non-void element an end tag (``<span></span>``, never ``<span/>``)."""
    for element in root.iter():
        empty = len(element) == 0 and element.text is None
        if empty and isinstance(element.tag, str) and element.tag not in VOID_ELEMENTS:
            element.text = ""


def clean_fragment(fragment: str, markup: Markup = SEMANTIC, encoding: str = "unicode") -> str:
    """The fragment cleaned by ``markup`` and re-serialised as polyglot markup."""
    container = clean_tree(fragment, markup)
    close_non_void(container)
    serialised = etree.tostring(container, encoding=encoding)
    if isinstance(serialised, bytes):
        serialised = serialised.decode("ascii")
    return serialised.removeprefix("<div>").removesuffix("</div>")


def ascii_fragment(fragment: str, markup: Markup = SEMANTIC) -> str:
    """The cleaned fragment with every non-ASCII character as a numeric reference.

    Moodle parses discussion text without a charset, so only ASCII survives it intact.
    """
    return clean_fragment(fragment, markup, "us-ascii")


#: elements HTML parsers accept as ``<x/>``; every other empty element is written ``<x></x>``
VOID_ELEMENTS = frozenset(
    [
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
        *("source", "track", "wbr"),
    ]
)


def page_document(
    title: str,
    body: str,
    language: str,
    meta: Mapping[str, str] | None = None,
    markup: Markup = SEMANTIC,
) -> bytes:
    """A complete UTF-8 page: ``<head>`` with charset, ``meta`` tags and title; ``body`` inside."""
    root = etree.Element("html", lang=xml_text(language))
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    for name, content in (meta or {}).items():
        etree.SubElement(head, "meta", name=name, content=xml_text(content))
    etree.SubElement(head, "title").text = xml_text(title)
    root.append(clean_tree(body, markup, "body"))
    close_non_void(root)
    return b"<!DOCTYPE html>\n" + etree.tostring(root, encoding="UTF-8", xml_declaration=False)
