"""The one identity: deterministic, normalising, always a valid anchor; one name folding."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_interrogations import identity as ids
from sphinx_interrogations.identity import LmsRole

names = st.text(min_size=1, max_size=40)


def test_examples() -> None:
    assert ids.slug("Dmytro Khutkyy") == "dmytro-khutkyy"
    assert ids.slug("Zoë O’Brien") == "zoe-obrien"
    assert ids.slug("Anne-Marie  NG") == "anne-marie-ng"
    assert ids.slug("../etc/passwd") == "etc-passwd"
    assert ids.slug("Straße") == "strasse"
    assert ids.slug("!!!") == ""
    assert ids.interrogation_anchor(6, "dmytro-khutkyy") == "w06-dmytro-khutkyy"
    assert ids.interrogation_anchor(12, "a", prefix="soc929-") == "soc929-w12-a"
    assert ids.response_anchor("w06-a", 1) == "w06-a-response"
    assert ids.response_anchor("w06-a", 3) == "w06-a-response-3"
    assert ids.lms_identifier("w06-a") == "res_w06-a"
    assert ids.lms_identifier("w06", LmsRole.MODULE) == "module_w06"
    assert ids.overview_anchor("w06") == "w06-overview"


@given(names)
def test_slug_is_deterministic_and_valid(name: str) -> None:
    first = ids.slug(name)
    assert first == ids.slug(name)
    assert first == "" or re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", first)
    assert "/" not in first and ".." not in first and " " not in first


@given(names)
def test_case_and_normal_form_do_not_matter(name: str) -> None:
    variants = {
        unicodedata.normalize("NFC", name),
        unicodedata.normalize("NFD", name),
        name.upper(),
        name.casefold(),
    }
    assert len({ids.slug(variant) for variant in variants}) == 1


@given(st.integers(min_value=1, max_value=999), names)
def test_anchors_from_sluggable_names_are_valid(week: int, name: str) -> None:
    student = ids.slug(name)
    if student:
        anchor = ids.interrogation_anchor(week, student)
        assert ids.is_valid_anchor(anchor)
        assert ids.is_valid_anchor(ids.response_anchor(anchor, 2))


@given(names, names)
def test_different_students_get_different_ids(first: str, second: str) -> None:
    """Names collide only when they spell the same letters and digits (then it is reported)."""
    if ids.slug(first) == ids.slug(second):

        def letters(name: str) -> str:
            return "".join(ch for ch in ids.slug(name) if ch.isalnum())

        assert letters(first) == letters(second)


SPELLINGS = ("Łukasz Østergaard", "Lukasz Ostergaard", "ŁUKASZ ØSTERGAARD")


def test_one_folding_for_every_spelling() -> None:
    assert {ids.fold(name) for name in SPELLINGS} == {"lukasz ostergaard"}
    assert {ids.slug(name) for name in SPELLINGS} == {"lukasz-ostergaard"}
    # invisible characters (soft hyphen, zero-width space/joiners, BOM) never count
    assert ids.fold("\ufeffDmy\u00adtro Khu\u200btk\u200dyy\u200c") == "dmytro khutkyy"
    assert ids.slug("Dmy\u00adtro Khut\u200bkyy") == "dmytro-khutkyy"
    assert ids.fold("Ｄｍｙｔｒｏ") == "dmytro"  # compatibility forms (full width) fold too


@given(names)
def test_fold_with_origin_points_into_the_text(text: str) -> None:
    folded, origin = ids.fold_with_origin(text)
    assert folded == ids.fold(text) and len(origin) == len(folded)
    assert origin == sorted(origin) and all(0 <= index < len(text) for index in origin)


def test_path_limits() -> None:
    assert ids.page_file("wiki_content", "w06-a") == "wiki_content/w06-a.html"
    assert ids.checked_path("a/" + "b" * 120) == "a/" + "b" * 120
    with pytest.raises(ids.IdentityError, match="longer than 120 bytes"):
        ids.checked_path("a/" + "é" * 61)  # 122 bytes in UTF-8
    with pytest.raises(ids.IdentityError, match="path longer than 240 bytes"):
        ids.checked_path("/".join(["c" * 100] * 3))
