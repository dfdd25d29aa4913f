"""Several documents at once: each reported, a bad one fails the run at the end, not the others."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from interrogations_import.cli import main
from tests.conftest import REPO, SEED


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _word(path: Path, week: int, student: str) -> Path:
    document = docx.Document()
    document.add_paragraph(f"Interrogations Week {week}. Sociology 929, November {week}")
    document.add_heading(f"1. {student}", level=3)
    document.add_paragraph("A question?")
    document.add_paragraph("[EOW: An answer.]")
    document.save(str(path))
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "term"
    folder.mkdir()
    shutil.copy(SEED, folder / "a-week06.txt")
    _word(folder / "b-week07.docx", 7, "Ana Lima")
    (folder / "c-broken.md").write_text("## Ana\n\n[EOW: never closed\n", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")  # not a document the importer reads
    return folder


def test_a_folder_imports_every_document_and_fails_at_the_end_for_the_bad_one(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(folder), "--out-dir", "pages"]) == 1
    out, err = capsys.readouterr()
    assert sorted(path.name for path in Path("pages").iterdir()) == ["week06.rst", "week07.rst"]
    assert "a-week06.txt -> pages/week06.rst" in out and "12 students, 12 responses" in out
    assert "b-week07.docx -> pages/week07.rst" in out and "1 students, 1 responses" in out
    assert "c-broken.md: line 3: error: the response opened here" in err
    assert "imported 2 of 3 documents; failed: c-broken.md" in err
    assert "Traceback" not in err


def test_several_files_and_the_same_week_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _word(tmp_path / "x.docx", 7, "Ana Lima")
    second = _word(tmp_path / "y.docx", 7, "Bo Chen")
    assert main([str(first), str(second)]) == 1
    err = capsys.readouterr().err
    assert Path("source/weeks/week07.rst").read_text(encoding="utf-8").count("Ana Lima") == 1
    assert "y.docx: error: week 7 is imported from x.docx already" in err
    assert "imported 1 of 2 documents; failed: y.docx" in err


@pytest.mark.parametrize("option", [["-o", "w.rst"], ["--week", "3"]])
def test_one_document_options_with_several_are_usage_errors(
    folder: Path, option: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main([str(folder), *option])
    assert caught.value.code == 2
    assert "apply to one document only" in capsys.readouterr().err


def test_a_folder_without_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(SystemExit) as caught:
        main([str(tmp_path / "empty")])
    assert caught.value.code == 2
    assert "no .txt, .md or .docx document in" in capsys.readouterr().err


def test_make_import_passes_several_files_and_the_output_folder() -> None:
    result = subprocess.run(
        ["make", "-n", "-C", str(REPO), "import", "FILE=a.txt b.docx", "OUT_DIR=out dir"],
        capture_output=True,
        text=True,
        check=True,
    )
    command = next(line for line in result.stdout.splitlines() if "interrogations_import" in line)
    assert '-m interrogations_import a.txt b.docx  --out-dir "out dir"' in command


def test_the_command_line_reports_a_bad_document_in_one_line(folder: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "interrogations_import", str(folder / "c-broken.md"), "--week", "1"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "c-broken.md: line 3: error: the response opened here with '[EOW:' is not closed "
        "with ']' by the end of the document"
    ]


DESIGNED_ERRORS = [
    ("latin1.txt", "## Ana\n\nCaf\u00e9\n".encode("latin-1"), [],
     "latin1.txt: line 3: error: not utf-8"),
    ("nohead.txt", b"## Ana\n\nQ?\n", [], "nohead.txt: line 1: error: no header like"),
    ("fake.docx", b"not a zip", [], "fake.docx: error: not a readable .docx file"),
    ("twice.md", b"# Interrogations Week 6. S, D\n\n## Ana\n\nQ?\n", ["--week", "7"],
     "twice.md: line 1: error: the header says week 6 but --week 7 was given"),
    ("noname.md", b"## 1. Ana\n\nQ?\n\n## 2.\n\nQ?\n", ["--week", "1"],
     "noname.md: line 5: error: this heading has no student name"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "options", "message"), DESIGNED_ERRORS)
def test_designed_errors_are_one_located_line_through_the_command(
    tmp_path: Path, name: str, data: bytes, options: list[str], message: str
) -> None:
    (tmp_path / name).write_bytes(data)
    result = subprocess.run(
        [sys.executable, "-m", "interrogations_import", name, *options],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(message)
