"""Targets of issue 7 and the Markdown report (``benchmarks/RESULTS.md``)."""

from __future__ import annotations

import os
import platform
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path

from measure import Measurement
from profiling import Profile

#: Build keys, in table order, with their descriptions.
BUILDS: dict[str, str] = {
    "a": "(a) HTML, our directives",
    "b": "(b) HTML, plain reST sections (floor)",
    "a-alabaster": "(a) with alabaster",
    "b-alabaster": "(b) with alabaster",
    "c": "(c) HTML, sphinx-exercise",
    "d0": "no-op rebuild of (a) (nothing changed)",
    "d": "(d) incremental rebuild of (a) after editing one week",
    "e": "(e) HTML, our directives, -j 2",
    "e-plain": "(e) HTML, plain reST sections (b), -j 2",
    "g": "(g) HTML, the seed's own text replicated (Notes)",
    "g-j2": "(g) the same, -j 2",
    "f-canvas": "(f) Canvas export, on the environment (a) left",
    "f-moodle": "(f) Moodle export, on the environment (a) left",
    "t-terms": "(t) HTML, our directives, many terms (issue 15)",
    "t-single": "(t) HTML, our directives, the same weeks in one term",
}


@dataclass
class SizeResult:
    """Every build measured at one size of archive."""

    interrogations: int
    weeks: int
    students: int
    builds: dict[str, Measurement] = field(default_factory=dict)


@dataclass
class Run:
    """One benchmark run: its sizes, notes, profiles and timing."""

    mode: str
    started: datetime
    #: size at which (a)/(b) is checked, and against which the largest size's (a) is scaled
    reference: int
    sizes: list[SizeResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profiles: dict[str, Profile] = field(default_factory=dict)
    finished: datetime | None = None
    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class Check:
    """One target checked at one size: ratio on CPU time (primary) and on wall time."""

    target: str
    size: int
    cpu_ratio: float
    wall_ratio: float
    limit: float
    lower_bound: bool = False  # measured on a build stopped at its time limit
    at_least: bool = False  # a speed-up: the wall-time ratio must reach the limit

    @property
    def passed(self) -> bool:
        if self.at_least:
            return self.wall_ratio >= self.limit
        return self.cpu_ratio <= self.limit and not self.lower_bound


def checks(run: Run) -> Iterator[Check]:
    """Every target of issue 7 that the run's measurements allow checking."""
    middle = next((size for size in run.sizes if size.interrogations == run.reference), None)
    for result in run.sizes:
        builds, n = result.builds, result.interrogations
        if "t-terms" in builds and "t-single" in builds:
            many, one = builds["t-terms"], builds["t-single"]
            yield ratio("(t) many terms vs one term", n, many, one, 1.05)
        a = builds.get("a")
        if a is None:
            continue
        if "b" in builds and result is middle:
            yield ratio("(a)/(b): our directives vs plain sections, furo", n, a, builds["b"], 1.00)
        if "a-alabaster" in builds and "b-alabaster" in builds and result is middle:
            yield ratio(
                "alabaster (a)/(b): our directives vs plain sections",
                n,
                builds["a-alabaster"],
                builds["b-alabaster"],
                1.10,
            )
        if "e" in builds and result is middle:
            yield speed_up("(e) -j 2 speed-up of (a)", n, a, builds["e"], 1.7)
        if "g" in builds and "g-j2" in builds and result is middle:
            yield speed_up(
                "(g) -j 2 speed-up, the seed's text", n, builds["g"], builds["g-j2"], 1.7
            )
        if "c" in builds:
            yield ratio("(a)/(c): our directives vs sphinx-exercise", n, a, builds["c"], 1.00)
        if "d" in builds:
            yield ratio("(d)/(a): incremental vs full build", n, builds["d"], a, 0.10)
        for key, name in (("f-canvas", "Canvas"), ("f-moodle", "Moodle")):
            if key in builds:
                yield ratio(f"(f) {name} export time / (a)", n, builds[key], a, 0.5)
                memory = builds[key].peak_mb / a.peak_mb
                yield Check(
                    f"(f) {name} export peak memory / (a)",
                    n,
                    memory,
                    memory,
                    1.2,
                    lower_bound=builds[key].timed_out and memory <= 1.2,
                )
    largest = run.sizes[-1] if run.sizes else None
    if (
        middle
        and largest
        and largest.interrogations > middle.interrogations
        and "a" in largest.builds
    ):
        big, mid = largest.builds["a"], middle.builds["a"]
        scale = middle.interrogations / largest.interrogations
        yield Check(
            f"(a) time per interrogation at {largest.interrogations:,} / at "
            f"{middle.interrogations:,}",
            largest.interrogations,
            big.cpu / mid.cpu * scale,
            big.wall / mid.wall * scale,
            1.2,
        )


def speed_up(
    target: str, size: int, serial: Measurement, parallel: Measurement, limit: float
) -> Check:
    """How many times faster (wall) the parallel build is; CPU column: its extra CPU time."""
    return Check(
        target, size, serial.cpu / parallel.cpu, serial.wall / parallel.wall, limit, at_least=True
    )


def ratio(target: str, size: int, top: Measurement, bottom: Measurement, limit: float) -> Check:
    return Check(target, size, top.cpu / bottom.cpu, top.wall / bottom.wall, limit, top.timed_out)


# -- Markdown ----------------------------------------------------------------------------------


def markdown(run: Run) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Generated by `benchmarks/run.py` ({run.mode} mode) on "
        f"{run.started:%Y-%m-%d %H:%M}; do not edit by hand. How to run: "
        "[README.md](README.md); profile-backed notes on missed targets: "
        "[ANALYSIS.md](ANALYSIS.md).",
        "",
    ]
    if run.finished is None:
        lines += ["**Run in progress: the sizes below are the ones finished so far.**", ""]
    lines += ["## Machine", "", *machine(run), "", "## Targets", "", *targets_table(run), ""]
    lines += ["## Builds", "", *builds_table(run), ""]
    if run.notes:
        lines += ["## Notes", "", *(f"- {note}" for note in run.notes), ""]
    for title, profile in run.profiles.items():
        lines += [f"## Profile: {title}", "", *profile_tables(profile), ""]
    return "\n".join(lines)


