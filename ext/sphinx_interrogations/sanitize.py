"""Untrusted text stays text: raw markup and unsafe links inside interrogations are refused.

Students' and instructors' text is treated as untrusted. Inside an interrogation (question and
responses), a ``raw`` node is replaced by its source shown as a literal block, unless
``interrogations_allow_raw`` is set, and a link whose scheme is not an ordinary web or mail
scheme (``javascript:``, ``data:``, ...) keeps its text but loses its target. Each refusal is a
located warning, so ``-W`` builds fail and nothing is dropped silently.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .nodes import interrogation

logger = logging.getLogger(__name__)

SAFE_SCHEMES = frozenset({"", "http", "https", "mailto", "ftp", "doi"})
#: a URL's scheme, as ``urllib.parse.urlsplit`` reads it (which raises on "http://[x")
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def is_safe_uri(uri: str) -> bool:
    """Tell whether a link target is an ordinary relative, web or mail address."""
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    cleaned = "".join(char for char in uri if char > " " and char != "\x7f")
    scheme = SCHEME.match(cleaned)
    return (scheme[1].lower() if scheme else "") in SAFE_SCHEMES


class SanitizeUntrustedText(SphinxTransform):
    """Refuse raw markup and unsafe link targets inside interrogations."""

    default_priority = 400

    def apply(self) -> None:
        """Refuse raw markup and unsafe links inside every interrogation."""
        for item in self.document.findall(interrogation):
            if not self.config.interrogations_allow_raw:
                for raw in list(item.findall(nodes.raw)):
                    self.refuse_raw(raw)
            for reference in list(item.findall(nodes.reference)):
                if "refuri" in reference and not is_safe_uri(reference["refuri"]):
                    self.refuse_link(reference)

    def refuse_raw(self, raw: nodes.raw) -> None:
        """Show a raw node's source as a literal block, with a warning."""
        logger.warning(
            "raw %s markup in an interrogation is shown as text "
            "(set interrogations_allow_raw = True to trust it)",
            raw.get("format", ""),
            location=raw,
            type="seminar",
            subtype="raw",
        )
        text = raw.astext()
        shown = nodes.literal_block(text, text, classes=["seminar-refused-raw"])
        shown.source, shown.line = raw.source, raw.line
        raw.replace_self(shown)

    def refuse_link(self, reference: nodes.reference) -> None:
        """Keep a link's text but drop its target, with a warning."""
        logger.warning(
            "unsafe link target %r refused; its text is kept",
            reference["refuri"],
            location=reference,
            type="seminar",
            subtype="link",
        )
        reference.replace_self(nodes.inline(reference.astext(), reference.astext()))
