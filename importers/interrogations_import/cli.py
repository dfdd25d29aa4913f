"""The command: ``interrogations-import FILE... [-o OUT | --out-dir DIR] [--format F] ...``."""

from __future__ import annotations

import argparse
import codecs
from pathlib import Path

from .batch import Options, documents, import_all
from .convert import FORMATS, WEEKS_DIR


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
        default=WEEKS_DIR,
        help="folder for the week pages (default: source/weeks)",
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
    return args


def _out_dir(args: argparse.Namespace) -> Path:
    """Where week pages go: ``--out-dir`` (the one place a term's folder will be chosen)."""
    return args.out_dir


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
        output=args.output,
    )
    return import_all(args.documents, options)
