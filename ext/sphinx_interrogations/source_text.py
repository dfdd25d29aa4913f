"""Source text as an editor shows it: line numbers that match, markup that is not hidden.

Two kinds of characters make a page mean something other than what its author sees:

- *Line breaks an editor does not show.* docutils splits lines with :meth:`str.splitlines`, which
  also breaks at U+2028, U+2029, NEL, vertical tab, form feed and the file/group/record
  separators; every message after one would name the wrong line. Each becomes a space, so line
  numbers count the line feeds an editor counts (a form feed, an old page break, is blank space).
- *Invisible characters before markup.* A byte order mark or a zero-width character pasted at
  the start of a ``.. interrogation::`` or ``:title:`` line turns the directive into a paragraph
  without a word. Such characters are removed where they stand before markup; elsewhere (a
  zero-width joiner inside a word, a direction mark in Arabic text) they are left alone.

Both run on every source Sphinx reads (``source-read``) and every included file
(``include-read``), before the parser sees the text.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx

#: characters str.splitlines breaks at besides \n and \r
HIDDEN_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_AS_SPACES = str.maketrans(dict.fromkeys(HIDDEN_LINE_BREAKS, " "))
#: format characters nobody sees: BOM, zero-width space/joiners, word joiner, soft hyphen,
#: direction marks and embeddings
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069"
#: invisible characters in a line's indentation, before reST markup (``..``, ``:``, ``-``/``*``)
_BEFORE_MARKUP = re.compile(rf"^([ \t{INVISIBLE}]*)(?=\.\.|:|[-*+] )", re.MULTILINE)
_INVISIBLE_CHAR = re.compile(f"[{INVISIBLE}]")


def as_an_editor_shows(text: str) -> str:
    """``text`` with hidden line breaks as spaces and invisible characters before markup gone."""
    text = text.translate(_AS_SPACES)
    return _BEFORE_MARKUP.sub(lambda match: _INVISIBLE_CHAR.sub("", match[1]), text)


def clean_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: clean a document's text before it is parsed."""
    source[0] = as_an_editor_shows(source[0])


def clean_include(
    app: Sphinx, relative_path: Path, parent_docname: str, content: list[str]
) -> None:
    """``include-read``: clean an included file's text before it is parsed."""
    content[0] = as_an_editor_shows(content[0])


def connect(app: Sphinx) -> None:
    """Clean every source and included file as it is read."""
    app.connect("source-read", clean_source)
    app.connect("include-read", clean_include)
