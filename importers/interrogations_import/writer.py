"""The one writer of week pages: the page's structure, whatever the syntax.

A :class:`Dialect` renders the pieces (title, a directive with its options and body, a
paragraph, a list, a rubric, the break between two lists) in one syntax; :func:`write` lays out
the week page with them: the ``week`` directive, the introduction, then each ``interrogation``
with its text and ``response`` directives, entries separated by blank lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .model import Block, Document, Image, ItemList, Paragraph, Response, Rubric, Spans

Lines = list[str]


class Dialect(Protocol):
    """How one syntax writes each piece; ``depth`` is the directive nesting (0: the page)."""

    def preamble(self, note: str, title: str) -> Lines:
        """The page's first lines: ``note`` as a comment, the title; ends with a blank line."""
        ...

    def directive(
        self, name: str, argument: str, options: Sequence[tuple[str, str]], body: Lines, depth: int
    ) -> Lines:
        """A directive; ``body`` is already written at ``depth + 1``."""
        ...

    def paragraph(self, spans: Spans, line: int, depth: int) -> Lines:
        """A paragraph's lines."""
        ...

    def item_list(self, block: ItemList, depth: int) -> Lines:
        """A list's lines."""
        ...

    def rubric(self, spans: Spans, line: int, depth: int) -> Lines:
        """A rubric (a heading inside a section)."""
        ...

    def image(self, block: Image, depth: int) -> Lines:
        """A picture, shown with its alt text."""
        ...

    def list_break(self, depth: int) -> str:
        """A line (a comment) keeping two consecutive lists apart."""
        ...


def _block(dialect: Dialect, block: Block, depth: int) -> Lines:
    if isinstance(block, Paragraph):
        return dialect.paragraph(block.spans, block.line, depth)
    if isinstance(block, Rubric):
        return dialect.rubric(block.spans, block.line, depth)
    if isinstance(block, Image):
        return dialect.image(block, depth)
    return dialect.item_list(block, depth)


def _body(dialect: Dialect, entries: Sequence[Block | Response], depth: int) -> Lines:
    """Entries after blank lines; a comment keeps two consecutive lists apart."""
    lines: Lines = []
    previous = None
    for entry in entries:
        if isinstance(entry, ItemList) and isinstance(previous, ItemList):
            lines += ["", dialect.list_break(depth)]
        if isinstance(entry, Response):
            body = _body(dialect, entry.blocks, depth + 1)
            lines += ["", *dialect.directive("response", "", [("by", entry.by)], body, depth)]
        else:
            lines += ["", *_block(dialect, entry, depth)]
        previous = entry
    return lines


def write(document: Document, dialect: Dialect, note: str | None = None) -> str:
    """The week page of ``document`` in ``dialect``'s syntax (``note``: its first comment)."""
    week = document.week
    note = note or f"Imported from {document.source_name} by interrogations-import."
    options = [
        (name, value)
        for name, value in (("course", week.course), ("date", week.date), ("topic", week.topic))
        if value
    ]
    lines = [
        *dialect.preamble(note, week.title),
        *dialect.directive("week", str(week.number), options, [], 0),
        *_body(dialect, document.intro, 0),
    ]
    for item in document.interrogations:
        options = [("id", item.anchor)] if item.anchor else []
        body = _body(dialect, item.body, 1)
        lines += ["", *dialect.directive("interrogation", item.name, options, body, 0)]
    return "\n".join(lines) + "\n"
