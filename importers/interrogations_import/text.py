"""Parsing a light-Markdown week document (see :mod:`.syntax`) into a :class:`Document`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import cast

from sphinx_interrogations.ids import interrogation_anchor, slug

from .errors import DocumentError
from .inline import parse_inline, plain_text
from .model import (
    Block,
    Document,
    Interrogation,
    ItemList,
    Notice,
    Paragraph,
    Response,
    Rubric,
    Week,
)
from .repairs import DraftParagraph, rejoin
from .responses import ResponseDraft, split_responses
from .source import Source
from .syntax import (
    NUMBERING,
    Header,
    RawBlock,
    header_of,
    numbered,
    opening,
    split_blocks,
    student_heading,
)

_LIST_ITEM = re.compile(r"^ {0,3}(?:(?P<bullet>[-+*])|(?P<number>\d{1,9})(?P<delim>[.)]))[ \t]+")
_SPACES = re.compile(r"[ \t]+")


@dataclass(slots=True)
class ParseResult:
    document: Document
    repairs: list[Notice] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)


def _join(lines: Sequence[str]) -> str:
    return _SPACES.sub(" ", " ".join(line.strip() for line in lines)).strip()


def _as_list(block: RawBlock) -> ItemList | None:
    """The block as a list when every line is an item (or an indented continuation)."""
    first = _LIST_ITEM.match(block.lines[0].text)
    if not first:
        return None
    kind = first.group("bullet") or first.group("delim")
    items: list[list[str]] = []
    numbers: list[int] = []
    for line in block.lines:
        item = _LIST_ITEM.match(line.text)
        if item and (item.group("bullet") or item.group("delim")) == kind:
            items.append([line.text[item.end() :]])
            numbers.append(int(item.group("number") or 0))
        elif line.text[:1] in " \t" and items:
            items[-1].append(line.text)
        else:
            return None
    ordered = first.group("bullet") is None
    if ordered and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    return ItemList(
        ordered=ordered,
        marker=kind,
        start=numbers[0] if ordered else 1,
        items=tuple(parse_inline(_join(item))[0] for item in items),
        line=block.line,
    )


class _Parser:
    def __init__(self, source: Source, marker: str) -> None:
        self.source = source
        self.marker = marker
        self.repairs: list[Notice] = []
        self.warnings: list[Notice] = []

    def warn(self, lineno: int, message: str) -> None:
        self.warnings.append(Notice(lineno, message))

    def blocks(self, raws: Sequence[RawBlock]) -> tuple[Block, ...]:
        """Paragraphs and lists of consecutive text blocks, page-break splits repaired."""
        drafts = [
            _as_list(raw)
            or DraftParagraph(_join([line.text for line in raw.lines]), raw.line, raw.lines[-1].no)
            for raw in raws
        ]
        joined, repairs = rejoin(drafts, self.source.place)
        self.repairs.extend(repairs)
        blocks: list[Block] = []
        for draft in joined:
            if isinstance(draft, ItemList):
                blocks.append(draft)
                continue
            spans, problems = parse_inline(draft.text)
            for problem in problems:
                self.warn(draft.line, problem)
            blocks.append(Paragraph(spans, draft.line))
        return tuple(blocks)

    def body(self, items: Sequence[RawBlock | ResponseDraft]) -> tuple[Block | Response, ...]:
        body: list[Block | Response] = []
        run: list[RawBlock] = []
        for item in [*items, None]:
            if isinstance(item, RawBlock) and item.kind == "text":
                run.append(item)
                continue
            body.extend(self.blocks(run))
            run = []
            if isinstance(item, RawBlock) and item.kind == "heading":
                body.append(self.rubric(item))
            if isinstance(item, ResponseDraft):
                blocks = self.blocks(item.parts)
                if not blocks:
                    self.warn(item.line, "this response is empty")
                body.append(Response(self.marker, blocks, item.line))
        return tuple(body)

    def hint_numbering(self, blocks: Sequence[RawBlock]) -> None:
        """Warn of unnumbered student headings among numbered ones: perhaps sub-headings."""
        headings = [block for block in blocks if block.kind == "heading"]
        if not any(numbered(block.heading) for block in headings):
            return
        for block in headings:
            if not numbered(block.heading):
                self.warn(
                    block.line,
                    f"heading {block.heading.strip()!r} has no number, unlike the other students: "
                    "taken as a student; if it is a sub-heading of the student before, import "
                    "with --numbered-students",
                )

    def rubric(self, heading: RawBlock) -> Rubric:
        spans, problems = parse_inline(heading.heading.strip())
        for problem in problems:
            self.warn(heading.line, problem)
        return Rubric(spans, heading.line)

    def interrogation(
        self, heading: RawBlock, section: Sequence[RawBlock], end: RawBlock | None
    ) -> Interrogation:
        name = _SPACES.sub(" ", plain_text(student_heading(heading.heading))).strip()
        if not name:
            raise DocumentError("this heading has no student name", heading.line)
        items = split_responses(section, end, self.marker, self.warn, self.source.place)
        body = self.body(items)
        if not body:
            self.warn(heading.line, f"{name} has no text")
        return Interrogation(name=name, line=heading.line, body=body)

    def intro(self, blocks: Sequence[RawBlock]) -> tuple[Block, ...]:
        """Text (and, with numbered students, headings) before the first student heading."""
        pattern = opening(self.marker)
        for block in blocks:
            if block.kind == "text" and pattern.match(block.lines[0].text):
                raise DocumentError("a response before the first student heading", block.line)
        kept = [block for block in blocks if block.kind != "separator"]
        if kept:
            self.warn(
                kept[0].line, "text before the first student heading is kept as an introduction"
            )
        return cast(tuple[Block, ...], self.body(blocks))  # no responses: checked above


def _topic(header: Header | None, blocks: Sequence[RawBlock]) -> str | None:
    """The topic: an unnumbered heading right after the header, with no text of its own."""
    if header is None or not blocks or blocks[0].kind != "heading":
        return None
    heading = blocks[0].heading.strip()
    bodiless = len(blocks) == 1 or blocks[1].kind != "text"
    if not heading or NUMBERING.match(heading) or not bodiless:
        return None
    return _SPACES.sub(" ", plain_text(heading)).strip() or None


def _week_number(header: Header | None, week: int | None, source: Source) -> int:
    if header and week is not None and header.week != week:
        raise DocumentError(f"the header says week {header.week} but --week {week} was given", 1)
    if header:
        return header.week
    if week is None:
        raise DocumentError(
            "no header like 'Interrogations Week 6. Sociology 929, October 10' at the top; "
            "give the week number with --week",
            1,
        )
    return week


def _with_anchors(
    interrogations: Sequence[Interrogation], week: int, parser: _Parser
) -> tuple[Interrogation, ...]:
    """Give an explicit anchor to each repeated student (their default anchor would collide)."""
    defaults = {interrogation_anchor(week, slug(item.name)) for item in interrogations}
    first_seen: dict[str, int] = {}
    result: list[Interrogation] = []
    for item in interrogations:
        student = slug(item.name)
        if not student:
            parser.warn(item.line, f"the name {item.name!r} gives no anchor; add :id: by hand")
            result.append(item)
            continue
        anchor = interrogation_anchor(week, student)
        if anchor not in first_seen:
            first_seen[anchor] = item.line
            result.append(item)
            continue
        number = 2
        while interrogation_anchor(week, f"{student}-{number}") in defaults | first_seen.keys():
            number += 1
        explicit = interrogation_anchor(week, f"{student}-{number}")
        first_seen[explicit] = item.line
        parser.warn(
            item.line,
            f"{item.name} already has a section ({parser.source.place(first_seen[anchor])}); "
            f"this one gets the id {explicit}",
        )
        result.append(replace(item, anchor=explicit))
    return tuple(result)


def parse(
    source: Source, marker: str = "EOW", week: int | None = None, numbered_students: bool = False
) -> ParseResult:
    """Parse a week document; raise :class:`DocumentError` (with a line) when that is impossible.

    Every heading after the topic starts a student's section, or, with ``numbered_students``,
    every numbered one: an unnumbered heading is then kept in the section as a sub-heading.
    """
    parser = _Parser(source, marker)
    blocks = split_blocks(source.lines)
    header = header_of(blocks[0]) if blocks else None
    rest = blocks[1:] if header else blocks
    topic = _topic(header, rest)
    rest = rest[1:] if topic else rest
    number = _week_number(header, week, source)

    def starts_section(block: RawBlock) -> bool:
        return block.kind == "heading" and (numbered(block.heading) or not numbered_students)

    first = next((i for i, block in enumerate(rest) if starts_section(block)), len(rest))
    if not numbered_students:
        parser.hint_numbering(rest[first:])
    intro = parser.intro(rest[:first])
    interrogations: list[Interrogation] = []
    index = first
    while index < len(rest):
        end = next((i for i in range(index + 1, len(rest)) if starts_section(rest[i])), len(rest))
        following = rest[end] if end < len(rest) else None
        interrogations.append(parser.interrogation(rest[index], rest[index + 1 : end], following))
        index = end
    if not interrogations:
        text = [block.line for block in rest if block.kind == "text"]
        raise DocumentError(
            "no student sections: expected headings like '## 1. Name'",
            text[0] if text else len(source.lines),
        )
    document = Document(
        source_name=source.name,
        week=Week(
            number, header.course if header else None, header.date if header else None, topic
        ),
        intro=intro,
        interrogations=_with_anchors(interrogations, number, parser),
    )
    return ParseResult(document, parser.repairs, parser.warnings)
