"""Where a cross-reference points inside a package, per LMS.

A resolved reference names a target document and anchor. Inside Canvas it becomes a
``$WIKI_REFERENCE$`` link to the package page that holds the anchor; Moodle cannot follow links
between package pages, so there it points at the published archive (``html_baseurl``) or, when
the archive has no address, it becomes plain text: never a dead link.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from docutils import nodes

from . import canvas


@dataclass(frozen=True, slots=True)
class Target:
    """A reference target: the document, the anchor ("" for the document itself)."""

    docname: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Archive:
    """Addresses in the published HTML archive; ``baseurl`` "" means unpublished."""

    baseurl: str
    suffix: str = ".html"

    def url(self, target: Target) -> str:
        """Absolute URL of ``target`` in the archive ("" when unpublished)."""
        if not self.baseurl:
            return ""
        url = f"{self.baseurl.rstrip('/')}/{target.docname}{self.suffix}"
        return f"{url}#{target.anchor}" if target.anchor else url


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


def canvas_policy(pages: PageMap, archive: Archive) -> LinkPolicy:
    """Canvas: page links inside the course; the archive (or text) for anything else."""

    def link(target: Target, here: str) -> str:
        page = pages.page_of(target)
        if not page:
            return archive.url(target)
        fragment = pages.fragment_of(target) if target.anchor != page else ""
        if page == here:
            return f"#{fragment}" if fragment else ""
        return canvas.page_link(page, fragment)

    return link


def archive_policy(archive: Archive) -> LinkPolicy:
    """Moodle (and generic CC): the published archive, or plain text."""

    def link(target: Target, here: str) -> str:
        return archive.url(target)

    return link


def rewrite_references(
    tree: nodes.Element,
    docname: str,
    doc_of: Callable[[str], str],
    policy: LinkPolicy,
    here: str,
) -> None:
    """Point every internal reference in ``tree`` where ``policy`` says, or make it plain text.

    ``doc_of`` maps the builder's target URIs back to docnames; external links are kept.
    """
    for reference in list(tree.findall(nodes.reference)):
        if "refid" in reference:
            target = Target(docname, reference["refid"])
        elif reference.get("internal") and "refuri" in reference:
            uri, _, anchor = reference["refuri"].partition("#")
            target = Target(doc_of(uri) if uri else docname, anchor)
        else:
            continue
        href = policy(target, here)
        if href:
            reference.attributes.pop("refid", None)
            reference["refuri"] = href
        else:
            reference.replace_self(nodes.inline("", "", *reference.children))
