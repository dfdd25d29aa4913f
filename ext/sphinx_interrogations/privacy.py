"""Public builds: students replaced by stable pseudonyms, consent honoured, mentions scrubbed.

With ``interrogations_public = True`` the interrogation directive asks :func:`published_identity`
who the student is in public ("Student 07"), so every anchor, label, record, index, inventory and
package entry derives from the pseudonym. Names the directive does not see (a student mentioned
in someone's text, a section title, a label, an explicit ``:id:``, a cross-reference target) are
scrubbed from the doctree by :class:`ScrubNames` before the domains collect anything.

The roster (CSV or TOML) lists every student: ``name``, ``aliases`` (other spellings),
``consent`` (``named``, ``pseudonym`` or ``exclude``) and an optional fixed pseudonym ``number``.
Students without a number get a four-character code from a keyed HMAC of their name, so the
mapping cannot be recovered by hashing names; the key lives outside the sources (an environment
variable or a key file). A public build without a roster, or without the key it needs, stops
with a configuration error; it never falls back to names.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import hmac
import os
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from . import ids

logger = logging.getLogger(__name__)

#: Consent levels, least to most restrictive.
CONSENTS = ("named", "pseudonym", "exclude")
PSEUDONYM_LABEL = "Student"
#: Digits and consonants only: codes never spell a word or a name.
CODE_ALPHABET = "23456789BCDFGHJKLMNPQRSTVWXZ"
CODE_LENGTH = 4
MAX_NUMBER = 999
MIN_KEY_BYTES = 16
HMAC_CONTEXT = b"sphinx-interrogations/pseudonym/v1\0"
#: What replaces a mention of a student who is left out of public builds.
WITHHELD = "[name withheld]"
WITHHELD_SLUG = "withheld"
#: What replaces a reference (without explicit text) to a left-out interrogation.
WITHHELD_REFERENCE = "[withheld]"
COMMON_WORD = "also a common English word"
SHARED_NAME = "a name shared by several students"
ROSTER_COLUMNS = frozenset({"name", "aliases", "consent", "number"})

#: First or family names that are also everyday English words: a capitalised one in running
#: text may or may not be the student, so it is reported rather than replaced.
_COMMON_WORDS = """
amber angel april archer art august baker banks barber bell best bill bird bishop black
brook brown bush butler cardinal carpenter chase church cook dawn daisy dean don duke earl
early easter english faith field fields fisher ford fox frank free french friday frost glass
gold golden good grace gray green grey hall hardy heather hill holly hope house hunt hunter
iris iron ivy jack joy judge june king knight lane lily little long lord love major mark
marsh mason may miller noble north page park parker pat pearl piper porter potter price rain
ray reed rice rich river rivers rose ruby sawyer sharp shepherd short silver singer sky small
snow south steel sterling stone storm strong summer sunday swan turner violet walker ward
waters weaver west white will wise wolf wood woods young
"""
COMMON_WORDS = frozenset(_COMMON_WORDS.split())

#: Attributes holding anchors, labels or reference targets: scrubbed into slug form.
IDENTIFIER_ATTRIBUTES = frozenset(
    {
        "ids",
        "backrefs",
        "names",
        "dupnames",
        "refid",
        "refname",
        "reftarget",
        "refuri",
        "parent",
        "aliases",
        "anchorname",
    }
)
#: Attributes left alone: structure, file paths, and the responder (staff, never a student).
KEPT_ATTRIBUTES = frozenset(
    {
        "classes",
        "source",
        "uri",
        "candidates",
        "refdoc",
        "refdomain",
        "reftype",
        "format",
        "xml:space",
        "language",
        "responder",
        "includefiles",
        "docname",
    }
)
#: Text-valued configuration values shown in outputs (titles, metadata, package descriptions).
TEXT_CONFIG_VALUES = (
    "project",
    "author",
    "copyright",
    "html_title",
    "html_short_title",
    "epub_title",
    "epub_author",
    "epub_publisher",
    "epub_copyright",
    "interrogations_course",
    "interrogations_lms_course_title",
    "interrogations_lms_course_code",
    "interrogations_lms_description",
)
#: Tables of a docutils document keyed by ids or names (``names``: docutils 0.23 and newer).
DOCUMENT_TABLES = (
    "ids",
    "names",
    "nameids",
    "nametypes",
    "refnames",
    "refids",
    "footnote_refs",
    "citation_refs",
)
#: Tables some docutils targets keep by name or id.
TARGET_TABLES = ("expect_referenced_by_name", "expect_referenced_by_id")
#: Configuration values forced in public builds: no raw sources, no kept system messages, and
#: no check against the anchor lock (it locks the named anchors of the full archive).
PUBLIC_OVERRIDES = {
    "html_copy_source": False,
    "html_show_sourcelink": False,
    "keep_warnings": False,
    "interrogations_anchor_lock": "",
}

Action = Literal["replace", "keep", "unsure"]


def consent_option(argument: str | None) -> str:
    """Directive option converter for ``:consent:``."""
    return directives.choice(argument, CONSENTS)


def stricter(first: str, second: str | None) -> str:
    """The more restrictive of two consent levels (``second`` may be absent)."""
    if second is None:
        return first
    return max(first, second, key=CONSENTS.index)


# -- the roster ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Student:
    """One roster entry."""

    name: str
    aliases: tuple[str, ...]
    consent: str
    number: int | None
    row: int

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def load_roster(path: Path) -> list[Student]:
    """Read and check a roster: ``.csv`` (header row) or ``.toml`` (``[[student]]`` tables)."""
    if path.suffix.lower() == ".toml":
        with path.open("rb") as file:
            rows = tomllib.load(file).get("student", [])
        start = 1
    else:
        with path.open(newline="", encoding="utf-8-sig") as file:
            rows = list(csv.DictReader(file))
        start = 2  # the header is row 1
    students = [_student(path, row, start + index) for index, row in enumerate(rows)]
    _check_unique(path, students)
    return students


def _student(path: Path, row: dict[str, Any], number: int) -> Student:
    where = f"{path}, entry {number}"
    unknown = set(row) - ROSTER_COLUMNS
    if unknown:
        raise ConfigError(f"{where}: unknown roster column(s) {sorted(unknown)}")
    name = _clean(str(row.get("name") or ""))
    if not ids.slug(name):
        raise ConfigError(f"{where}: a roster entry needs a name")
    aliases = row.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = aliases.split(";")
    consent = _clean(str(row.get("consent") or "pseudonym")).lower()
    if consent not in CONSENTS:
        raise ConfigError(f"{where}: consent must be one of {', '.join(CONSENTS)}")
    fixed = row.get("number")
    if fixed in (None, ""):
        fixed = None
    elif not str(fixed).strip().isdigit() or not 1 <= int(fixed) <= MAX_NUMBER:
        raise ConfigError(f"{where}: number must be a whole number from 1 to {MAX_NUMBER}")
    return Student(
        name=name,
        aliases=tuple(alias for alias in map(_clean, aliases) if ids.slug(alias)),
        consent=consent,
        number=None if fixed is None else int(fixed),
        row=number,
    )


def _check_unique(path: Path, students: list[Student]) -> None:
    spelled: dict[str, Student] = {}
    numbered: dict[int, Student] = {}
    for student in students:
        for spelling in student.spellings:
            other = spelled.setdefault(ids.slug(spelling), student)
            if other is not student:
                raise ConfigError(
                    f"{path}: entries {other.row} and {student.row} share a name or alias"
                )
        if student.number is not None:
            other = numbered.setdefault(student.number, student)
            if other is not student:
                raise ConfigError(f"{path}: entries {other.row} and {student.row} share a number")


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


# -- pseudonyms ----------------------------------------------------------------------------


class Identity(NamedTuple):
    """Who a student is in the output: display name and family name (for sorting, citing)."""

    name: str
    family_name: str


def read_key(env_name: str, key_file: str) -> bytes | None:
    """The pseudonym key from the environment variable, else the key file (None if neither)."""
    if os.environ.get(env_name):
        key = os.environ[env_name].encode()
        origin = f"environment variable {env_name}"
    elif key_file:
        key = Path(key_file).read_bytes().strip()
        origin = key_file
    else:
        return None
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(f"the pseudonym key in {origin} is shorter than {MIN_KEY_BYTES} bytes")
    return key


def pseudonym_code(key: bytes, name: str) -> str:
    """Four-character code for a student, from a keyed HMAC of the name's slug."""
    digest = hmac.new(key, HMAC_CONTEXT + ids.slug(name).encode(), hashlib.sha256).digest()
    value = int.from_bytes(digest[:8], "big")
    code = []
    for _ in range(CODE_LENGTH):
        value, index = divmod(value, len(CODE_ALPHABET))
        code.append(CODE_ALPHABET[index])
    return "".join(code)


