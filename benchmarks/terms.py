"""The archive of many terms (issue 15), and one term of the same size to compare it with.

Both hold the same weeks, in the same order and with the same words (one seeded draw, like
``generate.py``'s): ``terms`` as T terms of W weeks (``.. term::`` pages as ``interrogations-new``
writes them, week numbers 1..W in each), ``single`` as one term of T × W weeks. Each block of W
weeks has its own roster of students; a question cites an earlier interrogation about one time
in ten. The landing page has the weeks at a glance and the terms' toctree, newest first.

Usage: ``python benchmarks/terms.py OUT --terms 10 --weeks 14 --students 15 --layout terms``.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

import generate

from sphinx_interrogations import identity as ids
from sphinx_interrogations.scaffold.spec import new_term
from sphinx_interrogations.scaffold.writer import term_page

LAYOUTS = ("terms", "single")
FIRST_YEAR = 2010


@dataclass(frozen=True, slots=True)
class Pair:
    """The two archives compared: ``terms`` terms of ``weeks`` weeks of ``students``."""

    terms: int
    weeks: int
    students: int
    repeat: int  # builds of each, alternating, the best kept

    @property
    def interrogations(self) -> int:
        return self.terms * self.weeks * self.students


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a week of the draw goes in one layout: its term, number and page."""

    term: str
    number: int

    @property
    def docname(self) -> str:
        return f"{self.term}/week{self.number:03d}"


def place(layout: str, block: int, index: int, weeks: int) -> Placed:
    """Week ``index`` of block ``block``: a term per block, or all blocks in one term."""
    if layout == "terms":
        return Placed(f"{FIRST_YEAR + block}-fall", index + 1)
    return Placed(f"{FIRST_YEAR}-fall", block * weeks + index + 1)


def write(out: Path, layout: str, pair: Pair, seed: int = 929) -> None:
    """Write one layout of the pair to ``out`` (created)."""
    rng = random.Random(seed)
    text = generate.TextSource(rng)
    out.mkdir(parents=True, exist_ok=True)
    (out / "conf.py").write_text(generate.conf_py("seminar"), encoding="utf-8")
    earlier: list[str] = []
    pages: dict[str, list[str]] = {}
    for block in range(pair.terms):
        names = generate.roster(rng, pair.students)
        for index in range(pair.weeks):
            where = place(layout, block, index, pair.weeks)
            prefix = ids.term_prefix(where.term)
            items = []
            for student in names:
                cited = [rng.choice(earlier)] if earlier and rng.random() < 0.1 else []
                answer_cited = [rng.choice(earlier)] if earlier and rng.random() < 0.05 else []
                items.append(
                    generate.Interrogation(
                        student=student,
                        anchor=ids.interrogation_anchor(where.number, ids.slug(student), prefix),
                        question=text.blocks(generate.QUESTION_WORDS, cited, list_chance=0.3),
                        response=text.blocks(generate.RESPONSE_WORDS, answer_cited, 0.1),
                    )
                )
            earlier.extend(item.anchor for item in items)
            month = generate.MONTHS[index // 4 % len(generate.MONTHS)]
            week = generate.Week(
                where.number, text.title(), f"{month} {index % 4 * 7 + 3}", tuple(items)
            )
            path = out / f"{where.docname}.rst"
            path.parent.mkdir(exist_ok=True)
            path.write_text(generate.seminar_page(week), encoding="utf-8")
            pages.setdefault(where.term, []).append(Path(where.docname).name)
    for term, weeks in pages.items():
        entries = "".join(f"   {name}\n" for name in weeks)
        page = term_page(new_term(term, generate.COURSE))
        (out / term / "index.rst").write_text(f"{page}\n{entries}", encoding="utf-8")
    newest_first = [f"{term}/index" for term in reversed(pages)]
    landing = generate.toctree(f"{generate.COURSE}: Interrogations", newest_first)
    (out / "index.rst").write_text(
        landing.replace(".. toctree::", ".. week-overview::\n\n.. toctree::", 1), "utf-8"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the Sphinx project to")
    parser.add_argument("--terms", type=int, default=10)
    parser.add_argument("--weeks", type=int, default=14, help="weeks per term")
    parser.add_argument("--students", type=int, default=15, help="interrogations per week")
    parser.add_argument("--layout", choices=LAYOUTS, default="terms")
    args = parser.parse_args(argv)
    write(args.out, args.layout, Pair(args.terms, args.weeks, args.students, repeat=1))


if __name__ == "__main__":
    main()
