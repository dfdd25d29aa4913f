"""The ``canvas``, ``moodle`` and ``imscc`` builders: Sphinx I/O around one flavour each.

A builder resolves and renders doctrees into page fragments (:mod:`.rendering`), makes the
course model from them, and hands it to its :class:`.Flavour`, which knows everything that
differs between LMSs; the builder then writes the package deterministically and checks it
(:mod:`.validation`). A package build reuses the environment an earlier build left (reading
only what changed), and no package is written from a broken build: the builder names every
problem (errors, and warnings under ``-W``: those reported when each document was last read and
those of this build, see :mod:`sphinx_interrogations.build_health`), removes the package an
earlier build left, and fails the build.
"""

from __future__ import annotations

import posixpath
from collections.abc import Set
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote, unquote

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.utils import new_document
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.highlighting import PygmentsBridge
from sphinx.util import logging
from sphinx.util.display import status_iterator
from sphinx.writers.html import HTMLWriter

from sphinx_interrogations.address import Site, archive_link
from sphinx_interrogations.build_health import problems, refusal
from sphinx_interrogations.i18n import _
from sphinx_interrogations.identity import ABOUT_ANCHOR, ASSET_FOLDER, asset_file, course_anchor
from sphinx_interrogations.records import Term
from sphinx_interrogations.store import catalogue_of
from sphinx_interrogations.terms import packaged_terms

from .config import CourseSettings
from .course import Course
from .flavours.base import Flavour
from .flavours.canvas import CANVAS
from .flavours.moodle import COMMON_CARTRIDGE, MOODLE
from .layout import PackageLayout
from .links import ArchiveAddress, Target
from .packaging.zip_writer import write_package
from .rendering.assets import read_assets
from .rendering.course_builder import make_course
from .rendering.fragments import PageRenderer
from .rendering.translator import EXTENSION_NODE_NAMES, PackageTranslator
from .validation.run import check_package, find_schemas

logger = logging.getLogger(__name__)
#: what the builder's own target URIs end with (internal: references map back to docnames)
LINK_SUFFIX = ".html"


