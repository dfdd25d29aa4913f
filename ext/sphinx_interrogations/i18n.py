"""Translatable labels of the extension."""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation

MESSAGE_CATALOG = "sphinx_interrogations"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(MESSAGE_CATALOG)
