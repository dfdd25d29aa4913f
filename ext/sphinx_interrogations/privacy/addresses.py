"""Addresses in a public build: a link target holding a name is refused, never rewritten.

A name inside a URL or an e-mail address (``https://example.org/~kmorgul/``,
``mailto:kerem.morgul@…``) cannot be replaced: the address would point somewhere else. The
public build cannot tell either whether it is the student's, so each one is a located error
and the address is left out of the output (a link keeps its text, unless the text is the
address itself; an address written as text is replaced by a placeholder).
"""

from __future__ import annotations

import functools
import re

from docutils import nodes
from sphinx.addnodes import toctree
from sphinx.util import logging

from ..i18n import _
from .policy import Privacy

logger = logging.getLogger(__name__)

#: What replaces an address holding a name where the address itself was the text.
ADDRESS_WITHHELD = _("[address withheld]")
#: Addresses written as text: a URL with a scheme, or an e-mail address.
ADDRESS = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s<>\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def refuse(what: str, address: str, names: list[str], location: nodes.Node) -> None:
    """Report an address holding a name (located), saying what happened to it."""
    logger.error(
        "%s %r holds a student's name (%s): a public build neither publishes nor rewrites "
        "an address; it is left out. Use an address without the name, or leave it out of "
        "the sources",
        what,
        address,
        ", ".join(repr(name) for name in names),
        location=location,
        type="seminar",
        subtype="privacy",
    )


def refuse_named_addresses(privacy: Privacy, document: nodes.document) -> None:
    """Leave out every link target, image address, toctree link and written address that
    holds a student's name, each with a located error."""
    for reference in list(document.findall(nodes.reference)):
        address = reference.get("refuri", "")
        if names := privacy.names_in_address(address):
            refuse("link target", address, names, reference)
            text = reference.astext()
            if privacy.names_in_address(text) or address in text:
                text = str(ADDRESS_WITHHELD)
            shown = nodes.inline(text, text)
            shown.source, shown.line = reference.source, reference.line
            reference.replace_self(shown)
    for image in list(document.findall(nodes.image)):
        address = image.get("uri", "")
        if ":" in address and (names := privacy.names_in_address(address)):
            refuse("image address", address, names, image)
            text = image.get("alt", "")
            image.replace_self(nodes.inline(text, text))
    for tree in document.findall(toctree):
        kept = []
        for title, ref in tree["entries"]:
            if "://" in ref and (names := privacy.names_in_address(ref)):
                refuse("toctree link", ref, names, tree)
            else:
                kept.append((title, ref))
        tree["entries"] = kept
    for text in list(document.findall(nodes.Text)):
        written = str(text)
        if "@" not in written and "://" not in written:
            continue
        shown = ADDRESS.sub(functools.partial(_withheld_if_named, privacy, text.parent), written)
        if shown != written:
            text.parent.replace(text, nodes.Text(shown))


def _withheld_if_named(privacy: Privacy, location: nodes.Node, match: re.Match[str]) -> str:
    names = privacy.names_in_address(match[0])
    if not names:
        return match[0]
    refuse("the address", match[0], names, location)
    return str(ADDRESS_WITHHELD)