class PackageBuilder(Builder):
    """Shared base of the LMS builders: always writes the whole course as one package."""

    format = "html"
    default_translator_class = PackageTranslator
    supported_image_types: ClassVar[list[str]] = [
        "image/svg+xml",
        "image/png",
        "image/gif",
        "image/jpeg",
    ]
    #: no permalinks or downloads in packages (HTML5Translator reads these)
    add_permalinks = False
    download_support = False
    #: Sphinx checks it on every HTML-format builder; our translator writes math as text itself
    math_renderer_name = "mathjax"
    #: what differs between LMSs
    flavour: ClassVar[Flavour]

    def init(self) -> None:
        self.highlighter = PygmentsBridge("html", self.config.pygments_style or "sphinx")
        self.secnumbers: dict[str, tuple[int, ...]] = {}
        self.fignumbers: dict[str, dict[str, tuple[int, ...]]] = {}
        self.page_folder = self.flavour.page_folder
        self.imgpath = posixpath.relpath(ASSET_FOLDER, self.page_folder)
        self.dlpath = ""
        self.current_docname = ""
        site = Site.of(self.config)
        self.archive: ArchiveAddress = lambda target: (
            archive_link(site, target.docname, target.anchor) or ""
        )
        #: one course per term packaged (an LMS course is one offering)
        self.courses: list[Course] = []
        #: source image path -> its zip path
        self.asset_paths: dict[str, str] = {}
        #: docname -> its resolved citations by id (those a page carries)
        self.citations: dict[str, dict[str, nodes.citation]] = {}
        #: the package was not written because the build had errors
        self.refused = False
        #: Sphinx checked the environment's consistency in this build (it does if it read)
        self.consistency_checked = False

    # -- Builder API --------------------------------------------------------------------

    def get_outdated_docs(self) -> str:
        return "all documents"  # a package always holds the whole course

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return quote(docname) + LINK_SUFFIX  # quoted: a docname may hold "#" or "?"

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self.get_target_uri(to)  # site-relative, so references map back to docnames

    def create_translator(self, *args: object) -> nodes.NodeVisitor:
        translator = super().create_translator(*args)
        for name in EXTENSION_NODE_NAMES:  # the theme's visitors give way to semantic HTML
            vars(translator).pop(f"visit_{name}", None)
            vars(translator).pop(f"depart_{name}", None)
        return translator

    def prepare_writing(self, docnames: Set[str]) -> None:
        if not self.consistency_checked:  # report the archive-wide errors (duplicates) again
            self.env.check_consistency()
        self.docsettings = get_default_settings(HTMLWriter)
        for key, value in self.env.settings.items():
            setattr(self.docsettings, key, value)
        self.docsettings.initial_header_level = 2
        # pages are fragments: no stylesheets to look up on disk for every page's translator
        self.docsettings.stylesheet = self.docsettings.stylesheet_path = ""

    def write_documents(self, docnames: Set[str]) -> None:
        terms = packaged_terms(catalogue_of(self.env), self.config)
        self.courses = [self.render_course(term) for term in terms]

    def finish(self) -> None:
        errors = problems(self.env)
        for course in self.courses:
            self.write_course(course, errors)

    def write_course(self, course: Course, errors: list[str]) -> None:
        """Write and check one term's package (none when the build had errors)."""
        flavour = self.flavour
        outdir = Path(self.outdir)
        target = outdir / flavour.package_name(course)
        extra = {package.file_name(course): package for package in flavour.extra_packages}
        for name in extra:  # written again below only if this build's package passes
            (outdir / name).unlink(missing_ok=True)
        if errors:
            self.refuse(target, errors, also=sorted(extra))
            return
        version = flavour.version(self.config.interrogations_lms_cc_version)
        write_package(target, flavour.package_files(course, version))
        schemas = find_schemas(self.confdir, self.config.interrogations_lms_schema_dir)
        check_package(target, version, schemas, flavour.checks, self.name)
        for name, package in extra.items():
            (outdir / name).write_bytes(package.package_bytes(course))

    def refuse(self, package: Path, errors: list[str], also: list[str]) -> None:
        """Write no package from a broken build; remove the one an earlier build left.

        ``also`` names the flavour's other packages, not written either (removed already).
        """
        package.unlink(missing_ok=True)
        self.refused = True
        logger.error("%s", refusal(" and ".join([package.name, *also]), errors))

    # -- the renderer's document I/O (see rendering.fragments.DocumentIO) ------------------

    def resolved_doctree(self, docname: str) -> nodes.document:
        doctree = self.env.get_and_resolve_doctree(docname, self, tags=self.tags)
        self.post_process_images(doctree)
        self.note_citations(docname, doctree)
        return doctree

    def new_document(self, docname: str) -> nodes.document:
        return new_document(str(self.env.doc2path(docname)), self.docsettings)

    def render(self, document: nodes.document, docname: str) -> str:
        self.current_docname = docname
        self.fignumbers = self.env.toc_fignumbers.get(docname, {})
        translator = self.create_translator(document, self)
        document.walkabout(translator)
        return "".join(translator.fragment)

    def target_uri(self, docname: str) -> str:
        return self.get_target_uri(docname)

    def docname_of(self, uri: str) -> str:
        return unquote(uri.removesuffix(LINK_SUFFIX))

    def citation(self, docname: str, anchor: str) -> nodes.citation | None:
        defined = self.env.domains.citation_domain.citations.values()
        if not any(doc == docname and labelid == anchor for doc, labelid, _ in defined):
            return None
        if docname not in self.citations:  # a document no page is made of
            doctree = self.env.get_and_resolve_doctree(docname, self, tags=self.tags)
            self.note_citations(docname, doctree)
        return self.citations[docname].get(anchor)

    def note_citations(self, docname: str, doctree: nodes.document) -> None:
        """Keep copies of a resolved doctree's citations (its nodes move into pages)."""
        found = doctree.findall(nodes.citation)
        self.citations[docname] = {name: note.deepcopy() for note in found for name in note["ids"]}

    def post_process_images(self, doctree: nodes.Node) -> None:
        super().post_process_images(doctree)
        for source in self.images:
            if source not in self.asset_paths:
                taken = set(self.asset_paths.values())
                self.asset_paths[source] = asset_file(self.images[source], taken)
            self.images[source] = posixpath.basename(self.asset_paths[source])

    # -- the course -----------------------------------------------------------------------

    def render_course(self, term: Term) -> Course:
        """Render one term's weeks and its About page (the term's page, or the archive's root
        for the implicit term), and make its course model."""
        settings = CourseSettings.of(self.config)
        layout = PackageLayout(catalogue_of(self.env).of_term(term.key), settings.page_per_week)
        weeks = layout.catalogue.weeks()
        renderer = PageRenderer(self, self.archive, layout)
        root_doc = term.docname or self.config.root_doc
        about_anchor = course_anchor(ABOUT_ANCHOR, term.prefix)
        pages = layout.page_map(weeks, root_doc, about_anchor)
        renderer.use_policy(self.flavour.link_policy(pages, self.archive))
        rendered = [
            renderer.render_week(week)
            for week in status_iterator(
                weeks,
                _("rendering LMS pages... "),
                "darkgreen",
                len(weeks),
                self.config.verbosity,
                stringify_func=lambda week: week.docname,
            )
        ]
        root = self.resolved_doctree(root_doc) if root_doc in self.env.found_docs else None
        about = renderer.render_about(
            root_doc, root, weeks, settings.description, settings.licence, about_anchor
        )
        archive_url = self.archive(Target(root_doc, ""))
        assets = read_assets(Path(self.srcdir), self.asset_paths)
        return make_course(settings, about, rendered, archive_url, assets, term)


class CanvasBuilder(PackageBuilder):
    """Canvas: CC 1.1 with Canvas's course-export files (Pages in Modules)."""

    name = "canvas"
    epilog = _("The Canvas package is in %(outdir)s.")
    flavour = CANVAS


class MoodleBuilder(PackageBuilder):
    """Moodle: plain CC 1.1 and a native course backup (``.mbz``) of the same course."""

    name = "moodle"
    epilog = _("The Moodle packages (.mbz and .imscc) are in %(outdir)s.")
    flavour = MOODLE


class CommonCartridgeBuilder(PackageBuilder):
    """Generic Common Cartridge (1.1 or 1.3) for other LMSs, laid out like the Moodle one."""

    name = "imscc"
    epilog = _("The Common Cartridge package is in %(outdir)s.")
    flavour = COMMON_CARTRIDGE


BUILDERS: tuple[type[PackageBuilder], ...] = (CanvasBuilder, MoodleBuilder, CommonCartridgeBuilder)


def fail_refused_build(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: a refused package fails the build (exit status 1), even without -W."""
    if isinstance(app.builder, PackageBuilder) and app.builder.refused:
        app.statuscode = 1


def note_consistency_checked(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: the package builder need not check again."""
    if isinstance(app.builder, PackageBuilder):
        app.builder.consistency_checked = True
