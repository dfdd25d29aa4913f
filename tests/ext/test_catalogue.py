"""The catalogue of malformed sources: each gives exactly its located messages, none crashes.

Each ``catalogue/NN-name.rst`` is a small project: its text up to the first ``.. file: NAME``
line is ``index.rst``, each such line starts another file (a ``.rst`` page is added to a
toctree; a ``conf.py`` replaces the default one, e.g. for a public build). Its expected
messages are in ``catalogue/expected.txt`` under ``[NN-name]``, exactly as Sphinx prints them
(path relative to the project, colours stripped).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import build, write_project

CATALOGUE = Path(__file__).parent / "catalogue"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def expectations() -> dict[str, list[str]]:
    expected: dict[str, list[str]] = {}
    current = ""
    for line in (CATALOGUE / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            expected[current] = []
        elif line.strip():
            expected[current].append(line)
    return expected


EXPECTED = expectations()
CASES = sorted(path.stem for path in CATALOGUE.glob("*.rst"))


def split_pages(text: str) -> dict[str, str]:
    pages: dict[str, str] = {}
    name, lines = "index.rst", []
    for line in text.splitlines(keepends=True):
        if line.startswith(".. file: "):
            pages[name] = "".join(lines)
            name, lines = line.removeprefix(".. file: ").strip(), []
        else:
            lines.append(line)
    pages[name] = "".join(lines)
    others = [p.removesuffix(".rst") for p in pages if p.endswith(".rst") and p != "index.rst"]
    if others:
        pages["index.rst"] += "\n.. toctree::\n\n" + "".join(f"   {o}\n" for o in others)
    return pages


def messages(srcdir: Path, warnings: str) -> list[str]:
    text = ANSI.sub("", warnings).replace(f"{srcdir}/", "")
    return [line for line in text.splitlines() if line.strip()]


def test_catalogue_is_large_and_complete() -> None:
    assert len(CASES) >= 30
    assert sorted(EXPECTED) == CASES


@pytest.mark.parametrize("case", CASES)
def test_case_gives_its_messages(case: str, tmp_path: Path) -> None:
    pages = split_pages((CATALOGUE / f"{case}.rst").read_text(encoding="utf-8"))
    if case == "37-huge-body":
        pages["index.rst"] += "".join(f"\n   {'word ' * 2000}\n" for _ in range(200))
    srcdir = write_project(tmp_path / "src", pages)
    result = build(srcdir)
    assert messages(srcdir, result.warnings) == EXPECTED[case]
    page = (result.outdir / "index.html").read_text(encoding="utf-8")
    if case == "37-huge-body":
        assert page.count("word") >= 400_000
