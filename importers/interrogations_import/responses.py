"""Instructor responses as a markdown-it block rule: bracketed blocks opened by ``[EOW:``.

A response opens at the start of a paragraph (``[EOW: …`` or bold-wrapped ``**[EOW: …``) and
ends at the ``]`` that balances its ``[`` (brackets inside it, like ``[sic]``, are text), possibly
several paragraphs later. A plain response that never closes is an error. A bold-wrapped one (every
paragraph wrapped in ``**``) may lack its ``]``: it then ends with its last bold paragraph, and
that is reported as a warning. The rule emits ``response_open`` / ``response_close`` around the
response's blocks, parsed by markdown-it with the markers cut out of their lines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock, heading, hr

from .errors import DocumentError
from .model import Notice
from .syntax import ESCAPE, opening

Place = Callable[[int], str]


@dataclass(frozen=True, slots=True)
class Cut:
    """What is left of a source line (0-based ``no``): ``text``, starting at column ``start``."""

    no: int
    text: str
    start: int = 0


Part = tuple[Cut, ...]


def _kept(lines: Part) -> Part:
    return tuple(line for line in lines if line.text.strip())


def _without_prefix(part: Part, prefix: str) -> Part:
    if not part:
        return part
    first = part[0]
    stripped = first.text.lstrip()
    if not stripped.startswith(prefix):
        return part
    start = first.start + len(first.text) - len(stripped) + len(prefix)
    return _kept((Cut(first.no, stripped[len(prefix) :], start), *part[1:]))


def _without_suffix(part: Part, suffix: str) -> Part:
    if not part:
        return part
    last = part[-1]
    stripped = last.text.rstrip()
    if not stripped.endswith(suffix):
        return part
    return _kept((*part[:-1], replace(last, text=stripped.removesuffix(suffix))))


def _closing(part: Part, depth: int) -> tuple[int, tuple[int, int] | None]:
    """Bracket depth after ``part``, or the (line index, column) of the ``]`` reaching 0."""
    for index, line in enumerate(part):
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


def _split(part: Part, at: tuple[int, int]) -> tuple[Part, Part]:
    index, column = at
    line = part[index]
    before = _kept((*part[:index], replace(line, text=line.text[:column])))
    after_cut = Cut(line.no, line.text[column + 1 :], line.start + column + 1)
    return before, _kept((after_cut, *part[index + 1 :]))


@dataclass(slots=True)
class _Found:
    """A response read from the source: its parts, where it ends, what follows its ``]``."""

    parts: list[Part]
    after: Part = ()
    next_line: int = 0


class _Scanner:
    """Reads one response from ``state``, text block by text block (blank-line separated)."""

    def __init__(self, state: StateBlock, start: int, marker: str) -> None:
        self.state = state
        self.marker = marker
        self.pattern = opening(marker)
        self.blocks, self.boundary_line = self._blocks(start)
        self.env = state.env

    def _line(self, no: int) -> str:
        return self.state.src[self.state.bMarks[no] : self.state.eMarks[no]]

    def _structural(self, no: int) -> bool:
        return heading(self.state, no, no + 1, True) or hr(self.state, no, no + 1, True)

    def _blocks(self, start: int) -> tuple[list[Part], int | None]:
        """Text blocks from ``start`` up to the first heading or separator (its line), or up to
        the next block opening a response (no response reads past it: linear cost)."""
        blocks: list[Part] = []
        pending: list[Cut] = []
        for no in range(start, self.state.lineMax):
            text = self._line(no)
            if text.strip() and self._structural(no):
                blocks += [tuple(pending)] if pending else []
                return blocks, no
            if text.strip():
                if not pending and blocks and self.pattern.match(text):
                    return [*blocks, (Cut(no, text),)], None
                pending.append(Cut(no, text))
            elif pending:
                blocks.append(tuple(pending))
                pending = []
        return [*blocks, *([tuple(pending)] if pending else [])], None

    def opens(self, part: Part) -> bool:
        """Whether a text block opens a response."""
        return bool(self.pattern.match(part[0].text))

    def closes_later(self, start: int, depth: int) -> bool:
        """Whether a ``]`` closes the response before the next one opens."""
        for part in self.blocks[start:]:
            if self.opens(part):
                return False
            depth, close = _closing(part, depth)
            if close:
                return True
        return False

    def boundary(self, index: int) -> str:
        """What an unclosed response ran into, for the error message."""
        place: Place = self.env["place"]
        if index < len(self.blocks):
            return f"before the next response ({place(self.blocks[index][0].no + 1)})"
        if self.boundary_line is None:
            return "by the end of the document"
        is_heading = heading(self.state, self.boundary_line, self.boundary_line + 1, True)
        what = "the next heading" if is_heading else "the separator"
        return f"before {what} ({place(self.boundary_line + 1)})"

    def scan(self) -> _Found:
        """Read the response opening the first block (same algorithm for every paragraph)."""
        first = self.blocks[0]
        match = self.pattern.match(first[0].text)
        assert match is not None
        bold = bool(match.group("bold"))
        head = Cut(first[0].no, first[0].text[match.end() :], match.end())
        current, index, depth = _kept((head, *first[1:])), 0, 1
        found = _Found(parts=[])
        while True:
            close = None
            if current:
                depth, close = _closing(current, depth)
            if close:
                inside, after = _split(current, close)
                if bold:
                    inside, after = _without_suffix(inside, "**"), _without_prefix(after, "**")
                found.parts += [inside] if inside else []
                found.after = after
                found.next_line = self.blocks[index][-1].no + 1
                return found
            current = _without_suffix(current, "**") if bold else current
            found.parts += [current] if current else []
            index += 1
            following = self.blocks[index] if index < len(self.blocks) else None
            if following is not None and not self.opens(following):
                if not bold or self.closes_later(index, depth):
                    current = _without_prefix(following, "**") if bold else following
                    continue
                if following[0].text.lstrip().startswith("**"):
                    current = _without_prefix(following, "**")
                    continue
            return self._unclosed(found, bold, index)

    def _unclosed(self, found: _Found, bold: bool, index: int) -> _Found:
        line = self.blocks[0][0].no + 1
        if not bold:
            raise DocumentError(
                f"the response opened here with '[{self.marker}:' is not closed with ']' "
                f"{self.boundary(index)}",
                line,
            )
        last = found.parts[-1][-1].no + 1 if found.parts else line
        self.env["warnings"].append(
            Notice(
                line,
                f"this bold response has no closing ']'; it is taken to end with its bold text "
                f"({self.env['place'](last)})",
            )
        )
        found.next_line = self.blocks[index - 1][-1].no + 1
        return found


def _narrow(state: StateBlock, found: _Found, start: int, end: int) -> None:
    """Cut the response's lines down to their text (markers and wrappers out, others blank)."""
    cuts = {cut.no: cut for part in found.parts for cut in part}
    for no in range(start, end):
        cut = cuts.get(no, Cut(no, ""))
        begin = state.bMarks[no] + cut.start
        state.bMarks[no] = begin
        state.eMarks[no] = begin + len(cut.text)
        indent = len(cut.text) - len(cut.text.lstrip(" \t"))
        state.tShift[no] = state.sCount[no] = indent
        state.env["view"][no] = cut.text


