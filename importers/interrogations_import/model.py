"""The shape of an imported week: plain data, independent of input and output formats."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Style = Literal["plain", "emphasis", "strong"]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one inline style."""

    text: str
    style: Style = "plain"


Spans = tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Paragraph:
    spans: Spans
    line: int


@dataclass(frozen=True, slots=True)
class ItemList:
    """A bullet list (``marker`` is the bullet) or a numbered one (``marker`` is '.' or ')')."""

    ordered: bool
    marker: str
    start: int
    items: tuple[Spans, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Rubric:
    """A heading inside a student's text: written as a rubric, which starts no section."""

    spans: Spans
    line: int


@dataclass(frozen=True, slots=True)
class Image:
    """A picture of the document (a file written next to the week page), with its alt text."""

    name: str
    alt: str
    line: int


Block = Paragraph | ItemList | Rubric | Image


@dataclass(frozen=True, slots=True)
class Response:
    by: str
    blocks: tuple[Block, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Interrogation:
    """One student's section: question blocks and responses, in document order."""

    name: str
    line: int
    body: tuple[Block | Response, ...]
    #: explicit anchor, only when the default one would collide within the week
    anchor: str | None = None

    @property
    def responses(self) -> tuple[Response, ...]:
        return tuple(item for item in self.body if isinstance(item, Response))


@dataclass(frozen=True, slots=True)
class Week:
    number: int
    course: str | None = None
    date: str | None = None
    topic: str | None = None

    @property
    def title(self) -> str:
        return f"Week {self.number}: {self.topic}" if self.topic else f"Week {self.number}"


@dataclass(frozen=True, slots=True)
class Document:
    source_name: str
    week: Week
    #: text before the first student, kept at the top of the page
    intro: tuple[Block, ...]
    interrogations: tuple[Interrogation, ...]


@dataclass(frozen=True, slots=True)
class Notice:
    """A located message about the import: a repair made or a warning."""

    lineno: int
    message: str
