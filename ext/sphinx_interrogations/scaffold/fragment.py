"""``python -m sphinx_interrogations.scaffold.fragment``: the make line including archive.mk.

A new archive's Makefile writes this line to ``.venv/archive.mk`` once the package is installed,
so that it includes the installed package's targets rather than a copy of them.
"""

from __future__ import annotations

import sys

from . import FRAGMENT


def include_line() -> str:
    """The make directive that includes the installed :data:`~.FRAGMENT`.

    Raises :class:`ValueError` for a path make cannot include (one with white space).
    """
    if any(char.isspace() for char in str(FRAGMENT)):
        raise ValueError(f"make cannot include a file whose path has spaces: {FRAGMENT}")
    return f"include {FRAGMENT}\n"


if __name__ == "__main__":
    try:
        sys.stdout.write(include_line())
    except ValueError as error:
        sys.exit(f"error: {error}")
