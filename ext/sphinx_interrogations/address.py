"""The one place addresses are made: a target (document + anchor) as each reader finds it.

- the web archive (what ``html`` or ``dirhtml`` writes): page URIs relative to its root,
  URL-quoted (spaces, ``#``, ``%``, non-ASCII docnames), ``html_link_suffix`` and dirhtml aware;
  absolute under ``html_baseurl``. Other builders (LaTeX, LMS packages, ...) cite that archive
  as an ``html`` build publishes it.
- the registry (``anchors.json``) and the lock: the same relative and absolute URLs.
- Canvas: ``$WIKI_REFERENCE$/pages/<page>#<anchor>`` between pages of a package.
- Moodle (and generic packages): the published archive's URL, or ``None`` (plain text).

``page#anchor`` is joined by :func:`on_page` only.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote

#: builders whose output is the published web archive (registry, redirects)
PUBLISHING_BUILDERS = frozenset({"html", "dirhtml"})
#: characters a URL fragment may hold as they are (RFC 3986)
FRAGMENT_SAFE = "-._~!$&'()*+,;=:@/?"
WIKI_REFERENCE = "$WIKI_REFERENCE$"


class HtmlConfig(Protocol):
    """The configuration values addresses depend on."""

    html_baseurl: str
    html_link_suffix: str | None
    html_file_suffix: str | None


@dataclass(frozen=True, slots=True)
class Site:
    """How the web archive names its pages."""

    #: ``html_baseurl`` ("" when the archive has no address yet)
    baseurl: str = ""
    #: what follows a page's docname in a link (".html"); unused by dirhtml
    suffix: str = ".html"
    #: pages are folders (``weeks/week06/``), as the ``dirhtml`` builder writes them
    dirhtml: bool = False

    @classmethod
    def of(cls, config: HtmlConfig, builder_name: str = "html") -> Site:
        """The archive as ``builder_name`` publishes it (other builders: as ``html`` would)."""
        suffix = config.html_link_suffix
        if suffix is None:
            suffix = ".html" if config.html_file_suffix is None else config.html_file_suffix
        return cls(config.html_baseurl or "", suffix, builder_name == "dirhtml")

    def page(self, docname: str) -> str:
        """URI of ``docname``'s page, relative to the archive's root, URL-quoted."""
        if not self.dirhtml:
            return quote(docname) + self.suffix
        if docname == "index":
            return ""
        if docname.endswith("/index"):
            return quote(docname.removesuffix("index"))
        return quote(docname) + "/"

    def url(self, docname: str, anchor: str = "") -> str:
        """``weeks/week06.html#w06-dmytro-khutkyy``: relative to the archive's root."""
        return on_page(self.page(docname), anchor)

    def absolute(self, docname: str, anchor: str = "") -> str | None:
        """The published URL (``None`` when ``html_baseurl`` is unset)."""
        return absolute_url(self.baseurl, self.url(docname, anchor))

    def relative(self, source: str, target: str) -> str:
        """The URI of ``target``'s page from ``source``'s page ("" for the same page)."""
        base, to = self.page(source).split("/"), self.page(target).split("/")
        while len(base) > 1 and len(to) > 1 and base[0] == to[0]:
            base, to = base[1:], to[1:]
        if base == to:
            return ""
        if len(base) == 1 and to == [""]:
            return "./"
        return "../" * (len(base) - 1) + "/".join(to)

    def permalink(self, docname: str, anchor: str) -> str:
        """The URL to cite: absolute when ``html_baseurl`` is set, else relative to the root."""
        return self.absolute(docname, anchor) or self.url(docname, anchor)


def on_page(page: str, anchor: str) -> str:
    """The URL of ``anchor`` on ``page`` (the page itself when ``anchor`` is "")."""
    return f"{page}#{quote(anchor, safe=FRAGMENT_SAFE)}" if anchor else page


def page_part(url: str) -> str:
    """The page of a URL made by :func:`on_page` (its fragment removed)."""
    return url.split("#", 1)[0]


def absolute_url(baseurl: str, relative: str) -> str | None:
    """``relative`` under ``baseurl`` (``None`` when the archive has no address)."""
    return posixpath.join(baseurl, relative) if baseurl else None


def canvas_link(page: str, anchor: str = "") -> str:
    """Canvas's link to the package page ``page``, optionally at ``anchor``."""
    return on_page(f"{WIKI_REFERENCE}/pages/{quote(page)}", anchor)


def archive_link(site: Site, docname: str, anchor: str = "") -> str | None:
    """Where a package outside Canvas points for a target: the published archive, or
    ``None`` when it is unpublished (the link becomes text)."""
    return site.absolute(docname, anchor)
