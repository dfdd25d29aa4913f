"""Benchmark harness of issue 7: build synthetic archives at three sizes, write RESULTS.md.

For each size it generates the archive (``generate.py``) in three source forms and measures, each
build in a fresh ``python -m sphinx`` process:

(a) the HTML build with our directives; (b) the same text as plain reST sections; (c) the same
text as sphinx-exercise exercises and solutions; (d) an incremental HTML rebuild after editing one
week; (e) the (a) build with ``-j 2`` (and (b) with ``-j 2``, plain Sphinx's speed-up); (f) the
Canvas and Moodle exports, run after (a) on its environment (as ``make html canvas moodle``
would), against (a). Every build uses the archive's theme (furo, ``generate.THEME_SETTINGS``);
(a) and (b) are built with alabaster too, side by side, so the extension's cost is known with
another theme as well. Then (t): an archive of 10 terms against one term of the same weeks and
items (``terms.py``; ``--only 2100`` runs it alone).

Usage: ``python benchmarks/run.py [--quick] [--work DIR] [--output FILE] [--keep]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import generate
import import_bench
import terms
from measure import BuildFailed, Measurement, sphinx_build
from profiling import profile_build
from report import Run, SizeResult, checks, markdown

HERE = Path(__file__).resolve().parent
LMS_EXTENSION = "sphinx_interrogations_lms"
LMS_BUILDERS = HERE.parent / "exporters" / LMS_EXTENSION / "builders.py"
#: The Common Cartridge schemas the exports validate against (as the project's CI has them).
SCHEMAS = HERE.parent.parent / "shared" / "schemas"
EXPORTS = ("canvas", "moodle")
#: target -> the build profiled when it is missed (once per run: the causes do not change)
PROFILED_FOR = {
    "(a)/(b)": "(b)",
    "alabaster (a)/(b)": "(b) alabaster",
    "(a)/(c)": "(c)",
    "(d)": "(d)",
    "(f)": "(f)",
}
#: minutes the whole run may take: the exports at the largest size, the last builds, are left
#: out when they would not fit
RUN_BUDGET = 30
#: an export still running after this many times the (a) build's wall time (+ 30 s) is stopped:
#: its ratio is then a lower bound, far above the 0.5 target anyway
EXPORT_TIME_LIMIT = 3


@dataclass(frozen=True, slots=True)
class Size:
    """One archive size and what is measured at it."""

    weeks: int
    students: int
    repeat: int  # repetitions of (a), (b) and (d), the best kept; (c) and (e) run once
    peers: bool  # build (b) and (c) too
    parallel: bool  # build (e), -j 2
    profile: bool  # profile (a), and the builds behind missed targets, with cProfile
    #: export only if, at the size before, an export took at most as long as (a)
    exports_if_cheap: bool = False

    @property
    def interrogations(self) -> int:
        return self.weeks * self.students


#: 200, 2,000 and 20,000 interrogations of 20 students a week, in terms of 15 weeks. To keep the
#: run under 30 minutes on two cores, at 20,000 (one (a) build takes about 6 CPU minutes) the
#: peers (b) and (c) and the -j 2 build (e) are left out (measured at 200 and 2,000), nothing
#: is repeated or profiled, and the exports run only if projected to fit RUN_BUDGET.
FULL = (
    Size(weeks=10, students=20, repeat=2, peers=True, parallel=True, profile=True),
    Size(weeks=100, students=20, repeat=3, peers=True, parallel=True, profile=True),
    Size(
        weeks=1000,
        students=20,
        repeat=1,
        peers=False,
        parallel=False,
        profile=False,
        exports_if_cheap=True,
    ),
)
#: (t), issue 15: 10 terms × 14 weeks × 15 students against one term of the same 140 weeks
TERMS = terms.Pair(terms=10, weeks=14, students=15, repeat=3)
QUICK_TERMS = terms.Pair(terms=2, weeks=3, students=5, repeat=1)
QUICK = (
    Size(weeks=2, students=20, repeat=1, peers=True, parallel=True, profile=False),
    Size(weeks=6, students=20, repeat=1, peers=True, parallel=True, profile=True),
    Size(weeks=12, students=20, repeat=1, peers=True, parallel=True, profile=False),
)


class Bench:
    """Runs the builds of one benchmark and keeps the report up to date."""

    def __init__(self, run: Run, work: Path, output: Path, lms: bool) -> None:
        self.run = run
        self.work = work
        self.output = output
        self.lms = lms

    def size(self, size: Size) -> None:
        root = self.work / str(size.interrogations)
        shutil.rmtree(root, ignore_errors=True)
        result = SizeResult(size.interrogations, size.weeks, size.students)
        self.run.sizes.append(result)
        projects = PROJECTS if size.peers else {"a": ("seminar", generate.THEMES[0])}
        sources = {}
        for variant, theme in projects.values():
            source = root / "src" / source_name(variant, theme)
            generate.write(source, variant, size.weeks, size.students, theme=theme)
            sources[source.name] = source
        seminar = sources["seminar"]
        log(f"{size.interrogations:,} interrogations: sources written to {root / 'src'}")

        # (a) and (b), with each theme, alternate, so that a change in the machine's load hits
        # them alike.
        compared = {
            key: sources[source_name(*projects[key])] for key in COMPARED if key in projects
        }
        runs: dict[str, list[Measurement]] = {key: [] for key in compared}
        for attempt in range(size.repeat):
            for key, source in compared.items():
                runs[key].append(self.full(source, root / key, key, attempt))
        for key, measured in runs.items():
            result.builds[key] = Measurement.best(measured)
        result.builds["d0"] = self.rebuild(seminar, root / "a", None, 1)
        edited = source_of_week(seminar, size.weeks)
        result.builds["d"] = self.rebuild(seminar, root / "a", edited, size.repeat)
        if self.lms and self.exports_wanted(size, result):
            self.exports(result, seminar, root / "a")
        if size.parallel:
            result.builds["e"] = self.full(seminar, root / "e", "e", 0, jobs=2)
            if size.peers:
                plain = sources["plain"]
                result.builds["e-plain"] = self.full(plain, root / "e-plain", "e-plain", 0, jobs=2)
        if size.peers:
            result.builds["c"] = self.full(sources["exercise"], root / "c", "c", 0)
        if size.parallel and size.interrogations == self.run.reference:
            self.seed(result, root)
        self.save()
        if size.profile:
            title = f"(a) full HTML build, {size.interrogations:,} interrogations"
            self.profile(title, seminar, root / "profile-a")
            self.profile_misses(result, sources, root)
        self.save()

    def terms(self, pair: terms.Pair) -> None:
        """(t): the archive of many terms and the one-term archive of the same size, their
        builds alternating; both are profiled when the ratio misses, to compare by area."""
        root = self.work / f"terms-{pair.interrogations}"
        shutil.rmtree(root, ignore_errors=True)
        result = SizeResult(pair.interrogations, pair.terms * pair.weeks, pair.students)
        self.run.sizes.append(result)
        sources = {layout: root / "src" / layout for layout in terms.LAYOUTS}
        for layout, source in sources.items():
            terms.write(source, layout, pair)
        log(f"(t) {pair.terms} terms × {pair.weeks} weeks × {pair.students} students: {root}")
        runs: dict[str, list[Measurement]] = {layout: [] for layout in sources}
        for attempt in range(pair.repeat):
            for layout, source in sources.items():
                runs[layout].append(self.full(source, root / layout, f"t-{layout}", attempt))
        for layout, measured in runs.items():
            result.builds[f"t-{layout}"] = Measurement.best(measured)
        self.save()
        if not all(check.passed for check in checks(self.run) if check.target.startswith("(t)")):
            for layout, source in sources.items():
                title = f"(t) full HTML build, {layout}, {pair.interrogations:,} interrogations"
                self.profile(title, source, root / f"profile-{layout}")
                self.save()

    def seed(self, result: SizeResult, root: Path) -> None:
        """(g) the seed archive's own text, its week copied to about as many items (2,040 at
        2,000: the size issue 17 measured), with -j 1 and -j 2."""
        copies = max(1, round(generate.SEED_COPIES * result.interrogations / 2000))
        source = root / "src" / "seed"
        items = generate.write_seed(source, copies)
        self.run.notes.append(
            f"(g) at {result.interrogations:,}: the seed's week copied {copies} times, "
            f"{items:,} items (interrogations and responses) in one term."
        )
        result.builds["g"] = self.full(source, root / "g", "g", 0)
        result.builds["g-j2"] = self.full(source, root / "g-j2", "g-j2", 0, jobs=2)

    def exports_wanted(self, size: Size, result: SizeResult) -> bool:
        """False (with a note) when the exports would not finish within the run's time budget.

        They are projected from the size before, scaled as the (a) build grew (both read and
        render every document).
        """
        if not size.exports_if_cheap or len(self.run.sizes) < 2:
            return True
        before = self.run.sizes[-2]
        measured = [before.builds[f"f-{name}"] for name in EXPORTS if f"f-{name}" in before.builds]
        if not measured or any(build.timed_out for build in measured):
            return False
        growth = result.builds["a"].cpu / before.builds["a"].cpu
        projected = sum(build.cpu for build in measured) * growth
        elapsed = (datetime.now() - self.run.started).total_seconds()
        if elapsed + projected <= RUN_BUDGET * 60:
            return True
        self.run.notes.append(
            f"(f) not run at {size.interrogations:,} interrogations: projected from "
            f"{before.interrogations:,}, the two exports would take {projected / 60:.0f} more "
            f"minutes after {elapsed / 60:.0f}, beyond the run's {RUN_BUDGET}-minute budget."
        )
        return False

    # -- builds ---------------------------------------------------------------------------------

    def arguments(self, builder: str, source: Path, build: Path, *extra: str) -> list[str]:
        settings = []
        variant, theme = project_of(source)
        if self.lms and variant == "seminar":
            loaded = ",".join([*generate.extensions(variant, theme), LMS_EXTENSION])
            settings = ["-D", f"extensions={loaded}"]
            if SCHEMAS.is_dir():
                settings += ["-D", f"interrogations_lms_schema_dir={SCHEMAS}"]
        return [
            "-b", builder, *settings, *extra,
            "-d", str(build / "doctrees"), str(source), str(build / builder),
        ]  # fmt: skip

    def full(self, source: Path, build: Path, key: str, attempt: int, jobs: int = 1) -> Measurement:
        """A build from scratch: fresh environment, empty output folder."""
        shutil.rmtree(build, ignore_errors=True)
        arguments = self.arguments("html", source, build, "-E", "-j", str(jobs))
        measured = sphinx_build(arguments, source, build / "logs" / f"{key}-{attempt}")
        log(
            f"  {key}: {measured.wall:.1f} s wall, {measured.cpu:.1f} s CPU, "
            f"{measured.peak_mb:.0f} MB"
        )
        return measured

    def rebuild(self, source: Path, build: Path, week: Path | None, repeat: int) -> Measurement:
        """Rebuild ``build`` (left by a full build): after editing ``week``, or as it is."""
        runs = []
        key = "d" if week else "d0"
        for attempt in range(repeat):
            if week:
                edit(week, attempt)
            arguments = self.arguments("html", source, build)
            runs.append(sphinx_build(arguments, source, build / "logs" / f"{key}-{attempt}"))
            log(
                f"  {key}: {runs[-1].wall:.1f} s wall, {runs[-1].cpu:.1f} s CPU, "
                f"read {runs[-1].read}, wrote {runs[-1].written}"
            )
        return Measurement.best(runs)

    def exports(self, result: SizeResult, source: Path, build: Path) -> None:
        """Canvas and Moodle packages from the environment the (a) build left."""
        limit = EXPORT_TIME_LIMIT * result.builds["a"].wall + 30
        try:
            for name in EXPORTS:
                shutil.rmtree(build / name, ignore_errors=True)
                arguments = self.arguments(name, source, build)
                measured = sphinx_build(arguments, source, build / "logs" / name, limit)
                result.builds[f"f-{name}"] = measured
                if measured.timed_out:
                    self.run.notes.append(
                        f"(f) the {name} export of {result.interrogations:,} interrogations was "
                        f"stopped after {measured.wall:.0f} s ({EXPORT_TIME_LIMIT}× the (a) build "
                        "+ 30 s): its times and memory are lower bounds."
                    )
                log(
                    f"  f {name}: {measured.wall:.1f} s wall, {measured.cpu:.1f} s CPU, "
                    f"{measured.peak_mb:.0f} MB, read {measured.read}"
                    + (" (stopped at the time limit)" if measured.timed_out else "")
                )
        except BuildFailed as error:
            self.lms = False
            self.run.notes.append(f"(f) not measured: the export failed: {error}")
            log(f"  f failed: {error}")

    # -- profiles -------------------------------------------------------------------------------

    def profile(self, title: str, source: Path, build: Path) -> None:
        """Profile a full HTML build of ``source`` in the empty folder ``build``."""
        shutil.rmtree(build, ignore_errors=True)
        self.profile_in(title, source, build, self.arguments("html", source, build, "-E"))

    def profile_in(self, title: str, source: Path, build: Path, arguments: list[str]) -> None:
        log(f"  profiling {title}")
        prof = build / "logs" / f"{len(self.run.profiles)}.prof"
        self.run.profiles[title] = profile_build(arguments, source, prof)

    def profile_misses(self, result: SizeResult, sources: dict[str, Path], root: Path) -> None:
        """Profile the builds behind each target missed at this size, once per run per target."""
        n = f"{result.interrogations:,} interrogations"
        for check in checks(self.run):
            if check.passed or check.size != result.interrogations:
                continue
            profiled = next((b for t, b in PROFILED_FOR.items() if check.target.startswith(t)), "")
            if not profiled or any(title.startswith(profiled) for title in self.run.profiles):
                continue
            if check.target.startswith("(a)/(b)"):
                self.profile(f"(b) full HTML build, {n}", sources["plain"], root / "profile-b")
            elif check.target.startswith("alabaster (a)/(b)"):
                for key in ("a", "b"):
                    self.profile(
                        f"({key}) alabaster full HTML build, {n}",
                        sources[f"{PROJECTS[key][0]}-alabaster"],
                        root / f"profile-{key}-alabaster",
                    )
            elif check.target.startswith("(a)/(c)"):
                self.profile(f"(c) full HTML build, {n}", sources["exercise"], root / "profile-c")
            elif check.target.startswith("(d)"):
                seminar, build = sources["seminar"], root / "a"
                edit(source_of_week(seminar, result.weeks), attempt=99)
                arguments = self.arguments("html", seminar, build)
                self.profile_in(f"(d) incremental rebuild, {n}", seminar, build, arguments)
            elif check.target.startswith("(f)"):
                for name in EXPORTS:
                    title = f"(f) {name} export, {n}"
                    if title not in self.run.profiles:
                        seminar, build = sources["seminar"], root / "a"
                        shutil.rmtree(build / name, ignore_errors=True)
                        arguments = self.arguments(name, seminar, build)
                        self.profile_in(title, seminar, build, arguments)

    def save(self) -> None:
        """Write the report, keeping the import benchmark's section (``make bench-import``)."""
        old = self.output.read_text(encoding="utf-8") if self.output.exists() else ""
        text = import_bench.with_section(markdown(self.run), import_bench.section_of(old))
        self.output.write_text(text, encoding="utf-8")


