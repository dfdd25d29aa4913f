"""The checks of a new archive's values, and the term title a key suggests."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_interrogations.scaffold import spec
from sphinx_interrogations.scaffold.spec import InputError


@pytest.mark.parametrize(
    ("key", "title"),
    [
        ("2015-fall", "Fall 2015"),
        ("2013-fall", "Fall 2013"),
        ("fall-2015", "Fall 2015"),
        ("2016-spring-a", "Spring A 2016"),
        ("summer", "Summer"),
        ("2020", "2020"),
    ],
)
def test_term_title_comes_from_the_key_with_the_year_last(key: str, title: str) -> None:
    assert spec.term_title(key) == title


@pytest.mark.parametrize("key", ["2015-fall", "fall", "2015", "a-1-b"])
def test_safe_term_keys_are_accepted(key: str) -> None:
    assert spec.check_term(key) == key


@pytest.mark.parametrize(
    "key",
    ["", "2015-Fall", "2015 fall", "2015--fall", "-fall", "fall-", "../x", "a/b", "é", "a" * 41],
)
def test_unsafe_term_keys_are_refused_with_an_example(key: str) -> None:
    with pytest.raises(InputError, match=r"invalid term key .*e\.g\. 2015-fall"):
        spec.check_term(key)


def test_year_defaults_to_the_keys_and_must_agree_with_it() -> None:
    assert spec.check_year("", "2015-fall") == "2015"
    assert spec.check_year("2015", "2015-fall") == "2015"
    assert spec.check_year("", "fall") == ""
    assert spec.check_year("1999", "fall") == "1999"
    with pytest.raises(InputError, match="the year 2016 contradicts the term key '2015-fall'"):
        spec.check_year("2016", "2015-fall")


@pytest.mark.parametrize("year", ["15", "20155", "year", "２０１５"])
def test_years_need_four_digits(year: str) -> None:
    with pytest.raises(InputError, match=f"invalid year '{year}': write it with four digits"):
        spec.check_year(year, "fall")


@pytest.mark.parametrize("tag", ["en", "de", "fr", "pt_BR", "en_GB", "es"])
def test_language_tags_sphinx_and_latex_know_are_accepted(tag: str) -> None:
    assert spec.check_language(tag) == tag


def test_language_tags_are_written_as_sphinx_spells_them() -> None:
    assert spec.check_language("pt-BR") == "pt_BR"


@pytest.mark.parametrize("tag", ["", "english", "xx", "e", "en GB", "zz_ZZ", "12"])
def test_other_language_tags_are_refused(tag: str) -> None:
    with pytest.raises(InputError, match=r"invalid language .*e\.g\. en, en_GB, de"):
        spec.check_language(tag)


@pytest.mark.parametrize("url", ["", "https://example.org/soc101/", "http://host:8000/a"])
def test_baseurl_is_http_or_empty(url: str) -> None:
    assert spec.check_baseurl(url) == url


@pytest.mark.parametrize(
    "url", ["ftp://example.org/", "example.org", "https://", "javascript:alert(1)", "https://a b/"]
)
def test_other_baseurls_are_refused(url: str) -> None:
    with pytest.raises(InputError, match=r"invalid base URL .*http:// or https://"):
        spec.check_baseurl(url)


def test_text_is_one_clean_line() -> None:
    assert spec.check_text("the course name", "  Sociology \n 101 ", required=True) == (
        "Sociology 101"
    )
    with pytest.raises(InputError, match="the course name must not be empty"):
        spec.check_text("the course name", " \t ", required=True)
    with pytest.raises(InputError, match="the course name contains control characters"):
        spec.check_text("the course name", "Soc\x1b[31m101", required=True)


def test_a_non_empty_folder_is_refused_unless_forced(tmp_path: Path) -> None:
    assert spec.check_path(tmp_path / "new", force=False) == tmp_path / "new"
    assert spec.check_path(tmp_path, force=False) == tmp_path  # empty
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match=r"exists and is not empty: .* pass --force"):
        spec.check_path(tmp_path, force=False)
    assert spec.check_path(tmp_path, force=True) == tmp_path
    with pytest.raises(InputError, match="exists and is not a folder"):
        spec.check_path(tmp_path / "notes.txt", force=True)
