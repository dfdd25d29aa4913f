"""Redirect pages for published pages that are gone (a week's file was renamed or merged).

Each locked anchor remembers the pages it was published on. When such a page is no longer
built, a small page at its old path sends readers on: JavaScript keeps the ``#fragment`` and
picks the page that now holds that anchor; without JavaScript a meta refresh goes to the
page that took over the week (or most of the old page's anchors), and the body lists links.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass
from html import escape
from typing import Protocol

from .address import on_page


class Locked(Protocol):
    """What a redirect needs of a locked anchor (a :class:`.lock.LockEntry`)."""

    @property
    def kind(self) -> str:
        """Week, interrogation or response."""

    @property
    def docname(self) -> str:
        """Where it was published last."""

    @property
    def former_docnames(self) -> tuple[str, ...]:
        """Earlier pages it was published on."""


@dataclass(frozen=True, slots=True)
class Redirect:
    """One gone page: where it sends readers by default, and per fragment."""

    old_docname: str
    default_docname: str
    #: fragment (locked anchor) -> docname now holding it, sorted by fragment
    targets: tuple[tuple[str, str], ...]


def plan(lock: Mapping[str, Locked], current: dict[str, str], existing: Set[str]) -> list[Redirect]:
    """Redirects for every locked page not in ``existing`` whose anchors live on elsewhere.

    ``current`` maps every id and alias built now to its docname.
    """
    moved: dict[str, dict[str, str]] = defaultdict(dict)
    weeks: dict[str, str] = {}
    for anchor, entry in lock.items():
        new_docname = current.get(anchor)
        if new_docname is None:
            continue
        for old_docname in (entry.docname, *entry.former_docnames):
            if old_docname in existing or old_docname == new_docname:
                continue
            moved[old_docname][anchor] = new_docname
            if entry.kind == "week":
                weeks[old_docname] = new_docname
    redirects = []
    for old_docname in sorted(moved):
        targets = moved[old_docname]
        counts = Counter(targets.values()).most_common()
        most = min(d for d, n in counts if n == counts[0][1])
        default = weeks.get(old_docname, most)
        redirects.append(Redirect(old_docname, default, tuple(sorted(targets.items()))))
    return redirects


def render(
    redirect: Redirect, href: Callable[[str], str], language: str, title: str, message: str
) -> str:
    """The redirect page; ``href(docname)`` is the link to a docname from the old page."""
    default = href(redirect.default_docname)
    targets = {anchor: on_page(href(docname), anchor) for anchor, docname in redirect.targets}
    mapping = json.dumps(targets, sort_keys=True).replace("<", "\\u003c")
    links = "\n".join(
        f'<li><a href="{escape(url)}">{escape(anchor)}</a></li>' for anchor, url in targets.items()
    )
    return f"""<!DOCTYPE html>
<html lang="{escape(language)}">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>{escape(title)}</title>
<script>
(function () {{
  var targets = {mapping};
  var fragment = location.hash.slice(1);
  var known = Object.prototype.hasOwnProperty.call(targets, fragment);
  location.replace(known ? targets[fragment] : {json.dumps(default)} + location.hash);
}})();
</script>
<noscript><meta http-equiv="refresh" content="0; url={escape(default)}"></noscript>
</head>
<body>
<p>{escape(message)} <a href="{escape(default)}">{escape(default or "./")}</a></p>
<ul>
{links}
</ul>
</body>
</html>
"""
