"""The ``canvas``, ``moodle`` and ``imscc`` builders: one shared base, one package each.

The base renders every week from its resolved doctree with :class:`.PackageTranslator` (the
same content, numbering and references as the HTML archive), points cross-references where
the flavour's :mod:`.links` policy says, hands the pages to the flavour, writes the package
deterministically and validates it; any problem is a build error naming what and where.
No package is written from a build that reported errors: a package build reads every
document again (so errors cached by an earlier build are reported again), then the builder
names each error, removes the package an earlier build left, and fails the build.
"""

from __future__ import annotations

import copy
import posixpath
from collections.abc import Iterable, Set
from pathlib import Path, PurePosixPath
from typing import ClassVar

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.utils import new_document
from lxml import html
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.errors import SphinxError
from sphinx.highlighting import PygmentsBridge
from sphinx.util import logging
from sphinx.util.display import status_iterator
from sphinx.writers.html import HTMLWriter

from sphinx_interrogations.domain import SeminarDomain
from sphinx_interrogations.domain import week_label as week_title
from sphinx_interrogations.i18n import _
from sphinx_interrogations.ids import slug
from sphinx_interrogations.nodes import interrogation, question
from sphinx_interrogations.records import WeekRecord

from . import canvas, moodle
from .build_errors import ErrorLog
from .cartridge import CC11, VERSIONS, CCVersion, Metadata
from .course import Course, Page, Week
from .links import (
    Archive,
    LinkPolicy,
    PageMap,
    Target,
    archive_policy,
    canvas_policy,
    rewrite_references,
)
from .package import write_package
from .render import EXTENSION_NODE_NAMES, PackageTranslator
from .schemas import SchemaSet
from .validate import ExtraCheck, validate_package

logger = logging.getLogger(__name__)

ASSET_FOLDER = "web_resources/img"
ABOUT_ANCHOR = "about"
#: words of the question used as a page title when the interrogation has no :title:
TITLE_WORDS = 8


