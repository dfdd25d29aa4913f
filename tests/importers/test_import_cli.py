"""The command: default output path, overwrite protection, summary, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from interrogations_import.cli import main
from interrogations_import.convert import convert
from tests.conftest import SEED

WEEK6 = Path("source/weeks/week06.rst")


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_writes_the_week_page_and_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED)]) == 0
    assert WEEK6.read_text(encoding="utf-8") == convert(SEED).output
    out, err = capsys.readouterr()
    assert f"-> {WEEK6}" in out
    assert "12 students, 12 responses, 3 repairs, 2 warnings" in out
    assert f"repair: {SEED.name}: line 57: rejoined" in out
    assert f"{SEED.name}: line 43: warning: this bold response has no closing ']'" in err


def test_never_overwrites_without_force(capsys: pytest.CaptureFixture[str]) -> None:
    WEEK6.parent.mkdir(parents=True)
    WEEK6.write_text("hand-edited\n")
    assert main([str(SEED)]) == 1
    assert "pass --force" in capsys.readouterr().err
    assert WEEK6.read_text() == "hand-edited\n"
    assert main([str(SEED), "--force"]) == 0
    first = WEEK6.read_bytes()
    assert main([str(SEED), "--force"]) == 0
    assert WEEK6.read_bytes() == first


def test_output_option_and_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), "--format", "myst", "-o", "out/w6.md"]) == 0
    assert Path("out/w6.md").read_text(encoding="utf-8").startswith("% Imported from")
    capsys.readouterr()
    assert main([str(SEED), "-o", "-"]) == 0
    out, err = capsys.readouterr()
    assert out == convert(SEED).output
    assert "12 students" in err
    assert not WEEK6.exists()


def test_default_myst_path(tmp_path: Path) -> None:
    assert main([str(SEED), "--format", "myst"]) == 0
    assert (tmp_path / "source/weeks/week06.md").is_file()


def test_document_errors_exit_1_with_the_location(
    fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(fixtures / "headerless.txt")]) == 1
    assert "headerless.txt: line 1: error: no header" in capsys.readouterr().err
    assert main([str(fixtures / "headerless.txt"), "--week", "3"]) == 0
    assert Path("source/weeks/week03.rst").is_file()


def test_missing_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nowhere.txt"]) == 1
    assert "nowhere.txt: error:" in capsys.readouterr().err


@pytest.mark.parametrize(
    "option", [["--marker", "EO[W"], ["--encoding", "nope"], ["--week", "0"], ["--format", "x"]]
)
def test_bad_options_are_usage_errors(option: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([str(SEED), *option])
    assert caught.value.code == 2


def test_runs_as_a_module_without_importing_sphinx(tmp_path: Path) -> None:
    script = (
        "import runpy, sys\n"
        f"sys.argv = ['interrogations_import', {str(SEED)!r}, '-o', 'w.rst']\n"
        "try:\n"
        "    runpy.run_module('interrogations_import', run_name='__main__')\n"
        "except SystemExit as done:\n"
        "    assert done.code == 0, done.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sphinx'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "[]"
    assert (tmp_path / "w.rst").read_text(encoding="utf-8") == convert(SEED).output
