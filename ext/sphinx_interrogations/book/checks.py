"""Constructs the book cannot typeset, refused with their source file and line before LaTeX
runs (a LaTeX failure would name only the ``.log``)."""

from __future__ import annotations

from docutils import nodes
from sphinx.util import logging

from ..nodes import interrogation, response

logger = logging.getLogger(__name__)

#: list-like environments LaTeX nests at most 6 deep in all, at most 4 of a kind
LISTS = (nodes.bullet_list, nodes.enumerated_list, nodes.definition_list, nodes.block_quote)
MAX_NESTED_LISTS = 6
MAX_NESTED_OF_A_KIND = 4
#: characters of one line TeX reads safely (its input buffer holds 200,000; escaping grows text)
MAX_LINE = 100_000


def refuse_untypesettable(doctree: nodes.document) -> None:
    """Report, located, every figure inside an item's box, list nesting deeper than LaTeX
    allows, and lines longer than TeX reads."""
    for figure in doctree.findall(nodes.figure):
        box = next((a for a in ancestors(figure) if isinstance(a, interrogation | response)), None)
        if box is not None:
            report(
                figure,
                "a figure cannot stand inside an interrogation or a response in the PDF (a "
                "floating figure inside a box): use an 'image' directive there instead",
            )
    for listing in doctree.findall(lambda n: isinstance(n, LISTS)):
        outer = [a for a in ancestors(listing) if isinstance(a, LISTS)]
        same = [a for a in outer if type(a) is type(listing)]
        too_deep = len(outer) + 1 > MAX_NESTED_LISTS or len(same) + 1 > MAX_NESTED_OF_A_KIND
        if too_deep and not any(a.get("seminar_refused") for a in outer):
            listing["seminar_refused"] = True  # one report for the list, not one per level
            report(
                listing,
                f"lists nested {len(outer) + 1} deep ({len(same) + 1} of this kind): the "
                f"PDF allows at most {MAX_NESTED_LISTS}, and {MAX_NESTED_OF_A_KIND} of a "
                "kind; flatten the list",
            )
    for text in doctree.findall(nodes.Text):
        longest = max((len(line) for line in text.split("\n")), default=0)
        if longest > MAX_LINE:
            report(
                text.parent or text,
                f"a line of {longest:,} characters: the PDF's typesetter reads at most "
                f"{MAX_LINE:,} characters a line; break it into several lines",
            )


def ancestors(node: nodes.Node) -> list[nodes.Element]:
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


def report(node: nodes.Node, message: str) -> None:
    logger.error(message, location=node, type="seminar", subtype="latex")
