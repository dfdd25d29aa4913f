"""Parsing a light-Markdown week document (see :mod:`.syntax`) into a :class:`Document`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import cast

from sphinx_interrogations.identity import interrogation_anchor, slug

from .errors import DocumentError
from .inline import parse_inline, plain_text
from .model import (
    Block,
    Document,
    Image,
    Interrogation,
    ItemList,
    Notice,
    Paragraph,
    Response,
    Rubric,
    Week,
)
from .outline import (
    Entry,
    Heading,
    Outline,
    ResponseBlock,
    Separator,
    Text,
    document_header,
    join,
    read_outline,
)
from .repairs import DraftParagraph, rejoin
from .source import Source
from .syntax import NUMBERING, Header, numbered, student_heading


@dataclass(slots=True)
class ParseResult:
    document: Document
    repairs: list[Notice] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    #: the blocks the document was parsed from (the lossless check reads them too)
    outline: Outline | None = None


class _Parser:
    def __init__(self, source: Source, marker: str) -> None:
        self.source = source
        self.marker = marker
        self.repairs: list[Notice] = []
        self.warnings: list[Notice] = []

    def warn(self, lineno: int, message: str) -> None:
        self.warnings.append(Notice(lineno, message))

    def blocks(self, drafts: Sequence[Text]) -> tuple[Block, ...]:
        """Paragraphs and lists of consecutive text entries, page-break splits repaired."""
        joined, repairs = rejoin(drafts, self.source.place)
        self.repairs.extend(repairs)
        blocks: list[Block] = []
        for draft in joined:
            if isinstance(draft, ItemList | Image):
                blocks.append(draft)
                continue
            spans, problems = parse_inline(draft.text)
            for problem in problems:
                self.warn(draft.line, problem)
            blocks.append(Paragraph(spans, draft.line))
        return tuple(blocks)

    def body(self, entries: Sequence[Entry]) -> tuple[Block | Response, ...]:
        """A section's blocks and responses, headings kept as rubrics."""
        body: list[Block | Response] = []
        run: list[Text] = []
        for entry in [*entries, None]:
            if isinstance(entry, DraftParagraph | ItemList | Image):
                run.append(entry)
                continue
            body.extend(self.blocks(run))
            run = []
            if isinstance(entry, Heading):
                body.append(self.rubric(entry))
            if isinstance(entry, ResponseBlock):
                blocks = self.blocks(entry.parts)
                if not blocks:
                    self.warn(entry.line, "this response is empty")
                body.append(Response(self.marker, blocks, entry.line))
        return tuple(body)

    def hint_numbering(self, entries: Sequence[Entry]) -> None:
        """Warn of unnumbered student headings among numbered ones: perhaps sub-headings."""
        headings = [entry for entry in entries if isinstance(entry, Heading)]
        if not any(numbered(heading.text) for heading in headings):
            return
        for heading in headings:
            if not numbered(heading.text):
                self.warn(
                    heading.line,
                    f"heading {heading.text.strip()!r} has no number, unlike the other students: "
                    "taken as a student; if it is a sub-heading of the student before, import "
                    "with --numbered-students",
                )

    def rubric(self, heading: Heading) -> Rubric:
        """A heading inside a section, as a rubric."""
        spans, problems = parse_inline(heading.text.strip())
        for problem in problems:
            self.warn(heading.line, problem)
        return Rubric(spans, heading.line)

    def interrogation(self, heading: Heading, section: Sequence[Entry]) -> Interrogation:
        """A student's section from its heading and entries."""
        name = join([plain_text(student_heading(heading.text))])
        if not name:
            raise DocumentError("this heading has no student name", heading.line)
        body = self.body(section)
        if not body:
            self.warn(heading.line, f"{name} has no text")
        return Interrogation(name=name, line=heading.line, body=body)

    def intro(self, entries: Sequence[Entry]) -> tuple[Block, ...]:
        """Text (and, with numbered students, headings) before the first student heading."""
        for entry in entries:
            if isinstance(entry, ResponseBlock):
                raise DocumentError("a response before the first student heading", entry.line)
        kept = [entry for entry in entries if not isinstance(entry, Separator)]
        if kept:
            self.warn(
                kept[0].line, "text before the first student heading is kept as an introduction"
            )
        return cast(tuple[Block, ...], self.body(entries))  # no responses: checked above


def _topic(header: Header | None, entries: Sequence[Entry]) -> str | None:
    """The topic: an unnumbered heading right after the header, with no text of its own."""
    if header is None or not entries or not isinstance(entries[0], Heading):
        return None
    heading = entries[0].text.strip()
    bodiless = len(entries) == 1 or isinstance(entries[1], Heading | Separator)
    if not heading or NUMBERING.match(heading) or not bodiless:
        return None
    return join([plain_text(heading)]) or None


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
        taken = interrogation_anchor(week, f"{student}-{number}")
        while taken in defaults or taken in first_seen:
            number += 1
            taken = interrogation_anchor(week, f"{student}-{number}")
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
    outline = read_outline(source, marker)
    parser.warnings.extend(outline.warnings)
    entries = outline.entries
    header = document_header(entries)
    rest = entries[1:] if header else entries
    topic = _topic(header, rest)
    rest = rest[1:] if topic else rest
    number = _week_number(header, week, source)

    def starts_section(entry: Entry) -> bool:
        return isinstance(entry, Heading) and (numbered(entry.text) or not numbered_students)

    first = next((i for i, entry in enumerate(rest) if starts_section(entry)), len(rest))
    if not numbered_students:
        parser.hint_numbering(rest[first:])
    intro = parser.intro(rest[:first])
    interrogations: list[Interrogation] = []
    index = first
    while index < len(rest):
        end = next((i for i in range(index + 1, len(rest)) if starts_section(rest[i])), len(rest))
        heading = rest[index]
        assert isinstance(heading, Heading)
        interrogations.append(parser.interrogation(heading, rest[index + 1 : end]))
        index = end
    if not interrogations:
        text = [entry.line for entry in rest if not isinstance(entry, Heading | Separator)]
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
    return ParseResult(document, parser.repairs, parser.warnings, outline)
