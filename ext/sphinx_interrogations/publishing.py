"""Published anchors are a contract: every build checks the anchor lock; HTML adds redirects.

The check runs on ``env-updated``, on every build (also when nothing was re-read), after the
documents of parallel readers are merged. A locked anchor that is neither an id nor an alias
any more is a located error, and the build fails (the output is still written, so the registry
can be inspected).
"""

from __future__ import annotations

import functools
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from . import lock, redirects
from .address import PUBLISHING_BUILDERS, Site
from .i18n import _
from .store import catalogue_of

logger = logging.getLogger(__name__)


def read_lock(app: Sphinx) -> tuple[Path, lock.Lock] | None:
    """The configured lock file and its entries; ``None`` when disabled or not written yet."""
    name = app.config.interrogations_anchor_lock
    if not name:
        return None
    path = Path(app.confdir, name)
    if not path.is_file():
        logger.info("no anchor lock at %s yet: nothing to check", path)
        return None
    return path, lock.read(path)


def current_docnames(env: BuildEnvironment) -> dict[str, str]:
    """Every week id, object id and alias built now -> its docname."""
    return dict(catalogue_of(env).anchors())


def check_published_anchors(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: report every locked anchor that is gone, and fail the build."""
    loaded = read_lock(app)
    if loaded is None:
        return
    path, entries = loaded
    gone = lock.missing(entries, set(current_docnames(env)))
    lock_lines = path.read_text(encoding="utf-8").splitlines() if gone else []
    for anchor in gone:
        entry = entries[anchor]
        line = next((n for n, text in enumerate(lock_lines, 1) if f'"{anchor}":' in text), 1)
        where = (entry.docname, None) if entry.docname in env.found_docs else f"{path}:{line}"
        logger.error(
            "published anchor %r is gone: %s locks it as the %s at %s (document %r). Restore "
            "it, add it to the :aliases: of the object that replaces it, or unpublish it on "
            "purpose by updating the lock (python -m sphinx_interrogations.lock update)",
            anchor,
            path,
            entry.kind,
            entry.url,
            entry.docname,
            location=where,
            type="seminar",
            subtype="anchor-lock",
        )
    if gone:
        app.statuscode = 1  # the build fails (exit status 1) even without -W, as linkcheck's does


def write_redirects(app: Sphinx, error: Exception | None) -> None:
    """``build-finished``: a redirect page at every locked page that this build no longer has."""
    builder = app.builder
    if error is not None or builder.name not in PUBLISHING_BUILDERS:
        return
    loaded = read_lock(app)
    if loaded is None:
        return
    _path, entries = loaded
    for redirect in redirects.plan(entries, current_docnames(app.env), app.env.found_docs):
        page = redirects.render(
            redirect,
            functools.partial(Site.of(app.config, builder.name).relative, redirect.old_docname),
            app.config.language or "en",
            title=str(_("Page moved")),
            message=str(_("This page has moved to")),
        )
        target = Path(builder.get_outfilename(redirect.old_docname))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
