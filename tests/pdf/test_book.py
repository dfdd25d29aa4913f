"""The book as a reader opens it: week chapters titled by the week (no "Chapter One"), the
contents and introduction on one page, an index of students with the right page numbers, the
PDF's metadata, and the same bytes from the same sources."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import build
from tests.pdf.conftest import DOCUMENTS, LATEXMKOPTS, Document, source_of
from tests.pdf.test_pdf import bookmarks, plain

#: 2013-10-10 12:00 UTC, the day of the seminar's Week 6
EPOCH = 1381406400


def page_text(pdf: Path, page: int) -> str:
    """The text of the 1-based ``page`` (pdftotext, reading order)."""
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_each_week_is_a_chapter_titled_by_the_week(document: Document) -> None:
    outline = bookmarks(PdfReader(document.pdf))
    for title in document.weeks.values():
        page = outline[plain(title)].page + 1
        text = page_text(document.pdf, page)
        assert plain(text.split("\n", 1)[0].strip()) == plain(title)
        assert not re.search(r"chapter|CHAPTER", text), text[:200]


def test_contents_and_introduction_share_a_page(document: Document) -> None:
    outline = bookmarks(PdfReader(document.pdf))
    first_week = min(outline[plain(title)].page for title in document.weeks.values())
    assert first_week == 2  # the title page, then one page of contents and introduction


def test_index_of_students_gives_each_interrogations_page(document: Document) -> None:
    reader = PdfReader(document.pdf)
    outline = bookmarks(reader)
    assert outline["Index of students"].parent is None  # a chapter at the end
    assert outline["Index of students"].page > max(
        outline[plain(t)].page for t in document.weeks.values()
    )
    pages = range(outline["Index of students"].page, len(reader.pages))
    index = " ".join(plain(reader.pages[p].extract_text()) for p in pages)
    for record in (r for r in document.citables if r.kind == "interrogation"):
        family = plain(record.student.family)
        assert family in index, f"{record.student} is not in the index of students"
        line = re.search(
            rf"{re.escape(record.number)} Week {record.week}\b[^\n]*?(\d+)\s*$",
            index.split(family, 1)[1],
            flags=re.M,
        )
        assert line, f"no line for {record.number} under {family}"
        shown = int(line.group(1))
        actual = outline[plain(f"{record.number} {record.student.full}")].page
        assert reader.page_labels[actual] in {str(shown), str(shown - 1)}, record.number


def test_pdf_metadata(document: Document) -> None:
    reader = PdfReader(document.pdf)
    info = reader.metadata
    assert info is not None
    assert info.title and info.author
    assert info.subject and "interrogations" in info.subject
    assert reader.trailer["/Root"]["/Lang"] == "en"


@pytest.mark.parametrize("name", DOCUMENTS[-1:])
def test_same_sources_give_the_same_pdf_bytes(
    name: str, rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two builds of one copy, a second apart, dated by SOURCE_DATE_EPOCH."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    source = source_of(name, rootdir, tmp_path / "src")
    pdfs = []
    for run in ("first", "second"):
        result = build(source, "latex", outdir=tmp_path / run, freshenv=True)
        compiled = subprocess.run(
            ["make", "-C", str(result.outdir), "all-pdf", LATEXMKOPTS],
            capture_output=True,
            text=True,
        )
        assert compiled.returncode == 0, compiled.stdout[-2000:]
        [pdf] = result.outdir.glob("*.pdf")
        pdfs.append(pdf)
        time.sleep(1.1)  # a build that took the clock would differ
    first, second = (pdf.read_bytes() for pdf in pdfs)
    assert first == second
    info = PdfReader(pdfs[0]).metadata
    assert info is not None
    assert str(info["/CreationDate"]).startswith("D:20131010120000")
    assert str(info["/ModDate"]).startswith("D:20131010120000")
    assert "Oct 10, 2013" in page_text(pdfs[0], 1)


def test_without_source_date_epoch_the_sources_date_the_book(
    rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No SOURCE_DATE_EPOCH: the newest source's time dates the PDF, not the clock."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    source = source_of("basic", rootdir, tmp_path / "src")
    for path in source.rglob("*"):
        os.utime(path, (EPOCH, EPOCH))
    pdfs = []
    for run in ("first", "second"):
        result = build(source, "latex", outdir=tmp_path / run, freshenv=True)
        subprocess.run(
            ["make", "-C", str(result.outdir), "all-pdf", LATEXMKOPTS],
            check=True,
            capture_output=True,
        )
        [pdf] = result.outdir.glob("*.pdf")
        pdfs.append(pdf)
        time.sleep(1.1)
    assert pdfs[0].read_bytes() == pdfs[1].read_bytes()
    info = PdfReader(pdfs[0]).metadata
    assert info is not None
    assert str(info["/CreationDate"]).startswith("D:20131010120000")