class PackageError(SphinxError):
    """The written package failed its checks."""

    category = "LMS package error"


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
    #: what the flavour adds to the generic checks
    extra_checks: ClassVar[tuple[ExtraCheck, ...]] = ()

    def init(self) -> None:
        self.highlighter = PygmentsBridge("html", self.config.pygments_style or "sphinx")
        self.secnumbers: dict[str, tuple[int, ...]] = {}
        self.fignumbers: dict[str, dict[str, tuple[int, ...]]] = {}
        self.imgpath = posixpath.relpath(ASSET_FOLDER, self.page_folder)
        self.dlpath = ""
        self.current_docname = ""
        self.archive = Archive(self.config.html_baseurl, self.config.html_file_suffix or ".html")
        self.course: Course | None = None
        self.asset_names: dict[str, str] = {}
        self.error_log = ErrorLog(self.env).attach()
        #: the package was not written because the build had errors
        self.refused = False

    # -- flavour hooks ------------------------------------------------------------------

    @property
    def cc_version(self) -> CCVersion:
        return CC11

    @property
    def page_folder(self) -> str:
        raise NotImplementedError

    def link_policy(self, pages: PageMap) -> LinkPolicy:
        raise NotImplementedError

    def package_files(self, course: Course) -> dict[str, bytes]:
        raise NotImplementedError

    # -- Builder API --------------------------------------------------------------------

    def get_outdated_docs(self) -> str:
        return "all documents"  # a package always holds the whole course

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return docname + self.archive.suffix

    def docname_of(self, uri: str) -> str:
        """The docname a target URI of this builder names."""
        return uri.removesuffix(self.archive.suffix)

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self.get_target_uri(to)  # site-relative, so references map back to docnames

    def create_translator(self, *args: object) -> nodes.NodeVisitor:
        translator = super().create_translator(*args)
        for name in EXTENSION_NODE_NAMES:  # the theme's visitors give way to semantic HTML
            vars(translator).pop(f"visit_{name}", None)
            vars(translator).pop(f"depart_{name}", None)
        return translator

    def prepare_writing(self, docnames: Set[str]) -> None:
        self.docsettings = get_default_settings(HTMLWriter)
        for key, value in self.env.settings.items():
            setattr(self.docsettings, key, value)
        self.docsettings.initial_header_level = 2

    def write_documents(self, docnames: Set[str]) -> None:
        self.course = self.collect_course()

    def finish(self) -> None:
        errors = self.error_log.detach()
        if self.course is None:
            return
        target = Path(self.outdir) / f"{self.course.slug}.imscc"
        if errors:
            self.refuse(target, errors)
            return
        write_package(target, self.package_files(self.course))
        self.check(target)

    # -- the course ---------------------------------------------------------------------

    @property
    def domain(self) -> SeminarDomain:
        domain = self.env.domains["seminar"]
        assert isinstance(domain, SeminarDomain)
        return domain

    def overview_anchor(self, record: WeekRecord) -> str:
        """The page standing for a week: its overview, or the whole week in one page."""
        if self.config.interrogations_lms_page_per_week:
            return record.anchor
        return f"{record.anchor}-overview"

    def page_map(self, weeks: list[WeekRecord]) -> PageMap:
        """Which page holds every id of every week document (read from unresolved doctrees)."""
        anchors: dict[str, str] = {}
        documents = {self.config.root_doc: ABOUT_ANCHOR}
        heads = {record.anchor for record in weeks}
        per_week = self.config.interrogations_lms_page_per_week
        for record in weeks:
            overview = self.overview_anchor(record)
            documents[record.docname] = overview
            doctree = self.env.get_doctree(record.docname)
            for node in doctree.findall(nodes.Element):
                for anchor in node.get("ids", []):
                    anchors.setdefault(anchor, overview)
            for node in doctree.findall(interrogation):
                page = overview if per_week else node["ids"][0]
                heads.update([] if per_week else node["ids"])
                for inner in node.findall(nodes.Element):
                    for anchor in inner.get("ids", []):
                        anchors[anchor] = page
        return PageMap(anchors, documents, frozenset(heads))

    def collect_course(self) -> Course:
        weeks = self.domain.weeks()
        self.policy = self.link_policy(self.page_map(weeks))
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
            archive_url=self.archive.url(Target(config.root_doc, "")),
            archive_title=_("The full archive (web)"),
            weeks=tuple(rendered),
            assets=self.collect_assets(),
        )

    def render_week(self, record: WeekRecord) -> Week:
        docname = record.docname
        doctree = self.env.get_and_resolve_doctree(docname, self, tags=self.tags)
        self.post_process_images(doctree)
        self.fignumbers = self.env.toc_fignumbers.get(docname, {})
        title = week_title(record)
        week_target = Target(docname, record.anchor)
        items = list(doctree.findall(interrogation))
        listing = reference_list(
            (f"{self.get_target_uri(docname)}#{node['ids'][0]}", interrogation_title(node))
            for node in items
        )
        overview_anchor = self.overview_anchor(record)
        if self.config.interrogations_lms_page_per_week:
            pages = [self.render_page(overview_anchor, title, page_content(doctree), week_target)]
        else:
            pages = [
                self.render_page(
                    node["ids"][0],
                    interrogation_title(node),
                    [node],
                    Target(docname, node["ids"][0]),
                )
                for node in items
            ]
        for node in items:
            node.parent.remove(node)
        overview = self.render_page(
            overview_anchor,
            _("Week %d overview") % record.number,
            [*page_content(doctree), listing],
            week_target,
        )
        if not self.config.interrogations_lms_page_per_week:
            pages.insert(0, overview)
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
            doctree = self.env.get_and_resolve_doctree(root, self, tags=self.tags)
            self.post_process_images(doctree)
            for toctree in list(doctree.findall(nodes.compound)):
                if "toctree-wrapper" in toctree["classes"]:
                    toctree.parent.remove(toctree)
            content += page_content(doctree)
        content.append(
            reference_list(
                (f"{self.get_target_uri(w.docname)}#{w.anchor}", week_title(w)) for w in weeks
            )
        )
        if metadata.licence:
            content.append(nodes.paragraph("", _("Licence: %s") % metadata.licence))
        return self.render_page(ABOUT_ANCHOR, _("About this archive"), content, Target(root, ""))

    def render_page(
        self, anchor: str, title: str, content: list[nodes.Node], canonical: Target
    ) -> Page:
        """Render ``content`` as the body of the package page ``anchor``.

        ``canonical`` is where the content lives in the archive: the page links there when
        the archive is published, and references are resolved from its document.
        """
        docname = canonical.docname
        self.current_docname = docname
        document = new_document(str(self.env.doc2path(docname)), self.docsettings)
        document.extend(copy.deepcopy(node) for node in content)
        url = self.archive.url(canonical)
        if url:
            reference = nodes.reference("", _("This page in the web archive"), refuri=url)
            document += nodes.paragraph("", "", reference)
        rewrite_references(
            document,
            docname,
            lambda uri: uri.removesuffix(self.archive.suffix),
            self.policy,
            anchor,
        )
        translator = self.create_translator(document, self)
        document.walkabout(translator)
        body = "".join(translator.fragment)
        return Page(anchor, title, body, self.assets_in(body))

    # -- images -------------------------------------------------------------------------

    def post_process_images(self, doctree: nodes.Node) -> None:
        super().post_process_images(doctree)
        for source, name in self.images.items():
            if source not in self.asset_names:
                self.asset_names[source] = self.safe_asset_name(name)
            self.images[source] = self.asset_names[source]

    def safe_asset_name(self, name: str) -> str:
        """A lowercase ASCII file name for an image, unique in the package."""
        path = PurePosixPath(name)
        stem = slug(path.stem) or "image"
        suffix = path.suffix.lower()
        taken = set(self.asset_names.values())
        candidate, counter = f"{stem}{suffix}", 1
        while candidate in taken:
            counter += 1
            candidate = f"{stem}-{counter}{suffix}"
        return candidate

    def assets_in(self, body: str) -> tuple[str, ...]:
        """Zip paths of the package images a rendered page shows."""
        if "<img" not in body:
            return ()
        tree = html.fragment_fromstring(body, create_parent="div")
        sources = (
            posixpath.normpath(posixpath.join(self.page_folder, src))
            for src in tree.xpath("//img/@src")
        )
        return tuple(sorted({src for src in sources if src.startswith(f"{ASSET_FOLDER}/")}))

    def collect_assets(self) -> dict[str, bytes]:
        return {
            f"{ASSET_FOLDER}/{name}": (Path(self.srcdir) / source).read_bytes()
            for source, name in self.asset_names.items()
        }

    # -- checking -----------------------------------------------------------------------

    def schema_set(self) -> SchemaSet | None:
        """The XSDs to validate with, or None (with a warning saying so) when absent."""
        configured = self.config.interrogations_lms_schema_dir
        directory = Path(self.confdir, configured or "../shared/schemas").resolve()
        if (directory / "1.1").is_dir():
            return SchemaSet(directory)
        logger.warning(
            "Common Cartridge schemas not found in %s: the %s package is checked WITHOUT "
            "the XSDs (set interrogations_lms_schema_dir)",
            directory,
            self.name,
            type="interrogations_lms",
            subtype="schemas",
        )
        return None

    def refuse(self, package: Path, errors: list[str]) -> None:
        """Write no package from a build with errors; remove the one an earlier build left."""
        package.unlink(missing_ok=True)
        self.refused = True
        logger.error(
            "%s not written: the build reported %d error(s); fix them and build again:%s",
            package.name,
            len(errors),
            "".join(f"\n  {error}" for error in errors),
        )

    def check(self, package: Path) -> None:
        """Validate the written package; on failure log each problem and raise."""
        problems = validate_package(package, self.cc_version, self.schema_set(), self.extra_checks)
        if not problems:
            return
        for problem in problems:
            logger.error("%s: %s", package.name, problem)
        rejected = package.with_name(package.name + ".invalid")
        package.replace(rejected)
        raise PackageError(
            f"{len(problems)} problem(s) in the {self.name} package; kept as {rejected}"
        )


