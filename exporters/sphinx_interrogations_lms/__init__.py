"""Canvas and Moodle (and generic Common Cartridge) packages of the archive, as Sphinx builders.

``extensions = ["sphinx_interrogations_lms"]`` adds the builders ``canvas``, ``moodle`` and
``imscc``; each writes ``<outdir>/<course-slug>.imscc`` and validates it. The Common Cartridge
core (:mod:`.cartridge`, :mod:`.package`, :mod:`.validate`) does not import Sphinx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the LMS builders (and the archive extension they render)."""
    from . import build_errors, config, doctrees, public
    from .builders import BUILDERS, fail_refused_build, note_consistency_checked

    app.setup_extension("sphinx_interrogations")
    config.register(app)
    for builder in BUILDERS:
        app.add_builder(builder)
    build_errors.connect(app)
    doctrees.connect(app)
    app.connect("env-check-consistency", note_consistency_checked)
    app.connect("build-finished", fail_refused_build)
    app.connect(public.PUBLIC_BUILD_EVENT, public.public_overrides)
    return {
        "version": __version__,
        # what the builders note in the environment (errors, ids): a change re-reads every document
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
