"""archive.mk: the targets this project's Makefile and every new archive's Makefile share."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from sphinx_interrogations.scaffold import FRAGMENT
from tests.conftest import REPO

#: What archive.mk gives every archive (the README documents each).
ARCHIVE_TARGETS = {
    "all", "setup", "system-packages", "html", "latex", "pdf", "canvas", "moodle", "public",
    "anchors-lock", "import", "clean",
}
#: What this project's Makefile adds for its developers.
DEVELOPER_TARGETS = {"test", "test-newest-python", "bench", "bench-quick", "lint"}


def rules(makefile: Path) -> dict[str, str]:
    """Every rule in make's database for ``makefile``: target -> prerequisites."""
    database = subprocess.run(
        ["make", "-pRrq", "-f", str(makefile), "--no-print-directory", "no-such-goal"],
        cwd=makefile.parent, capture_output=True, text=True, check=False, timeout=60,
    ).stdout
    found = re.findall(r"^([a-z][a-z-]*):(?!=)(.*)$", database, flags=re.MULTILINE)
    return {target: prerequisites.strip() for target, prerequisites in found}


def test_this_projects_makefile_keeps_every_target() -> None:
    found = rules(REPO / "Makefile")
    assert set(found) >= ARCHIVE_TARGETS | DEVELOPER_TARGETS
    assert found["all"] == "html pdf canvas moodle"
    assert found["setup"] == ".venv/.installed"


def test_the_archive_targets_are_written_once() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "\ninclude ext/sphinx_interrogations/scaffold/archive.mk\n" in makefile
    fragment = FRAGMENT.read_text(encoding="utf-8")
    defined_here = set(re.findall(r"^([a-z][a-z-]*):(?!=)", makefile, flags=re.MULTILINE))
    defined_there = set(re.findall(r"^([a-z][a-z-]*):(?!=)", fragment, flags=re.MULTILINE))
    assert defined_there >= ARCHIVE_TARGETS
    assert defined_here >= DEVELOPER_TARGETS
    assert not defined_here & defined_there  # no target has two recipes
    assert ".DEFAULT_GOAL := all" in fragment


def test_the_system_packages_script_ships_with_the_package() -> None:
    script = FRAGMENT.with_name("install-system-packages")
    assert script.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash")
    wrapper = (REPO / "tools/install-system-packages").read_text(encoding="utf-8")
    assert "ext/sphinx_interrogations/scaffold/install-system-packages" in wrapper
    dry_run = subprocess.run(
        ["make", "-n", "system-packages"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    assert dry_run == "bash ext/sphinx_interrogations/scaffold/install-system-packages\n"
