"""Importing several documents at once: one report per document, a summary at the end.

Each document is imported on its own (one document per week); a document that cannot be imported
is reported with its error and does not stop the others, but makes the whole run fail.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .convert import WEEKS_DIR, Conversion, convert_source, read
from .errors import DocumentError
from .source import Source
from .term_pages import PAGE, add_week, create_term

#: the documents a folder given as input contributes
DOCUMENT_SUFFIXES = (".txt", ".md", ".docx")


@dataclass(frozen=True, slots=True)
class Options:
    """How to import: the conversion options, and where to write."""

    output_format: str = "rst"
    marker: str = "EOW"
    week: int | None = None
    numbered_students: bool = False
    encoding: str = "utf-8"
    force: bool = False
    #: the folder week pages go to (with ``term``: the term's folder in the source folder)
    out_dir: Path = WEEKS_DIR
    #: the key of the term imported into: its page is created if missing, and lists the weeks
    term: str | None = None
    #: one file to write instead ('-': standard output); only for one document
    output: str | None = None


@dataclass(slots=True)
class Report:
    """What happened to each document."""

    imported: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    #: week number -> the document that gave it, to refuse two documents for one week
    weeks: dict[int, str] = field(default_factory=dict)
    #: the week pages written into ``out_dir``, by name (``week07``)
    pages: list[str] = field(default_factory=list)
    #: the course the documents name (the first that names one)
    course: str = ""


def documents(inputs: Sequence[Path]) -> list[Path]:
    """The documents named: files as given, folders as their .txt/.md/.docx files (sorted)."""
    found: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found += sorted(
                child
                for child in path.iterdir()
                if child.is_file() and child.suffix.lower() in DOCUMENT_SUFFIXES
            )
        else:
            found.append(path)
    return found


def _summary(conversion: Conversion, target: str) -> list[str]:
    document = conversion.document
    week = document.week
    details = ", ".join(value for value in (week.course, week.date) if value)
    responses = sum(len(item.responses) for item in document.interrogations)
    where = conversion.source.where
    return [
        f"{conversion.source.name} -> {target}",
        f"{week.title}" + (f" ({details})" if details else ""),
        f"{len(document.interrogations)} students, {responses} responses, "
        f"{len(conversion.repairs)} repairs, {len(conversion.warnings)} warnings",
        *(f"repair: {where(notice.lineno)}: {notice.message}" for notice in conversion.repairs),
        *(f"note: {line}" for line in conversion.report),
    ]


def error(where: str, message: str, stream: TextIO | None = None) -> None:
    """Print one located error line."""
    print(f"{where}: error: {message}", file=stream or sys.stderr)


def _write(conversion: Conversion, options: Options, report: Report) -> str | None:
    """Write the week page (and its pictures); return where, or None after an error."""
    name = conversion.source.name
    if options.output == "-":
        if conversion.attachments:
            error(
                name,
                f"it has {len(conversion.attachments)} pictures, which are written next to the "
                "week page: write it to a file (-o FILE or --out-dir DIR), not to standard output",
            )
            return None
        sys.stdout.write(conversion.output)
        return "standard output"
    path = Path(options.output) if options.output else options.out_dir / conversion.file_name
    week = conversion.document.week.number
    if options.output is None and week in report.weeks:
        error(name, f"week {week} is imported from {report.weeks[week]} already ({path})")
        return None
    clashes = [p for p in (path, *conversion.attachment_paths(path.parent)) if p.exists()]
    if clashes and not options.force:
        error(str(clashes[0]), "exists already; pass --force to overwrite it")
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(conversion.output, encoding="utf-8", newline="\n")
    for target, data in zip(
        conversion.attachment_paths(path.parent), conversion.attachments.values(), strict=True
    ):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    report.weeks[week] = name
    if options.output is None:
        report.pages.append(path.stem)
    report.course = report.course or conversion.document.week.course
    return str(path)


def import_one(path: Path, options: Options, report: Report) -> None:
    """Import one document, printing its report; record the outcome in ``report``."""
    source = Source(path.name, ())
    try:
        reading = read(path, options.encoding)
        source = reading.source
        conversion = convert_source(
            reading,
            output_format=options.output_format,
            marker=options.marker,
            week=options.week,
            numbered_students=options.numbered_students,
        )
    except DocumentError as failure:
        error(source.where(failure.lineno), failure.message)
        report.failed.append(path.name)
        return
    except OSError as failure:
        error(str(path), failure.strerror or str(failure))
        report.failed.append(path.name)
        return
    for notice in conversion.warnings:
        print(f"{source.where(notice.lineno)}: warning: {notice.message}", file=sys.stderr)
    try:
        target = _write(conversion, options, report)
    except OSError as failure:
        error(str(failure.filename or path), failure.strerror or str(failure))
        target = None
    if target is None:
        report.failed.append(path.name)
        return
    stream = sys.stderr if target == "standard output" else sys.stdout
    print("\n".join(_summary(conversion, target)), file=stream)
    report.imported.append(path.name)


def file_term(options: Options, report: Report) -> None:
    """Create the term's page if it is missing, and list the imported weeks on it."""
    if options.term is None or not report.pages:
        return
    folder = options.out_dir
    lines = []
    if not any(folder.joinpath(PAGE).with_suffix(suffix).exists() for suffix in (".rst", ".md")):
        lines += create_term(folder.parent, options.term, report.course)
    for page in report.pages:
        lines += add_week(folder, page)
    for line in lines:
        print(line, file=sys.stderr if line.startswith("warning:") else sys.stdout)


def import_all(paths: Sequence[Path], options: Options) -> int:
    """Import every document; the exit status is 1 if any failed (after all were tried)."""
    report = Report()
    for path in paths:
        import_one(path, options, report)
    try:
        file_term(options, report)
    except OSError as failure:
        error(str(failure.filename or options.out_dir), failure.strerror or str(failure))
        return 1
    if len(paths) > 1:
        failed = f"; failed: {', '.join(report.failed)}" if report.failed else ""
        stream = sys.stderr if report.failed else sys.stdout
        print(f"imported {len(report.imported)} of {len(paths)} documents{failed}", file=stream)
    return 1 if report.failed else 0
