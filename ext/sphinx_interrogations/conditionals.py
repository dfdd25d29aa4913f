"""Citable items are the same in every output: none may stand inside a conditional block.

An interrogation or response inside ``.. only::`` or ``.. ifconfig::`` would be in some outputs
and not others, while the registry, the indices, the inventory and the packages list it
everywhere: a link from them could point to an id the HTML lacks. Such an item is a located
error (the build fails, no package is written); put the condition inside the item's text.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.ext.ifconfig import ifconfig
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .nodes import enclosing, interrogation, response

logger = logging.getLogger(__name__)

CONDITIONALS: tuple[type[nodes.Element], ...] = (addnodes.only, ifconfig)


class RefuseConditionalItems(SphinxTransform):
    """Report every interrogation or response that stands inside a conditional block."""

    default_priority = 200

    def apply(self) -> None:
        for item in self.document.findall(lambda n: isinstance(n, interrogation | response)):
            block = enclosing(item, CONDITIONALS)
            if block is None:
                continue
            directive = "only" if isinstance(block, addnodes.only) else "ifconfig"
            logger.error(
                "%s inside '.. %s::': an item must be in every output (the registry, indices "
                "and packages list it); move the condition inside its text",
                type(item).__name__,
                directive,
                location=item,
                type="seminar",
                subtype="conditional",
            )
