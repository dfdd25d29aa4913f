"""Wiring: registers the domain, directives, nodes, visitors, assets and event handlers."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.util.fileutil import copy_asset_file

from . import (
    book,
    build_health,
    cite,
    config,
    config_checks,
    gc_freeze,
    html,
    latex,
    latex_books,
    meta,
    navigation,
    publishing,
    registry,
    source_text,
    terms,
)
from .conditionals import RefuseConditionalItems
from .domain import SeminarDomain
from .errors import report_designed_errors_plainly
from .i18n import LOCALE_DIR, MESSAGE_CATALOG
from .layout import LAYOUT_EVENT
from .nodes import ALL_NODES
from .privacy.files import connect_public_files
from .privacy.notes import RenameNamedLabels
from .privacy.public_build import PUBLIC_BUILD_EVENT, prepare_public_build
from .privacy.transform import ScrubNames
from .sanitize import SanitizeUntrustedText
from .user_classes import RemoveReservedClasses

STATIC = Path(__file__).parent / "static"
CSS_FILE = "sphinx_interrogations.css"
JS_FILE = "sphinx_interrogations.js"
LATEX_PACKAGE = "sphinxseminar"


def register(app: Sphinx) -> None:
    """Add everything the extension provides to ``app``."""
    app.setup_extension("sphinx_design")
    report_designed_errors_plainly()
    config.register(app)
    app.add_event(LAYOUT_EVENT)
    app.connect("config-inited", config_checks.check_config, priority=400)
    app.connect("config-inited", terms.check_selected_term)
    app.connect("config-inited", latex_books.fill_latex_documents)
    source_text.connect(app)
    build_health.connect(app)
    gc_freeze.connect(app)
    app.add_domain(SeminarDomain)
    for name, directive in SeminarDomain.directives.items():
        app.add_directive(name, directive)
    for node in ALL_NODES:
        app.add_node(node, html=html.HANDLERS[node], latex=latex.HANDLERS[node])
    navigation.register(app)
    book.register(app)
    app.add_transform(SanitizeUntrustedText)
    app.add_transform(RefuseConditionalItems)
    app.add_transform(RemoveReservedClasses)
    app.add_event(PUBLIC_BUILD_EVENT)
    app.add_transform(RenameNamedLabels)
    app.add_transform(ScrubNames)
    app.connect("config-inited", prepare_public_build)
    connect_public_files(app)
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
    app.add_css_file(CSS_FILE)
    app.add_js_file(JS_FILE, loading_method="defer")
    app.add_css_file(cite.STYLESHEET)
    app.add_js_file(cite.SCRIPT, loading_method="defer")
    app.add_latex_package(LATEX_PACKAGE)
    app.connect("env-get-outdated", outdated_by_changed_targets)
    app.connect("build-finished", copy_assets)
    app.connect("env-updated", publishing.check_published_anchors)
    app.connect("html-page-context", meta.add_citation_meta)
    app.connect("build-finished", registry.write_registry)
    app.connect("build-finished", publishing.write_redirects)


def outdated_by_changed_targets(
    app: Sphinx,
    env: BuildEnvironment,
    added: set[str],
    changed: set[str],
    removed: set[str],
) -> list[str]:
    """Re-write pages that link to objects of changed or removed pages (their link text moves)."""
    domain = env.domains[SeminarDomain.name]
    assert isinstance(domain, SeminarDomain)
    return sorted(domain.referencing_docs(changed | removed))


def copy_assets(app: Sphinx, error: Exception | None) -> None:
    """Copy the stylesheets and script (HTML builders) or the LaTeX package (LaTeX builder).

    ``force``: an asset changed since the last build replaces the old copy (no warning).
    """
    if error is not None:
        return
    builder = app.builder
    if isinstance(builder, StandaloneHTMLBuilder):
        for asset in (CSS_FILE, JS_FILE, cite.STYLESHEET, cite.SCRIPT):
            copy_asset_file(STATIC / asset, Path(builder.outdir) / "_static", force=True)
    elif builder.format == "latex":
        copy_asset_file(STATIC / f"{LATEX_PACKAGE}.sty", Path(builder.outdir), force=True)
