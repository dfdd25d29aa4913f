"""Finding instructor responses: bracketed blocks opened by a marker such as ``[EOW:``.

A response opens at the start of a paragraph (``[EOW: …`` or bold-wrapped ``**[EOW: …``) and
ends at the ``]`` that balances its ``[`` (brackets inside it, like ``[sic]``, are text), possibly
several paragraphs later. A plain response that never closes is an error. A bold-wrapped one (every
paragraph wrapped in ``**``) may lack its ``]``: it then ends with its last bold paragraph, and
that is reported as a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .errors import DocumentError
from .syntax import ESCAPE, Line, RawBlock, opening

Warn = Callable[[int, str], None]
Place = Callable[[int], str]


@dataclass(frozen=True, slots=True)
class ResponseDraft:
    """A response's raw paragraphs, markers and wrappers removed."""

    line: int
    parts: tuple[RawBlock, ...]


def _block(lines: Sequence[Line]) -> RawBlock | None:
    kept = tuple(line for line in lines if line.text.strip())
    return RawBlock("text", kept) if kept else None


def _edit_first(block: RawBlock, text: str) -> RawBlock | None:
    return _block((Line(block.lines[0].no, text), *block.lines[1:]))


def _edit_last(block: RawBlock, text: str) -> RawBlock | None:
    return _block((*block.lines[:-1], Line(block.lines[-1].no, text)))


def _without_prefix(block: RawBlock | None, prefix: str) -> RawBlock | None:
    if block is None:
        return None
    first = block.lines[0].text.lstrip()
    return _edit_first(block, first.removeprefix(prefix)) if first.startswith(prefix) else block


def _without_suffix(block: RawBlock | None, suffix: str) -> RawBlock | None:
    if block is None:
        return None
    last = block.lines[-1].text.rstrip()
    return _edit_last(block, last.removesuffix(suffix)) if last.endswith(suffix) else block


def _closing(block: RawBlock, depth: int) -> tuple[int, tuple[int, int] | None]:
    """Bracket depth after ``block``, or the (line index, column) of the ``]`` reaching 0."""
    for index, line in enumerate(block.lines):
        column = 0
        while column < len(line.text):
            if ESCAPE.match(line.text, column):
                column += 2
                continue
            char = line.text[column]
            if char == "[":
                depth += 1
            elif char == "]":
                depth -= 1
                if depth == 0:
                    return depth, (index, column)
            column += 1
    return depth, None


def _split(block: RawBlock, at: tuple[int, int]) -> tuple[RawBlock | None, RawBlock | None]:
    index, column = at
    line = block.lines[index]
    before = _block((*block.lines[:index], Line(line.no, line.text[:column])))
    after = _block((Line(line.no, line.text[column + 1 :]), *block.lines[index + 1 :]))
    return before, after


class _Scanner:
    def __init__(
        self,
        blocks: Sequence[RawBlock],
        end: RawBlock | None,
        marker: str,
        warn: Warn,
        place: Place,
    ) -> None:
        self.blocks = blocks
        self.end = end
        self.marker = marker
        self.pattern = opening(marker)
        self.warn = warn
        self.place = place

    def opens(self, block: RawBlock) -> bool:
        return block.kind == "text" and bool(self.pattern.match(block.lines[0].text))

    def closes_later(self, start: int, depth: int) -> bool:
        for block in self.blocks[start:]:
            if block.kind != "text" or self.opens(block):
                return False
            depth, close = _closing(block, depth)
            if close:
                return True
        return False

    def boundary(self, index: int) -> str:
        block = self.blocks[index] if index < len(self.blocks) else self.end
        if block is None:
            return "by the end of the document"
        what = {"heading": "the next heading", "separator": "the separator"}.get(
            block.kind, "the next response"
        )
        return f"before {what} ({self.place(block.line)})"

    def scan(self) -> list[RawBlock | ResponseDraft]:
        items: list[RawBlock | ResponseDraft] = []
        index = 0
        while index < len(self.blocks):
            block = self.blocks[index]
            match = self.pattern.match(block.lines[0].text) if block.kind == "text" else None
            if match:
                index = self.response(index, match, items)
            else:
                items.append(block)
                index += 1
        return items

    def response(
        self, index: int, match: re.Match[str], items: list[RawBlock | ResponseDraft]
    ) -> int:
        """Read the response opening (``match``) at ``blocks[index]``; return the index after it."""
        block = self.blocks[index]
        bold = bool(match.group("bold"))
        current = _edit_first(block, block.lines[0].text[match.end() :])
        parts: list[RawBlock] = []
        depth = 1
        while True:
            close = None
            if current is not None:
                depth, close = _closing(current, depth)
            if close and current is not None:
                inside, after = _split(current, close)
                if bold:
                    inside, after = _without_suffix(inside, "**"), _without_prefix(after, "**")
                parts.extend([inside] if inside else [])
                items.append(ResponseDraft(block.line, tuple(parts)))
                if after:
                    self.warn(
                        after.line,
                        "text after a response's closing ']' is kept as a paragraph after it",
                    )
                    items.append(after)
                return index + 1
            current = _without_suffix(current, "**") if bold else current
            parts.extend([current] if current else [])
            index += 1
            following = self.blocks[index] if index < len(self.blocks) else None
            if following is not None and following.kind == "text" and not self.opens(following):
                if not bold or self.closes_later(index, depth):
                    current = _without_prefix(following, "**") if bold else following
                    continue
                if following.lines[0].text.lstrip().startswith("**"):
                    current = _without_prefix(following, "**")
                    continue
            if not bold:
                raise DocumentError(
                    f"the response opened here with '[{self.marker}:' is not closed with ']' "
                    f"{self.boundary(index)}",
                    block.line,
                )
            last = parts[-1].lines[-1].no if parts else block.line
            self.warn(
                block.line,
                f"this bold response has no closing ']'; it is taken to end with its bold text "
                f"({self.place(last)})",
            )
            items.append(ResponseDraft(block.line, tuple(parts)))
            return index


def split_responses(
    blocks: Sequence[RawBlock], end: RawBlock | None, marker: str, warn: Warn, place: Place
) -> list[RawBlock | ResponseDraft]:
    """Replace each response's blocks in a student's section by one :class:`ResponseDraft`.

    ``end`` is the heading that ends the section (``None`` at the end of the document).
    """
    return _Scanner(blocks, end, marker, warn, place).scan()
