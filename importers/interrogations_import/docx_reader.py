"""Reading a Word (.docx) document as light-Markdown lines (python-docx).

Heading styles become ``#`` headings, list styles ``-`` / ``1.`` items, bold and italic runs
``**x**`` / ``*x*``; Markdown characters in the text are escaped. Every line remembers the Word
paragraph it comes from, so messages name paragraphs. Table cells are read as paragraphs.
"""

from __future__ import annotations

import re
import zipfile
from itertools import groupby
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from .errors import DocumentError
from .escaping import LIGHT_MARKDOWN
from .model import Notice
from .source import Source

_HEADING_STYLE = re.compile(r"(?:heading\s*(\d)|title)$", re.I)


def _style_flag(run: Run, flag: str) -> bool:
    own = getattr(run, flag)
    if own is not None:
        return bool(own)
    return bool(run.style is not None and getattr(run.style.font, flag))


def _runs(paragraph: Paragraph) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) of every run, including those in hyperlinks, fields and insertions."""
    elements = paragraph._p.xpath(".//w:r[not(ancestor::w:txbxContent)]")
    runs = [Run(element, paragraph) for element in elements]
    return [
        (re.sub(r"[\t\n]", " ", run.text), _style_flag(run, "bold"), _style_flag(run, "italic"))
        for run in runs
    ]


def _wrapped(text: str, marker: str) -> str:
    """``text`` between ``marker``s, its outer whitespace left outside."""
    core = text.strip()
    if not core or not marker:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    return f"{lead}{marker}{core}{marker}{text[len(text.rstrip()) :]}"


def _markdown(paragraph: Paragraph, styled: bool) -> str:
    """The paragraph's text, Markdown-escaped; bold stretches in ``**``, italics in ``*``."""
    if not styled:
        return LIGHT_MARKDOWN.text("".join(run[0] for run in _runs(paragraph))).strip()
    pieces: list[str] = []
    for bold, stretch in groupby(_runs(paragraph), key=lambda run: run[1]):
        inner = "".join(
            _wrapped(LIGHT_MARKDOWN.text("".join(run[0] for run in group)), "*" if italic else "")
            for italic, group in groupby(stretch, key=lambda run: run[2])
        )
        pieces.append(_wrapped(inner, "**" if bold else ""))
    return "".join(pieces).strip()


def _paragraphs(document: WordDocument) -> tuple[list[Paragraph], bool]:
    paragraphs: list[Paragraph] = []
    has_table = False
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            has_table = True
            paragraphs += [Paragraph(p, item) for p in item._tbl.iter(qn("w:p"))]
        else:
            paragraphs.append(item)
    return paragraphs, has_table


def _list_kind(paragraph: Paragraph) -> str | None:
    style = paragraph.style.name if paragraph.style is not None else ""
    if style.startswith("List Number"):
        return "number"
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    return "bullet" if style.startswith("List Bullet") or numbered else None


def read_docx(path: Path) -> tuple[Source, list[Notice]]:
    """Read a .docx file as a :class:`Source` of Markdown lines, with reading notices."""
    try:
        document = docx.Document(str(path))
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        etree.LxmlError,
    ) as error:
        raise DocumentError(f"not a readable .docx file ({error})") from error
    paragraphs, has_table = _paragraphs(document)
    lines: list[str] = []
    origins: list[int] = []
    counter = 0
    previous_list = None
    for number, paragraph in enumerate(paragraphs, start=1):
        style = paragraph.style.name if paragraph.style is not None else ""
        heading = _HEADING_STYLE.match(style)
        kind = None if heading else _list_kind(paragraph)
        text = _markdown(paragraph, styled=not heading)
        if not text:
            previous_list = None
            continue
        if not kind or kind != previous_list:
            lines.append("")
            origins.append(number)
        counter = counter + 1 if kind == "number" and previous_list == "number" else 1
        if heading:
            level = int(heading.group(1) or 1)
            lines.append(f"{'#' * min(level + 1, 6)} {text}")
        elif kind == "number":
            lines.append(f"{counter}. {text}")
        elif kind == "bullet":
            lines.append(f"- {text}")
        else:
            lines.append(LIGHT_MARKDOWN.guard_start(text))
        origins.append(number)
        previous_list = kind
    notices = [Notice(0, "tables are read cell by cell, as paragraphs")] if has_table else []
    return Source(path.name, tuple(lines), unit="paragraph", origins=tuple(origins)), notices
