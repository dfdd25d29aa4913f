"""The real archive's public build: HTML, PDF and both LMS packages, with no student's name.

The pseudonym key is a test key set here; a real publication uses the instructor's own key
(kept outside the repository), so the test's pseudonyms are not the published ones.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SCHEMAS
from tests.helpers import parse_html
from tests.leakscan import compile_pdf, roster_needles, scan

ROSTER = REPO / "roster.csv"
BUILDERS = ("html", "latex", "canvas", "moodle")
KEY = "archive-test-key-not-the-real-one"


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``sphinx-build -W`` of every public output, as ``make public`` runs it."""
    out = tmp_path_factory.mktemp("archive-public")
    env = {**os.environ, "INTERROGATIONS_PSEUDONYM_KEY": KEY}
    options = [
        *("-W", "--keep-going", "-q", "-c", str(REPO), "-d", str(out / "doctrees")),
        *("-D", "interrogations_public=1", "-D", f"interrogations_roster={ROSTER}"),
        *("-D", f"interrogations_lms_schema_dir={SCHEMAS}"),
    ]
    for builder in BUILDERS:
        command = [sys.executable, "-m", "sphinx", *options, "-b", builder]
        subprocess.run([*command, str(REPO / "source"), str(out / builder)], check=True, env=env)
    compile_pdf(out / "latex")
    return {builder: out / builder for builder in BUILDERS}


def test_every_roster_student_is_in_the_sources() -> None:
    """Guards the next test from passing on an archive without students."""
    sources = " ".join(p.read_text() for p in (REPO / "source").rglob("*.rst"))
    with ROSTER.open(newline="") as file:
        names = [row["name"] for row in csv.DictReader(file)]
    assert len(names) >= 12
    assert [name for name in names if f".. interrogation:: {name}\n" not in sources] == []


def test_public_archive_leaks_no_name(public: dict[str, Path]) -> None:
    week = parse_html(public["html"] / "2013-fall" / "week06.html")
    students = [el.text_content() for el in week.find_class("seminar-student")]
    assert len(students) == 12
    assert all(re.fullmatch(r"Student [2-9B-Z]{4}", name) for name in students)
    assert list(public["latex"].glob("*.pdf"))
    assert len(list(public["canvas"].glob("*.imscc"))) == 1
    assert len(list(public["moodle"].glob("*.imscc"))) == 1
    assert scan(public.values(), roster_needles(ROSTER)) == []
