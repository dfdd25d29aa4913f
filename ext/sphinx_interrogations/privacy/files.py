"""File names in a public build: no student's name in a page, image or download file name.

A page's file name is its docname, which Sphinx puts into URLs, ``anchors.json``, the indices,
the search index and package paths, and which Sphinx cannot rename: a page whose file name
holds a student's name is refused (a located error naming the file) and left out of the build.
Images and downloads are copied under a name made from a hash of their content
(``img-3f2a….png``), whatever they were called, so no file name reaches the output. Files the
site copies as they are (``html_static_path``, ``html_extra_path``) cannot be renamed either:
one named after a student stops the build.
"""

from __future__ import annotations

import glob
import hashlib
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util._pathlib import _StrPath

from .public_build import privacy_for

logger = logging.getLogger(__name__)

#: Configuration values naming files the site copies under their own names.
COPIED_AS_THEY_ARE = ("html_static_path", "html_extra_path")
#: Hex digits of the content hash naming a published image or download.
HASH_DIGITS = 16


def refuse_named_documents(app: Sphinx) -> None:
    """``builder-inited``: leave out, with a located error, every page whose file name holds
    a student's name (added to ``exclude_patterns`` before Sphinx looks for documents)."""
    config = app.config
    if not config.interrogations_public:
        return
    privacy = privacy_for(config)
    excluded = [*config.exclude_patterns, *config.templates_path, *app.builder.get_asset_paths()]
    found = app.project.discover(excluded, config.include_patterns)
    for docname in sorted(found):
        names = privacy.names_in_address(docname)
        if not names:
            continue
        path = app.project.doc2path(docname, absolute=False)
        logger.error(
            "the file name %r holds a student's name (%s): it would be published in URLs, "
            "indices and the search index, and a page cannot be renamed by the build; this "
            "page is left out of the public build. Rename the file (and its toctree entries)",
            str(path),
            ", ".join(repr(name) for name in names),
            location=(docname, None),
            type="seminar",
            subtype="privacy",
        )
        config.exclude_patterns = [*config.exclude_patterns, glob.escape(Path(path).as_posix())]


def refuse_named_assets(app: Sphinx) -> None:
    """``builder-inited``: a file copied as it is into the site (``html_static_path``,
    ``html_extra_path``) whose name holds a student's name stops the public build."""
    config = app.config
    if not config.interrogations_public:
        return
    privacy = privacy_for(config)
    for option in COPIED_AS_THEY_ARE:
        for folder in getattr(config, option, ()):
            root = Path(app.confdir, folder)
            if not root.is_relative_to(app.confdir):  # an extension's own (sphinx-design's)
                continue
            files = sorted(root.rglob("*")) if root.is_dir() else [root]
            for path in files:
                relative = path.relative_to(app.confdir).as_posix()
                if names := privacy.names_in_address(path.relative_to(root.parent).as_posix()):
                    raise ConfigError(
                        f"{option}: the file name {relative!r} holds a student's name "
                        f"({', '.join(map(repr, names))}): it would be published as it is; "
                        "rename it"
                    )


def content_digest(source: Path) -> str:
    """A hash of the file's content: names the published copy, tells nothing of its name."""
    return hashlib.sha256(source.read_bytes()).hexdigest()[:HASH_DIGITS]


def hashed_name(source: Path, prefix: str) -> str:
    """``prefix-<content digest>.<suffix>``."""
    return f"{prefix}-{content_digest(source)}{source.suffix.lower()}"


def hash_file_names(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: publish every image and download under a hashed name."""
    if not app.config.interrogations_public:
        return
    srcdir = Path(app.srcdir)
    for image, (docnames, _name) in list(env.images.items()):
        env.images[image] = (docnames, hashed_name(srcdir / image, "img"))
    for download, (docnames, _dest) in list(env.dlfiles.items()):
        env.dlfiles[download] = (docnames, _download_dest(srcdir, Path(download)))


def hash_download_references(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: point each download reference at its file's hashed name."""
    if not app.config.interrogations_public:
        return
    env = app.env
    sources = {dest.as_posix(): source for source, (_docs, dest) in env.dlfiles.items()}
    for reference in doctree.findall(addnodes.download_reference):
        source = sources.get(reference.get("filename", ""))
        if source is not None:
            dest = _download_dest(Path(app.srcdir), Path(source))
            env.dlfiles[source] = (env.dlfiles[source][0], dest)
            reference["filename"] = dest.as_posix()


def _download_dest(srcdir: Path, source: Path) -> _StrPath:
    """``<digest>/file-<digest>.<suffix>``, as Sphinx's own download paths (``_StrPath``:
    Sphinx calls ``as_posix()`` on what it stored)."""
    return _StrPath(content_digest(srcdir / source), hashed_name(srcdir / source, "file"))


def connect_public_files(app: Sphinx) -> None:
    """Connect the handlers keeping names out of a public build's file names."""
    app.connect("builder-inited", refuse_named_assets)
    app.connect("builder-inited", refuse_named_documents)
    app.connect("doctree-read", hash_download_references, priority=600)
    app.connect("env-updated", hash_file_names)
