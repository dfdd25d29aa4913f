"""Leak scanner: every byte a build produced, searched for students' names in every spelling.

:func:`scan` walks output folders and files: file names, text files (raw, without tags,
HTML-unescaped, URL-decoded, JSON-unescaped, without LaTeX commands), ``objects.inv``
decompressed, zip packages (``.imscc``, ``.zip``, ``.epub``) recursively, and PDFs (page text
via ``pdftotext``, plus every string and uncompressed non-font stream of the file: metadata,
bookmarks, destinations, links). Names are compared case-folded with diacritics and invisible
characters (soft hyphens, zero-width spaces and joiners, ...) stripped, so NFC, NFD, upper case,
ASCII and transliterated spellings all count, and slugs (``jose-nunez``, ``li-nuo``) too; a word
broken by a hyphen at a line end is joined. Latin names are compared run by run (letters and
digits are separate runs: "natani2013"); names in scripts written without spaces, or with
attached particles (Chinese, Japanese, Arabic, Korean), anywhere in the text, and so are
distinctive words of six letters or more (``~kmorgul``).

It deliberately shares no code with the extension's scrubber.
"""

from __future__ import annotations

import csv
import functools
import html
import importlib.util
import io
import itertools
import re
import subprocess
import tarfile
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject, StreamObject
from text_unidecode import unidecode

#: A run of letters, or of digits: names are compared run by run, so word boundaries are exact.
TOKEN = re.compile(r"[^\W\d_]+|\d+")
COMBINING = re.compile(
    "["
    + "".join(re.escape(chr(c)) for c in range(0x300, 0x10000) if unicodedata.combining(chr(c)))
    + "]"
)
#: Invisible characters: format characters (soft hyphen, zero-width space/joiners, BOM, word
#: joiner, ...), variation selectors, Hangul fillers, combining grapheme joiner, tatweel.
INVISIBLE = re.compile(
    "["
    + "".join(re.escape(chr(c)) for c in range(0x10000) if unicodedata.category(chr(c)) == "Cf")
    + "\u034f\u115f\u1160\u3164\uffa0\u0640\ufe00-\ufe0f\U000e0000-\U000e0fff]"
)
#: Letters of scripts whose names a text may write without a space around them.
UNSPACED = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\u0e00-\u0fff\u1000-\u11ff\u1780-\u17ff"
    "\u2e80-\u2fdf\u3040-\u30ff\u3131-\u318e\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
    "\uf900-\ufaff\U00020000-\U0003134f]"
)
LINE_END_HYPHEN = re.compile(r"[-\u2010][ \t]*\r?\n[ \t]*")
#: Most separators between two runs of one name ("O'Brien", "Núñez,  José", "zoe-o-brien").
MAX_GAP = 3
ZIP_SUFFIXES = (".zip", ".imscc", ".epub")
#: gzip-compressed tars: the Moodle course backup
TAR_SUFFIXES = (".mbz", ".tar.gz", ".tgz")
INVENTORY_HEADER = b"# Sphinx inventory version 2"
FONT_STREAM_KEYS = ("/Length1", "/Length2", "/Length3")
#: Packages whose files builds copy verbatim into their output.
VERBATIM_SOURCES = ("sphinx", "alabaster", "furo", "sphinx_design", "sphinx_interrogations")


@dataclass(frozen=True, slots=True)
class Needle:
    """One spelling to look for; ``in_binary`` ones are distinctive enough for any bytes.

    ``letters`` is the spelling's runs of letters run together ("zoeobrien"); ``splits`` are the
    places a text may separate them, between runs ("zoe-obrien", "zoe o brien").
    """

    label: str
    letters: str
    splits: frozenset[int]
    in_binary: bool

    @property
    def anywhere(self) -> bool:
        """Whether the needle is also looked for anywhere, not only by runs: a name in a script
        without spaces, or one distinctive word ("morgul" in ``~kmorgul``)."""
        return bool(UNSPACED.search(self.letters)) or (self.in_binary and not self.splits)


@dataclass(frozen=True, slots=True)
class Leak:
    """A needle found: where (file, or ``package!member``, and the view) and around what."""

    where: str
    needle: str
    context: str


