"""Link targets: only ordinary web, mail and relative addresses pass."""

from __future__ import annotations

import pytest

from sphinx_interrogations.sanitize import is_safe_uri


@pytest.mark.parametrize(
    "uri", ["https://example.org/a?b#c", "http://x", "mailto:a@b.c", "../page.html#x", "#frag"]
)
def test_safe(uri: str) -> None:
    assert is_safe_uri(uri)


@pytest.mark.parametrize(
    "uri",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
    ],
)
def test_unsafe(uri: str) -> None:
    assert not is_safe_uri(uri)
