"""Where the web archive publishes an object: the one place permalinks are computed.

The web archive is what the ``html`` or ``dirhtml`` builder writes. Other builders (LaTeX,
single-page HTML, ...) still cite that archive, as an ``html`` build would publish it.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from sphinx.builders import Builder

#: builders whose output is the published web archive (registry, redirects)
PUBLISHING_BUILDERS = frozenset({"html", "dirhtml"})


def page_uri(builder: Builder, docname: str) -> str:
    """URI of ``docname``'s page in the web archive, relative to the archive's root."""
    if builder.name in PUBLISHING_BUILDERS:
        return builder.get_target_uri(docname)
    config = builder.config
    suffix = config.html_link_suffix
    if suffix is None:
        suffix = config.html_file_suffix or ".html"
    return quote(docname) + suffix


def relative_url(builder: Builder, docname: str, anchor: str) -> str:
    """``weeks/week06.html#w06-dmytro-khutkyy``: the object's URL from the archive's root."""
    return on_page(page_uri(builder, docname), anchor)


def on_page(page: str, anchor: str) -> str:
    """The URL of ``anchor`` on the page ``page`` (a :func:`page_uri`)."""
    return f"{page}#{anchor}"


def absolute_url(baseurl: str, relative: str) -> str | None:
    """The published URL of ``relative`` under ``html_baseurl`` (``None`` when it is unset)."""
    return posixpath.join(baseurl, relative) if baseurl else None


def permalink(builder: Builder, docname: str, anchor: str) -> str:
    """The URL to cite: absolute when ``html_baseurl`` is set, else relative to the root."""
    relative = relative_url(builder, docname, anchor)
    return absolute_url(builder.config.html_baseurl, relative) or relative
