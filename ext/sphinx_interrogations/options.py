"""Option parsing and validation shared by the ``week``, ``interrogation`` and ``response``
directives: names, text, anchors and aliases, each a located error when invalid."""

from __future__ import annotations

import unicodedata

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import identity
from .identity import clean_name

logger = logging.getLogger(__name__)


def split_list(text: str, separator: str) -> tuple[str, ...]:
    """Split an option value into stripped, non-empty parts."""
    return tuple(part.strip() for part in text.split(separator) if part.strip())


def is_control(char: str) -> bool:
    """A control character other than the line breaks and tabs of a multi-line option."""
    return unicodedata.category(char) == "Cc" and char not in "\t\n\r"


class SeminarDirective(SphinxDirective):
    """Shared validation of the three directives."""

    def name_option(self, option: str, value: str) -> str:
        """Return a cleaned name, or raise a located error if it is empty or holds control chars."""
        if any(unicodedata.category(char) == "Cc" for char in value):
            raise self.error(f"{option} contains control characters: {value!r}")
        name = clean_name(value)
        if not name:
            raise self.error(f"{option} is empty")
        return name

    def text_option(self, option: str) -> str:
        """The option's text, NFC with single spaces.

        Control characters are reported (a located error) and left out: they cannot be shown,
        and XML (the LMS packages) cannot hold them.
        """
        value = self.options.get(option, "")
        if any(map(is_control, value)):
            logger.error(
                ":%s: contains control characters: %r (left out)",
                option,
                value,
                location=self.get_location(),
                type="seminar",
                subtype="control",
            )
            value = "".join(char for char in value if not is_control(char))
        return clean_name(value)

    def explicit_anchor(self) -> str | None:
        """The ``:id:`` option, checked to be a valid anchor."""
        anchor = self.options.get("id")
        if anchor is None:
            return None
        if not identity.is_valid_anchor(anchor):
            suggestion = identity.slug(anchor)
            example = f" (e.g. {suggestion!r})" if identity.is_valid_anchor(suggestion) else ""
            raise self.error(
                f"invalid :id: {anchor!r}: use lowercase ASCII letters, digits and single "
                f"hyphens, starting with a letter{example}"
            )
        return anchor

    def aliases(self) -> tuple[str, ...]:
        """The ``:aliases:`` option: earlier anchors that must keep working."""
        aliases = split_list(self.options.get("aliases", ""), " ")
        for alias in aliases:
            if not identity.is_valid_anchor(alias):
                raise self.error(f"invalid alias {alias!r} in :aliases:")
        return aliases

    def parse_body(self) -> list[nodes.Node]:
        """Parse the directive's content as ordinary reStructuredText."""
        return self.parse_content_to_nodes(allow_section_headings=False)
