"""Images in a package: which of them a rendered page shows, and their content."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from pathlib import Path

from lxml import html

from sphinx_interrogations.identity import ASSET_FOLDER


def assets_in(body: str, page_folder: str) -> tuple[str, ...]:
    """Zip paths of the package images a page rendered into ``page_folder`` shows."""
    if "<img" not in body:
        return ()
    tree = html.fragment_fromstring(body, create_parent="div")
    sources = (
        posixpath.normpath(posixpath.join(page_folder, src)) for src in tree.xpath("//img/@src")
    )
    return tuple(sorted({src for src in sources if src.startswith(f"{ASSET_FOLDER}/")}))


def read_assets(srcdir: Path, asset_paths: Mapping[str, str]) -> dict[str, bytes]:
    """Zip path -> content of every image (source path -> zip path) under ``srcdir``."""
    return {path: (srcdir / source).read_bytes() for source, path in asset_paths.items()}
