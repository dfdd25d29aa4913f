"""Import speed on big Word files: 10,000, 20,000 and 40,000 paragraphs (issue 14).

Each size is one week's document made with python-docx: students with headings, questions of
several paragraphs with italic runs, a bullet list, and a bold-wrapped response each. The report
gives the CPU seconds (which other load on a shared machine does not inflate; wall time beside)
to read the .docx and to convert it (parse, write, lossless check), and the CPU time per 1,000
paragraphs, which stays flat when the cost is linear.

Usage: ``python benchmarks/import_bench.py [--sizes 10000 20000 40000] [--results FILE]``
(``make bench-import`` writes the table as a section of its own in ``benchmarks/RESULTS.md``,
which ``run.py`` keeps when it rewrites the rest of that file).
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

import docx
import generate

from interrogations_import.convert import convert_source
from interrogations_import.docx_reader import read_docx

HERE = Path(__file__).resolve().parent
SECTION = "## Importing big Word files"
#: paragraphs per student: heading, question paragraphs, list items, response
QUESTION_PARAGRAPHS = 5
LIST_ITEMS = 3


def word_file(path: Path, paragraphs: int, seed: int = 929) -> int:
    """Write a week of about ``paragraphs`` paragraphs; return how many it has."""
    rng = random.Random(seed)
    text = generate.TextSource(rng)
    document = docx.Document()
    document.add_paragraph(f"Interrogations Week 6. {generate.COURSE}, October 10")
    document.add_heading("Peer-to-peer Mutualism", level=2)
    bullet = document.styles["List Bullet"]
    count, student = 2, 0
    while count < paragraphs:
        student += 1
        document.add_heading(f"{student}. Student {student:05d}", level=3)
        for _ in range(QUESTION_PARAGRAPHS):
            paragraph = document.add_paragraph(text.sentence(14) + " ")
            paragraph.add_run(text.sentence(6)).italic = True
        for _ in range(LIST_ITEMS):
            document.add_paragraph(text.sentence(8), style=bullet)
        document.add_paragraph().add_run(f"[EOW: {text.paragraph(40)}]").bold = True
        count += 2 + QUESTION_PARAGRAPHS + LIST_ITEMS
    document.save(str(path))
    return count


Row = tuple[int, int, float, float, float]  # paragraphs, students, read, convert (CPU s), wall s


def measure(paragraphs: int, folder: Path) -> Row:
    """(paragraphs, students, CPU seconds to read, to convert, wall seconds) for one size."""
    path = folder / f"week-{paragraphs}.docx"
    count = word_file(path, paragraphs)
    wall, cpu = time.perf_counter(), time.process_time()
    reading = read_docx(path)
    read_seconds = time.process_time() - cpu
    cpu = time.process_time()
    conversion = convert_source(reading)
    convert_seconds = time.process_time() - cpu
    wall = time.perf_counter() - wall
    return count, len(conversion.document.interrogations), read_seconds, convert_seconds, wall


def report(rows: list[Row]) -> str:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        f"{SECTION} (`make bench-import`)",
        "",
        "One week's .docx made by `benchmarks/import_bench.py` (headings, italic runs, bullet "
        "lists, a bold-wrapped response per student), one run per size; CPU seconds of the "
        f"import (load average at the end: {load} on this shared machine, hence the wall "
        "times).",
        "",
        "| paragraphs | students | read .docx (CPU s) | convert + lossless check (CPU s) "
        "| total (CPU s) | CPU s per 1,000 paragraphs | wall (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for count, students, read_seconds, convert_seconds, wall in rows:
        total = read_seconds + convert_seconds
        lines.append(
            f"| {count:,} | {students:,} | {read_seconds:.1f} | {convert_seconds:.1f} "
            f"| {total:.1f} | {total / count * 1000:.2f} | {wall:.1f} |"
        )
    return "\n".join(lines) + "\n"


def section_of(text: str) -> str:
    """This benchmark's section of a results file's text ('' when it has none)."""
    start = text.find(f"\n{SECTION}")
    if start < 0:
        return ""
    end = text.find("\n## ", start + 1)
    return text[start + 1 : end + 1 if end >= 0 else len(text)]


def with_section(text: str, section: str) -> str:
    """A results file's ``text`` with this benchmark's section set to ``section``."""
    old = section_of(text)
    kept = text.replace(old, "").rstrip() if old else text.rstrip()
    return f"{kept}\n\n{section}" if section else f"{kept}\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 40_000])
    parser.add_argument("--results", type=Path, help="results file to put the table in")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            rows.append(measure(size, Path(folder)))
            count, _students, read_seconds, convert_seconds, _wall = rows[-1]
            print(f"{count:,} paragraphs: read {read_seconds:.1f} s, "
                  f"convert {convert_seconds:.1f} s (CPU)", flush=True)  # fmt: skip
    table = report(rows)
    print(table)
    if args.results:
        text = args.results.read_text(encoding="utf-8") if args.results.exists() else ""
        args.results.write_text(with_section(text, table), encoding="utf-8")


if __name__ == "__main__":
    main()
