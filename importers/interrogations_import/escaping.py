"""Escaping text for each syntax the importer writes: reStructuredText, MyST, its own Markdown.

For each syntax, one rule set says which characters are markup inside text and which line starts
would begin another construct (a list, a heading, a table, ...); one function applies each. The
writers and the Word reader (which writes the importer's light Markdown) all escape through here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Syntax:
    """What a syntax reads as markup: characters in text, and line starts.

    ``line_start`` matches a line start read as another construct; its group ``delimiter``, when
    it matched, is where the backslash goes (``1\\. text``), else before the first character.
    """

    special: re.Pattern[str]
    line_start: re.Pattern[str]

    def text(self, text: str) -> str:
        """Backslash-escape the markup characters of ``text``."""
        return self.special.sub(lambda match: "\\" + match.group(), text)

    def guard_start(self, line: str) -> str:
        """Escape the start of a line that would be read as another construct than text."""
        match = self.line_start.match(line)
        if not match:
            return line
        at = match.start("delimiter") if match.group("delimiter") else 0
        return f"{line[:at]}\\{line[at:]}"


#: a run of one punctuation character: alone on a reST line, a section underline or a transition
RST_RULE = re.compile(r"(?P<mark>[!-/:-@\[-`{-~])(?P=mark)*")
#: reStructuredText: inline markup characters; a list, table, field, option, comment, target,
#: line block or transition start (a leading ``*`` is emphasis markup here: literal ones are
#: escaped already)
RST = Syntax(
    special=re.compile(r"[\\*`|]|_(?![^\W_])"),
    line_start=re.compile(
        r"""\(?(?:\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+)(?P<delimiter>[.)])(?:\s|$)
          | [-+•‣⁃:|/=.#_>]
          | """
        + RST_RULE.pattern
        + "$",
        re.VERBOSE,
    ),
)

#: MyST (CommonMark with roles, targets, comments and math): punctuation with a meaning; a
#: heading, quote, list, fence, target, comment or block-break start
MYST = Syntax(
    special=re.compile(r"[\\`*_\[\]<>$|~{}]|&(?=#?\w+;)"),
    line_start=re.compile(r"\d{1,9}(?P<delimiter>[.)])(?:\s|$)|[-+=#%:(]"),
)

#: the importer's own light Markdown (what the Word reader writes for the text parser):
#: emphasis and escapes; a list number, heading, separator or bullet start
LIGHT_MARKDOWN = Syntax(
    special=re.compile(r"[\\*]"),
    line_start=re.compile(
        r"\d{1,9}(?P<delimiter>[.)])(?:\s|$)|#|([-_])[ \t]*(?:\2[ \t]*){2,}$|[-+](?:\s|$)"
    ),
)
