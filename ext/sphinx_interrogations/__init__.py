"""Sphinx extension for a seminar's weekly interrogations and instructor responses.

Importing the package does not import Sphinx (the importer uses :mod:`.ids` on its own);
Sphinx calls :func:`setup`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the extension with Sphinx."""
    from .extension import register

    register(app)
    return {
        "version": __version__,
        "env_version": 4,  # 4: read-time problems stored with their level
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