def pseudonyms(students: list[Student], key: bytes | None) -> dict[int, str]:
    """Display pseudonym by roster row: fixed numbers as "Student 07", else keyed codes.

    Students without a number are left out when there is no key; a clash of two codes is an
    error (naming rows only: the log must not pair names with pseudonyms).
    """
    chosen: dict[int, str] = {}
    for student in students:
        if student.number is not None:
            chosen[student.row] = f"{PSEUDONYM_LABEL} {student.number:02d}"
        elif key is not None:
            chosen[student.row] = f"{PSEUDONYM_LABEL} {pseudonym_code(key, student.name)}"
    owners: dict[str, int] = {}
    for row, pseudonym in chosen.items():
        owner = owners.setdefault(pseudonym, row)
        if owner != row:
            raise ConfigError(
                f"roster entries {owner} and {row} get the same pseudonym: give one of them a "
                "fixed number"
            )
    return chosen


# -- finding names in text -----------------------------------------------------------------

#: Between two letter runs of a name: nothing, or up to three separators ("O'Brien", "O Brien",
#: "obrien", "zoe-o-brien", "Núñez,  José").
SEPARATOR = r"[\W_]{0,3}"


def fold(text: str) -> tuple[str, list[int]]:
    """Case-fold ``text`` and strip its diacritics, with each folded char's index in ``text``."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            for out in part.casefold():
                folded.append(out)
                origin.append(index)
    return "".join(folded), origin


def letter_runs(text: str) -> list[str]:
    """The folded letter/digit runs of a name: "Zoë O'Brien" -> ["zoe", "o", "brien"]."""
    return re.findall(r"[^\W_]+", fold(text)[0])


@dataclass(frozen=True, slots=True)
class Term:
    """One way a student's name may be written, and what to do where it is found."""

    runs: tuple[str, ...]
    student: Student
    action: Action
    why: str = ""

    @property
    def pattern(self) -> str:
        return SEPARATOR.join(map(re.escape, self.runs))


