"""``interrogations-new`` without a terminal: its errors, and the files it writes."""

from __future__ import annotations

import ast
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_interrogations import lock
from sphinx_interrogations.privacy import load_roster
from sphinx_interrogations.scaffold import FRAGMENT
from sphinx_interrogations.scaffold.cli import main
from tests.ext.scaffold import COMMAND

REQUIREMENT = "sphinx-interrogations==0.1.0"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed command, with standard input not a terminal."""
    return subprocess.run(
        [str(COMMAND), *args], cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
        text=True, check=False, timeout=60,
    )


def new_archive(tmp_path: Path, *extra: str) -> Path:
    target = tmp_path / "soc101"
    status = main([str(target), "--course", "Sociology 101", "--term", "2015-fall",
                   "--requirement", REQUIREMENT, *extra])
    assert status == 0
    return target


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "missing PATH, --course, --term (standard input is not a terminal"),
        (["x", "--course", "Soc 101"], "missing --term (standard input is not a terminal"),
        (["x", "--course", " ", "--term", "2015-fall"], "the course name must not be empty"),
        (["x", "--course", "S", "--term", "Fall 2015"], "invalid term key 'Fall 2015'"),
        (["x", "--course", "S", "--term", "fall", "--year", "15"], "invalid year '15'"),
        (["x", "--course", "S", "--term", "2015-fall", "--year", "2014"],
         "the year 2014 contradicts the term key '2015-fall', which says 2015"),
        (["x", "--course", "S", "--term", "fall", "--language", "klingon"],
         "invalid language 'klingon'"),
        (["x", "--course", "S", "--term", "fall", "--baseurl", "ftp://h/"],
         "invalid base URL 'ftp://h/'"),
        (["x", "--course", "S", "--term", "fall", "--term-title", ""],
         "the term title must not be empty"),
        (["x", "--course", "S", "--term", "fall", "--responder", "\x07"],
         "the responder contains control characters"),
        (["x", "--course", "S", "--term", "fall", "--requirement", " "],
         "--requirement must be one pip requirement line"),
    ],
)
def test_each_bad_value_is_one_clear_message_with_status_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"interrogations-new: error: {message}")
    assert result.stderr.count("\n") == 1  # one line: no traceback, no usage dump
    assert not (tmp_path / "x").exists()


def test_a_non_empty_folder_is_refused_and_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "conf.py").write_text("# my own\n", encoding="utf-8")
    result = run(str(target), "--course", "S", "--term", "fall", cwd=tmp_path)
    assert result.returncode == 2
    assert "exists and is not empty" in result.stderr and "--force" in result.stderr
    assert (target / "conf.py").read_text(encoding="utf-8") == "# my own\n"
    assert sorted(p.name for p in target.iterdir()) == ["conf.py"]


def test_force_writes_into_a_non_empty_folder_naming_what_it_replaced(tmp_path: Path) -> None:
    target = tmp_path / "soc101"
    target.mkdir()
    (target / "notes.txt").write_text("kept", encoding="utf-8")
    (target / "README.md").write_text("old", encoding="utf-8")
    result = run(str(target), "--course", "Sociology 101", "--term", "2015-fall", "--force",
                 "--requirement", REQUIREMENT, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"replaced {target / 'README.md'}\n")
    assert result.stdout.count("replaced") == 1
    assert (target / "notes.txt").read_text(encoding="utf-8") == "kept"
    assert "Sociology 101" in (target / "README.md").read_text(encoding="utf-8")
    assert (target / "conf.py").is_file()


def test_starting_and_checking_import_no_sphinx() -> None:
    code = """
import sys
from sphinx_interrogations.scaffold import cli, spec
spec.check_language("de")
try:
    cli.main(["--help"])
except SystemExit:
    pass
print(sorted(m for m in sys.modules if m == "sphinx" or m.startswith("sphinx.")))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "usage: interrogations-new" in result.stdout
    assert result.stdout.splitlines()[-1] == "[]"


