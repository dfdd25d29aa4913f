"""Run one ``sphinx-build`` in a fresh child process and measure it.

Wall time is taken around the child; CPU time (user + system) and peak memory come from the
child's own resource usage (``os.wait4``), which includes the worker processes a ``-j N`` build
forks. Peak memory is the largest resident set of any one of those processes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

UPDATING = re.compile(
    r"^updating environment: (?:\[[^\]]*\] )?(\d+) added, (\d+) changed", re.MULTILINE
)
WRITING = re.compile(r"^writing output\.\.\. \[.*$", re.MULTILINE)
PROBLEM = re.compile(r"\b(WARNING|ERROR|CRITICAL):")


class BuildFailed(RuntimeError):
    """A benchmark build exited with an error."""


@dataclass(frozen=True, slots=True)
class Measurement:
    """One build: seconds of wall and CPU time, peak memory, and what it did."""

    wall: float
    cpu: float
    peak_mb: float
    read: int  # documents read (parsed)
    written: int | None  # documents written (None: not counted, e.g. -j N or an export)
    warnings: int
    runs: int = 1  # repetitions this is the best of
    timed_out: bool = False  # stopped at the time limit: times and memory are lower bounds

    @staticmethod
    def best(runs: list[Measurement]) -> Measurement:
        """The best value of each quantity over repeated runs of the same build."""
        return Measurement(
            wall=min(run.wall for run in runs),
            cpu=min(run.cpu for run in runs),
            peak_mb=min(run.peak_mb for run in runs),
            read=runs[0].read,
            written=runs[0].written,
            warnings=max(run.warnings for run in runs),
            runs=len(runs),
            timed_out=all(run.timed_out for run in runs),
        )


def sphinx_build(
    arguments: list[str], cwd: Path, log: Path, timeout: float | None = None
) -> Measurement:
    """Run ``python -m sphinx <arguments>`` in ``cwd``; its output goes to ``log`` (.out/.err).

    A build still running after ``timeout`` seconds is killed; its measurement is then a lower
    bound (``timed_out``).
    """
    command = [sys.executable, "-m", "sphinx", *arguments]
    log.parent.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log.with_suffix(".out"), log.with_suffix(".err")
    with out_path.open("w") as out, err_path.open("w") as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(child.pid, 0 if timeout is None else os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:  # type: ignore[operator]
                child.kill()
                timed_out = True
                _pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.1)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
    errors = err_path.read_text(errors="replace")
    if child.returncode != 0 and not timed_out:
        tail = "\n".join(errors.strip().splitlines()[-15:])
        raise BuildFailed(f"{' '.join(command)} exited with {child.returncode}:\n{tail}")
    output = out_path.read_text(errors="replace")
    return Measurement(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
        read=sum(int(added) + int(changed) for added, changed in UPDATING.findall(output)),
        written=written(output),
        warnings=len(PROBLEM.findall(errors)),
        timed_out=timed_out,
    )


def written(output: str) -> int | None:
    """Documents a serial build wrote; None when it printed none or parallel chunks."""
    lines = WRITING.findall(output)
    if not lines or any(" .. " in line for line in lines):
        return None
    return len(lines)
