"""What a package takes from the archive's doctrees: page titles, contents, and page ids.

Functions of doctrees only; the renderer (:mod:`.fragments`) decides which page shows what.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docutils import nodes

from sphinx_interrogations.nodes import interrogation, question
from sphinx_interrogations.records import WeekRecord

from ..links import PageMap
from ..packaging import identifiers

#: words of the question used as a page title when the interrogation has no :title:
TITLE_WORDS = 8


@dataclass(frozen=True, slots=True)
class DocumentIds:
    """The ids of one document, by the interrogation holding them."""

    #: every id of the document -> the first id of the interrogation holding it ("" if none)
    owners: dict[str, str]
    #: the ids of each interrogation node, in document order
    interrogations: tuple[tuple[str, ...], ...]


def document_ids(doctree: nodes.document) -> DocumentIds:
    """Which interrogation of ``doctree`` holds each of its ids."""
    owners = {anchor: "" for node in doctree.findall(nodes.Element) for anchor in node["ids"]}
    interrogations = []
    for node in doctree.findall(interrogation):
        interrogations.append(tuple(node["ids"]))
        for inner in node.findall(nodes.Element):
            owners.update((anchor, node["ids"][0]) for anchor in inner["ids"])
    return DocumentIds(owners, tuple(interrogations))


def interrogation_title(node: interrogation) -> str:
    """Page title: "6.1 Khutkyy — <title, or the question's first words>"."""
    title = node["title"]
    if not title:
        words = " ".join(part.astext() for part in node.findall(question)).split()
        title = " ".join(words[:TITLE_WORDS]) + ("\u2026" if len(words) > TITLE_WORDS else "")
    return f"{node['number']} {node['family_name']} \u2014 {title}".strip()


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


def week_page(record: WeekRecord, page_per_week: bool) -> str:
    """The page standing for a week: its overview, or the whole week in one page."""
    return record.anchor if page_per_week else identifiers.week_overview(record.anchor)


def page_map(
    weeks: Sequence[tuple[WeekRecord, DocumentIds]], root_doc: str, page_per_week: bool
) -> PageMap:
    """Which page holds every id of every week document."""
    anchors: dict[str, str] = {}
    documents = {root_doc: identifiers.ABOUT}
    heads = {record.anchor for record, _ in weeks}
    for record, ids in weeks:
        overview = week_page(record, page_per_week)
        documents[record.docname] = overview
        for anchor, owner in ids.owners.items():
            if owner:
                anchors[anchor] = overview if page_per_week else owner
            else:
                anchors.setdefault(anchor, overview)
        if not page_per_week:
            heads.update(anchor for node_ids in ids.interrogations for anchor in node_ids)
    return PageMap(anchors, documents, frozenset(heads))
