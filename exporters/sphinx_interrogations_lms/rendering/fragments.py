"""Rendering the course's pages from resolved doctrees: Sphinx in, HTML fragments out.

Each week is rendered from its resolved doctree with the builder's translator (the same
content, numbering and references as the HTML archive), its cross-references pointed where the
flavour's link policy says. The renderer knows the builder only as a :class:`DocumentIO`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from docutils import nodes

from sphinx_interrogations.identity import ABOUT_ANCHOR
from sphinx_interrogations.labels import page_title, week_label
from sphinx_interrogations.records import Week

from ..course import Page
from ..layout import PackageLayout
from ..links import ArchiveAddress, LinkPolicy, Target
from ..package_labels import about_title, archive_page_link, licence_line, overview_title
from .assets import assets_in
from .citations import carry_citations
from .course_builder import RenderedWeek
from .doctree_parts import (
    carried_footnotes,
    footnotes_by_id,
    interrogation_nodes,
    keep_held_backrefs,
    reference_list,
    take_page_content,
)
from .references import rewrite_references


class DocumentIO(Protocol):
    """What the renderer needs of a builder: doctrees in, HTML fragments out."""

    page_folder: str

    def resolved_doctree(self, docname: str) -> nodes.document:
        """The resolved doctree of ``docname``, its images named as in the package."""
        ...

    def new_document(self, docname: str) -> nodes.document:
        """An empty document to render content of ``docname`` in."""
        ...

    def render(self, document: nodes.document, docname: str) -> str:
        """The HTML fragment of ``document``, rendered as part of ``docname``."""
        ...

    def target_uri(self, docname: str) -> str:
        """The builder's URI of ``docname`` (what resolved references carry)."""
        ...

    def docname_of(self, uri: str) -> str:
        """The docname a target URI of the builder names."""
        ...

    def citation(self, docname: str, anchor: str) -> nodes.citation | None:
        """The resolved citation with id ``anchor`` in ``docname`` (to copy), or None."""
        ...


class PageRenderer:
    """Renders the pages of a course through ``io``, as ``layout`` places them."""

    def __init__(self, io: DocumentIO, archive: ArchiveAddress, layout: PackageLayout) -> None:
        self.io = io
        self.archive = archive
        self.layout = layout
        self.policy: LinkPolicy = lambda target, here: archive(target)

    def use_policy(self, policy: LinkPolicy) -> None:
        """Point the cross-references of every page rendered from now on with ``policy``."""
        self.policy = policy

    def render_week(self, week: Week) -> RenderedWeek:
        """The pages of one week, from its resolved doctree (whose nodes move into them)."""
        docname = week.docname
        doctree = self.io.resolved_doctree(docname)
        week_target = Target(docname, week.anchor)
        found = interrogation_nodes(doctree)
        items = [i for i in self.layout.catalogue.interrogations_of(docname) if i.anchor in found]
        uri = self.io.target_uri(docname)
        listing = reference_list((f"{uri}#{item.anchor}", page_title(item)) for item in items)
        overview_page = self.layout.week_page(week)
        title = week_label(week)
        per_week = self.layout.page_per_week
        if per_week:  # the whole week on one page, from a copy of the doctree
            content = take_page_content(doctree.deepcopy())
            whole = self.render_page(overview_page, title, content, week_target)
        footnotes = footnotes_by_id(doctree)
        notes = {anchor: carried_footnotes(footnotes, node) for anchor, node in found.items()}
        for node in found.values():
            node.parent.remove(node)
        item_pages = [
            self.render_page(
                item.anchor,
                page_title(item),
                [found[item.anchor], *notes[item.anchor]],
                Target(docname, item.anchor),
            )
            for item in items
            if not per_week
        ]
        overview = self.render_page(
            overview_page,
            overview_title(week),
            [*take_page_content(doctree), listing],
            week_target,
        )
        pages = (whole,) if per_week else (overview, *item_pages)
        return RenderedWeek(week, title, pages, overview.body)

    def render_about(
        self,
        root_doc: str,
        root: nodes.document | None,
        weeks: Sequence[Week],
        description: str,
        licence: str,
        anchor: str = ABOUT_ANCHOR,
    ) -> Page:
        """The About page (``anchor``): description, the root document's text (a term's page
        for a term's package), the weeks, the licence."""
        content: list[nodes.Node] = []
        if description:
            content.append(nodes.paragraph("", description))
        if root is not None:
            for toctree in list(root.findall(nodes.compound)):
                if "toctree-wrapper" in toctree["classes"]:
                    toctree.parent.remove(toctree)
            content += take_page_content(root)
        links = ((f"{self.io.target_uri(w.docname)}#{w.anchor}", week_label(w)) for w in weeks)
        content.append(reference_list(links))
        if licence:
            content.append(nodes.paragraph("", licence_line(licence)))
        return self.render_page(anchor, about_title(), content, Target(root_doc, ""))

    def render_page(
        self, anchor: str, title: str, content: list[nodes.Node], canonical: Target
    ) -> Page:
        """Render ``content`` as the body of the package page ``anchor``.

        The nodes of ``content`` move into the page: each must be one the caller no longer
        needs, outside any other tree (a copy, or a node removed from its doctree).
        ``canonical`` is where the content lives in the archive: the page links there when
        the archive is published, and references are resolved from its document.
        """
        docname = canonical.docname
        document = self.io.new_document(docname)
        document.extend(content)
        io = self.io
        carry_citations(document, docname, io.docname_of, io.target_uri, io.citation)
        url = self.archive(canonical)
        if url:
            reference = nodes.reference("", archive_page_link(), refuri=url)
            document += nodes.paragraph("", "", reference)
        rewrite_references(document, docname, self.io.docname_of, self.policy, anchor)
        keep_held_backrefs(document)
        body = self.io.render(document, docname)
        return Page(anchor, title, body, assets_in(body, self.io.page_folder))
