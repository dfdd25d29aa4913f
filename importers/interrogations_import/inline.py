"""Markdown inline text (``*x*``, ``**x**``, backslash escapes) to styled spans, by markdown-it-py.

Only asterisks make emphasis: a rule placed before markdown-it's emphasis rule takes underscores
as text. An asterisk that does not pair up stays text (and is reported when it could have).
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from .model import Span, Spans, Style

#: the only inline rules of the light format (everything else is text)
_INLINE_RULES = ["text", "escape", "emphasis"]
_STYLE_OF: dict[str, Style] = {"em_open": "emphasis", "strong_open": "strong"}
_CLOSING: dict[str, Style] = {"em_close": "emphasis", "strong_close": "strong"}


def _underscore_as_text(state: StateInline, silent: bool) -> bool:
    """Take a run of underscores as plain text (the format has no ``_emphasis_``)."""
    if state.src[state.pos] != "_":
        return False
    end = state.pos
    while end < state.posMax and state.src[end] == "_":
        end += 1
    if not silent:
        state.pending += state.src[state.pos : end]
    state.pos = end
    return True


@cache
def inline_parser() -> MarkdownIt:
    """The markdown-it parser for inline text: escapes and asterisk emphasis only."""
    md = MarkdownIt("commonmark")
    md.inline.ruler.enableOnly(_INLINE_RULES)
    md.inline.ruler.before("emphasis", "underscore_text", _underscore_as_text)
    return md


def _unpaired_problem(state: StateInline) -> list[str]:
    """Whether an asterisk that could open or close emphasis found no partner."""
    closers = {delimiter.end for delimiter in state.delimiters if delimiter.end >= 0}
    for index, delimiter in enumerate(state.delimiters):
        matched = delimiter.end >= 0 or index in closers
        if not matched and (delimiter.open or delimiter.close):
            return ["an unpaired '*' is kept as text"]
    return []


def parse_inline(text: str) -> tuple[Spans, list[str]]:
    """Styled spans of ``text`` and the problems met (unpaired or nested emphasis)."""
    md = inline_parser()
    state = StateInline(text, md, {}, [])
    md.inline.tokenize(state)
    for rule in md.inline.ruler2.getRules(""):
        rule(state)
    problems = _unpaired_problem(state)
    spans: list[Span] = []
    active: list[Style] = []
    for token in state.tokens:
        if token.type in _STYLE_OF:
            if active and active[-1] != _STYLE_OF[token.type]:
                problems.append("emphasis inside bold text (or the reverse) is kept as bold only")
            active.append(_STYLE_OF[token.type])
            continue
        if token.type in _CLOSING:
            del active[len(active) - 1 - active[::-1].index(_CLOSING[token.type])]
            continue
        style: Style = "strong" if "strong" in active else ("emphasis" if active else "plain")
        if not token.content:
            continue
        if spans and spans[-1].style == style:
            spans[-1] = Span(spans[-1].text + token.content, style)
        else:
            spans.append(Span(token.content, style))
    return tuple(spans), list(dict.fromkeys(problems))


@cache
def _picture_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.inline.ruler.enableOnly(["text", "escape", "image"])
    return md


def picture_of(text: str) -> tuple[str, str] | None:
    """(file name, alt text) when ``text`` is exactly one picture: ``![alt](name)``."""
    tokens = _picture_parser().parseInline(text)[0].children or []
    if len(tokens) != 1 or tokens[0].type != "image":
        return None
    alt = "".join(child.content for child in tokens[0].children or [])
    return str(tokens[0].attrGet("src")), alt


def plain_text(text: str) -> str:
    """The text of ``text`` without emphasis markers or escapes."""
    return "".join(span.text for span in parse_inline(text)[0])
