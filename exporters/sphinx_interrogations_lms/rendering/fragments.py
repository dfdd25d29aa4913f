"""Rendering the course's pages from resolved doctrees: Sphinx in, HTML fragments out.

Each week is rendered from its resolved doctree with the builder's translator (the same
content, numbering and references as the HTML archive), its cross-references pointed where the
flavour's link policy says. The renderer knows the builder only as a :class:`DocumentIO`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from docutils import nodes

from sphinx_interrogations.domain import week_label
from sphinx_interrogations.i18n import _
from sphinx_interrogations.nodes import interrogation
from sphinx_interrogations.records import WeekRecord

from ..course import Page
from ..links import ArchiveAddress, LinkPolicy, PageMap, Target
from ..packaging import identifiers
from .assets import assets_in
from .doctree_parts import (
    document_ids,
    interrogation_title,
    page_map,
    reference_list,
    take_page_content,
    week_page,
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


@dataclass(frozen=True, slots=True)
class RenderedWeek:
    """One week's pages in order (overview first) and the overview's HTML (the prompt)."""

    record: WeekRecord
    title: str
    pages: tuple[Page, ...]
    overview_body: str


class PageRenderer:
    """Renders the pages of a course through ``io``; links decided by a flavour's policy."""

    def __init__(self, io: DocumentIO, archive: ArchiveAddress, page_per_week: bool) -> None:
        self.io = io
        self.archive = archive
        self.page_per_week = page_per_week
        self.policy: LinkPolicy = lambda target, here: archive(target)

    def load(self, weeks: Sequence[WeekRecord]) -> list[nodes.document]:
        """The resolved doctree of every week, in order."""
        return [self.io.resolved_doctree(record.docname) for record in weeks]

    def page_map(
        self, weeks: Sequence[WeekRecord], doctrees: Sequence[nodes.document], root_doc: str
    ) -> PageMap:
        """Which page holds every id of the weeks' documents."""
        ids = [document_ids(doctree) for doctree in doctrees]
        return page_map(list(zip(weeks, ids, strict=True)), root_doc, self.page_per_week)

    def use_policy(self, policy: LinkPolicy) -> None:
        """Point the cross-references of every page rendered from now on with ``policy``."""
        self.policy = policy

    def render_week(self, record: WeekRecord, doctree: nodes.document) -> RenderedWeek:
        """The pages of one week (the doctree's nodes move into them)."""
        docname = record.docname
        week_target = Target(docname, record.anchor)
        items = list(doctree.findall(interrogation))
        listing = reference_list(
            (f"{self.io.target_uri(docname)}#{node['ids'][0]}", interrogation_title(node))
            for node in items
        )
        overview_page = week_page(record, self.page_per_week)
        title = week_label(record)
        if self.page_per_week:  # the whole week on one page, from a copy of the doctree
            content = take_page_content(doctree.deepcopy())
            whole = self.render_page(overview_page, title, content, week_target)
        for node in items:
            node.parent.remove(node)
        item_pages = [
            self.render_page(
                node["ids"][0], interrogation_title(node), [node], Target(docname, node["ids"][0])
            )
            for node in items
            if not self.page_per_week
        ]
        overview = self.render_page(
            overview_page,
            _("Week %d overview") % record.number,
            [*take_page_content(doctree), listing],
            week_target,
        )
        pages = (whole,) if self.page_per_week else (overview, *item_pages)
        return RenderedWeek(record, title, pages, overview.body)

    def render_about(
        self,
        root_doc: str,
        root: nodes.document | None,
        weeks: Sequence[WeekRecord],
        description: str,
        licence: str,
    ) -> Page:
        """The About page: description, the root document's text, the weeks, the licence."""
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
            content.append(nodes.paragraph("", _("Licence: %s") % licence))
        return self.render_page(
            identifiers.ABOUT, _("About this archive"), content, Target(root_doc, "")
        )

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
        url = self.archive(canonical)
        if url:
            reference = nodes.reference("", _("This page in the web archive"), refuri=url)
            document += nodes.paragraph("", "", reference)
        rewrite_references(document, docname, self.io.docname_of, self.policy, anchor)
        body = self.io.render(document, docname)
        return Page(anchor, title, body, assets_in(body, self.io.page_folder))
