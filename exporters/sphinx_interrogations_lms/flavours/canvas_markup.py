"""Canvas's HTML allow-list, kept as data (``canvas_allowlist.json``), as a markup policy.

Canvas saves every page body through its own allow-list: an element it lacks is removed with
its ``id`` (so a ``<section id>`` loses the anchor). Canvas pages are therefore written within
that list: the archive's semantic markup narrowed to it, wrappers renamed to ``<div>`` and
inline elements to ``<span>``/``<code>``, so that every anchor survives on an allowed element.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from ..markup.policy import SEMANTIC, Markup, narrowed

ALLOWLIST = Path(__file__).with_name("canvas_allowlist.json")
#: what an element Canvas lacks is written as
RENAMES = {
    **dict.fromkeys(
        ["article", "aside", "footer", "header", "main", "nav", "section", "details", "summary"],
        "div",
    ),
    **dict.fromkeys(
        ["abbr", "bdi", "bdo", "dfn", "mark", "rp", "rt", "ruby", "s", "time", "var"], "span"
    ),
    **dict.fromkeys(["kbd", "samp", "tt"], "code"),
}


@cache
def allowlist() -> dict[str, Any]:
    """The transcribed list: ``elements``, ``attributes`` (``*`` = all) and ``protocols``."""
    return json.loads(ALLOWLIST.read_text(encoding="utf-8"))


def protocols() -> dict[tuple[str, str], frozenset[str]]:
    """(element, attribute) -> the URL schemes Canvas keeps ("" for a relative URL)."""
    listed = allowlist()["protocols"]
    return {tuple(key.split()): frozenset(value) for key, value in listed.items()}


@cache
def canvas_markup() -> Markup:
    """The markup policy of Canvas pages."""
    data = allowlist()
    attributes = {name: frozenset(values) for name, values in data["attributes"].items()}
    return narrowed(SEMANTIC, frozenset(data["elements"]), attributes, RENAMES, protocols())