def _push_after(state: StateBlock, after: Part, next_line: int) -> None:
    """Text after the closing ``]``: a paragraph of its own, with a warning."""
    first = after[0].no
    state.env["warnings"].append(
        Notice(first + 1, "text after a response's closing ']' is kept as a paragraph after it")
    )
    state.push("paragraph_open", "p", 1).map = [first, next_line]
    token = state.push("inline", "", 0)
    token.content = "\n".join(cut.text.strip() for cut in after)
    token.map = [first, next_line]
    token.children = []
    state.push("paragraph_close", "p", -1)


def response_rule(marker: str) -> Callable[[StateBlock, int, int, bool], bool]:
    """The block rule reading responses opened by ``[MARKER:`` at the root of the document."""
    pattern = opening(marker)

    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        line = state.src[state.bMarks[start] : state.eMarks[start]]
        if state.parentType != "root" or not pattern.match(line):
            return False
        if silent:
            return True
        found = _Scanner(state, start, marker).scan()
        last = found.parts[-1][-1].no + 1 if found.parts else start
        _narrow(state, found, start, last)
        opened = state.push("response_open", "div", 1)
        opened.map = [start, found.next_line]
        saved = state.parentType, state.lineMax
        state.parentType, state.lineMax = "response", last
        if found.parts:
            state.md.block.tokenize(state, start, last)
        state.parentType, state.lineMax = saved
        state.push("response_close", "div", -1)
        if found.after:
            _push_after(state, found.after, found.next_line)
        state.line = found.next_line
        return True

    return rule


def responses_plugin(md: MarkdownIt, marker: str) -> None:
    """Add the response rule (markdown-it plugin): ``md.use(responses_plugin, "EOW")``."""
    md.block.ruler.before("paragraph", "response", response_rule(marker))
