"""``python -m sphinx_interrogations.scaffold.language [CONFDIR]``: the archive's language.

Prints the ``language`` that ``CONFDIR/conf.py`` (default: the current folder) sets, as Sphinx
reads it (``en`` when unset), so that the system-packages target can add TeX's support for it.
"""

from __future__ import annotations

import sys
from pathlib import Path


def configured_language(confdir: Path) -> str:
    """The language Sphinx builds the archive in ``confdir`` with."""
    from sphinx.config import Config
    from sphinx.util.tags import Tags

    config = Config.read(confdir, overrides={}, tags=Tags())
    return config.language or "en"


if __name__ == "__main__":
    print(configured_language(Path(sys.argv[1] if len(sys.argv) > 1 else ".")))