#: build key -> (variant, theme) of the sources it builds; the first theme is the archive's
PROJECTS = {
    "a": ("seminar", "furo"),
    "b": ("plain", "furo"),
    "c": ("exercise", "furo"),
    "a-alabaster": ("seminar", "alabaster"),
    "b-alabaster": ("plain", "alabaster"),
}
#: the full builds repeated side by side (the best of each kept)
COMPARED = ("a", "b", "a-alabaster", "b-alabaster")


def source_name(variant: str, theme: str) -> str:
    """The sources' folder: the variant's name, with the theme's when it is not the archive's."""
    return variant if theme == generate.THEMES[0] else f"{variant}-{theme}"


def project_of(source: Path) -> tuple[str, str]:
    """(variant, theme) of the sources in ``source`` (named by ``source_name``)."""
    variant, _, theme = source.name.partition("-")
    return variant, theme or generate.THEMES[0]


def edit(week: Path, attempt: int) -> None:
    """Edit one week: add a closing paragraph to its last response (6-space body indent)."""
    text = week.read_text(encoding="utf-8").rstrip("\n")
    week.write_text(f"{text}\n\n      Revision {attempt + 1}: one more sentence.\n", "utf-8")


def source_of_week(source: Path, weeks: int) -> Path:
    """The week file that (d) edits."""
    return source / f"{generate.middle_week(weeks)}.rst"


