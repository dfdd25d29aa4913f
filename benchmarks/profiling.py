"""Profile one ``sphinx-build`` with cProfile and say what costs what.

Self time of every function is charged to an *area* (docutils parsing, Sphinx's search index,
our extension, ...) by its file. Built-in and standard-library functions are charged to the area
of their callers, in proportion to the time each caller spent in them, so regular-expression
matching done for docutils counts as docutils.
"""

from __future__ import annotations

import pstats
import subprocess
import sys
import sysconfig
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

Function = tuple[str, int, str]  # (file, line, name), as pstats keys them

#: (fragment of a file path, area), first match wins.
AREAS: tuple[tuple[str, str], ...] = (
    ("/sphinx_interrogations_lms/", "LMS exporters (ours)"),
    ("/sphinx_interrogations/", "sphinx_interrogations (ours)"),
    ("/sphinx_exercise/", "sphinx-exercise"),
    ("/sphinx_design/", "sphinx-design"),
    ("/docutils/parsers/", "docutils: reST parser"),
    ("/docutils/", "docutils: nodes, transforms, writer"),
    ("/sphinx/search/", "Sphinx: search index"),
    ("/snowballstemmer/", "Sphinx: search index"),
    ("/sphinx/environment/adapters/toctree", "Sphinx: toctrees (sidebar)"),
    ("/sphinx/environment/collectors/toctree", "Sphinx: toctrees (sidebar)"),
    ("/jinja2/", "Jinja2 templates (theme)"),
    ("/sphinx/jinja2glue", "Jinja2 templates (theme)"),
    ("/markupsafe/", "Jinja2 templates (theme)"),
    ("/sphinx/writers/", "Sphinx: HTML writer"),
    ("/sphinx/", "Sphinx: other"),
    ("/lxml/", "lxml"),
    ("/slugify/", "python-slugify (called by ids.slug)"),
    ("<frozen importlib", "Python imports (start-up)"),
)
STDLIB = sysconfig.get_paths()["stdlib"]
#: Phases of a build: (file suffix, function name, label).
PHASES: tuple[tuple[str, str, str], ...] = (
    ("sphinx/builders/__init__.py", "read", "read (parse every changed source)"),
    ("sphinx/builders/__init__.py", "write", "write (resolve and render pages)"),
    ("sphinx/builders/html/__init__.py", "finish", "finish (indices, search index, assets)"),
)


@dataclass(frozen=True, slots=True)
class Profile:
    """What a profiled build spent, in seconds (under the profiler, so slower than real)."""

    total: float
    areas: list[tuple[str, float]]  # by self time, largest first
    phases: list[tuple[str, float]]  # cumulative
    ours: list[tuple[str, int, float, float]]  # (function, calls, self, cumulative)


def profile_build(arguments: list[str], cwd: Path, output: Path) -> Profile:
    """Run ``python -m cProfile -o output -m sphinx <arguments>`` and analyse the result."""
    output.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "sphinx", *arguments]
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return analyse(output)


def analyse(path: Path) -> Profile:
    stats = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
    areas: dict[str, float] = defaultdict(float)
    owners = Owners(stats)
    for function, (_cc, _nc, self_time, _ct, _callers) in stats.items():
        for name, fraction in owners.of(function).items():
            areas[name] += self_time * fraction
    phases = []
    for suffix, name, label in PHASES:
        cumulative = [
            ct
            for (f, _l, n), (_c, _n, _t, ct, _cs) in stats.items()
            if f.endswith(suffix) and n == name
        ]
        if cumulative:
            phases.append((label, max(cumulative)))
    ours = sorted(
        (
            (f"{Path(f).name}:{line}({name})", calls, self_time, ct)
            for (f, line, name), (_cc, calls, self_time, ct, _cs) in stats.items()
            if area((f, line, name)).endswith("(ours)")
        ),
        key=lambda row: row[3],
        reverse=True,
    )
    return Profile(
        total=sum(areas.values()),
        areas=sorted(areas.items(), key=lambda item: item[1], reverse=True),
        phases=phases,
        ours=ours[:12],
    )


class Owners:
    """How each function's self time divides between areas (fractions summing to 1).

    Helpers (built-ins, standard library) that call each other recursively, like
    ``copy.deepcopy`` and its ``_deepcopy_*`` functions, form one group; a group's time goes to
    the callers outside it, in proportion to the cumulative time of their calls into it, and on
    up the call graph until a caller outside the helpers is found.
    """

    def __init__(self, stats: dict) -> None:
        self.stats = stats
        helpers = [function for function in stats if is_helper(function)]
        calls: dict[Function, list[Function]] = defaultdict(list)
        for callee in helpers:
            for caller in stats[callee][4]:
                if is_helper(caller):
                    calls[caller].append(callee)
        self.group = strongly_connected(helpers, calls)
        self.members: dict[int, list[Function]] = defaultdict(list)
        for function, group in self.group.items():
            self.members[group].append(function)
        self.memo: dict[int, dict[str, float]] = {}

    def of(self, function: Function) -> dict[str, float]:
        if function not in self.group:
            return {area(function): 1.0}
        group = self.group[function]
        if group not in self.memo:
            self.memo[group] = self.share_of_group(group) or {area(function): 1.0}
        return self.memo[group]

    def share_of_group(self, group: int) -> dict[str, float]:
        entries = [
            (caller, timing[3])
            for member in self.members[group]
            for caller, timing in self.stats[member][4].items()
            if self.group.get(caller) != group
        ]
        total = sum(cumulative for _caller, cumulative in entries)
        result: dict[str, float] = defaultdict(float)
        for caller, cumulative in entries:
            share = cumulative / total if total else 1 / len(entries)
            for name, fraction in self.of(caller).items():
                result[name] += share * fraction
        return dict(result)


def strongly_connected(
    nodes: list[Function], successors: dict[Function, list[Function]]
) -> dict[Function, int]:
    """Tarjan's algorithm, without recursion: the component number of every node."""
    index: dict[Function, int] = {}
    low: dict[Function, int] = {}
    stack: list[Function] = []
    on_stack: set[Function] = set()
    component: dict[Function, int] = {}
    components = 0
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors.get(root, ())))]
        while work:
            node, following = work[-1]
            for successor in following:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(successors.get(successor, ()))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component[member] = components
                        if member == node:
                            break
                    components += 1
    return component


def is_helper(function: Function) -> bool:
    """Built-ins and the standard library: their time belongs to whoever called them."""
    file = function[0]
    if file.startswith("<frozen importlib"):
        return False
    return (
        file == "~"
        or file.startswith("<frozen")
        or (file.startswith(STDLIB) and "site-packages" not in file)
    )


def area(function: Function) -> str:
    file = function[0].replace("\\", "/")
    for fragment, name in AREAS:
        if fragment in file:
            return name
    if is_helper(function):
        return "Python built-ins and standard library"
    return "other"
