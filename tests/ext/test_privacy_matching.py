"""Finding names after the one normalisation: invisible characters, line-end hyphens, scripts
without spaces, attached particles and digits, and names inside addresses."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_interrogations.privacy import WITHHELD, Privacy, load_roster
from sphinx_interrogations.privacy.matching import match_form

ROSTER = """\
name,aliases,consent,number
Yotaro Natani,,pseudonym,1
Kerem Morgul,,pseudonym,2
Dmytro Khutkyy,,pseudonym,3
李娜,,pseudonym,4
كريم حداد,,pseudonym,5
علي,,pseudonym,6
김민수,,pseudonym,7
Elsa Noterman,,exclude,
Emanuel Ubert,,pseudonym,8
Madi Pape,,pseudonym,9
Ada Lovelace,,named,
"""


@pytest.fixture
def privacy(tmp_path: Path) -> Privacy:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    return Privacy(roster, load_roster(roster), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Na\u00adtani said", "Student 01 said"),  # soft hyphen
        ("Khut\u200bkyy and Mor\u200dgul", "Student 03 and Student 02"),  # zero-width space, joiner
        ("Yotaro\u2060 Natani\ufeff agrees", "Student 01\ufeff agrees"),  # word joiner, BOM
        ("as Khut-\n   kyy wrote", "as Student 03 wrote"),  # a line-end hyphen
        ("Khut-\nkyy's and Natani-\nlike", "Student 03's and Student 01-\nlike"),
        ("[Natani2013] and 2020Khutkyy", "[Student 01 2013] and 2020 Student 03"),  # digits
        ("ＮＡＴＡＮＩ in full width", "Student 01 in full width"),  # NFKC
        ("Natanis and Morgulian stay", "Natanis and Morgulian stay"),  # letters: no boundary
        ("我和李娜讨论", "我和Student 04讨论"),  # Chinese: inside a run
        ("李\u200b娜说", "Student 04说"),
        ("理纳 and 李 are others", "理纳 and 李 are others"),
        ("تحدثت مع وكريم ولحداد", "تحدثت مع وStudent 05 ولStudent 05"),  # Arabic proclitics
        ("ﻛﺮﻳﻢ", "Student 05"),  # presentation forms (NFKC)
        ("كـريـم", "Student 05"),  # tatweel
        ("عليه السلام", "عليه السلام"),  # a word that merely starts like a name
        ("김민수는 질문했다", "Student 07는 질문했다"),  # a Korean particle
        ("Noterman's point", f"{WITHHELD}'s point"),
        ("Ada Lovelace, named", "Ada Lovelace, named"),
    ],
)
def test_names_are_found_in_the_match_form(privacy: Privacy, text: str, expected: str) -> None:
    assert privacy.scrub(text).text == expected


def test_transliterated_slugs_of_other_scripts_are_found(privacy: Privacy) -> None:
    assert privacy.scrub("w01-li-nuo", identifier=True).text == "w01-student-04"
    assert privacy.scrub("w02-natani2013", identifier=True).text == "w02-student-01-2013"


def test_the_match_form_maps_back_to_the_original(privacy: Privacy) -> None:
    form, origin = match_form("Ｋhut-\n kyy 李娜")
    assert form == "khutkyy 李娜"
    assert [origin[form.index("k", 1)], origin[form.index("李")]] == [7, 11]


@pytest.mark.parametrize(
    ("address", "found"),
    [
        ("https://example.org/~kmorgul/", ["morgul"]),
        ("mailto:kerem.morgul@example.org", ["kerem.morgul"]),
        ("https://example.org/people/Yotaro%20Natani", ["yotaro natani"]),
        ("https://example.org/na\u00adtani/", ["natani"]),
        ("https://example.org/%E6%9D%8E%E5%A8%9C/", ["李娜"]),
        ("https://example.org/lovelace/", []),
        ("https://example.org/~eubert/", ["ubert"]),
        ("https://example.org/papers/elsewhere/", []),
        ("https://example.org/kmorgul2/", ["morgul"]),
        ("https://example.org/courses/seminar/", []),
    ],
)
def test_names_in_addresses(privacy: Privacy, address: str, found: list[str]) -> None:
    assert privacy.names_in_address(address) == found


@pytest.mark.parametrize(
    ("written", "public"),
    [
        ("Yotaro Natani", "Student 01"),
        ("YOTARO  NATANI", "Student 01"),
        ("Elsa Noterman", None),
        ("Ada Lovelace", "Ada Lovelace"),
        ("Prof. Example", "Prof. Example"),
    ],
)
def test_a_responder_is_published_from_the_roster_identity(
    privacy: Privacy, written: str, public: str | None
) -> None:
    assert privacy.responder_name(written) == public
