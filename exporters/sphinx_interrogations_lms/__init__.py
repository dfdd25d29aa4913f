"""Canvas and Moodle (and generic Common Cartridge) packages of the archive, as Sphinx builders.

``extensions = ["sphinx_interrogations_lms"]`` adds the builders ``canvas``, ``moodle`` and
``imscc``; each writes ``<outdir>/<course-slug>.imscc`` and validates it. The builders do the
Sphinx I/O (:mod:`.rendering`); one flavour object per LMS (:mod:`.flavours`) holds what
differs; :mod:`.packaging` and :mod:`.validation` write and check packages without Sphinx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

    from .layout import PackageLayout

__version__ = "0.1.0"


def package_layout(app: Sphinx, config: Config) -> PackageLayout:
    """``seminar-lms-layout``: the layout the packages of this configuration have."""
    from sphinx_interrogations.store import catalogue_of

    from .layout import PackageLayout

    return PackageLayout(catalogue_of(app.env), config.interrogations_lms_page_per_week)


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the LMS builders (and the archive extension they render)."""
    from sphinx_interrogations.layout import LAYOUT_EVENT

    from . import config, public
    from .builders import BUILDERS, fail_refused_build, note_consistency_checked

    app.setup_extension("sphinx_interrogations")
    config.register(app)
    for builder in BUILDERS:
        app.add_builder(builder)
    app.connect("env-check-consistency", note_consistency_checked)
    app.connect("build-finished", fail_refused_build)
    app.connect(LAYOUT_EVENT, package_layout)
    app.connect(public.PUBLIC_BUILD_EVENT, public.public_overrides)
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
