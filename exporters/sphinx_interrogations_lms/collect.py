"""The course model of a package build: every week and the About page, rendered from doctrees.

Each week is rendered from its resolved doctree with the builder's translator (the same content,
numbering and references as the HTML archive), its cross-references pointed where the
flavour's :mod:`.links` policy says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from docutils.utils import new_document
from sphinx.util.display import status_iterator

from sphinx_interrogations.domain import SeminarDomain
from sphinx_interrogations.domain import week_label as week_title
from sphinx_interrogations.i18n import _
from sphinx_interrogations.ids import slug
from sphinx_interrogations.nodes import interrogation
from sphinx_interrogations.records import WeekRecord

from .assets import assets_in
from .cartridge import Metadata
from .course import Course, Page, Week
from .doctrees import (
    ABOUT_ANCHOR,
    interrogation_title,
    overview_anchor,
    page_map,
    reference_list,
    take_page_content,
)
from .links import Target, rewrite_references

if TYPE_CHECKING:
    from .builders import PackageBuilder


class CourseCollector:
    """Renders the whole course for ``builder``, whose flavour decides pages and links."""

    def __init__(self, builder: PackageBuilder) -> None:
        self.builder = builder
        self.config = builder.config
        self.env = builder.env
        self.page_per_week: bool = self.config.interrogations_lms_page_per_week
        domain = self.env.domains["seminar"]
        assert isinstance(domain, SeminarDomain)
        self.weeks = domain.weeks()
        pages = page_map(self.env, self.weeks, self.config.root_doc, self.page_per_week)
        self.policy = builder.link_policy(pages)

    def collect(self) -> Course:
        """The course: its metadata, the About page and every week, in order."""
        weeks = self.weeks
        rendered = [
            self.render_week(record)
            for record in status_iterator(
                weeks,
                _("rendering LMS pages... "),
                "darkgreen",
                len(weeks),
                self.config.verbosity,
                stringify_func=lambda record: record.docname,
            )
        ]
        config = self.config
        title = config.interrogations_lms_course_title or config.project
        metadata = Metadata(
            title=title,
            description=config.interrogations_lms_description,
            language=config.language or "en",
            licence=config.interrogations_lms_licence,
            date=config.interrogations_lms_date,
        )
        return Course(
            slug=slug(title) or "course",
            metadata=metadata,
            code=config.interrogations_lms_course_code or (weeks[0].course if weeks else ""),
            about_title=_("About this archive"),
            about=self.render_about(metadata, weeks),
            archive_url=self.builder.archive.url(Target(config.root_doc, "")),
            archive_title=_("The full archive (web)"),
            weeks=tuple(rendered),
            assets=self.builder.collect_assets(),
        )

    def resolved_doctree(self, docname: str) -> nodes.document:
        """The resolved doctree of ``docname``, its images named as in the package."""
        doctree = self.env.get_and_resolve_doctree(docname, self.builder, tags=self.builder.tags)
        self.builder.post_process_images(doctree)
        return doctree

    def render_week(self, record: WeekRecord) -> Week:
        docname = record.docname
        doctree = self.resolved_doctree(docname)
        self.builder.fignumbers = self.env.toc_fignumbers.get(docname, {})
        title = week_title(record)
        week_target = Target(docname, record.anchor)
        items = list(doctree.findall(interrogation))
        listing = reference_list(
            (f"{self.builder.get_target_uri(docname)}#{node['ids'][0]}", interrogation_title(node))
            for node in items
        )
        overview_page = overview_anchor(record, self.page_per_week)
        if self.page_per_week:  # the whole week on one page, from a copy of the doctree
            week_page = self.render_page(
                overview_page, title, take_page_content(doctree.deepcopy()), week_target
            )
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
        pages = [week_page] if self.page_per_week else [overview, *item_pages]
        discussions = self.config.interrogations_lms_discussions
        discussion = _("Week %(week)d discussion: %(topic)s") % {
            "week": record.number,
            "topic": record.topic,
        }
        return Week(
            number=record.number,
            anchor=record.anchor,
            title=title,
            pages=tuple(pages),
            discussion_title=discussion if discussions else "",
            discussion_prompt=overview.body if discussions else "",
        )

    def render_about(self, metadata: Metadata, weeks: list[WeekRecord]) -> Page:
        root = self.config.root_doc
        content: list[nodes.Node] = []
        if metadata.description:
            content.append(nodes.paragraph("", metadata.description))
        if root in self.env.found_docs:
            doctree = self.resolved_doctree(root)
            for toctree in list(doctree.findall(nodes.compound)):
                if "toctree-wrapper" in toctree["classes"]:
                    toctree.parent.remove(toctree)
            content += take_page_content(doctree)
        content.append(
            reference_list(
                (f"{self.builder.get_target_uri(w.docname)}#{w.anchor}", week_title(w))
                for w in weeks
            )
        )
        if metadata.licence:
            content.append(nodes.paragraph("", _("Licence: %s") % metadata.licence))
        return self.render_page(ABOUT_ANCHOR, _("About this archive"), content, Target(root, ""))

    def render_page(
        self, anchor: str, title: str, content: list[nodes.Node], canonical: Target
    ) -> Page:
        """Render ``content`` as the body of the package page ``anchor``.

        The nodes of ``content`` move into the page: each must be one the caller no longer
        needs, outside any other tree (a copy, or a node removed from its doctree).
        ``canonical`` is where the content lives in the archive: the page links there when
        the archive is published, and references are resolved from its document.
        """
        builder = self.builder
        docname = canonical.docname
        builder.current_docname = docname
        document = new_document(str(self.env.doc2path(docname)), builder.docsettings)
        document.extend(content)
        url = builder.archive.url(canonical)
        if url:
            reference = nodes.reference("", _("This page in the web archive"), refuri=url)
            document += nodes.paragraph("", "", reference)
        rewrite_references(document, docname, builder.docname_of, self.policy, anchor)
        translator = builder.create_translator(document, builder)
        document.walkabout(translator)
        body = "".join(translator.fragment)
        return Page(anchor, title, body, assets_in(body, builder.page_folder))
