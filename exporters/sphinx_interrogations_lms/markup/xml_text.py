"""Text XML can hold: the one filter every written XML and HTML file applies to text."""

from __future__ import annotations

import re

#: what XML 1.0 cannot hold: C0 controls but tab and newlines, surrogates, U+FFFE and U+FFFF
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with each character XML cannot hold replaced by U+FFFD (instead of a crash)."""
    return NOT_XML.sub("\ufffd", text)
