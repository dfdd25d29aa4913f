"""Doctree nodes of the extension.

Each node subclasses a generic docutils node, so any builder without a dedicated visitor
(text, man, texinfo, epub, ...) falls back to rendering it as that generic node.
"""

from __future__ import annotations

from docutils import nodes


class week(nodes.container):
    """A week's heading block: ``number``, ``course``, ``date``, ``topic`` attributes."""


class interrogation(nodes.container):
    """One student's question with its responses; ``ids[0]`` is its stable anchor.

    Attributes: ``student``, ``family_name``, ``title``, ``week``, ``ordinal`` (its place in the
    week), ``number`` (the display text of its heading), ``readings``, ``tags``, ``aliases``.
    Outputs read the catalogue record (:mod:`.catalogue`), not these attributes.
    """


class question(nodes.container):
    """The student's own text inside an interrogation (a run of non-response content)."""


class response(nodes.container):
    """An instructor's response; ``ids[0]`` is its stable anchor. Attributes: ``responder``,
    ``ordinal`` (its place among the interrogation's responses), ``aliases``."""


class item_heading(nodes.paragraph):
    """The heading line of an interrogation or response (number, names, title)."""


class item_meta(nodes.paragraph):
    """Readings and tags shown under an interrogation's heading."""


ALL_NODES: tuple[type[nodes.Element], ...] = (
    week,
    interrogation,
    question,
    response,
    item_heading,
    item_meta,
)


def enclosing(node: nodes.Node, kinds: tuple[type[nodes.Element], ...]) -> nodes.Element | None:
    """The nearest ancestor of ``node`` that is one of ``kinds``, if any."""
    parent = node.parent
    while parent is not None and not isinstance(parent, kinds):
        parent = parent.parent
    return parent
