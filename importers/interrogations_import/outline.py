"""A week document's blocks, read by markdown-it-py: headings, separators, text, responses.

The light format is CommonMark restricted to ATX headings, thematic breaks, paragraphs and lists
(no code blocks, quotes, HTML, tables or link definitions), plus the response rule of
:mod:`.responses`. Every entry keeps its source line (markdown-it's line maps).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .inline import parse_inline, picture_of, plain_text
from .model import Image, ItemList, Notice
from .repairs import DraftParagraph
from .responses import responses_plugin
from .source import Source
from .syntax import Header, header_of

#: the block rules of the light format (markdown-it names)
_BLOCK_RULES = ["heading", "hr", "list", "paragraph"]
_SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Separator:
    line: int


Text = DraftParagraph | ItemList | Image


@dataclass(frozen=True, slots=True)
class ResponseBlock:
    """A response's text blocks (markers and bold wrappers removed)."""

    line: int
    parts: tuple[Text, ...]


Entry = Heading | Separator | Text | ResponseBlock


@dataclass(frozen=True, slots=True)
class Outline:
    entries: tuple[Entry, ...]
    warnings: tuple[Notice, ...]


def join(lines: Sequence[str]) -> str:
    """One line of text from several (whitespace runs become one space)."""
    return _SPACES.sub(" ", " ".join(line.strip() for line in lines)).strip()


@cache
def block_parser(marker: str) -> MarkdownIt:
    """The markdown-it parser of the light format with responses opened by ``[MARKER:``."""
    md = MarkdownIt("commonmark").use(responses_plugin, marker)
    md.block.ruler.enableOnly([*_BLOCK_RULES, "response"])
    md.core.ruler.enableOnly(["normalize", "block"])
    return md


def _closing(tokens: Sequence[Token], index: int) -> int:
    """Index of the token closing the one opened at ``index``."""
    level = tokens[index].level
    closer = tokens[index].type.replace("_open", "_close")
    return next(
        i
        for i in range(index + 1, len(tokens))
        if tokens[i].type == closer and tokens[i].level == level
    )


class _Reader:
    def __init__(self, view: Callable[[int], str], pictures: frozenset[str]) -> None:
        self.view = view
        self.pictures = pictures

    def paragraph(self, text: str, start: int, end: int) -> Text:
        """A paragraph, or one of the document's pictures when it is only that."""
        picture = picture_of(text) if self.pictures else None
        if picture and picture[0] in self.pictures:
            return Image(picture[0], picture[1], start + 1)
        return DraftParagraph(text, start + 1, end)

    def entries(self, tokens: Sequence[Token]) -> list[Entry]:
        """The entries of a token stream (a response's tokens give its parts)."""
        entries: list[Entry] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            start, end = token.map or (0, 0)
            after = index + 1
            if token.type == "heading_open":
                entries.append(Heading(tokens[index + 1].content, start + 1))
                after = index + 3
            elif token.type == "hr":
                entries.append(Separator(start + 1))
            elif token.type == "paragraph_open":
                text = join(tokens[index + 1].content.split("\n"))
                entries.append(self.paragraph(text, start, end))
                after = index + 3
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                after = _closing(tokens, index) + 1
                entries += self.lists(token, tokens[index:after])
            elif token.type == "response_open":
                after = _closing(tokens, index) + 1
                parts = self.entries(tokens[index + 1 : after - 1])
                texts = tuple(
                    part for part in parts if isinstance(part, DraftParagraph | ItemList | Image)
                )
                entries.append(ResponseBlock(start + 1, texts))
            index = after
        return entries

    def lists(self, opening: Token, tokens: Sequence[Token]) -> list[Text]:
        """A list's blank-line separated chunks: a list when every line is an item or indented
        (and numbers follow on), else a paragraph (like a list marker starting a sentence)."""
        items = {
            token.map[0]: token
            for token in tokens
            if token.type == "list_item_open" and token.level == opening.level + 1 and token.map
        }
        start, end = opening.map or (0, 0)
        chunks: list[list[int]] = [[]]
        for no in range(start, end):
            if self.view(no).strip():
                chunks[-1].append(no)
            elif chunks[-1]:
                chunks.append([])
        return [self.chunk(chunk, items, opening) for chunk in chunks if chunk]

    def chunk(self, lines: list[int], items: dict[int, Token], opening: Token) -> Text:
        """One blank-line separated chunk of a list: a list, or a paragraph."""
        texts: list[list[str]] = []
        numbers: list[int] = []
        for no in lines:
            text = self.view(no)
            item = items.get(no)
            if item is not None:
                marker = item.info + item.markup
                texts.append([text.lstrip()[len(marker) :]])
                numbers.append(int(item.info or 0))
            elif texts and text[:1] in " \t":
                texts[-1].append(text)
            else:
                texts = []
                break
        ordered = opening.type == "ordered_list_open"
        if (
            not texts
            or not all(join(item) for item in texts)
            or (ordered and numbers != list(range(numbers[0], numbers[0] + len(numbers))))
        ):
            text = join([self.view(no) for no in lines])
            return DraftParagraph(text, lines[0] + 1, lines[-1] + 1)
        return ItemList(
            ordered=ordered,
            marker=opening.markup,
            start=numbers[0] if ordered else 1,
            items=tuple(parse_inline(join(item))[0] for item in texts),
            line=lines[0] + 1,
        )


def document_header(entries: Sequence[Entry]) -> Header | None:
    """The header, when the first entry (a heading or a one-line paragraph) is one."""
    first = entries[0] if entries else None
    if isinstance(first, Heading) or (
        isinstance(first, DraftParagraph) and first.line == first.end
    ):
        return header_of(plain_text(first.text))
    return None


def read_outline(source: Source, marker: str) -> Outline:
    """The document's entries, in order; raise :class:`~.errors.DocumentError` on a bad response."""
    view: dict[int, str] = {}
    warnings: list[Notice] = []
    env = {"place": source.place, "warnings": warnings, "view": view}
    tokens = block_parser(marker).parse("\n".join(source.lines), env)
    reader = _Reader(lambda no: view.get(no, source.lines[no]), source.pictures)
    return Outline(tuple(reader.entries(tokens)), tuple(warnings))
