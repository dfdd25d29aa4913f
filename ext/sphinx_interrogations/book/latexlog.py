"""Where a failed LaTeX run went wrong, in the sources: the page, the item and (when its text is
found there) the line, from LaTeX's ``.log`` and the ``.tex`` Sphinx wrote.

Run: ``python -m sphinx_interrogations.book.latexlog LATEXDIR SOURCEDIR`` (the Makefile's
``pdf`` target does when LaTeX fails).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

DOCUMENT = re.compile(r"\\label\{\\detokenize\{(?P<doc>[^}]*)::doc\}\}")
ITEM = re.compile(
    r"\\sphinxseminarbookmark\{\d+\}\{(?P<title>[^}]*)\}\{seminar\.(?P<anchor>[^}]*)\}"
)
WORDS = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class Failure:
    """LaTeX's first error and where it stopped in the ``.tex``."""

    message: str
    tex_line: int
    context: str


def first_failure(log: str) -> Failure | None:
    """The first ``! ...`` error of a LaTeX log with its ``l.NNN`` line."""
    lines = log.splitlines()
    for position, line in enumerate(lines):
        if line.startswith("! "):
            for later in lines[position + 1 : position + 40]:
                found = re.match(r"l\.(\d+) ?(.*)", later)
                if found:
                    return Failure(line[2:].strip(), int(found.group(1)), found.group(2))
            return Failure(line[2:].strip(), 0, "")
    return None


def locate(failure: Failure, tex: list[str], srcdir: Path) -> str:
    """ "weeks/week06.rst:41: in 6.1 Dmytro Khutkyy (w06-dmytro-khutkyy): <message>"."""
    docname, item = "", ""
    for line in tex[: failure.tex_line]:
        if found := DOCUMENT.search(line):
            docname, item = found.group("doc"), ""
        if found := ITEM.search(line):
            item = f"{found.group('title')} ({found.group('anchor')})"
    where = f"line {failure.tex_line} of the LaTeX file"
    if not docname:
        return f"LaTeX failed at {where}: {failure.message}"
    sources = sorted(srcdir.glob(f"{docname}.*"))
    source = sources[0] if sources else srcdir / docname
    place = str(source)
    if sources:
        words = WORDS.findall(tex[failure.tex_line - 1] if failure.tex_line else failure.context)
        text = source.read_text(encoding="utf-8", errors="replace").splitlines()
        for number, line in enumerate(text, start=1):
            if words and all(word in line for word in words[:4]):
                place = f"{source}:{number}"
                break
    inside = f" in {item}" if item else ""
    return f"{place}:{inside} LaTeX failed ({where}): {failure.message}"


def main(argv: list[str] | None = None) -> int:
    """Print where the failure logged in ``LATEXDIR`` lies in ``SOURCEDIR``; 1 when there is one."""
    latexdir, srcdir = (Path(arg) for arg in (argv or sys.argv[1:])[:2])
    found = 0
    for log_path in sorted(latexdir.glob("*.log")):
        failure = first_failure(log_path.read_text(encoding="utf-8", errors="replace"))
        tex_path = log_path.with_suffix(".tex")
        if failure is None or not tex_path.is_file():
            continue
        tex = tex_path.read_text(encoding="utf-8", errors="replace").splitlines()
        print(f"error: {locate(failure, tex, srcdir)}", file=sys.stderr)
        found = 1
    return found


if __name__ == "__main__":
    sys.exit(main())
