"""The one identity of the archive: every id, anchor, file name and LMS identifier, and the
one name folding.

Ids derive from stable facts only (week number and student, or an explicit id), never from a
position. :func:`fold` is the single normalisation of names and text: slugs, roster look-ups,
duplicate checks and the public build's scrubbing all compare folded text, so "Łukasz
Østergaard", "Lukasz Ostergaard" and "ŁUKASZ ØSTERGAARD" are one name everywhere.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from enum import Enum
from pathlib import PurePosixPath

from slugify import slugify
from text_unidecode import unidecode

#: What a valid anchor looks like: lowercase ASCII words joined by single hyphens, letter first.
ANCHOR_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
#: Longest file or folder name, and longest path, written into an output or package (bytes).
MAX_COMPONENT_BYTES = 120
MAX_PATH_BYTES = 240
#: Anchor of the page standing for the archive itself (its root document) in packages.
ABOUT_ANCHOR = "about"
#: Anchor of the link to the published web archive in packages.
ARCHIVE_ANCHOR = "archive"

_APOSTROPHES = [["'", ""], ["\u2019", ""], ["\u02bc", ""]]
#: Default-ignorable code points outside category Cf (combining grapheme joiner, Hangul
#: fillers, variation selectors, Mongolian free variation selectors).
_IGNORABLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]"
)


class LmsRole(Enum):
    """What an LMS identifier names; each role is a distinct prefix, so one object's manifest
    entries never collide."""

    RESOURCE = "res"
    ITEM = "item"
    WEEK_FOLDER = "week"
    TOPIC = "topic"
    TOPIC_ITEM = "topicitem"
    TOPIC_META = "topicmeta"
    MANIFEST = "man"
    ASSET = "asset"
    FOLDER = "folder"
    LINK = "link"
    COURSE = "course"
    MODULE = "module"
    MODULE_ITEM = "mi"
    DISCUSSION_ITEM = "midiscussion"
    ORGANIZATION = "org"
    ROOT_ITEM = "root"


class IdentityError(ValueError):
    """A name or path the identity cannot turn into a valid id or file name."""


def is_ignorable(char: str) -> bool:
    """Tell whether ``char`` is invisible: soft hyphen, zero-width (non-)joiners, BOM, ..."""
    return unicodedata.category(char) == "Cf" or bool(_IGNORABLE.match(char))


@functools.cache
def _fold_char(char: str) -> str:
    if is_ignorable(char):
        return ""
    parts = unicodedata.normalize("NFKD", char)
    kept = "".join(part for part in parts if not unicodedata.combining(part))
    return unidecode(kept.casefold()).lower() if kept else ""


def fold_with_origin(text: str) -> tuple[str, list[int]]:
    """:func:`fold` of ``text``, with the index in ``text`` of each folded character."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        out = _fold_char(char)
        folded.append(out)
        origin.extend([index] * len(out))
    return "".join(folded), origin


def fold(text: str) -> str:
    """The one folding of names and text: compatibility-decomposed, invisible characters and
    diacritics removed, case-folded and transliterated to lowercase ASCII."""
    return fold_with_origin(text)[0]


def clean_name(text: str) -> str:
    """A person's name as written, tidied for display: NFC, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@functools.lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """The lowercase ASCII slug of user text ('' when nothing sluggable is left).

    The slug is made from :func:`fold`, so names that differ only in case, diacritics,
    invisible characters or Unicode form give the same slug; apostrophes vanish (O'Brien ->
    obrien). Remembered: every index, page and package asks for the same students' slugs.
    """
    return slugify(fold(text), replacements=_APOSTROPHES)


def name_key(name: str) -> str:
    """The key under which two spellings of a name are the same person (roster, indices)."""
    return slug(name)


def is_valid_anchor(anchor: str) -> bool:
    """Tell whether ``anchor`` is usable as-is as an HTML id, label and NCName tail."""
    return bool(ANCHOR_PATTERN.match(anchor))


def is_valid_prefix(prefix: str) -> bool:
    """Tell whether ``prefix`` ("" or e.g. ``t2013-fall-``) makes valid anchors before ``w06``."""
    return not prefix or (is_valid_anchor(prefix.removesuffix("-")) and prefix.endswith("-"))


def term_prefix(key: str, explicit: str | None = None, archive_prefix: str = "") -> str:
    """The anchor prefix of a term's objects: the archive's prefix, then the term's own (its
    ``:anchor-prefix:``, else ``t2013-fall-`` from its key; none for the implicit term "")."""
    own = explicit if explicit is not None else (f"t{key}-" if key else "")
    return f"{archive_prefix}{own}"


def course_anchor(name: str, term_prefix: str = "") -> str:
    """Anchor of a course-level object of a term's package (``about``, ``archive``): with the
    term's prefix, so packages of different terms share no identifier."""
    return f"{term_prefix}{name}"


def term_package_name(course: str, key: str) -> str:
    """File stem of a term's outputs (PDF, packages): ``sociology-929-2013-fall``."""
    return "-".join(part for part in (slug(course), key) if part) or "archive"


def week_anchor(week: int, prefix: str = "") -> str:
    """Anchor of a week: ``w06`` (with an optional archive-wide prefix)."""
    return f"{prefix}w{week:02d}"


