"""Canvas flavour: CC 1.1 plus Canvas's course-export files, so pages arrive as Pages in Modules.

Pages go to ``wiki_content/`` (identifier, title and state in each page's ``<head>``), within
Canvas's HTML allow-list (:mod:`.canvas_markup`); cross-references between pages of the course
are Canvas page links, ``$WIKI_REFERENCE$/pages/<page>#<anchor>``. Canvas's importer
(instructure/canvas-lms ``app/models/importers/link_parser.rb`` at 01243c0b, ``link_resolver.rb``
at 05e9653c) takes everything after ``pages/`` up to a ``?`` as the page's URL name and writes
``/courses/<id>/pages/<page>#<anchor>``: the page's URL name is its file name, and the anchor
is kept, landing on the ``id`` the allow-list lets through.
"""

from __future__ import annotations

from collections.abc import Mapping

from sphinx_interrogations.address import canvas_link
from sphinx_interrogations.identity import (
    LmsRole,
    course_anchor,
    lms_identifier,
    page_name,
    topic_meta_file,
)

from ..course import Course, Page
from ..links import ArchiveAddress, LinkPolicy, PageMap, Target
from ..packaging.cartridge import CCVersion, Resource
from ..packaging.layout import Cartridge
from .base import Flavour
from .canvas_checks import WIKI_FOLDER, check_canvas_extras, check_canvas_markup
from .canvas_markup import canvas_markup
from .canvas_settings import (
    COURSE_SETTINGS,
    EXPORT_FLAG,
    MODULE_META,
    SETTINGS_RESOURCE,
    course_settings_xml,
    module_meta_xml,
    topic_meta_xml,
)


class CanvasFlavour(Flavour):
    """Canvas: CC 1.1 with Canvas's course-export files (Pages in Modules)."""

    name = "canvas"
    page_folder = WIKI_FOLDER
    markup = canvas_markup()
    checks = (check_canvas_extras, check_canvas_markup)

    def link_policy(self, pages: PageMap, archive: ArchiveAddress) -> LinkPolicy:
        """Page links inside the course; the archive (or text) for anything else."""

        def link(target: Target, here: str) -> str:
            page = pages.page_of(target)
            if not page:
                return archive(target)
            fragment = pages.fragment_of(target) if target.anchor != page else ""
            if page == here:
                return f"#{fragment}" if fragment else ""
            return canvas_link(page_name(page), fragment)

        return link

    def page_meta(self, page: Page) -> Mapping[str, str]:
        return {
            "identifier": lms_identifier(page.anchor, LmsRole.RESOURCE),
            "editing_roles": "teachers",
            "workflow_state": "active",
        }

    def add_files(self, cartridge: Cartridge, course: Course, version: CCVersion) -> None:
        resources = {r.identifier: r for r in cartridge.manifest.resources}
        discussions = [week for week in course.weeks if week.discussion_title]
        for position, week in enumerate(discussions, start=1):
            path = topic_meta_file(week.anchor)
            meta = lms_identifier(week.anchor, LmsRole.TOPIC_META)
            resource = Resource(meta, version.associated_type, path, [path])
            cartridge.add(resource, {path: topic_meta_xml(week, position)})
            resources[lms_identifier(week.anchor, LmsRole.TOPIC)].dependencies.append(meta)
        settings = {
            COURSE_SETTINGS: course_settings_xml(course),
            MODULE_META: module_meta_xml(course),
            EXPORT_FLAG: b"Exported by sphinx-interrogations for Canvas.\n",
        }
        files = [EXPORT_FLAG, COURSE_SETTINGS, MODULE_META]
        identifier = course_anchor(SETTINGS_RESOURCE, course.term_prefix)
        resource = Resource(identifier, version.associated_type, EXPORT_FLAG, files)
        cartridge.add(resource, settings)


CANVAS = CanvasFlavour()
