"""The lossless check: every word of the input, in order, is read back from the written output.

Input words are the document's text without its structural markers (heading hashes and numbers,
separators, the header's "Interrogations Week N.", the response marker, brackets, asterisks and
Markdown escapes; see :func:`.syntax.words`). Output words come from parsing the written source
with docutils (or MyST), with stand-ins for the archive's directives; generated text (page title,
``:by:``, ``:id:``) is not read. Any warning while reading the output back also fails the check.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import ClassVar

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers import Parser
from docutils.parsers.rst import Directive, directives
from docutils.parsers.rst import Parser as RstParser
from docutils.utils import new_document

from .errors import DocumentError, LosslessError
from .model import Image
from .outline import (
    Entry,
    Heading,
    Outline,
    ResponseBlock,
    Separator,
    document_header,
    read_outline,
)
from .source import Source
from .syntax import opening, student_heading, unescape, words

#: directive options whose values come from the input's words
_TEXT_OPTIONS = ("course", "date", "topic")


def _all(entries: Sequence[Entry]) -> Iterator[Entry]:
    """Entries, those inside responses included."""
    for entry in entries:
        yield from entry.parts if isinstance(entry, ResponseBlock) else (entry,)


def source_words(
    source: Source, marker: str, outline: Outline | None = None
) -> list[tuple[str, int]]:
    """The input's words with their line numbers (structure from the outline, text from lines)."""
    entries = (outline or read_outline(source, marker)).entries
    header = document_header(entries)
    headings = {entry.line: entry.text for entry in entries if isinstance(entry, Heading)}
    separators = {entry.line for entry in entries if isinstance(entry, Separator)}
    pictures = {entry.line: entry.alt for entry in _all(entries) if isinstance(entry, Image)}
    pattern = opening(marker)
    found: list[tuple[str, int]] = []
    starts_block = True
    for no, line in enumerate(source.lines, start=1):
        if header and no == entries[0].line:
            values = [value for value in (header.course, header.date) if value]
            found += [(word, no) for value in values for word in words(value)]
        elif no in pictures:
            found += [(word, no) for word in words(pictures[no])]
        elif no in headings:
            found += [(word, no) for word in words(unescape(student_heading(headings[no])))]
        elif no not in separators and line.strip():
            text = pattern.sub("", line, count=1) if starts_block else line
            found += [(word, no) for word in words(unescape(text))]
        starts_block = not line.strip() or no in headings or no in separators
    return found


class _StandIn(Directive):
    """Reads one of the archive's directives: its text arguments and options, then its body."""

    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, object]] = dict.fromkeys(
        (*_TEXT_OPTIONS, "id", "by"), directives.unchanged
    )
    has_content = True

    def run(self) -> list[nodes.Node]:
        values = list(self.arguments) if self.name == "interrogation" else []
        values += [str(value) for key, value in self.options.items() if key in _TEXT_OPTIONS]
        container = nodes.container()
        container += nodes.inline("", " ".join(values))
        self.state.nested_parse(self.content, self.content_offset, container)
        return [container]


@contextmanager
def _stand_in_directives() -> Iterator[None]:
    """Register the stand-ins for the duration of one parse, then restore docutils' registry."""
    registry = directives._directives
    saved = dict(registry)
    for name in ("week", "interrogation", "response"):
        registry[name] = _StandIn
    try:
        yield
    finally:
        registry.clear()
        registry.update(saved)


def _parser(output_format: str) -> Parser:
    if output_format == "myst":
        try:
            from myst_parser.parsers.docutils_ import Parser as MystParser
        except ImportError as error:
            raise DocumentError("MyST output needs myst-parser (the 'markdown' extra)") from error
        return MystParser()
    return RstParser()


def read_back(text: str, output_format: str) -> nodes.document:
    """Parse written output as a reader would (stand-in directives); fail on any warning."""
    parser = _parser(output_format)
    settings = get_default_settings(parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.warning_stream = ""
    settings.file_insertion_enabled = False
    document = new_document("<output>", settings)
    problems: list[nodes.system_message] = []
    document.reporter.attach_observer(
        lambda message: problems.append(message) if message["level"] >= 2 else None
    )
    with _stand_in_directives():
        parser.parse(text, document)
    if problems:
        message = problems[0]
        line = message.get("line", 0)
        shown = text.splitlines()[line - 1].strip() if 0 < line <= len(text.splitlines()) else ""
        raise LosslessError(
            f"the output does not read back cleanly at its line {line} ({shown!r}): "
            f"{message.children[0].astext() if message.children else message.astext()}"
        )
    return document


def _text(node: nodes.Node, chunks: list[str]) -> None:
    if isinstance(node, nodes.Text):
        chunks.append(node.astext())
        return
    if isinstance(node, nodes.image):
        chunks.append(f" {node.get('alt', '')} ")
        return
    if isinstance(node, nodes.comment | nodes.system_message | nodes.title | nodes.raw):
        return  # generated, or (raw HTML) not text a reader sees
    assert isinstance(node, nodes.Element)
    breaks = not isinstance(node, nodes.Inline)
    chunks.append(" " if breaks else "")
    if isinstance(node, nodes.bullet_list):
        enumerators = [node.get("bullet", "")] * len(node.children)
    elif isinstance(node, nodes.enumerated_list) and node.get("enumtype") == "arabic":
        start = int(node.get("start", 1))
        enumerators = [
            f"{node.get('prefix', '')}{start + index}{node.get('suffix', '')}"
            for index in range(len(node.children))
        ]
    else:
        enumerators = []
    for index, child in enumerate(node.children):
        if index < len(enumerators):
            chunks.append(f" {enumerators[index]} ")
        _text(child, chunks)
    chunks.append(" " if breaks else "")


def output_words(text: str, output_format: str) -> list[str]:
    """The words a reader of the written output sees, in order."""
    chunks: list[str] = []
    _text(read_back(text, output_format), chunks)
    return words("".join(chunks))


def check(
    source: Source, output: str, output_format: str, marker: str, outline: Outline | None = None
) -> None:
    """Raise :class:`LosslessError`, naming the input line, if the output loses or moves a word."""
    expected = source_words(source, marker, outline)
    found = output_words(output, output_format)
    for index, (word, line) in enumerate(expected):
        seen = found[index] if index < len(found) else None
        if seen != word:
            instead = f"found {seen!r} instead" if seen else "the output ends before it"
            raise LosslessError(
                f"the word {word!r} would be lost or moved in the output ({instead})", line
            )
    if len(found) > len(expected):
        last = expected[-1][1] if expected else 0
        raise LosslessError(
            f"the output has words the input lacks, from {found[len(expected)]!r}", last
        )
