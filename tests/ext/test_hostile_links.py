"""Malformed link targets: judged by their scheme alone, never a crash.

``urllib.parse.urlsplit`` raises on a target like ``http://[oops`` (an unclosed IPv6 host);
a student's typo must not stop the build, and a ``javascript:`` target must not pass because
the rest of it is malformed.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_interrogations.sanitize import LMS_MARKERS, SAFE_SCHEMES, is_safe_uri
from tests.helpers import build, parse_html, write_project

#: targets without spaces or control characters, which browsers would ignore in a scheme
plain_targets = st.text(
    st.characters(exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp")), max_size=30
).map(lambda text: text.replace("\x7f", ""))


@given(st.text(max_size=40))
def test_never_raises(uri: str) -> None:
    assert is_safe_uri(uri) in (True, False)


@given(plain_targets)
def test_agrees_with_urlsplit_where_it_can_parse(uri: str) -> None:
    try:
        scheme = urlsplit(uri).scheme
    except ValueError:
        return
    has_marker = any(marker in uri for marker in LMS_MARKERS)
    assert is_safe_uri(uri) == (scheme.lower() in SAFE_SCHEMES and not has_marker)


@given(plain_targets, st.sampled_from(LMS_MARKERS), plain_targets)
def test_a_target_holding_an_lms_marker_is_refused(before: str, marker: str, after: str) -> None:
    assert not is_safe_uri(f"https://example.org/{before}{marker}{after}")
    assert not is_safe_uri(f"{before}{marker}{after}")


@pytest.mark.parametrize("uri", ["http://[oops", "https://host]x/", "//[", "[x]:y"])
def test_malformed_web_addresses_are_links(uri: str) -> None:
    assert is_safe_uri(uri)


@pytest.mark.parametrize(
    "uri", ["javascript://[x", "JavaScript://]", "java\tscript://[", "data:[", "vbscript://["]
)
def test_malformed_script_targets_are_refused(uri: str) -> None:
    assert not is_safe_uri(uri)


WEEK = """
    Week
    ====

    .. week:: 1

    .. interrogation:: Ann Lee

       A `typo-link <http://[oops>`_ and a `script-link <javascript://[x>`_.
"""


def test_a_malformed_link_does_not_stop_the_build(tmp_path: Path) -> None:
    src = write_project(tmp_path / "src", {"index.rst": WEEK})
    result = build(src)
    lines = [line for line in result.warnings.splitlines() if line.strip()]
    assert len(lines) == 1
    refused = "WARNING: unsafe link target 'javascript://[x' refused"
    assert f"{src / 'index.rst'}:8: {refused}" in lines[0]
    page = parse_html(result.outdir / "index.html")
    assert page.xpath("//a[. = 'typo-link']/@href") == ["http://[oops"]
    assert page.xpath("//a[. = 'script-link']") == []
    assert "script-link" in page.text_content()
