"""The ``canvas``, ``moodle`` and ``imscc`` builders: one shared base, one package each.

The base has :class:`.CourseCollector` render the course, hands it to the flavour, writes the
package deterministically and checks it (:mod:`.checks`); any problem is a build error naming
what and where. A package build reuses the environment an earlier build left (reading only
what changed), and no package is written from sources with errors: the builder names every
error (those reported when each document was last read, see :mod:`.build_errors`, and those of
this build), removes the package an earlier build left, and fails the build.
"""

from __future__ import annotations

import posixpath
from collections.abc import Set
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.frontend import get_default_settings
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.errors import SphinxError
from sphinx.highlighting import PygmentsBridge
from sphinx.util import logging
from sphinx.writers.html import HTMLWriter

from sphinx_interrogations.i18n import _

from . import canvas, moodle
from .assets import ASSET_FOLDER, read_assets, safe_asset_name
from .build_errors import ErrorLog, read_errors
from .cartridge import CC11, VERSIONS, CCVersion
from .checks import PackageError, check_package, find_schemas
from .collect import CourseCollector
from .course import Course
from .doctrees import interrogation_title
from .links import Archive, LinkPolicy, PageMap, archive_policy, canvas_policy
from .moodle_backup import BackupError, write_backup
from .moodle_backup.from_course import backup_course
from .package import write_package
from .render import EXTENSION_NODE_NAMES, PackageTranslator
from .validate import ExtraCheck

__all__ = [
    "BUILDERS",
    "CanvasBuilder",
    "CommonCartridgeBuilder",
    "MoodleBuilder",
    "PackageBuilder",
    "PackageError",
    "fail_refused_build",
    "interrogation_title",
    "note_consistency_checked",
]

logger = logging.getLogger(__name__)


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
        #: Sphinx checked the environment's consistency in this build (it does if it read)
        self.consistency_checked = False

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
        if not self.consistency_checked:  # report the archive-wide errors (duplicates) again
            self.env.check_consistency()
        self.docsettings = get_default_settings(HTMLWriter)
        for key, value in self.env.settings.items():
            setattr(self.docsettings, key, value)
        self.docsettings.initial_header_level = 2
        # pages are fragments: no stylesheets to look up on disk for every page's translator
        self.docsettings.stylesheet = self.docsettings.stylesheet_path = ""

    def write_documents(self, docnames: Set[str]) -> None:
        self.course = CourseCollector(self).collect()

    def finish(self) -> None:
        errors = read_errors(self.env) + self.error_log.detach()
        if self.course is None:
            return
        target = Path(self.outdir) / f"{self.course.slug}.imscc"
        if errors:
            self.refuse(target, errors)
            return
        write_package(target, self.package_files(self.course))
        schemas = find_schemas(self.confdir, self.config.interrogations_lms_schema_dir, self.name)
        check_package(target, self.cc_version, schemas, self.extra_checks, self.name)

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

    # -- images -------------------------------------------------------------------------

    def post_process_images(self, doctree: nodes.Node) -> None:
        super().post_process_images(doctree)
        for source, name in self.images.items():
            if source not in self.asset_names:
                self.asset_names[source] = safe_asset_name(name, set(self.asset_names.values()))
            self.images[source] = self.asset_names[source]

    def collect_assets(self) -> dict[str, bytes]:
        """Zip path -> content of every image the rendered pages show."""
        return read_assets(Path(self.srcdir), self.asset_names)


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
    """Moodle: plain CC 1.1 (links go to the published archive or become text), and beside it
    the native course backup ``<course>.mbz`` (named sections, links inside the course)."""

    name = "moodle"
    epilog = _("The Moodle package is in %(outdir)s.")
    native_backup = True

    def finish(self) -> None:
        if not self.native_backup or self.course is None:
            super().finish()
            return
        backup = Path(self.outdir) / f"{self.course.slug}.mbz"
        backup.unlink(missing_ok=True)  # never one left from older sources
        super().finish()
        if not self.refused:
            try:
                write_backup(backup_course(self.course), backup)
            except BackupError as error:
                raise PackageError(str(error)) from None

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
    native_backup = False

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


def note_consistency_checked(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: the package builder need not check again."""
    if isinstance(app.builder, PackageBuilder):
        app.builder.consistency_checked = True
