"""What a package takes from the archive's doctrees: page titles, contents, and page ids.

Functions of doctrees and the environment; the builder renders what they select. Which
interrogation holds each id is noted as every document is read (:func:`note_document_ids`), so
a package build knows every page's ids without loading every doctree twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from sphinx_interrogations.nodes import interrogation, question
from sphinx_interrogations.records import WeekRecord

from .env_store import DocumentStore
from .links import PageMap

ABOUT_ANCHOR = "about"
#: words of the question used as a page title when the interrogation has no :title:
TITLE_WORDS = 8


@dataclass(frozen=True, slots=True)
class DocumentIds:
    """The ids of one document, by the interrogation holding them."""

    #: every id of the document -> the first id of the interrogation holding it ("" if none)
    owners: dict[str, str]
    #: the ids of each interrogation node, in document order
    interrogations: tuple[tuple[str, ...], ...]


#: docname -> its ids, noted when the document was read
DOCUMENT_IDS: DocumentStore[DocumentIds] = DocumentStore("interrogations_lms_document_ids")


def document_ids(doctree: nodes.document) -> DocumentIds:
    """Which interrogation of ``doctree`` holds each of its ids."""
    owners = {anchor: "" for node in doctree.findall(nodes.Element) for anchor in node["ids"]}
    interrogations = []
    for node in doctree.findall(interrogation):
        interrogations.append(tuple(node["ids"]))
        for inner in node.findall(nodes.Element):
            owners.update((anchor, node["ids"][0]) for anchor in inner["ids"])
    return DocumentIds(owners, tuple(interrogations))


def note_document_ids(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read`` (connected last): keep the ids of the document just read."""
    DOCUMENT_IDS.of(app.env)[app.env.docname] = document_ids(doctree)


def connect(app: Sphinx) -> None:
    """Note every document's ids as it is read."""
    app.connect("doctree-read", note_document_ids, priority=999)
    DOCUMENT_IDS.connect(app)


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


def overview_anchor(record: WeekRecord, page_per_week: bool) -> str:
    """The page standing for a week: its overview, or the whole week in one page."""
    if page_per_week:
        return record.anchor
    return f"{record.anchor}-overview"


def page_map(
    env: BuildEnvironment, weeks: list[WeekRecord], root_doc: str, page_per_week: bool
) -> PageMap:
    """Which page holds every id of every week document."""
    anchors: dict[str, str] = {}
    documents = {root_doc: ABOUT_ANCHOR}
    heads = {record.anchor for record in weeks}
    noted = DOCUMENT_IDS.of(env)
    for record in weeks:
        overview = overview_anchor(record, page_per_week)
        documents[record.docname] = overview
        ids = noted[record.docname]
        for anchor, owner in ids.owners.items():
            if owner:
                anchors[anchor] = overview if page_per_week else owner
            else:
                anchors.setdefault(anchor, overview)
        if not page_per_week:
            heads.update(anchor for node_ids in ids.interrogations for anchor in node_ids)
    return PageMap(anchors, documents, frozenset(heads))
