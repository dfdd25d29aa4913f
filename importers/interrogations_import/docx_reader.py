"""Reading a Word (.docx) document as light-Markdown lines (python-docx's package, lxml's tree).

Heading styles become ``#`` headings, list styles ``-`` / ``1.`` items, bold and italic runs
``**x**`` / ``*x*``; Markdown characters in the text are escaped. Every line remembers the Word
paragraph it comes from, so messages name paragraphs. Table cells, content controls and text boxes
are read as paragraphs; notes and comments are kept where referenced; pictures become files shown
by ``![alt](name)`` paragraphs; page headers and footers open the page as an introduction.
Nothing with text is left out: what cannot be read is an error naming the paragraph.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from sphinx_interrogations.identity import slug

from .docx_parts import Package
from .docx_runs import ParagraphReader, ReadParagraph, Run
from .errors import DocumentError
from .escaping import LIGHT_MARKDOWN
from .inline import plain_text
from .model import Notice
from .source import Reading, Source
from .syntax import header_of, numbered

#: block-level containers whose children are read as blocks
_BLOCK_CONTAINERS = {"sdtContent", "customXml"}
_SILENT_BLOCKS = {"sectPr", "bookmarkStart", "bookmarkEnd", "sdtPr", "sdtEndPr", "proofErr"}


def _wrapped(text: str, marker: str) -> str:
    """``text`` between ``marker``s, its outer whitespace left outside."""
    core = text.strip()
    if not core or not marker:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    return f"{lead}{marker}{core}{marker}{text[len(text.rstrip()) :]}"


def markdown(runs: list[Run], styled: bool) -> str:
    """The runs' text, Markdown-escaped; bold stretches in ``**``, italics in ``*``."""
    if not styled:
        return LIGHT_MARKDOWN.text("".join(run[0] for run in runs)).strip()
    pieces: list[str] = []
    for bold, stretch in groupby(runs, key=lambda run: run[1]):
        inner = "".join(
            _wrapped(LIGHT_MARKDOWN.text("".join(run[0] for run in group)), "*" if italic else "")
            for italic, group in groupby(stretch, key=lambda run: run[2])
        )
        pieces.append(_wrapped(inner, "**" if bold else ""))
    return "".join(pieces).strip()


class _Writer:
    """Accumulates the light-Markdown lines, their paragraph numbers and the pictures."""

    def __init__(self, package: Package, stem: str) -> None:
        self.package = package
        self.reader = ParagraphReader(package)
        self.stem = stem
        self.lines: list[str] = []
        self.origins: list[int] = []
        self.attachments: dict[str, bytes] = {}
        self.previous_list: str | None = None
        self.counter = 0

    def add(self, text: str, number: int, blank: bool = True) -> None:
        """A line of Word paragraph ``number``, after a blank line unless it continues a list."""
        if blank:
            self.lines.append("")
            self.origins.append(number)
        self.lines.append(text)
        self.origins.append(number)

    def paragraph(self, element: etree._Element, number: int) -> None:
        """A body paragraph, then its text boxes' paragraphs and its pictures."""
        found = self.reader.read(element, f"paragraph {number}")
        self.text(element, found, number)
        for box in found.text_boxes:
            for inner in box.iter(qn("w:p")):
                if _in_box(inner, box):
                    self.paragraph(inner, number)  # its own boxes and pictures too
        for picture in found.pictures:
            name = f"{self.stem}-picture-{len(self.attachments) + 1}{picture.suffix}"
            self.attachments[name] = picture.data
            alt = LIGHT_MARKDOWN.text(picture.alt.replace("[", "(").replace("]", ")"))
            self.add(f"![{alt}]({name})", number)
            self.previous_list = None

    def text(self, element: etree._Element, found: ReadParagraph, number: int) -> None:
        """The paragraph's text as a heading, list item or text line, by its style."""
        properties = element.find(qn("w:pPr"))
        style_element = properties.find(qn("w:pStyle")) if properties is not None else None
        style_id = style_element.get(qn("w:val")) if style_element is not None else None
        style = self.package.paragraph_style(style_id)
        kind = style.list_kind
        if style.heading is None and kind is None and properties is not None:
            kind = "bullet" if properties.find(qn("w:numPr")) is not None else None
        kind = None if style.heading is not None else kind
        text = markdown(found.runs, styled=style.heading is None)
        if not text:
            self.previous_list = None
            return
        self.counter = self.counter + 1 if kind == "number" == self.previous_list else 1
        blank = not kind or kind != self.previous_list
        if style.heading is not None:
            self.add(f"{'#' * min(style.heading + 1, 6)} {text}", number, blank)
        elif kind == "number":
            self.add(f"{self.counter}. {text}", number, blank)
        elif kind == "bullet":
            self.add(f"- {text}", number, blank)
        else:
            self.add(LIGHT_MARKDOWN.guard_start(text), number, blank)
        self.previous_list = kind

    def furniture(self, texts: list[tuple[str, str]]) -> None:
        """Page headers and footers: after the week header and topic, as an introduction."""
        if not texts:
            return
        at = _after_header(self.lines)
        origin = self.origins[at - 1] if at else 1
        block: list[str] = ["", "---"]
        for _where, text in texts:
            block += ["", LIGHT_MARKDOWN.guard_start(LIGHT_MARKDOWN.text(text))]
        self.lines[at:at] = block
        self.origins[at:at] = [origin] * len(block)


