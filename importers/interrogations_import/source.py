"""An input document as numbered text lines, and how to name a place in it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DocumentError
from .model import Notice

#: characters that would split or upset a line downstream (form feeds from page breaks, NUL, ...)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Source:
    """Light-Markdown text lines of one document (a Word file is converted to such lines)."""

    name: str
    lines: tuple[str, ...]
    #: what the reader calls a numbered place: "line", or "paragraph" for a Word document
    unit: str = "line"
    #: for each line, the number shown to the reader (empty: the line number itself)
    origins: tuple[int, ...] = ()
    #: names of the pictures the document holds (``![alt](name)`` paragraphs show them)
    pictures: frozenset[str] = frozenset()

    def place(self, lineno: int) -> str:
        """Name a line as the reader knows it: ``line 12`` or ``paragraph 5``."""
        number = self.origins[lineno - 1] if self.origins else lineno
        return f"{self.unit} {number}"

    def where(self, lineno: int) -> str:
        """Name a place for messages: ``week06.txt: line 12`` (just the file for line 0)."""
        return f"{self.name}: {self.place(lineno)}" if lineno > 0 else self.name


@dataclass(slots=True)
class Reading:
    """A document read for import: its lines, reading notices, pictures and report lines."""

    source: Source
    notices: list[Notice] = field(default_factory=list)
    #: files to write next to the week page (pictures): name -> bytes
    attachments: dict[str, bytes] = field(default_factory=dict)
    #: what the reader kept, resolved or turned into text, one line each
    report: tuple[str, ...] = ()


def source_from_text(name: str, text: str) -> Source:
    """Split text into lines (any newline convention), neutralising control characters."""
    text = text.removeprefix("\ufeff")
    lines = re.split(r"\r\n|\r|\n", _CONTROL.sub(" ", text))
    return Source(name=name, lines=tuple(lines))


def read_text(path: Path, encoding: str = "utf-8") -> Source:
    """Read a plain-text / Markdown document."""
    data = path.read_bytes()
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        lineno = data[: error.start].count(b"\n") + 1
        raise DocumentError(
            f"not {encoding} text (byte {data[error.start]:#04x}); convert it or pass --encoding",
            lineno,
        ) from error
    return source_from_text(path.name, text)
