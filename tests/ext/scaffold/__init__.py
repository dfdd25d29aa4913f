"""Tests of ``interrogations-new`` (ext/sphinx_interrogations/scaffold)."""

import sys
from pathlib import Path

#: The installed command, beside this environment's Python.
COMMAND = Path(sys.executable).with_name("interrogations-new")
