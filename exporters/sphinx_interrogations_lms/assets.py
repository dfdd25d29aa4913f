"""Images in a package: their safe file names, and which of them a rendered page shows."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from lxml import html

from sphinx_interrogations.ids import slug

ASSET_FOLDER = "web_resources/img"


def safe_asset_name(name: str, taken: set[str]) -> str:
    """A lowercase ASCII file name for an image, not among the ``taken`` names."""
    path = PurePosixPath(name)
    stem = slug(path.stem) or "image"
    suffix = path.suffix.lower()
    candidate, counter = f"{stem}{suffix}", 1
    while candidate in taken:
        counter += 1
        candidate = f"{stem}-{counter}{suffix}"
    return candidate


def assets_in(body: str, page_folder: str) -> tuple[str, ...]:
    """Zip paths of the package images a page rendered into ``page_folder`` shows."""
    if "<img" not in body:
        return ()
    tree = html.fragment_fromstring(body, create_parent="div")
    sources = (
        posixpath.normpath(posixpath.join(page_folder, src)) for src in tree.xpath("//img/@src")
    )
    return tuple(sorted({src for src in sources if src.startswith(f"{ASSET_FOLDER}/")}))


def read_assets(srcdir: Path, asset_names: Mapping[str, str]) -> dict[str, bytes]:
    """Zip path -> content of every image (source path -> asset name) under ``srcdir``."""
    return {
        f"{ASSET_FOLDER}/{name}": (srcdir / source).read_bytes()
        for source, name in asset_names.items()
    }
