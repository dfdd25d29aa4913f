"""archive.mk: the targets this project's Makefile and every new archive's Makefile share."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from sphinx_interrogations.scaffold import FRAGMENT
from sphinx_interrogations.scaffold.language import configured_language
from tests.conftest import REPO

#: What archive.mk gives every archive (the README documents each).
ARCHIVE_TARGETS = {
    "all",
    "setup",
    "system-packages",
    "html",
    "latex",
    "pdf",
    "canvas",
    "moodle",
    "public",
    "anchors-lock",
    "import",
    "clean",
}
#: What this project's Makefile adds for its developers.
DEVELOPER_TARGETS = {"test", "test-newest-python", "bench", "bench-quick", "lint"}


def rules(makefile: Path) -> dict[str, str]:
    """Every rule in make's database for ``makefile``: target -> prerequisites."""
    database = subprocess.run(
        ["make", "-pRrq", "-f", str(makefile), "--no-print-directory", "no-such-goal"],
        cwd=makefile.parent,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
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
        ["make", "--no-print-directory", "-n", "system-packages"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert dry_run == (
        "bash ext/sphinx_interrogations/scaffold/install-system-packages --tex-language "
        '"$(.venv/bin/python -m sphinx_interrogations.scaffold.language)"\n'
    )


def check_system_packages(*args: str) -> subprocess.CompletedProcess[str]:
    script = FRAGMENT.with_name("install-system-packages")
    return subprocess.run(
        ["bash", str(script), *args, "--check"], capture_output=True, text=True, check=False
    )


def test_tex_support_for_the_archives_language_is_looked_for() -> None:
    installed = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", "texlive-lang-cyrillic"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.endswith("ok installed")
    russian = check_system_packages("--tex-language", "ru")
    assert ("texlive-lang-cyrillic" in russian.stdout) is not installed
    assert "texlive-lang-" not in check_system_packages("--tex-language", "en_GB").stdout
    assert "texlive-lang-" not in check_system_packages().stdout
    refused = subprocess.run(
        ["bash", str(FRAGMENT.with_name("install-system-packages")), "--colour"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 2 and "usage:" in refused.stderr


def test_the_language_is_read_from_conf_py(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text('language = "pt_BR"\n', encoding="utf-8")
    read = subprocess.run(
        [sys.executable, "-m", "sphinx_interrogations.scaffold.language", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert read.stdout == "pt_BR\n"
    (tmp_path / "conf.py").write_text("project = 'x'\n", encoding="utf-8")
    assert configured_language(tmp_path) == "en"