def terms_of(students: list[Student]) -> list[Term]:
    """Every spelling to look for, longest first (a full name wins over its first name)."""
    parts_of = {student.row: _parts(student) for student in students}
    owners = Counter(part for parts in parts_of.values() for part in set(parts))
    terms: dict[tuple[str, ...], Term] = {}
    for student in students:
        action: Action = "keep" if student.consent == "named" else "replace"
        for spelling in _full_spellings(student):
            terms.setdefault(spelling, Term(spelling, student, action))
        if student.consent == "named":
            continue
        for part in parts_of[student.row]:
            joined = "".join(part)
            if joined in COMMON_WORDS:
                term = Term(part, student, "unsure", COMMON_WORD)
            elif owners[part] > 1:
                term = Term(part, student, "unsure", SHARED_NAME)
            elif len(joined) < 2:
                continue
            else:
                term = Term(part, student, "replace")
            terms.setdefault(part, term)
    return sorted(terms.values(), key=lambda term: -len("".join(term.runs)))


def _full_spellings(student: Student) -> Iterator[tuple[str, ...]]:
    """The name and multi-word aliases, each also family name first ("O'Brien, Zoë")."""
    for spelling in student.spellings:
        words = spelling.split()
        if len(words) < 2:
            continue
        yield tuple(letter_runs(spelling))
        yield tuple(letter_runs(" ".join([words[-1], *words[:-1]])))


