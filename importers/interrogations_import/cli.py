"""The command: ``interrogations-import INPUT [-o OUT] [--format rst|myst] [--force] ...``."""

from __future__ import annotations

import argparse
import codecs
import sys
from pathlib import Path

from .convert import FORMATS, Conversion, convert_source, read
from .errors import DocumentError
from .source import Source


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
        description="Import a week's interrogations document (.txt/.md/.docx) as an archive "
        "week page, checking that no word is lost.",
    )
    parser.add_argument("input", type=Path, help="the document to import")
    parser.add_argument(
        "-o",
        "--output",
        help="file to write ('-': standard output); default source/weeks/weekNN.rst (.md)",
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
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser.parse_args(argv)


def _summary(conversion: Conversion, target: str) -> list[str]:
    document = conversion.document
    week = document.week
    details = ", ".join(value for value in (week.course, week.date) if value)
    responses = sum(len(item.responses) for item in document.interrogations)
    return [
        f"{conversion.source.name} -> {target}",
        f"{week.title}" + (f" ({details})" if details else ""),
        f"{len(document.interrogations)} students, {responses} responses, "
        f"{len(conversion.repairs)} repairs, {len(conversion.warnings)} warnings",
        *(f"repair: {conversion.source.where(n.lineno)}: {n.message}" for n in conversion.repairs),
    ]


def _error(where: str, message: str) -> int:
    print(f"{where}: error: {message}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit status (1 for a document that cannot be imported)."""
    args = _arguments(argv)
    source = Source(args.input.name, ())
    try:
        source, notices = read(args.input, args.encoding)
        conversion = convert_source(
            source,
            output_format=args.format,
            marker=args.marker,
            week=args.week,
            numbered_students=args.numbered_students,
            notices=notices,
        )
    except DocumentError as error:
        return _error(source.where(error.lineno), error.message)
    except OSError as error:
        return _error(str(args.input), error.strerror or str(error))
    for notice in conversion.warnings:
        print(f"{source.where(notice.lineno)}: warning: {notice.message}", file=sys.stderr)
    if args.output == "-":
        sys.stdout.write(conversion.output)
        print("\n".join(_summary(conversion, "standard output")), file=sys.stderr)
        return 0
    path = Path(args.output) if args.output else conversion.default_path
    if path.exists() and not args.force:
        return _error(str(path), "exists already; pass --force to overwrite it")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(conversion.output, encoding="utf-8", newline="\n")
    print("\n".join(_summary(conversion, str(path))))
    return 0
