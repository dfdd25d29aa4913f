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


def footnotes_by_id(doctree: nodes.document) -> dict[str, nodes.footnote]:
    """Every footnote of a doctree, by each of its ids."""
    return {name: note for note in doctree.findall(nodes.footnote) for name in note["ids"]}


def carried_footnotes(
    notes: dict[str, nodes.footnote], part: nodes.Element
) -> list[nodes.footnote]:
    """Copies of the footnotes (of ``notes``) ``part`` refers to but does not hold, in order.

    A page made of ``part`` alone carries them, so that its footnote links land on the page.
    """
    if not notes:
        return []
    held = {name for node in part.findall(nodes.Element) for name in node["ids"]}
    carried: dict[str, nodes.footnote] = {}
    for reference in part.findall(nodes.footnote_reference):
        name = reference.get("refid", "")
        if name in notes and name not in held and name not in carried:
            carried[name] = notes[name].deepcopy()
            carried[name]["backrefs"] = [b for b in carried[name]["backrefs"] if b in held]
    return list(carried.values())


def keep_held_backrefs(tree: nodes.Element) -> None:
    """Point the footnotes and citations of ``tree`` back only to references it still holds."""
    held = {name for node in tree.findall(nodes.Element) for name in node["ids"]}
    for note in tree.findall(lambda node: isinstance(node, nodes.footnote | nodes.citation)):
        note["backrefs"] = [name for name in note["backrefs"] if name in held]