class CanvasBuilder(PackageBuilder):
    """Canvas: CC 1.1 with Canvas's course-export files (Pages in Modules)."""

    name = "canvas"
    epilog = _("The Canvas package is in %(outdir)s.")
    extra_checks = (canvas.check_canvas_extras,)

    @property
    def page_folder(self) -> str:
        return canvas.WIKI_FOLDER

    def link_policy(self, pages: PageMap) -> LinkPolicy:
        return canvas_policy(pages, self.archive)

    def package_files(self, course: Course) -> dict[str, bytes]:
        return canvas.canvas_files(course, self.cc_version)


class MoodleBuilder(PackageBuilder):
    """Moodle: plain CC 1.1; links go to the published archive or become text."""

    name = "moodle"
    epilog = _("The Moodle package is in %(outdir)s.")

    @property
    def page_folder(self) -> str:
        return moodle.PAGE_FOLDER

    def link_policy(self, pages: PageMap) -> LinkPolicy:
        return archive_policy(self.archive)

    def package_files(self, course: Course) -> dict[str, bytes]:
        return moodle.moodle_files(course, self.cc_version)


class CommonCartridgeBuilder(MoodleBuilder):
    """Generic Common Cartridge (1.1 or 1.3) for other LMSs, laid out like the Moodle one."""

    name = "imscc"
    epilog = _("The Common Cartridge package is in %(outdir)s.")

    @property
    def cc_version(self) -> CCVersion:
        version = self.config.interrogations_lms_cc_version
        if version not in VERSIONS:
            raise SphinxError(
                f"interrogations_lms_cc_version must be one of {sorted(VERSIONS)}, not {version!r}"
            )
        return VERSIONS[version]


BUILDERS: tuple[type[PackageBuilder], ...] = (CanvasBuilder, MoodleBuilder, CommonCartridgeBuilder)


def fail_refused_build(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: a refused package fails the build (exit status 1), even without -W."""
    if isinstance(app.builder, PackageBuilder) and app.builder.refused:
        app.statuscode = 1


def read_every_document(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: a package build reads every document, so it sees every error."""
    if isinstance(app.builder, PackageBuilder):
        return sorted(env.found_docs - added - changed)
    return []