def lms_available() -> tuple[bool, str]:
    """Whether the LMS builders exist (the first export build then tells whether they work)."""
    if not LMS_BUILDERS.exists():
        return False, f"(f) not measured: {LMS_BUILDERS.relative_to(HERE.parent)} does not exist."
    return True, ""


def log(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, under 3 minutes")
    parser.add_argument("--work", type=Path, default=HERE / "_work", help="scratch folder")
    parser.add_argument(
        "--output", type=Path, help="report (default: RESULTS.md, or RESULTS-quick.md)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (logs)")
    parser.add_argument(
        "--only", type=int, metavar="N", help="only the plan's size of N interrogations (e.g. 2000)"
    )
    args = parser.parse_args(argv)
    output = args.output or HERE / ("RESULTS-quick.md" if args.quick else "RESULTS.md")

    plan = QUICK if args.quick else FULL
    pair: terms.Pair | None = QUICK_TERMS if args.quick else TERMS
    if args.only:
        plan = tuple(size for size in plan if size.interrogations == args.only)
        pair = pair if pair.interrogations == args.only else None
        if not plan and not pair:
            parser.error(f"--only {args.only}: no such size in the plan")
    run = Run(
        mode="quick" if args.quick else "full",
        started=datetime.now(),
        reference=plan[min(1, len(plan) - 1)].interrogations if plan else 0,
        load_before=os.getloadavg(),
    )
    lms, note = lms_available()
    if note:
        run.notes.append(note)
    bench = Bench(run, args.work, output, lms)
    for size in plan:
        bench.size(size)
    if pair:
        bench.terms(pair)
    run.finished = datetime.now()
    bench.save()
    if not args.keep:
        shutil.rmtree(args.work, ignore_errors=True)
    log(f"done in {(run.finished - run.started).total_seconds() / 60:.1f} min: {output}")
    for check in checks(run):
        verdict = "PASS" if check.passed else "MISS"
        log(
            f"{verdict} {check.target} at {check.size:,}: {check.cpu_ratio:.3f} "
            f"(limit {check.limit:.2f})"
        )


if __name__ == "__main__":
    main()
