"""What a package takes from the archive's doctrees: page titles, contents, and page ids.

Pure functions of doctrees and the environment; the builder renders what they select.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from sphinx.environment import BuildEnvironment

from sphinx_interrogations.nodes import interrogation, question
from sphinx_interrogations.records import WeekRecord

from .links import PageMap

ABOUT_ANCHOR = "about"
#: words of the question used as a page title when the interrogation has no :title:
TITLE_WORDS = 8


def interrogation_title(node: interrogation) -> str:
    """Page title: "6.1 Khutkyy — <title, or the question's first words>"."""
    title = node["title"]
    if not title:
        words = " ".join(part.astext() for part in node.findall(question)).split()
        title = " ".join(words[:TITLE_WORDS]) + ("\u2026" if len(words) > TITLE_WORDS else "")
    return f"{node['number']} {node['family_name']} \u2014 {title}".strip()


def page_content(doctree: nodes.document) -> list[nodes.Node]:
    """The document's body without its title: the LMS shows the page title itself."""
    content: list[nodes.Node] = []
    titled = False
    for child in doctree.children:
        if isinstance(child, nodes.section) and not titled:
            content.extend(c for c in child.children if not isinstance(c, nodes.title))
            titled = True
        else:
            content.append(child)
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
    """Which page holds every id of every week document (read from unresolved doctrees)."""
    anchors: dict[str, str] = {}
    documents = {root_doc: ABOUT_ANCHOR}
    heads = {record.anchor for record in weeks}
    for record in weeks:
        overview = overview_anchor(record, page_per_week)
        documents[record.docname] = overview
        doctree = env.get_doctree(record.docname)
        for node in doctree.findall(nodes.Element):
            for anchor in node.get("ids", []):
                anchors.setdefault(anchor, overview)
        for node in doctree.findall(interrogation):
            page = overview if page_per_week else node["ids"][0]
            heads.update([] if page_per_week else node["ids"])
            for inner in node.findall(nodes.Element):
                for anchor in inner.get("ids", []):
                    anchors[anchor] = page
    return PageMap(anchors, documents, frozenset(heads))
