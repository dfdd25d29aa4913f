"""A new archive in one command: ``interrogations-new PATH --course NAME --term KEY``.

The archive it writes depends on the installed package and carries no copy of it: its Makefile
includes :data:`FRAGMENT`, the make targets every archive shares (this project's Makefile
includes the same file), and its ``requirements.txt`` names the package to install. Nothing here
imports Sphinx until files are written.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
#: The make targets shared by every archive: build, export, import, lock, clean.
FRAGMENT = HERE / "archive.mk"
#: The files of a new archive, as Jinja2 templates.
TEMPLATES = HERE / "templates"