def test_the_archive_has_every_file(tmp_path: Path) -> None:
    target = new_archive(tmp_path)
    files = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    assert files == [
        ".ci/run", ".gitignore", "Makefile", "README.md", "anchors.lock", "conf.py",
        "requirements.txt", "roster.csv", "source/2015-fall/index.rst", "source/index.rst",
    ]
    assert os.access(target / ".ci/run", os.X_OK)
    assert "make test" in (target / ".ci/run").read_text(encoding="utf-8")
    assert {".venv/", "_build/"} <= set((target / ".gitignore").read_text().split())


def test_conf_py_parses_and_holds_the_values(tmp_path: Path) -> None:
    target = new_archive(
        tmp_path, "--responder", 'J. "Jo" O\'Neil', "--language", "de",
        "--baseurl", "https://example.org/soc101/",
    )
    text = (target / "conf.py").read_text(encoding="utf-8")
    ast.parse(text)
    conf = runpy.run_path(str(target / "conf.py"))
    assert conf["project"] == "Sociology 101: Interrogations"
    assert conf["interrogations_course"] == "Sociology 101"
    assert conf["interrogations_responder"] == 'J. "Jo" O\'Neil'
    assert conf["language"] == "de"
    assert conf["html_baseurl"] == "https://example.org/soc101/"
    assert conf["copyright"].startswith("2015, ")
    assert conf["extensions"] == ["sphinx_interrogations", "sphinx_interrogations_lms"]
    assert conf["interrogations_roster"] == "roster.csv"
    assert conf["interrogations_anchor_lock"] == "anchors.lock"


def test_roster_and_lock_are_empty_and_readable(tmp_path: Path) -> None:
    target = new_archive(tmp_path)
    assert (target / "roster.csv").read_text(encoding="utf-8") == "name,aliases,consent,number\n"
    assert load_roster(target / "roster.csv") == []
    assert lock.read(target / "anchors.lock") == {}


def test_term_pages_and_titles(tmp_path: Path) -> None:
    target = new_archive(tmp_path)
    term = (target / "source/2015-fall/index.rst").read_text(encoding="utf-8")
    assert term.startswith("=========\nFall 2015\n=========\n")
    assert ".. toctree::" in term and ":glob:" not in term
    landing = (target / "source/index.rst").read_text(encoding="utf-8")
    assert "\n   2015-fall/index\n" in landing
    titled = main([str(tmp_path / "other"), "--course", "Soc *101*", "--term", "2016-spring",
                   "--term-title", "Spring term, 2016", "--requirement", REQUIREMENT])
    assert titled == 0
    page = (tmp_path / "other/source/2016-spring/index.rst").read_text(encoding="utf-8")
    assert page.startswith("=================\nSpring term, 2016\n=================\n")
    landing = (tmp_path / "other/source/index.rst").read_text(encoding="utf-8")
    assert "Soc \\*101\\*: Interrogations\n" in landing  # markup in names stays text


def test_makefile_includes_the_shared_targets(tmp_path: Path) -> None:
    target = new_archive(tmp_path)
    makefile = (target / "Makefile").read_text(encoding="utf-8")
    assert "include $(VENV)/archive.mk" in makefile
    assert "-m sphinx_interrogations.scaffold.fragment" in makefile
    assert "pip install --quiet -r requirements.txt" in makefile
    assert "\ntest: setup\n" in makefile
    assert "html:" not in makefile  # the targets come from the package, not a copy
    fragment = subprocess.run(
        [sys.executable, "-m", "sphinx_interrogations.scaffold.fragment"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert fragment == f"include {FRAGMENT}\n"
    assert FRAGMENT.is_file()


def test_the_requirement_is_written(tmp_path: Path) -> None:
    target = new_archive(tmp_path)
    lines = (target / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == REQUIREMENT
    default = tmp_path / "default"
    assert run(str(default), "--course", "S", "--term", "fall", cwd=tmp_path).returncode == 0
    # this test environment has the package editable from the checkout
    repo = Path(__file__).resolve().parents[3]
    assert (default / "requirements.txt").read_text().splitlines()[-1] == f"-e {repo}"
    assert f"{repo}/README.md" in (default / "README.md").read_text(encoding="utf-8")
