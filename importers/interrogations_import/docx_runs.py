"""The content of one Word paragraph: styled text, notes, pictures, text boxes, tracked changes.

Everything that holds text is read or refused: runs (in hyperlinks, fields, content controls and
insertions too), footnote/endnote/comment references (their text is kept in parentheses where
they are referenced), pictures (written as files), text boxes (their paragraphs follow). Tracked
changes are resolved as accepted: insertions kept, deletions dropped; each is counted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from docx.oxml.ns import nsmap, qn
from lxml import etree

from .docx_parts import Package, flag
from .errors import DocumentError

Run = tuple[str, bool, bool]  # text, bold, italic

_W = nsmap["w"]
_NS = {
    "w": _W,
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "v": "urn:schemas-microsoft-com:vml",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
#: containers whose children are read as the paragraph's own content
_TRANSPARENT = {"hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "sdtContent"}
#: elements without text of their own (properties, bookmarks, ranges, proofing marks)
_SILENT = {
    "pPr", "rPr", "bookmarkStart", "bookmarkEnd", "proofErr", "commentRangeStart",
    "commentRangeEnd", "permStart", "permEnd", "sdtPr", "sdtEndPr", "customXmlPr",
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "lastRenderedPageBreak", "fldChar", "instrText", "delInstrText", "annotationRef",
    "footnoteRef", "endnoteRef", "separator", "continuationSeparator", "rPrChange",
    "pPrChange", "tblPrChange", "sectPrChange",
}  # fmt: skip
#: run elements standing for one character (a soft hyphen is invisible)
_CHARACTERS = {
    "tab": " ", "br": " ", "cr": " ", "ptab": " ", "noBreakHyphen": "-", "softHyphen": ""
}  # fmt: skip
#: whether an element holds any text (Word's, an equation's, a ruby's, ...)
_HAS_TEXT = etree.XPath("boolean(normalize-space(.))")
_TEXT_BOXES = etree.XPath(".//w:txbxContent[not(ancestor::mc:Fallback)]", namespaces=_NS)
_BLIPS = etree.XPath(
    ".//a:blip[not(ancestor::mc:Fallback)] | .//v:imagedata[not(ancestor::mc:Fallback)]",
    namespaces=_NS,
)
_DESCRIPTION = etree.XPath(
    ".//wp:docPr/@descr | .//wp:docPr/@title | .//v:shape/@alt", namespaces=_NS
)
#: drawings whose content lives in a part of its own (a chart, a SmartArt diagram)
_GRAPHIC_KINDS = etree.XPath(".//a:graphicData/@uri", namespaces=_NS)
_DELETED_TEXT = etree.XPath(".//w:delText/text() | .//w:t/text()", namespaces=_NS)


@dataclass(frozen=True, slots=True)
class Picture:
    data: bytes
    suffix: str
    alt: str


@dataclass(slots=True)
class ReadParagraph:
    """What one paragraph holds: its runs, its pictures and text boxes (read after it)."""

    runs: list[Run] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    text_boxes: list[etree._Element] = field(default_factory=list)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _outermost(element: etree._Element, drawing: etree._Element) -> bool:
    """Whether no text box of ``drawing`` holds ``element`` (that box's paragraphs read it)."""
    parent = element.getparent()
    while parent is not None and parent is not drawing:
        if _local(parent) == "txbxContent":
            return False
        parent = parent.getparent()
    return True


class ParagraphReader:
    """Reads paragraphs of one document, counting what it resolves in ``tally``."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self.tally: Counter[str] = Counter()
        self.numbers: Counter[str] = Counter()
        self.place = ""

    def read(self, paragraph: etree._Element, place: str) -> ReadParagraph:
        """Read one paragraph (``place`` names it in errors: ``paragraph 12``)."""
        self.place = place
        if _local(paragraph) == "altChunk":
            raise DocumentError(
                f"a document embedded in the Word file (altChunk) cannot be imported ({place}); "
                "paste its text into the document"
            )
        found = ReadParagraph()
        self._content(paragraph, found)
        return found

    def refuse(self, element: etree._Element) -> DocumentError:
        """The error for an element holding text the importer cannot read."""
        text = " ".join("".join(element.itertext()).split())[:40]
        return DocumentError(
            f"a Word <{etree.QName(element).localname}> element holding text ({text!r}) "
            f"cannot be imported ({self.place})"
        )

    def _content(self, element: etree._Element, found: ReadParagraph) -> None:
        for child in element:
            name = _local(child)
            if name == "r":
                self._run(child, found)
            elif name in _TRANSPARENT or name == "moveTo":
                self.tally["moved text kept at its new place"] += name == "moveTo"
                self.tally["hyperlinks (their text kept, not their addresses)"] += (
                    name == "hyperlink"
                )
                self._content(child, found)
            elif name == "sdt":
                self.tally["content controls (their content kept)"] += 1
                self._content(child, found)
            elif name == "ins":
                self.tally["insertions accepted"] += 1
                self._content(child, found)
            elif name in ("del", "moveFrom"):
                self.tally["deletions dropped"] += 1
                self.tally["deleted words"] += len(" ".join(_DELETED_TEXT(child)).split())
            elif name == "AlternateContent":
                choice = child.find("mc:Choice", _NS)
                self._content(choice if choice is not None else child, found)
            elif name and name not in _SILENT and _HAS_TEXT(child):
                raise self.refuse(child)

    def _styles(self, run: etree._Element) -> tuple[bool, bool]:
        properties = run.find(qn("w:rPr"))
        style = properties.find(qn("w:rStyle")) if properties is not None else None
        character = self.package.character_styles.get(
            style.get(qn("w:val"), "") if style is not None else "", (False, False)
        )
        bold, italic = flag(properties, "b"), flag(properties, "i")
        return (
            character[0] if bold is None else bold,
            character[1] if italic is None else italic,
        )

    def _run(self, run: etree._Element, found: ReadParagraph) -> None:
        bold, italic = self._styles(run)
        for child in run:
            name = _local(child)
            if name == "t":
                found.runs.append((child.text or "", bold, italic))
            elif name == "fldChar" and child.get(qn("w:fldCharType")) == "begin":
                self.tally["fields (their shown result kept, not their codes)"] += 1
            elif name in _CHARACTERS:
                found.runs.append((_CHARACTERS[name], bold, italic))
            elif name == "sym":
                found.runs.append((self._symbol(child), bold, italic))
            elif name in ("footnoteReference", "endnoteReference", "commentReference"):
                found.runs.append((self._note(child, name), False, False))
            elif name in ("drawing", "pict", "object", "AlternateContent"):
                self._drawing(child, found)
            elif name and name not in _SILENT and _HAS_TEXT(child):
                raise self.refuse(child)

    def _symbol(self, symbol: etree._Element) -> str:
        """The character of a ``w:sym`` (a code point in hexadecimal)."""
        code = symbol.get(qn("w:char"), "")
        try:
            return chr(int(code, 16))
        except ValueError as error:
            raise DocumentError(f"a Word symbol with a bad code {code!r} ({self.place})") from error

    def _note(self, reference: etree._Element, name: str) -> str:
        kind = name.removesuffix("Reference")
        notes = {
            "footnote": self.package.footnotes,
            "endnote": self.package.endnotes,
            "comment": self.package.comments,
        }[kind]
        author, text = notes.get(reference.get(qn("w:id"), ""), ("", ""))
        self.tally[f"{kind}s (kept in parentheses where referenced)"] += 1
        self.numbers[kind] += 1
        by = f" by {author}" if author else ""
        return f" ({kind} {self.numbers[kind]}{by}: {text})"

    def _drawing(self, drawing: etree._Element, found: ReadParagraph) -> None:
        """Text boxes and pictures of a drawing; a chart or a diagram is refused."""
        for uri in _GRAPHIC_KINDS(drawing):
            kind = next((k for k in ("chart", "diagram") if k in str(uri)), None)
            if kind:
                raise DocumentError(
                    f"a Word {kind} cannot be imported ({self.place}); "
                    "replace it by a picture of it (and its text)"
                )
        boxes = [box for box in _TEXT_BOXES(drawing) if _outermost(box, drawing)]
        pictures = len(found.pictures)
        found.text_boxes += boxes
        self.tally["text boxes (their text follows their paragraph)"] += len(boxes)
        for blip in (blip for blip in _BLIPS(drawing) if _outermost(blip, drawing)):
            relationship = blip.get(f"{{{_NS['r']}}}embed") or blip.get(f"{{{_NS['r']}}}id")
            picture = self.package.picture(relationship) if relationship else None
            if picture is None:
                raise DocumentError(
                    f"a picture linked to a file outside the document cannot be imported "
                    f"({self.place}); insert the picture itself in Word"
                )
            described = [" ".join(text.split()) for text in _DESCRIPTION(drawing)]
            alt = next((text for text in described if text), "")
            found.pictures.append(Picture(picture[0], picture[1], alt))
        if not boxes and len(found.pictures) == pictures and _HAS_TEXT(drawing):
            raise self.refuse(drawing)
