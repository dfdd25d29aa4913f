"""Complete HTML pages for packages, written with lxml.

Pages are *polyglot*: well-formed XML (so the validator can parse them strictly) that HTML
parsers read the same way, because only void elements are ever self-closed. The body is
cleaned by the flavour's :class:`.Markup` policy (:mod:`.sanitiser`): we do not rely on the
LMS's own sanitiser, and what the LMS keeps is what we wrote.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from .policy import SEMANTIC, Markup
from .sanitiser import clean_tree, close_non_void
from .xml_text import xml_text


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
