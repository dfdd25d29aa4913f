"""The command: ``interrogations-import FILE... [-o OUT | --out-dir DIR] [--format F] ...``."""

from __future__ import annotations

import argparse
import codecs
from pathlib import Path

from sphinx_interrogations.scaffold.spec import InputError, check_term

from .batch import Options, documents, import_all
from .convert import FORMATS, SOURCE_DIR, WEEKS_DIR


def _marker(text: str) -> str:
    if not text.strip() or any(char in text for char in "[]:*\n"):
        raise argparse.ArgumentTypeError("a marker is a non-empty name without [ ] : *")
    return text.strip()


def _week(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("a week number is a positive whole number")
    return int(text)


def _encoding(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError as error:
        raise argparse.ArgumentTypeError(f"unknown encoding {name!r}") from error


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="interrogations-import",
        description="Import weekly interrogations documents (.txt/.md/.docx; one per week) as "
        "archive week pages, checking that no word is lost.",
    )
    parser.add_argument(
        "inputs", type=Path, nargs="+", metavar="FILE", help="documents, or folders of them"
    )
    parser.add_argument(
        "-o",
        "--output",
        help="file to write ('-': standard output), for one document; "
        "default OUT_DIR/weekNN.rst (.md)",
    )
    parser.add_argument(
        "--out-dir",
        type=Path,
        help="folder for the week pages (default: source/weeks)",
    )
    parser.add_argument(
        "--term",
        type=_term,
        metavar="KEY",
        help="import into this term: pages go to SOURCE_DIR/KEY, listed on its term page "
        "(created when missing, with a title from the key)",
    )
    parser.add_argument(
        "--source-dir",
        type=Path,
        default=SOURCE_DIR,
        help="the archive's source folder, holding its terms (default: source)",
    )
    parser.add_argument("--format", choices=sorted(FORMATS), default="rst", help="output format")
    parser.add_argument(
        "--marker", type=_marker, default="EOW", help="what opens a response: [MARKER: ...]"
    )
    parser.add_argument("--week", type=_week, help="week number, for a document without header")
    parser.add_argument(
        "--numbered-students",
        action="store_true",
        help="only numbered headings ('## 3. Name') start a student; other headings are kept "
        "as sub-headings of the student before",
    )
    parser.add_argument("--encoding", type=_encoding, default="utf-8", help="of a text input")
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    args = parser.parse_args(argv)
    args.documents = documents(args.inputs)
    if not args.documents:
        parser.error("no .txt, .md or .docx document in " + ", ".join(map(str, args.inputs)))
    if len(args.documents) > 1 and (args.output or args.week):
        parser.error("-o/--output and --week apply to one document only")
    if args.term and (args.out_dir or args.output):
        parser.error("--term chooses where pages go: give it without --out-dir or -o/--output")
    return args


def _term(key: str) -> str:
    try:
        return check_term(key)
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _out_dir(args: argparse.Namespace) -> Path:
    """Where week pages go: the term's folder, else ``--out-dir``, else source/weeks."""
    if args.term:
        return args.source_dir / args.term
    return args.out_dir or WEEKS_DIR


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit status (1 when a document could not be imported)."""
    args = _arguments(argv)
    options = Options(
        output_format=args.format,
        marker=args.marker,
        week=args.week,
        numbered_students=args.numbered_students,
        encoding=args.encoding,
        force=args.force,
        out_dir=_out_dir(args),
        term=args.term,
        output=args.output,
    )
    return import_all(args.documents, options)
