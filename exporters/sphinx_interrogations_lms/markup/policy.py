"""What markup a package page may hold: one :class:`Markup` policy per flavour, as data.

:data:`SEMANTIC` is the archive's own policy for every package: semantic elements and
attributes only, whatever the archive trusts (even when ``interrogations_allow_raw`` lets raw
HTML into the web archive). Scripts, styles, templates, frames and SVG go with their content;
any other element not allowed gives way to its content, so no text is lost. A flavour narrows
it to what its LMS keeps (:func:`narrowed`); elements the LMS would drop with their ``id`` are
renamed to an allowed one (``<section id>`` -> ``<div id>``), so every anchor survives.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: elements dropped with their content, which is code, metadata or graphics, never shown text
DROPPED_WITH_CONTENT = frozenset(
    ["script", "style", "template", "head", "title", "svg", "iframe", "noembed"]
)
#: attributes holding a URL: kept only with a relative URL or one of :data:`SAFE_SCHEMES`
URL_ATTRIBUTES = frozenset(["cite", "href", "src"])
#: the URL schemes of ordinary web and mail links (as the archive's own source check allows)
SAFE_SCHEMES = frozenset(["http", "https", "mailto", "ftp", "doi"])
ALL = "*"
#: MathML elements: nh3 would drop them with their text, so they are kept, then unwrapped
MATHML = frozenset(
    [
        *("math", "maction", "menclose", "merror", "mfenced", "mfrac", "mi", "mlabeledtr"),
        *("mmultiscripts", "mn", "mo", "mover", "mpadded", "mphantom", "mroot", "mrow", "ms"),
        *("mspace", "msqrt", "mstyle", "msub", "msubsup", "msup", "mtable", "mtd", "mtext"),
        *("mtr", "munder", "munderover", "semantics"),
    ]
)


def url_scheme(url: str) -> str:
    """The scheme of ``url`` in lowercase, "" for a relative URL (``../a``, ``#x``, ``$WIKI…``)."""
    head, colon, _ = url.partition(":")
    return head.lower() if colon and not any(char in head for char in "/?#") else ""


@dataclass(frozen=True, slots=True, eq=False)
class Markup:
    """Allowed elements and attributes, renames, and the URL schemes of each URL attribute.

    Compared (and cached) by identity: each policy is built once.
    """

    elements: frozenset[str]
    #: element (or ``*`` for every element) -> its allowed attributes
    attributes: Mapping[str, frozenset[str]]
    #: attribute prefixes allowed on every element (``aria-``)
    attribute_prefixes: frozenset[str] = frozenset()
    #: element -> the allowed element it is written as (keeping its allowed attributes)
    renames: Mapping[str, str] = field(default_factory=dict)
    #: (element, attribute) -> allowed URL schemes, "" for relative; absent: any safe scheme
    schemes: Mapping[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    #: elements whose text is kept but which give way to their content (no attributes)
    unwrapped: frozenset[str] = MATHML

    def attributes_of(self, element: str) -> frozenset[str]:
        """The attributes ``element`` may carry (a renamed one: those of its new name)."""
        name = self.renames.get(element, element)
        return self.attributes.get(ALL, frozenset()) | self.attributes.get(name, frozenset())

    def keeps_url(self, element: str, attribute: str, value: str) -> bool:
        """Whether the URL ``value`` of ``element``'s ``attribute`` may stay, as far as the
        flavour's own schemes go (nh3 refuses every scheme but :data:`SAFE_SCHEMES` anyway)."""
        if attribute not in URL_ATTRIBUTES:
            return True
        allowed = self.schemes.get((self.renames.get(element, element), attribute))
        if allowed is None:
            return True
        return url_scheme(value) in allowed


SEMANTIC = Markup(
    elements=frozenset(
        [
            *("article", "aside", "div", "footer", "header", "main", "nav", "p", "section"),
            *("span", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "wbr", "img"),
            *("a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "i", "ins"),
            *("kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "strong", "sub"),
            *("sup", "time", "tt", "u", "var", "blockquote", "details", "figcaption", "figure"),
            *("pre", "summary", "dd", "dl", "dt", "li", "ol", "ul", "caption", "col"),
            *("colgroup", "table", "tbody", "td", "tfoot", "th", "thead", "tr"),
        ]
    ),
    attributes={
        ALL: frozenset(
            [
                *("abbr", "alt", "cite", "colspan", "datetime", "dir", "headers", "height"),
                *("href", "id", "lang", "open", "reversed", "role", "rowspan", "scope", "span"),
                *("src", "start", "title", "value", "width"),
            ]
        )
    },
    attribute_prefixes=frozenset(["aria-"]),
)


def narrowed(
    base: Markup,
    elements: frozenset[str],
    attributes: Mapping[str, frozenset[str]],
    renames: Mapping[str, str],
    schemes: Mapping[tuple[str, str], frozenset[str]],
) -> Markup:
    """``base`` cut down to an LMS's allow-list (``attributes`` keyed by element or ``*``).

    Every element of ``base`` the LMS lacks must be renamed to one it has, or it gives way to
    its content like any element ``base`` refuses.
    """
    kept = base.elements & elements
    global_base = base.attributes.get(ALL, frozenset())

    def allowed(element: str) -> frozenset[str]:
        own = global_base | base.attributes.get(element, frozenset())
        lms = attributes.get(ALL, frozenset()) | attributes.get(element, frozenset())
        prefixed = {a for a in lms if any(a.startswith(p) for p in base.attribute_prefixes)}
        return (own | prefixed) & lms

    return Markup(
        elements=kept,
        attributes={element: allowed(element) for element in kept},
        renames={old: new for old, new in renames.items() if old in base.elements and new in kept},
        schemes=schemes,
        unwrapped=base.unwrapped,
    )
