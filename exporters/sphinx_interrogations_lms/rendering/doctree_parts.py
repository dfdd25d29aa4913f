"""What a package takes from the archive's doctrees: page contents and which item holds an id.

Functions of doctrees only; the renderer (:mod:`.fragments`) decides which page shows what,
from the catalogue and the package layout.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes

from sphinx_interrogations.nodes import interrogation


def take_page_content(doctree: nodes.document) -> list[nodes.Node]:
    """Remove the document's body, without its title, from it: the LMS shows the title itself."""
    content: list[nodes.Node] = []
    titled = False
    for child in list(doctree.children):
        if isinstance(child, nodes.section) and not titled:
            content.extend(c for c in child.children if not isinstance(c, nodes.title))
            titled = True
        else:
            content.append(child)
    for node in content:
        node.parent.remove(node)
    return content


def reference_list(links: Iterable[tuple[str, str]]) -> nodes.bullet_list:
    """A bullet list of (refuri, text) internal references."""
    items = nodes.bullet_list()
    for uri, text in links:
        reference = nodes.reference("", "", nodes.Text(text), internal=True, refuri=uri)
        items += nodes.list_item("", nodes.paragraph("", "", reference))
    return items


def interrogation_nodes(doctree: nodes.document) -> dict[str, interrogation]:
    """The interrogation nodes of a doctree by their anchor."""
    return {node["ids"][0]: node for node in doctree.findall(interrogation)}
