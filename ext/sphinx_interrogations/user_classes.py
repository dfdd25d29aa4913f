"""The extension's own classes belong to the extension: sources cannot borrow them.

A ``.. class::``, ``.. container::`` or custom role carrying ``seminar-response`` could dress a
student's paragraph up as an instructor response, hide text, or (``seminar-responder``) keep a
name away from the public build's scrubber. (In Sphinx, docutils' ``class`` directive is
``.. rst-class::``.) Every ``seminar-*`` class a source gives is removed,
with a located warning; the extension's own nodes and the headings it writes keep theirs.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .nodes import ALL_NODES, enclosing, item_heading, item_meta

logger = logging.getLogger(__name__)

RESERVED_PREFIX = "seminar-"
#: nodes written whole by the extension (headings) or by Sphinx (a role's ``seminar-week``)
GENERATED: tuple[type[nodes.Element], ...] = (item_heading, item_meta, addnodes.pending_xref)


def is_generated(node: nodes.Element) -> bool:
    """Tell whether the extension wrote ``node`` (its own node, or inside a heading it wrote)."""
    return isinstance(node, ALL_NODES) or enclosing(node, GENERATED) is not None


class RemoveReservedClasses(SphinxTransform):
    """Remove ``seminar-*`` classes that sources gave, before anything reads classes."""

    #: after docutils applies ``.. class::`` (210), before sanitising and scrubbing
    default_priority = 300

    def apply(self) -> None:
        for node in self.document.findall(nodes.Element):
            reserved = [c for c in node.get("classes", ()) if c.startswith(RESERVED_PREFIX)]
            if not reserved or is_generated(node):
                continue
            node["classes"] = [c for c in node["classes"] if c not in reserved]
            logger.warning(
                "class %s is the extension's own and was removed: sources cannot make text "
                "look like the extension's (a response, a heading) or hide it",
                ", ".join(repr(c) for c in reserved),
                location=node,
                type="seminar",
                subtype="class",
            )