def _in_box(paragraph: etree._Element, box: etree._Element) -> bool:
    """Whether ``paragraph`` belongs to ``box`` (or table) itself, not to a text box in it."""
    parent = paragraph.getparent()
    while parent is not None and parent is not box:
        if etree.QName(parent).localname == "txbxContent":
            return False
        parent = parent.getparent()
    return True


def _after_header(lines: list[str]) -> int:
    """Index after the week header line and the topic heading that follows it (0: none)."""
    texts = [(index, line) for index, line in enumerate(lines) if line.strip()]
    if not texts or not header_of(plain_text(texts[0][1].lstrip("#").strip())):
        return 0
    at = texts[0][0] + 1
    if len(texts) > 2 and texts[1][1].startswith("#") and texts[2][1].startswith(("#", "---")):
        topic = texts[1][1].lstrip("#").strip()
        at = texts[1][0] + 1 if not numbered(topic) else at
    return at


def _blocks(container: etree._Element, tally: Counter[str]) -> Iterator[etree._Element]:
    """The paragraphs of the body in order: table cells and content controls included."""
    for child in container:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name == "p":
            yield child
        elif name == "tbl":
            tally["tables"] += 1
            yield from (p for p in child.iter(qn("w:p")) if _in_box(p, child))
        elif name == "sdt":
            tally["content controls (their content kept)"] += 1
            content = child.find(qn("w:sdtContent"))
            yield from _blocks(content if content is not None else child, tally)
        elif name in ("ins", "moveTo"):
            tally["insertions accepted"] += 1
            yield from _blocks(child, tally)
        elif name in ("del", "moveFrom"):
            tally["deletions dropped"] += 1
            tally["deleted words"] += len(" ".join(child.itertext()).split())
        elif name in _BLOCK_CONTAINERS:
            yield from _blocks(child, tally)
        elif name == "altChunk" or (name and name not in _SILENT_BLOCKS and _has_text(child)):
            yield child  # read as a paragraph: its reader refuses what it cannot read


def _has_text(element: etree._Element) -> bool:
    return bool("".join(element.itertext()).strip())


def _report(tally: Counter[str]) -> tuple[str, ...]:
    lines = []
    inserted, deleted = tally.pop("insertions accepted", 0), tally.pop("deletions dropped", 0)
    words = tally.pop("deleted words", 0)
    if inserted or deleted:
        lines.append(
            f"tracked changes resolved as accepted: {inserted} insertions kept, "
            f"{deleted} deletions dropped ({words} words)"
        )
    tally.pop("tables", None)
    lines += [f"{what}: {count}" for what, count in sorted(tally.items()) if count]
    return tuple(lines)


def read_docx(path: Path) -> Reading:
    """Read a .docx file as a :class:`Source` of Markdown lines, with notices and pictures."""
    try:
        document = docx.Document(str(path))
        package = Package(document)
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        etree.LxmlError,
    ) as error:
        raise DocumentError(f"not a readable .docx file ({error})") from error
    writer = _Writer(package, slug(path.stem) or "document")
    tally: Counter[str] = Counter()
    number = 0
    for number, paragraph in enumerate(_blocks(document.element.body, tally), start=1):
        writer.paragraph(paragraph, number)
    furniture = package.headers_and_footers(document)
    writer.furniture(furniture)
    tally.update(writer.reader.tally)
    if furniture:
        tally["page header and footer paragraphs (kept as an introduction)"] = len(furniture)
    if writer.attachments:
        tally["pictures (written next to the week page)"] = len(writer.attachments)
    notices = [Notice(0, "tables are read cell by cell, as paragraphs")] if tally["tables"] else []
    source = Source(
        path.name,
        tuple(writer.lines),
        unit="paragraph",
        origins=tuple(writer.origins),
        pictures=frozenset(writer.attachments),
    )
    return Reading(source, notices, writer.attachments, _report(tally))
