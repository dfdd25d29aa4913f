"""Where a cross-reference points inside a package: targets, page map and link policies.

A resolved reference names a target document and anchor. Each flavour has a
:data:`LinkPolicy` turning it into an ``href`` ("" for plain text): Canvas links to the package
page holding the anchor, Moodle to the published archive (:func:`archive_policy`), since it
cannot follow links between package pages; an unpublished archive gives text, never a dead
link.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Target:
    """A reference target: the document, the anchor ("" for the document itself)."""

    docname: str
    anchor: str


#: the published address of a target ("" when the archive is unpublished)
ArchiveAddress = Callable[[Target], str]


@dataclass(frozen=True, slots=True)
class PageMap:
    """Which package page holds each anchor, and which page stands for each document."""

    #: anchor -> page anchor
    anchors: Mapping[str, str]
    #: docname -> page anchor (the week overview, the About page)
    documents: Mapping[str, str]
    #: anchors that open their page (an interrogation, a week): linked without a fragment
    heads: frozenset[str] = frozenset()

    def page_of(self, target: Target) -> str:
        """Anchor of the package page holding ``target`` ("" if none)."""
        if target.anchor in self.anchors:
            return self.anchors[target.anchor]
        return self.documents.get(target.docname, "")

    def fragment_of(self, target: Target) -> str:
        """The fragment to add to a link to ``target``'s page ("" for the page itself)."""
        return "" if target.anchor in self.heads else target.anchor


#: (target, anchor of the page being written) -> href, or "" for plain text
LinkPolicy = Callable[[Target, str], str]


def archive_policy(pages: PageMap, archive: ArchiveAddress) -> LinkPolicy:
    """Moodle (and generic CC): the published archive, or plain text."""

    def link(target: Target, here: str) -> str:
        return archive(target)

    return link
