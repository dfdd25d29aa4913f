"""The parts of a Word package the text refers to: styles, notes, comments, pictures, headers.

Each is read once into a dictionary (a style look-up is a dictionary look-up, whatever the size of
the document), so reading stays linear in the number of paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsmap, qn
from lxml import etree

_HEADING_STYLE = re.compile(r"(?:heading\s*(\d)|title)$", re.I)
_FALSE = {"0", "false", "off", "none"}
W = nsmap["w"]
#: text of a note or comment, leaving out deleted text
_KEPT_TEXT = etree.XPath(
    ".//w:t[not(ancestor::w:del) and not(ancestor::w:moveFrom)] | .//w:tab | .//w:br",
    namespaces={"w": W},
)


@dataclass(frozen=True, slots=True)
class ParagraphStyle:
    """What a paragraph style means for the import: a heading level, or a list kind."""

    heading: int | None = None
    list_kind: str | None = None


def flag(properties: etree._Element | None, name: str) -> bool | None:
    """A run property's on/off value (``w:b``, ``w:i``), or None when it is not set."""
    element = properties.find(qn(f"w:{name}")) if properties is not None else None
    if element is None:
        return None
    return element.get(qn("w:val"), "true").lower() not in _FALSE


def plain(element: etree._Element) -> str:
    """The kept text of a note, comment or header (deletions left out), one line."""
    pieces = [node.text or "" if node.tag == qn("w:t") else " " for node in _KEPT_TEXT(element)]
    return " ".join("".join(pieces).split())


class Package:
    """Look-ups in one Word document's package."""

    def __init__(self, document: WordDocument) -> None:
        self.part = document.part
        styles = document.styles.element.findall(qn("w:style"))
        self.paragraph_styles: dict[str, ParagraphStyle] = {}
        self.character_styles: dict[str, tuple[bool, bool]] = {}
        self.default_paragraph = ParagraphStyle()
        for style in styles:
            style_id = style.get(qn("w:styleId"), "")
            name_element = style.find(qn("w:name"))
            name = name_element.get(qn("w:val"), "") if name_element is not None else ""
            if style.get(qn("w:type")) == "character":
                properties = style.find(qn("w:rPr"))
                self.character_styles[style_id] = (
                    bool(flag(properties, "b")),
                    bool(flag(properties, "i")),
                )
            elif style.get(qn("w:type")) == "paragraph":
                self.paragraph_styles[style_id] = _paragraph_style(name)
                if style.get(qn("w:default")) in ("1", "true"):
                    self.default_paragraph = self.paragraph_styles[style_id]
        self.footnotes = self._notes(RT.FOOTNOTES, "footnote")
        self.endnotes = self._notes(RT.ENDNOTES, "endnote")
        self.comments = self._notes(RT.COMMENTS, "comment")

    def _related(self, reltype: str) -> etree._Element | None:
        try:
            part = self.part.part_related_by(reltype)
        except KeyError:
            return None
        return etree.fromstring(part.blob)

    def _notes(self, reltype: str, tag: str) -> dict[str, tuple[str, str]]:
        """Note (or comment) id -> (its author, or '', and its text)."""
        root = self._related(reltype)
        if root is None:
            return {}
        return {
            note.get(qn("w:id"), ""): (note.get(qn("w:author"), ""), plain(note))
            for note in root.iter(qn(f"w:{tag}"))
        }

    def paragraph_style(self, style_id: str | None) -> ParagraphStyle:
        """The meaning of a paragraph style (the default one when ``style_id`` is None)."""
        if style_id is None:
            return self.default_paragraph
        return self.paragraph_styles.get(style_id, ParagraphStyle())

    def picture(self, relationship: str) -> tuple[bytes, str] | None:
        """An embedded picture's bytes and file suffix (None: not in the package)."""
        part = self.part.related_parts.get(relationship)
        if part is None or not hasattr(part, "blob"):
            return None
        return part.blob, PurePosixPath(str(part.partname)).suffix.lower() or ".bin"

    def headers_and_footers(self, document: WordDocument) -> list[tuple[str, str]]:
        """(where, text) of each distinct page header and footer paragraph with text."""
        found: dict[str, str] = {}
        for number, section in enumerate(document.sections, start=1):
            for kind in ("header", "first_page_header", "even_page_header"):
                self._furniture(getattr(section, kind), f"page header (section {number})", found)
            for kind in ("footer", "first_page_footer", "even_page_footer"):
                self._furniture(getattr(section, kind), f"page footer (section {number})", found)
        return [(where, text) for text, where in found.items()]

    @staticmethod
    def _furniture(part: object, where: str, found: dict[str, str]) -> None:
        if getattr(part, "is_linked_to_previous", True):
            return
        for paragraph in part._element.iter(qn("w:p")):  # type: ignore[attr-defined]
            text = plain(paragraph)
            if text:
                found.setdefault(text, where)


def _paragraph_style(name: str) -> ParagraphStyle:
    heading = _HEADING_STYLE.match(name)
    if heading:
        return ParagraphStyle(heading=int(heading.group(1) or 1))
    lowered = name.lower()
    if lowered.startswith("list number"):
        return ParagraphStyle(list_kind="number")
    if lowered.startswith("list bullet"):
        return ParagraphStyle(list_kind="bullet")
    return ParagraphStyle()