def fold(text: str) -> str:
    """Case-fold, strip diacritics and invisible characters (NFC and NFD spellings fold alike)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", INVISIBLE.sub("", text))
    return unicodedata.normalize("NFC", COMBINING.sub("", decomposed)).casefold()


def runs(text: str) -> list[str]:
    return TOKEN.findall(fold(text))


def _needle(label: str, letter_runs: list[str], in_binary: bool) -> Needle:
    splits = frozenset(len("".join(letter_runs[:count])) for count in range(1, len(letter_runs)))
    return Needle(label, "".join(letter_runs), splits, in_binary)


def name_needles(name: str, aliases: Iterable[str] = (), skip: Iterable[str] = ()) -> list[Needle]:
    """Needles for a student: full name both ways round, aliases, and every name part.

    Parts are the name's words and the pieces of hyphenated words ("Anne", "Marie"), unless
    listed in ``skip`` (names that are everyday words, like "will", which no scanner can tell
    from the word).
    """
    skipped = {fold(word) for word in skip}
    needles = []
    for spelling in (name, *aliases):
        words = spelling.split()
        if len(words) > 1 or UNSPACED.search(spelling):
            needles.append(_needle(spelling, runs(spelling), True))
            reversed_ = " ".join([words[-1], *words[:-1]])
            needles.append(_needle(f"{reversed_} (of {name})", runs(reversed_), True))
            ascii_ = unidecode(spelling)
            if runs(ascii_) != runs(spelling):
                needles.append(_needle(f"{ascii_.strip()} (of {name})", runs(ascii_), True))
        parts = {word for word in words} | {p for word in words for p in word.split("-")}
        for part in sorted(parts):
            letters = "".join(runs(part))
            if len(letters) >= 2 and letters not in skipped and fold(part) not in skipped:
                needles.append(_needle(f"{part} (of {name})", runs(part), len(letters) >= 6))
    return needles


def phrase_needle(phrase: str) -> Needle:
    """A needle for any phrase (e.g. a sentence that must have vanished)."""
    return _needle(phrase, runs(phrase), True)


@functools.cache
def _package_files() -> dict[str, list[Path]]:
    """Files shipped by Sphinx, the themes and extensions, by file name."""
    found: dict[str, list[Path]] = {}
    for package in VERBATIM_SOURCES:
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            continue
        for path in Path(spec.origin).parent.rglob("*"):
            found.setdefault(path.name, []).append(path)
    return found


def is_verbatim_copy(path: Path) -> bool:
    """Whether ``path`` is byte for byte a file shipped by Sphinx, a theme or an extension
    (LaTeX support files, stylesheets, scripts): such a file holds nothing from the sources."""
    data = path.read_bytes()
    return any(
        candidate.is_file()
        and candidate.stat().st_size == len(data)
        and candidate.read_bytes() == data
        for candidate in _package_files().get(path.name, [])
    )


def scan(roots: Iterable[Path], needles: list[Needle]) -> list[Leak]:
    """Every needle found in the files (and names of files) under ``roots``.

    The contents of verbatim copies of packaged files are not searched (their names are).
    """
    in_text = _by_first_letter(needles)
    in_binary = _by_first_letter([needle for needle in needles if needle.in_binary])
    leaks: dict[tuple[str, str], Leak] = {}
    for root in roots:
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            name = str(path.relative_to(root)) if root.is_dir() else path.name
            data = b"" if is_verbatim_copy(path) else path.read_bytes()
            for where, text, is_text in _views(name, data):
                folded = fold(text)
                index = in_text if is_text else in_binary
                for needle, start, end in [*_find(folded, index), *_find_anywhere(folded, index)]:
                    context = folded[max(0, start - 40) : end + 40]
                    leaks.setdefault((where, needle.label), Leak(where, needle.label, context))
    return list(leaks.values())


Index = dict[str, list[Needle]]


def _find_anywhere(folded: str, index: Index) -> Iterator[tuple[Needle, int, int]]:
    """(needle, start, end) of each needle looked for anywhere, found anywhere."""
    for needles in index.values():
        for needle in needles:
            if needle.anywhere and (found := _anywhere_pattern(needle).search(folded)):
                yield needle, found.start(), found.end()


@functools.cache
def _anywhere_pattern(needle: Needle) -> re.Pattern[str]:
    """The needle's runs, at most ``MAX_GAP`` separators apart."""
    cuts = [0, *sorted(needle.splits), len(needle.letters)]
    pieces = [re.escape(needle.letters[a:b]) for a, b in itertools.pairwise(cuts)]
    return re.compile(f"[\\W_]{{0,{MAX_GAP}}}".join(pieces))


def _by_first_letter(needles: list[Needle]) -> Index:
    index: Index = {}
    for needle in needles:
        index.setdefault(needle.letters[0], []).append(needle)
    return index


