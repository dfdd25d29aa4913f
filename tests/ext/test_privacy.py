"""Privacy core: roster, consent, keyed pseudonyms, and finding names in text."""

from __future__ import annotations

import textwrap
import unicodedata
from pathlib import Path

import pytest
from sphinx.errors import ConfigError

from sphinx_interrogations.identity import slug
from sphinx_interrogations.privacy import (
    CODE_ALPHABET,
    WITHHELD,
    Privacy,
    Student,
    load_roster,
    pseudonym_code,
    pseudonyms,
    stricter,
)

KEY = b"test-key-not-a-secret-0123"
ROSTER = """\
name,aliases,consent,number
José Núñez,Pepe,pseudonym,
Anne-Marie Ng,,pseudonym,7
Zoë O'Brien,Zoe OBrien,exclude,
Will Rose,,pseudonym,
Ada Lovelace,,named,
Michael Blix,,pseudonym,
Michael Smith,,pseudonym,
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def privacy(tmp_path: Path) -> Privacy:
    roster = write(tmp_path, "roster.csv", ROSTER)
    return Privacy(roster, load_roster(roster), KEY)


def public_name(privacy: Privacy, name: str) -> str:
    return next(privacy.pseudonyms[s.row] for s in privacy.students if s.name == name)


def test_csv_and_toml_rosters_read_alike(tmp_path: Path) -> None:
    csv_students = load_roster(write(tmp_path, "r.csv", ROSTER))
    toml = write(
        tmp_path,
        "r.toml",
        """\
        [[student]]
        name = "José Núñez"
        aliases = ["Pepe"]

        [[student]]
        name = "Anne-Marie Ng"
        number = 7

        [[student]]
        name = "Zoë O'Brien"
        aliases = "Zoe OBrien"
        consent = "exclude"
        """,
    )
    toml_students = load_roster(toml)

    def facts(students: list[Student]) -> list[tuple[object, ...]]:
        return [(s.name, s.aliases, s.consent, s.number) for s in students]

    assert facts(toml_students) == facts(csv_students)[:3]
    assert facts(toml_students)[0] == ("José Núñez", ("Pepe",), "pseudonym", None)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,consnet\nA B,named\n", r"entry 2: unknown roster column\(s\) \['consnet'\]"),
        ("name,consent\nA B,maybe\n", "entry 2: consent must be one of named, pseudonym, exclude"),
        ("name,number\nA B,0\n", "entry 2: number must be a whole number from 1 to 999"),
        ("name,number\nA B,x\n", "entry 2: number must be a whole number"),
        ("name\n!!!\n", "entry 2: a roster entry needs a name"),
        ("name,aliases\nA B,\nC D,a  b\n", "entries 2 and 3 share a name or alias"),
        ("name,number\nA B,4\nC D,4\n", "entries 2 and 3 share a number"),
    ],
)
def test_roster_mistakes_are_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_roster(write(tmp_path, "roster.csv", text))


def test_codes_are_keyed_stable_and_wordless() -> None:
    names = [f"Student Name {index}" for index in range(40)]
    codes = [pseudonym_code(KEY, name) for name in names]
    assert codes == [pseudonym_code(KEY, name) for name in names]
    other = [pseudonym_code(b"another-key-of-enough-length", name) for name in names]
    assert sum(a != b for a, b in zip(codes, other, strict=True)) >= 38
    assert all(len(code) == 4 and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert not set("AEIOUaeiou") & set(CODE_ALPHABET)
    # the code follows the person, not the spelling
    assert pseudonym_code(KEY, "JOSÉ  Núñez") == pseudonym_code(KEY, "José Núñez")
    nfd = unicodedata.normalize("NFD", "José Núñez")
    assert pseudonym_code(KEY, nfd) == pseudonym_code(KEY, "José Núñez")


def test_fixed_numbers_need_no_key_and_clashing_codes_are_an_error() -> None:
    numbered = Student("A B", (), "pseudonym", 7, 2)
    unnumbered = Student("C D", (), "pseudonym", None, 3)
    assert pseudonyms([numbered, unnumbered], None) == {2: "Student 07"}
    seen: dict[str, str] = {}
    for index in range(100_000):
        name = f"Person {index}"
        code = pseudonym_code(KEY, name)
        if code in seen:
            break
        seen[code] = name
    clash = [Student(seen[code], (), "pseudonym", None, 2), Student(name, (), "pseudonym", None, 5)]
    with pytest.raises(ConfigError, match="roster entries 2 and 5 get the same pseudonym"):
        pseudonyms(clash, KEY)


def test_the_stricter_consent_wins() -> None:
    assert stricter("named", "pseudonym") == "pseudonym"
    assert stricter("pseudonym", "named") == "pseudonym"
    assert stricter("pseudonym", "exclude") == "exclude"
    assert stricter("exclude", None) == "exclude"


def test_identity_follows_consent(privacy: Privacy) -> None:
    jose = public_name(privacy, "José Núñez")
    assert privacy.identity("Jose NUNEZ", "NUNEZ", None, None) == (jose, jose)
    assert privacy.identity("Pepe", "Pepe", None, None) == (jose, jose)
    assert privacy.identity("Anne-Marie Ng", "Ng", None, None) == ("Student 07", "Student 07")
    assert privacy.identity("Ada Lovelace", "Lovelace", None, None) == ("Ada Lovelace", "Lovelace")
    assert privacy.identity("Ada Lovelace", "Lovelace", "exclude", None) is None
    assert privacy.identity("Zoë O'Brien", "O'Brien", "named", None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("José asked.", "{jose} asked."),
        (unicodedata.normalize("NFD", "Núñez, José wrote"), "{jose} wrote"),
        ("JOSE NUNEZ (2013) and Pepe", "{jose} (2013) and {jose}"),
        ("As Anne-Marie's note says", "As Student 07's note says"),
        ("Anne Marie Ng, Anne, and Ng", "Student 07, Student 07, and Student 07"),
        ("Zoë O’Brien and zoe obrien", f"{WITHHELD} and {WITHHELD}"),
        ("Blix, thanks", "{blix}, thanks"),
        ("annex, Nguyen, josefina, ngram", "annex, Nguyen, josefina, ngram"),
        ("Ada Lovelace agrees", "Ada Lovelace agrees"),
    ],
)
def test_mentions_are_replaced(privacy: Privacy, text: str, expected: str) -> None:
    names = {
        "jose": public_name(privacy, "José Núñez"),
        "blix": public_name(privacy, "Michael Blix"),
    }
    scrubbed = privacy.scrub(text)
    assert scrubbed.text == expected.format(**names)
    assert scrubbed.unsure == ()


def test_unsure_mentions_are_left_and_reported(privacy: Privacy) -> None:
    text = "Will, I will ask Michael; Rose agrees. Will Rose too."
    scrubbed = privacy.scrub(text)
    will = public_name(privacy, "Will Rose")
    assert scrubbed.text == f"Will, I will ask Michael; Rose agrees. {will} too."
    assert scrubbed.unsure == (
        ("Will", "also a common English word"),
        ("will", "also a common English word"),
        ("Michael", "a name shared by several students"),
        ("Rose", "also a common English word"),
    )


def test_identifiers_get_slugs(privacy: Privacy) -> None:
    jose = slug(public_name(privacy, "José Núñez"))
    assert privacy.scrub("w02-jose-nunez-response-2", identifier=True).text == (
        f"w02-{jose}-response-2"
    )
    assert privacy.scrub("w01-anne-marie-ng", identifier=True).text == "w01-student-07"
    assert privacy.scrub("notes on josé núñez's question", identifier=True).text == (
        f"notes on {jose}'s question"
    )
    assert privacy.scrub("w02-zoe-o-brien", identifier=True).text == "w02-withheld"
    assert privacy.names_withheld("w02-withheld-response")
    assert not privacy.names_withheld("w02-withheldness")


@pytest.mark.parametrize("roster_name", ["Łukasz Østergaard", "Lukasz Ostergaard"])
def test_roster_and_scrubber_agree_on_every_spelling(tmp_path: Path, roster_name: str) -> None:
    """One folding serves the roster look-up and the scrubbing: whichever spelling the roster
    holds, every spelling in a directive or in running text is the same student."""
    roster = write(tmp_path, "roster.csv", f"name,consent,number\n{roster_name},pseudonym,3\n")
    privacy = Privacy(roster, load_roster(roster), None)
    for spelling in ("Łukasz Østergaard", "Lukasz Ostergaard", "ŁUKASZ ØSTERGAARD"):
        family = spelling.split()[-1]
        assert privacy.identity(spelling, family, None, None) == ("Student 03", "Student 03")
        scrubbed = privacy.scrub(f"As {spelling} argued, and {family.title()} agreed.")
        assert scrubbed.text == "As Student 03 argued, and Student 03 agreed."