def interrogation_anchor(week: int, student_slug: str, prefix: str = "") -> str:
    """Anchor of a student's interrogation in a week: ``w06-dmytro-khutkyy``."""
    return f"{week_anchor(week, prefix)}-{student_slug}"


def response_anchor(interrogation: str, ordinal: int) -> str:
    """Anchor of the ``ordinal``-th response (1-based) to an interrogation."""
    return f"{interrogation}-response" if ordinal == 1 else f"{interrogation}-response-{ordinal}"


def overview_anchor(week: str) -> str:
    """Anchor of a week's overview page in a package: ``w06-overview``."""
    return f"{week}-overview"


def pdf_destination(anchor: str) -> str:
    """Name of the PDF bookmark destination of the object with ``anchor``."""
    return f"seminar.{anchor}"


def lms_identifier(anchor: str, role: LmsRole = LmsRole.RESOURCE) -> str:
    """Common Cartridge identifier (an NCName) of the object with ``anchor`` in ``role``."""
    return f"{role.value}_{anchor}"


def checked_path(path: str) -> str:
    """``path`` (a ``/``-separated output or package path) if within the length limits.

    Raises :class:`IdentityError` naming the limit a component or the whole path exceeds.
    """
    if len(path.encode()) > MAX_PATH_BYTES:
        raise IdentityError(f"path longer than {MAX_PATH_BYTES} bytes: {path!r}")
    for component in path.split("/"):
        if len(component.encode()) > MAX_COMPONENT_BYTES:
            raise IdentityError(
                f"file or folder name longer than {MAX_COMPONENT_BYTES} bytes: {component!r}"
            )
    return path


def page_file(folder: str, anchor: str) -> str:
    """Package path of the page with ``anchor`` in ``folder``: ``wiki_content/w06-a.html``."""
    name = page_name(anchor)
    return checked_path(f"{folder}/{name}.html" if folder else f"{name}.html")


def file_stem(name: str, fallback: str) -> str:
    """A lowercase ASCII file stem for user-named files (``fallback`` if nothing is left)."""
    return slug(name)[:MAX_COMPONENT_BYTES - 16].rstrip("-") or fallback


# -- package names (LMS exporters) --------------------------------------------------------

#: the longest suffix a package adds to an anchor in a file name ("-discussion-meta.xml")
LONGEST_PACKAGE_SUFFIX = len("-discussion-meta.xml")
#: the longest week anchor without its prefix ("w999")
LONGEST_WEEK = len("w999")
#: package folder of images, and path of the web link to the published archive
ASSET_FOLDER = "web_resources/img"
ARCHIVE_LINK_FILE = "links/archive.xml"


def fitted(name: str, limit: int = MAX_COMPONENT_BYTES - LONGEST_PACKAGE_SUFFIX) -> str:
    """``name`` if it fits in ``limit`` bytes, else its start and a hash of the whole.

    Deterministic and collision-safe: two long names sharing a start differ in the hash.
    """
    if len(name.encode()) <= limit:
        return name
    digest = hashlib.sha1(name.encode()).hexdigest()[:10]
    start = name.encode()[: limit - 11].decode(errors="ignore").rstrip("-")
    return f"{start}-{digest}"


def page_name(anchor: str) -> str:
    """A package page's name (its file name, Canvas's page URL): its anchor, fitted."""
    return fitted(anchor)


def prefix_problem(prefix: str) -> str:
    """Why the anchor prefix ``prefix`` cannot name package files ("" if it can)."""
    room = MAX_COMPONENT_BYTES - LONGEST_PACKAGE_SUFFIX - LONGEST_WEEK
    if len(prefix.encode()) > room:
        return f"longer than {room} bytes, it leaves no room for week and student in file names"
    return ""


def course_slug(title: str) -> str:
    """File-name form of a course title: ``sociology-929-interrogations``."""
    return fitted(slug(title), MAX_COMPONENT_BYTES - 16) or "course"


def term_course_slug(title: str, term: str) -> str:
    """File-name form of one term's course: ``sociology-929-interrogations-2013-fall`` (the
    course alone for the implicit term "")."""
    return course_slug(f"{title} {term}" if term else title)


def package_file(course: str, extension: str) -> str:
    """File name of a package of the course with slug ``course``: ``<course>.imscc``."""
    return checked_path(f"{course}.{extension}")


def topic_file(week: str) -> str:
    """Package path of a week's discussion topic descriptor."""
    return checked_path(f"topics/{fitted(week)}-discussion.xml")


def topic_meta_file(week: str) -> str:
    """Package path of a week's Canvas ``topicMeta`` file."""
    return checked_path(f"topics/{fitted(week)}-discussion-meta.xml")


def asset_file(name: str, taken: set[str]) -> str:
    """A lowercase ASCII package path for an image file ``name``, not among ``taken``."""
    path = PurePosixPath(name)
    stem = file_stem(path.stem, "image")
    extension = slug(path.suffix)[:9]
    suffix = f".{extension}" if extension else ""
    candidate, counter = f"{ASSET_FOLDER}/{stem}{suffix}", 1
    while candidate in taken:
        counter += 1
        candidate = f"{ASSET_FOLDER}/{stem}-{counter}{suffix}"
    return checked_path(candidate)


def asset_identifier(path: str) -> str:
    """LMS identifier of the resource declaring the package file at ``path``."""
    return lms_identifier(slug(path), LmsRole.ASSET)