def machine(run: Run) -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    memory = next(
        int(line.split()[1]) / 1024**2
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    versions = ", ".join(
        f"{name} {installed(name)}"
        for name in (
            "sphinx",
            "docutils",
            "sphinx-design",
            "sphinx-exercise",
            "furo",
            "alabaster",
            "PyStemmer",
        )
    )
    load_after = os.getloadavg()
    duration = (
        f"{(run.finished - run.started).total_seconds() / 60:.1f} min" if run.finished else "-"
    )
    cpu_time = sum(build.cpu for size in run.sizes for build in size.builds.values())
    return [
        f"- Date: {run.started:%Y-%m-%d}; benchmark duration: {duration} (wall); CPU time of "
        f"the measured builds: {cpu_time / 60:.1f} min (profiled builds not counted)",
        f"- CPU: {cpu}; cores: {os.cpu_count()}; RAM: {memory:.1f} GiB; "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; {versions}",
        f"- Load average (1, 5, 15 min) before: {fmt_load(run.load_before)}; "
        f"after: {fmt_load(load_after)}; {cpu_pressure()}",
        "- Theme: the archive's, furo (its `conf.py`: title, options, OpenGraph tags and a "
        "sitemap), for every build; (a) and (b) also with alabaster and its default sidebars. "
        "The same `conf.py` for every variant of a theme except `extensions`.",
    ]


def cpu_pressure() -> str:
    """Share of the last 5 minutes some task waited for a CPU (Linux PSI), if available."""
    path = Path("/proc/pressure/cpu")
    if not path.exists():
        return "CPU pressure unknown"
    fields = dict(item.split("=") for item in path.read_text().split("\n")[0].split()[1:])
    return f"CPU pressure (tasks waiting for a CPU, 5-min average): {fields['avg300']} %"


def installed(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def fmt_load(load: tuple[float, float, float]) -> str:
    return " ".join(f"{value:.1f}" for value in load)


def targets_table(run: Run) -> list[str]:
    rows = [
        "Ratios are computed on CPU time (user + system of the build and its workers), which "
        "other load on a shared machine does not inflate; the wall-time ratio is shown beside "
        "it. Memory ratios use peak resident memory. The -j 2 speed-ups (limit ≥) are judged "
        "on wall time, what a parallel build buys; their CPU column is -j 1's CPU time over "
        "-j 2's.",
        "",
        "| target | interrogations | ratio (CPU) | ratio (wall) | limit | result |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for check in checks(run):
        bound = "≥ " if check.lower_bound else ""
        verdict = "PASS" if check.passed else "unknown" if check.lower_bound else "**MISS**"
        if check.lower_bound and check.cpu_ratio > check.limit:
            verdict = "**MISS**"
        limit = f"{'≥' if check.at_least else '≤'} {check.limit:.2f}"
        rows.append(
            f"| {check.target} | {check.size:,} | {bound}{check.cpu_ratio:.3f} | "
            f"{bound}{check.wall_ratio:.3f} | {limit} | {verdict} |"
        )
    return rows


def builds_table(run: Run) -> list[str]:
    rows = [
        "Best of the repetitions shown (each build a fresh `python -m sphinx` process; full "
        "builds use `-E` and empty output folders). Peak memory is the largest resident set "
        "of one process (for `-j 2`, of the largest worker or the main process).",
        "",
        "| interrogations (weeks × students) | build | reps | wall s | CPU s | CPU ms per "
        "interrogation | peak MB | docs read | docs written | warnings |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in run.sizes:
        size = f"{result.interrogations:,} ({result.weeks} × {result.students})"
        for key, label in BUILDS.items():
            build = result.builds.get(key)
            if build is None:
                continue
            per = build.cpu / result.interrogations * 1000
            bound = "> " if build.timed_out else ""
            rows.append(
                f"| {size} | {label} | {build.runs} | {bound}{build.wall:.1f} | "
                f"{bound}{build.cpu:.1f} | {bound}{per:.1f} | {bound}{build.peak_mb:.0f} | "
                f"{build.read} | {'–' if build.written is None else build.written} | "
                f"{build.warnings} |"
            )
        speed_ups = (("a", "e", "(a)"), ("b", "e-plain", "(b), plain Sphinx"), ("g", "g-j2", "(g)"))
        for serial, parallel, label in speed_ups:
            one, two = result.builds.get(serial), result.builds.get(parallel)
            if one and two:
                rows.append(
                    f"| {size} | (e) speed-up of -j 2 over -j 1 (wall), {label} | | "
                    f"{one.wall / two.wall:.2f}× | | | | | | |"
                )
    return rows


def profile_tables(profile: Profile) -> list[str]:
    rows = [
        f"Under cProfile (about 2–3× slower than a plain build): {profile.total:.1f} s of "
        "self time in all.",
        "",
        "| phase | cumulative s | share |",
        "|---|---:|---:|",
    ]
    rows += [
        f"| {name} | {secs:.1f} | {secs / profile.total:.0%} |" for name, secs in profile.phases
    ]
    rows += ["", "| area (self time) | s | share |", "|---|---:|---:|"]
    rows += [
        f"| {name} | {secs:.1f} | {secs / profile.total:.1%} |"
        for name, secs in profile.areas
        if secs >= 0.05
    ]
    if profile.ours:
        rows += [
            "",
            "Our functions by cumulative time (cumulative includes the parsing they call):",
            "",
            "| function | calls | self s | cumulative s |",
            "|---|---:|---:|---:|",
        ]
        rows += [
            f"| `{name}` | {calls:,} | {self_time:.2f} | {cumulative:.2f} |"
            for name, calls, self_time, cumulative in profile.ours
        ]
    return rows
