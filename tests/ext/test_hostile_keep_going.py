"""One broken week does not stop the archive: ``sphinx-build -W --keep-going`` as ``make`` runs it.

Week 2 of the three-week ``test-hostile`` root is broken six ways at once. The HTML build
still writes every page, lists every problem with its file and line, counts them in its
summary, and fails; the other weeks' pages are exactly what a clean build writes. The
Canvas build that follows (sharing the doctrees, as ``make`` does) writes no package and
names every problem again (under ``-W`` its warnings count as errors).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from lxml import etree

from tests.helpers import copy_root, parse_html

SPHINX = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "--no-color"]
BROKEN = """
.. interrogation:: Cy Dee

   The same student twice in a week.

.. interrogation:: Fay Gee
   :colour: red

   week2-lost-question.

.. response::

   A response outside any interrogation.

.. interrogation:: Gil Ho
   :id: Not An Id!

   An id that is not an anchor.

.. interrogation:: Ivy Jo

.. interrogation:: Kit Lo

   See :seminar:interrogation:`w09-nobody`.

   .. response::

      week2-last-response.
"""
PROBLEM = re.compile(r"^(?P<where>\S+:\d+): (?P<level>ERROR|WARNING): (?P<what>.*)$")


def sphinx_build(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SPHINX, *map(str, args)], capture_output=True, text=True, timeout=300, check=False
    )


def expected_problems(week: Path) -> list[tuple[str, str, str]]:
    """(file:line, level, start of message) of every problem ``BROKEN`` causes."""
    lines = week.read_text().splitlines()

    def at(text: str, occurrence: int = 1) -> str:
        numbers = [n for n, line in enumerate(lines, 1) if line == text]
        return f"{week}:{numbers[occurrence - 1]}"

    first_cy, second_cy = at(".. interrogation:: Cy Dee"), at(".. interrogation:: Cy Dee", 2)
    return [
        (second_cy, "ERROR", f"duplicate id 'w02-cy-dee' (also at {first_cy})"),
        (at(".. interrogation:: Fay Gee"), "ERROR", 'Error in "interrogation" directive:'),
        (at(".. response::"), "ERROR", "response outside an interrogation"),
        (at(".. interrogation:: Gil Ho"), "ERROR", "invalid :id: 'Not An Id!'"),
        (at(".. interrogation:: Ivy Jo"), "WARNING", "interrogation by Ivy Jo has no question"),
        (
            at("   See :seminar:interrogation:`w09-nobody`."),
            "WARNING",
            "seminar:interrogation reference target not found: w09-nobody",
        ),
    ]


def problems(stderr: str) -> list[tuple[str, str, str]]:
    return [m.group("where", "level", "what") for m in map(PROBLEM.match, stderr.splitlines()) if m]


def main_content(page: Path) -> bytes:
    return etree.tostring(parse_html(page).find_class("body")[0])


def test_one_broken_week_leaves_the_others_whole(rootdir: Path, tmp_path: Path) -> None:
    clean = copy_root(rootdir, "hostile", tmp_path / "clean")
    good = sphinx_build("-q", "-b", "html", clean, tmp_path / "clean-html")
    assert (good.returncode, good.stderr) == (0, "")

    src = copy_root(rootdir, "hostile", tmp_path / "src")
    week = src / "weeks" / "week02.rst"
    week.write_text(week.read_text() + BROKEN)
    doctrees = tmp_path / "doctrees"
    result = sphinx_build("-b", "html", "-d", doctrees, src, tmp_path / "html")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    expected = expected_problems(week)
    found = problems(result.stderr)
    assert len(found) == len(expected)  # nothing about the other weeks
    for where, level, start in expected:
        assert any(f == (where, level, f[2]) and f[2].startswith(start) for f in found), start
    summary = f"build finished with problems, {len(expected)} warnings"
    assert f"{summary} (with warnings treated as errors)." in result.stdout

    for other in ("index.html", "weeks/week01.html", "weeks/week03.html"):
        page = main_content(tmp_path / "html" / other)
        assert page == main_content(tmp_path / "clean-html" / other), other
    week2 = parse_html(tmp_path / "html" / "weeks" / "week02.html")
    for anchor in ("w02-cy-dee", "w02-di-eng", "w02-kit-lo", "w02-kit-lo-response"):
        assert week2.get_element_by_id(anchor) is not None
    assert "week2-last-response" in week2.text_content()

    canvas = sphinx_build("-b", "canvas", "-d", doctrees, src, tmp_path / "canvas")
    assert canvas.returncode == 1
    assert "Traceback" not in canvas.stderr
    assert list((tmp_path / "canvas").glob("*.imscc")) == []
    refusal = canvas.stderr[canvas.stderr.index("ERROR: hostile-archive-co.imscc not written") :]
    assert f"the build reported {len(expected)} error(s)" in refusal
    for where, _, start in expected:
        assert f"\n  {where}: {start}" in refusal