def _find(folded: str, index: Index) -> Iterator[tuple[Needle, int, int]]:
    """(needle, start, end) of each needle spelled by consecutive runs of ``folded`` at most
    ``MAX_GAP`` separators apart, split only where the name itself is (or not at all)."""
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(folded)]
    for at, (start, _end, token) in enumerate(tokens):
        for needle in index.get(token[0], ()):
            if UNSPACED.search(needle.letters):
                continue
            letters, spelled, following = needle.letters, token, at + 1
            if not letters.startswith(token):
                continue
            while (
                len(spelled) in needle.splits
                and letters.startswith(spelled)
                and following < len(tokens)
                and tokens[following][0] - tokens[following - 1][1] <= MAX_GAP
            ):
                spelled += tokens[following][2]
                following += 1
            if spelled == letters:
                yield needle, start, tokens[following - 1][1]


def _views(name: str, data: bytes) -> Iterator[tuple[str, str, bool]]:
    """(where, text, is_text) for a file's name and every way its content can be read."""
    yield f"{name} [file name]", name, True
    lower = name.lower()
    if lower.endswith(ZIP_SUFFIXES) and zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for member in package.namelist():
                yield from _views(f"{name}!{member}", package.read(member))
        return
    if lower.endswith(TAR_SUFFIXES) and data.startswith(b"\x1f\x8b"):
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for entry in archive.getmembers():
                content = archive.extractfile(entry) if entry.isfile() else None
                if content is not None:
                    yield from _views(f"{name}!{entry.name}", content.read())
        return
    if lower.endswith(".pdf") or data.startswith(b"%PDF"):
        yield f"{name} [pdf text]", _pdf_text(data), True
        yield f"{name} [pdf objects]", "\n".join(_pdf_strings(data)), True
    if data.startswith(INVENTORY_HEADER):
        head, _, body = data.partition(b"zlib.\n")
        yield f"{name} [inventory]", (head + zlib.decompress(body)).decode(), True
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        yield f"{name} [bytes]", data.decode("latin-1"), False
        return
    yield from ((f"{name} [{view}]", shown, True) for view, shown in _text_views(text))


def _text_views(text: str) -> Iterator[tuple[str, str]]:
    yield "text", text
    yield "dehyphenated", LINE_END_HYPHEN.sub("", text)
    untagged = re.sub(r"<[^>]*>", "", text)
    yield "without tags", untagged
    yield "html-unescaped", html.unescape(untagged)
    # HTML stored as XML text (a Moodle backup's pages): escaped twice
    yield "xml-and-html-unescaped", html.unescape(html.unescape(untagged))
    yield "url-decoded", unquote(text)
    yield "json-unescaped", re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    yield "without latex commands", re.sub(r"\\[a-zA-Z]+\*?|[{}]", "", text)


def _pdf_text(data: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        return subprocess.run(
            ["pdftotext", "-q", file.name, "-"], capture_output=True, text=True, check=True
        ).stdout


def _pdf_strings(data: bytes) -> Iterator[str]:
    """Every string, name and non-font stream in a PDF (metadata, outline, links, ...)."""
    reader = PdfReader(io.BytesIO(data))
    seen: set[int] = set()
    pending: list[object] = [reader.trailer]
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, StreamObject) and not _font_or_image(item):
            yield item.get_data().decode("latin-1")
        if isinstance(item, DictionaryObject):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, str):
            yield item
        elif isinstance(item, bytes):
            yield item.decode("latin-1")


def _font_or_image(stream: StreamObject) -> bool:
    return stream.get("/Subtype") == "/Image" or any(key in stream for key in FONT_STREAM_KEYS)


def roster_needles(roster: Path, skip: Iterable[str] = ()) -> list[Needle]:
    """Needles for every student of a CSV roster who is not published under their name."""
    with roster.open(newline="", encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file))
    return [
        needle
        for row in rows
        if (row.get("consent") or "pseudonym").strip() != "named"
        for needle in name_needles(
            row["name"], [a for a in (row.get("aliases") or "").split(";") if a.strip()], skip
        )
    ]


def compile_pdf(latex_dir: Path) -> Path:
    """Run LaTeX on a Sphinx LaTeX build; return the PDF."""
    subprocess.run(
        ["make", "all-pdf", "LATEXMKOPTS=-interaction=nonstopmode -halt-on-error -quiet"],
        cwd=latex_dir,
        check=True,
        capture_output=True,
    )
    (pdf,) = latex_dir.glob("*.pdf")
    return pdf