def _parts(student: Student) -> list[tuple[str, ...]]:
    """Each word of the name and aliases on its own, and each piece of a hyphenated word
    ("Anne-Marie", "Anne", "Marie", "Ng")."""
    words = [word for spelling in student.spellings for word in spelling.split()]
    pieces = [piece for word in words for piece in (word, *word.split("-"))]
    return list(dict.fromkeys(tuple(letter_runs(p)) for p in pieces if letter_runs(p)))


class Scrubbed(NamedTuple):
    """Text with names replaced, and the mentions left as written because unsure."""

    text: str
    unsure: tuple[tuple[str, str], ...]


class Privacy:
    """A loaded roster with its pseudonyms: who is published how, and name scrubbing."""

    def __init__(self, roster: Path, students: list[Student], key: bytes | None) -> None:
        self.roster = roster
        self.students = students
        self.pseudonyms = pseudonyms(students, key)
        self._by_slug = {ids.slug(s): student for student in students for s in student.spellings}
        self._terms = terms_of(students)
        alternatives = "|".join(f"(?P<t{i}>{term.pattern})" for i, term in enumerate(self._terms))
        self._pattern = re.compile(rf"(?<![^\W_])(?:{alternatives or '(?!)'})(?![^\W_])")

    def missing_pseudonyms(self) -> list[Student]:
        """Students published under a pseudonym who have neither a number nor a key-made code."""
        return [
            student
            for student in self.students
            if student.consent == "pseudonym" and student.row not in self.pseudonyms
        ]

    def identity(
        self, name: str, family_name: str, consent: str | None, location: object
    ) -> Identity | None:
        """The student's public identity, or None when the interrogation is left out."""
        if consent == "exclude":
            return None
        student = self._by_slug.get(ids.slug(name))
        if student is None:
            logger.error(
                "the student of this interrogation is not in the roster %s: left out of this "
                "public build (add them to the roster)",
                self.roster,
                location=location,
                type="seminar",
                subtype="privacy",
            )
            return None
        chosen = stricter(student.consent, consent)
        if chosen == "named":
            return Identity(name, family_name)
        if chosen == "exclude":
            return None
        pseudonym = self.pseudonyms.get(student.row)
        if pseudonym is None:
            logger.error(
                "no pseudonym for the student of this interrogation: give them a number in the "
                "roster or set the pseudonym key; left out of this public build",
                location=location,
                type="seminar",
                subtype="privacy",
            )
            return None
        return Identity(pseudonym, pseudonym)

    def scrub(self, text: str, *, identifier: bool = False) -> Scrubbed:
        """Replace every sure mention of a student in ``text`` by their public name.

        ``identifier`` gives slugs ("student-07") for anchors and labels instead of display
        names. Unsure mentions are left as written and returned, for a located warning.
        """
        folded, origin = fold(text)
        pieces: list[str] = []
        unsure: list[tuple[str, str]] = []
        done = 0
        for match in self._pattern.finditer(folded):
            term = self._terms[int(match.lastgroup[1:])]  # type: ignore[index]
            start = origin[match.start()]
            end = origin[match.end() - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
            if term.action == "keep":
                continue
            if term.action == "unsure":
                unsure.append((text[start:end], term.why))
                continue
            replacement = self._public_name(term.student, identifier)
            pieces += [text[done:start], replacement]
            done = end
        if not pieces:
            return Scrubbed(text, tuple(unsure))
        return Scrubbed("".join([*pieces, text[done:]]), tuple(unsure))

    def names_withheld(self, text: str) -> bool:
        """Whether ``text`` (already scrubbed) names a student left out of the build."""
        return bool(re.search(rf"(?<![^\W_]){WITHHELD_SLUG}(?![^\W_])", text))

    def _public_name(self, student: Student, identifier: bool) -> str:
        if student.consent == "exclude" or student.row not in self.pseudonyms:
            return WITHHELD_SLUG if identifier else WITHHELD
        pseudonym = self.pseudonyms[student.row]
        return ids.slug(pseudonym) if identifier else pseudonym


# -- Sphinx ----------------------------------------------------------------------------------


@functools.cache
def _privacy(roster: Path, modified: int, key: bytes | None) -> Privacy:
    return Privacy(roster, load_roster(roster), key)


def privacy_for(config: Config) -> Privacy:
    """The roster and pseudonyms of a public build (loaded once per roster and key).

    The roster path was made absolute by :func:`prepare_public_build`.
    """
    roster = Path(config.interrogations_roster)
    key = read_key(
        config.interrogations_pseudonym_key_env, config.interrogations_pseudonym_key_file
    )
    return _privacy(roster, roster.stat().st_mtime_ns, key)


def published_identity(
    config: Config, name: str, family_name: str, consent: str | None, location: object
) -> Identity | None:
    """Who the student of an interrogation is in this build; None leaves the item out."""
    if not config.interrogations_public:
        return Identity(name, family_name)
    return privacy_for(config).identity(name, family_name, consent, location)


def prepare_public_build(app: Sphinx, config: Config) -> None:
    """Check a public build's roster and key, scrub titles in the configuration, hide sources.

    Anything missing is a configuration error: a public build never falls back to names.
    """
    if not config.interrogations_public:
        return
    if not config.interrogations_roster:
        raise ConfigError(
            "interrogations_public is on but interrogations_roster is not set: a public build "
            "needs the roster of students (CSV or TOML) to know who to pseudonymize"
        )
    roster = Path(app.confdir, config.interrogations_roster).resolve()
    if not roster.is_file():
        raise ConfigError(f"interrogations_roster: no such file {roster}")
    config.interrogations_roster = str(roster)
    if config.interrogations_pseudonym_key_file:
        key_file = Path(app.confdir, config.interrogations_pseudonym_key_file).resolve()
        if key_file.is_relative_to(Path(app.srcdir).resolve()):
            raise ConfigError(
                f"interrogations_pseudonym_key_file {key_file} is inside the sources: keep the "
                "key outside them"
            )
        config.interrogations_pseudonym_key_file = str(key_file)
    privacy = privacy_for(config)
    missing = privacy.missing_pseudonyms()
    if missing:
        raise ConfigError(
            f"interrogations_public is on but {len(missing)} roster entries (first: entry "
            f"{missing[0].row}) have no fixed number and there is no pseudonym key: set the "
            f"environment variable {config.interrogations_pseudonym_key_env} or "
            "interrogations_pseudonym_key_file (the same key every build keeps pseudonyms stable)"
        )
    for name in TEXT_CONFIG_VALUES:
        if name in config:
            setattr(config, name, _scrub_value(privacy, config[name]))
    if "latex_documents" in config:
        config.latex_documents = [
            (*entry[:2], *(_scrub_value(privacy, value) for value in entry[2:4]), *entry[4:])
            for entry in config.latex_documents
        ]
    for name, value in PUBLIC_OVERRIDES.items():
        if name in config:
            setattr(config, name, value)


def _scrub_value(privacy: Privacy, value: Any, *, identifier: bool = False) -> Any:
    """Scrub a string, or every string in a list or tuple; anything else is returned as is."""
    if isinstance(value, str):
        return privacy.scrub(value, identifier=identifier).text
    if isinstance(value, list | tuple):
        return type(value)(_scrub_value(privacy, item, identifier=identifier) for item in value)
    return value


class ScrubNames(SphinxTransform):
    """In public builds, replace students' names everywhere in the doctree.

    Runs after smart quotes and reference resolution inside the document, and before the
    domains collect objects and labels (850) and titles are collected (doctree-read).
    """

    default_priority = 840

    def apply(self, **kwargs: Any) -> None:
        if not self.config.interrogations_public:
            return
        privacy = privacy_for(self.config)
        self.env.note_dependency(str(privacy.roster))
        self.scrub_text(privacy)
        withheld = self.scrub_attributes(privacy)
        for xref in withheld:
            text = xref.astext() if xref.get("refexplicit") else WITHHELD_REFERENCE
            xref.replace_self(nodes.inline(text, text, classes=["seminar-withheld"]))
        self.scrub_document_tables(privacy)

    def scrub_document_tables(self, privacy: Privacy) -> None:
        """Rename the keys of the document's id and name tables as the attributes were."""
        document = self.document

        def ident(name: str) -> str:
            return privacy.scrub(name, identifier=True).text

        for table in DOCUMENT_TABLES:
            if not hasattr(document, table):
                continue
            renamed = {ident(key): value for key, value in getattr(document, table).items()}
            setattr(document, table, renamed)
        document.nameids = {
            name: ident(id_) if id_ else id_ for name, id_ in document.nameids.items()
        }

    def scrub_text(self, privacy: Privacy) -> None:
        """Scrub every text node but the responder's name, warning where a name is unsure."""
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if parent is None or "seminar-responder" in parent.get("classes", ()):
                continue
            scrubbed = privacy.scrub(str(text))
            for written, why in scrubbed.unsure:
                if why != COMMON_WORD or written[:1].isupper():
                    logger.warning(
                        "possible mention of a student left as written: %r is %s; write the "
                        "full name to pseudonymize it, or reword",
                        written,
                        why,
                        location=parent,
                        type="seminar",
                        subtype="privacy",
                    )
            if scrubbed.text != str(text):
                parent.replace(text, nodes.Text(scrubbed.text))

    @staticmethod
    def drop_named_aliases(privacy: Privacy, element: nodes.Element) -> None:
        """Drop the ``:aliases:`` holding a name: old anchors of the named archive, never
        published under a pseudonym (scrubbed, they could clash with the new anchor)."""
        named = [
            a for a in element.get("aliases", ()) if privacy.scrub(a, identifier=True).text != a
        ]
        if named:
            element["aliases"] = tuple(a for a in element["aliases"] if a not in named)
            element["ids"] = [anchor for anchor in element["ids"] if anchor not in named]

    def scrub_attributes(self, privacy: Privacy) -> list[pending_xref]:
        """Scrub every element's attributes (text, or slugs for identifiers).

        Returns the references whose target belongs to a student left out of the build.
        """
        withheld: list[pending_xref] = []
        for element in self.document.findall(nodes.Element):
            element.rawsource = _scrub_value(privacy, element.rawsource)
            self.drop_named_aliases(privacy, element)
            for name, value in list(element.attributes.items()):
                if name in KEPT_ATTRIBUTES:
                    continue
                identifier = name in IDENTIFIER_ATTRIBUTES
                element[name] = _scrub_value(privacy, value, identifier=identifier)
            for table in TARGET_TABLES:  # pending-reference bookkeeping of docutils targets
                if table in vars(element):
                    renamed = {
                        _scrub_value(privacy, key, identifier=True): node
                        for key, node in vars(element)[table].items()
                    }
                    setattr(element, table, renamed)
            target = element.get("reftarget")
            if isinstance(element, pending_xref) and privacy.names_withheld(str(target)):
                withheld.append(element)
        return withheld
