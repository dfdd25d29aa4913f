"""Markdown inline emphasis (``*x*``, ``**x**``) to styled spans, after CommonMark's rules.

Only asterisks make emphasis (underscores are text); backslash escapes are resolved; an asterisk
that does not pair up stays text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .model import Span, Spans, Style
from .syntax import ESCAPE


@dataclass(slots=True)
class _Run:
    """A run of asterisks: how many are left unpaired, and the styles it closes and opens."""

    length: int
    can_open: bool
    can_close: bool
    left: int = 0
    closes: list[Style] = field(default_factory=list)
    opens: list[Style] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.left = self.length


def _is_space(char: str) -> bool:
    return not char or char.isspace()


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _run(length: int, before: str, after: str) -> _Run:
    left_flanking = not _is_space(after) and (
        not _is_punctuation(after) or _is_space(before) or _is_punctuation(before)
    )
    right_flanking = not _is_space(before) and (
        not _is_punctuation(before) or _is_space(after) or _is_punctuation(after)
    )
    return _Run(length, can_open=left_flanking, can_close=right_flanking)


def _tokenize(text: str) -> list[str | _Run]:
    pieces: list[str | _Run] = []
    literal: list[str] = []
    index = 0
    while index < len(text):
        escape = ESCAPE.match(text, index)
        if escape:
            literal.append(escape.group(1))
            index = escape.end()
        elif text[index] == "*":
            end = index
            while end < len(text) and text[end] == "*":
                end += 1
            pieces.append("".join(literal))
            literal.clear()
            before = text[index - 1] if index else ""
            after = text[end] if end < len(text) else ""
            pieces.append(_run(end - index, before, after))
            index = end
        else:
            literal.append(text[index])
            index += 1
    pieces.append("".join(literal))
    return pieces


def _forbidden_by_rule_of_three(opener: _Run, closer: _Run) -> bool:
    both = opener.can_close or closer.can_open
    total = opener.length + closer.length
    return both and total % 3 == 0 and not (opener.length % 3 == 0 and closer.length % 3 == 0)


def _pair(pieces: list[str | _Run]) -> None:
    """Pair opening and closing runs, innermost first (CommonMark's process-emphasis)."""
    openers: list[_Run] = []
    for closer in pieces:
        if not isinstance(closer, _Run):
            continue
        while closer.can_close and closer.left:
            depth = len(openers) - 1
            while depth >= 0 and _forbidden_by_rule_of_three(openers[depth], closer):
                depth -= 1
            if depth < 0:
                break
            opener = openers[depth]
            used = 2 if opener.left >= 2 and closer.left >= 2 else 1
            style: Style = "strong" if used == 2 else "emphasis"
            opener.left -= used
            closer.left -= used
            opener.opens.append(style)
            closer.closes.append(style)
            del openers[depth + 1 :]
            if not opener.left:
                openers.pop()
        if closer.can_open and closer.left:
            openers.append(closer)


def parse_inline(text: str) -> tuple[Spans, list[str]]:
    """Styled spans of ``text`` and the problems met (unpaired or nested emphasis)."""
    pieces = _tokenize(text)
    _pair(pieces)
    problems: list[str] = []
    spans: list[Span] = []
    active: list[Style] = []

    def add(chunk: str) -> None:
        if not chunk:
            return
        style: Style = "strong" if "strong" in active else ("emphasis" if active else "plain")
        if spans and spans[-1].style == style:
            spans[-1] = Span(spans[-1].text + chunk, style)
        else:
            spans.append(Span(chunk, style))

    for piece in pieces:
        if isinstance(piece, str):
            add(piece)
            continue
        for style in piece.closes:
            del active[len(active) - 1 - active[::-1].index(style)]
        add("*" * piece.left)
        if piece.left and (piece.can_open or piece.can_close):
            problems.append("an unpaired '*' is kept as text")
        for style in reversed(piece.opens):
            if active and active[-1] != style:
                problems.append("emphasis inside bold text (or the reverse) is kept as bold only")
            active.append(style)
    return tuple(spans), list(dict.fromkeys(problems))


def plain_text(text: str) -> str:
    """The text of ``text`` without emphasis markers or escapes."""
    return "".join(span.text for span in parse_inline(text)[0])
