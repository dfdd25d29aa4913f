"""``make TERM=<key>`` builds one term's outputs; the terminal's TERM (environment) does not."""

from __future__ import annotations

import os
import subprocess

from tests.conftest import REPO


def dry_run(*arguments: str) -> str:
    environment = {**os.environ, "TERM": "xterm-256color"}
    result = subprocess.run(
        ["make", "-n", "canvas", *arguments],
        cwd=REPO, env=environment, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout


def test_term_on_the_command_line_selects_one_term() -> None:
    assert "-D interrogations_term=2013-fall -b canvas" in dry_run("TERM=2013-fall")


def test_the_terminals_term_selects_nothing() -> None:
    assert "interrogations_term" not in dry_run()


def test_term_on_import_imports_into_that_term() -> None:
    environment = {**os.environ, "TERM": "xterm-256color"}
    result = subprocess.run(
        ["make", "-n", "import", "FILE=a.txt", "TERM=2015-fall"],
        cwd=REPO, env=environment, capture_output=True, text=True, check=True,
    )  # fmt: skip
    command = '-m interrogations_import a.txt  --term "2015-fall" --source-dir "source"'
    assert command in result.stdout
