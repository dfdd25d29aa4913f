"""Adding an entry to a ``toctree`` of a reStructuredText page, leaving the rest of it as it is.

Conservative: the toctree is chosen by its caption (or is the page's only one); an entry already
there is not added again; anything not recognised leaves the page untouched (``None``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)\.\.[ \t]+toctree::[ \t]*$")
OPTION = re.compile(r"^[ \t]+:(?P<name>[a-z-]+):(?:[ \t]+(?P<value>.*?))?[ \t]*$")
#: an entry written "Title <target>" links target
TITLED = re.compile(r"<(?P<target>[^<>]+)>$")


@dataclass(frozen=True, slots=True)
class Toctree:
    """A toctree's place in a page's lines: its caption, and its entries' lines."""

    caption: str
    #: how its entries are indented (as its options, else three spaces more than it)
    indent: str
    #: (line index, target) of each entry, in order
    entries: tuple[tuple[int, str], ...]
    #: the line index just after the toctree's last line (its last entry or option)
    end: int


def target_of(entry: str) -> str:
    """The document an entry links: ``week07``, or ``week07`` in ``Week 7 <week07>``."""
    found = TITLED.search(entry)
    return (found["target"] if found else entry).strip()


def toctrees(lines: list[str]) -> list[Toctree]:
    """Every toctree of a page, with its caption and entries (comments and blank lines left
    out)."""
    found = []
    for start, line in enumerate(lines):
        match = DIRECTIVE.match(line)
        if not match:
            continue
        indent = len(match["indent"].expandtabs())
        caption, inner, entries, end = "", match["indent"] + "   ", [], start + 1
        comment = -1  # the indentation of a comment whose lines are being skipped
        for number in range(start + 1, len(lines)):
            text = lines[number]
            if not text.strip():
                continue
            depth = len(text.expandtabs()) - len(text.expandtabs().lstrip())
            if depth <= indent:
                break
            end = number + 1
            option = OPTION.match(text)
            if 0 <= comment < depth:
                continue
            comment = depth if text.strip().startswith("..") else -1
            if option and not entries and comment < 0:
                inner = text[: len(text) - len(text.lstrip())]
                caption = (option["value"] or "") if option["name"] == "caption" else caption
            elif comment < 0:
                entries.append((number, target_of(text)))
        found.append(Toctree(caption, inner, tuple(entries), end))
    return found


def with_entry(
    text: str, entry: str, caption: str, before: Callable[[str], bool]
) -> tuple[str, bool] | None:
    """``text`` with ``entry`` in its toctree captioned ``caption`` (else its only toctree),
    placed before the first entry ``before`` says it goes before (else last), and whether it
    was added (``False``: it was there already). ``None``: no such toctree."""
    lines = text.splitlines(keepends=True)
    found = toctrees([line.rstrip("\r\n") for line in lines])
    chosen = [tree for tree in found if tree.caption.strip() == caption] or (
        found if len(found) == 1 else []
    )
    if len(chosen) != 1:
        return None
    tree = chosen[0]
    if any(target == entry for _, target in tree.entries):
        return text, False
    if tree.entries:
        first = lines[tree.entries[0][0]]
        indent = first[: len(first) - len(first.lstrip())]
        at = next((n for n, target in tree.entries if before(target)), tree.entries[-1][0] + 1)
        new = [f"{indent}{entry}\n"]
    else:
        at, new = tree.end, ["\n", f"{tree.indent}{entry}\n"]
    if at > 0 and not lines[at - 1].endswith("\n"):
        lines[at - 1] += "\n"
    lines[at:at] = new
    return "".join(lines), True
