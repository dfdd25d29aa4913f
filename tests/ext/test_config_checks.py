"""Configuration values are checked when read: one clear message, no crash report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.errors import ConfigError

from tests.helpers import build, write_project

WEEK = "Week 3\n======\n\n.. week:: 3\n\n.. interrogation:: Ann Lee\n\n   A question.\n"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"html_baseurl": "javascript:alert(1)"}, "it must be an http:// or https:// address"),
        ({"html_baseurl": "file:///srv/archive/"}, "it must be an http:// or https:// address"),
        ({"html_baseurl": "https://"}, "it must be an http:// or https:// address"),
        ({"html_baseurl": "https://x.org/a b/"}, "it contains spaces or control characters"),
        ({"html_baseurl": "https://x.org/?a=1"}, "it must not have a ?query or #fragment"),
        ({"interrogations_lms_date": "2013-13-45"}, "'2013-13-45' is not a date"),
        ({"interrogations_lms_date": "2013-02-30"}, "'2013-02-30' is not a date"),
        ({"interrogations_id_prefix": "Bad Prefix!"}, "interrogations_id_prefix = 'Bad Prefix!'"),
        ({"interrogations_id_prefix": "9x-"}, "interrogations_id_prefix = '9x-'"),
        ({"project": " ", "interrogations_course": ""}, "the archive needs a course name"),
    ],
)
def test_bad_values_are_config_errors(
    overrides: dict[str, str], message: str, tmp_path: Path
) -> None:
    srcdir = write_project(
        tmp_path / "src",
        {"index.rst": WEEK},
        'extensions.append("sphinx_interrogations_lms")\n',
    )
    with pytest.raises(ConfigError, match=message.replace("?", r"\?")):
        build(srcdir, confoverrides=overrides)


@pytest.mark.parametrize(
    "overrides",
    [
        {"html_baseurl": "https://example.org/soc929/"},
        {"html_baseurl": ""},
        {"interrogations_lms_date": "2013-10-10"},
        {"interrogations_id_prefix": "soc929-2013-"},
    ],
)
def test_good_values_pass(overrides: dict[str, str], tmp_path: Path) -> None:
    srcdir = write_project(
        tmp_path / "src", {"index.rst": WEEK}, 'extensions.append("sphinx_interrogations_lms")\n'
    )
    assert build(srcdir, confoverrides=overrides).warnings == ""


def sphinx_build(srcdir: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            *options,
            "-b",
            "html",
            str(srcdir),
            str(srcdir / "_build"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("conf", "files", "message"),
    [
        ('html_baseurl = "javascript:alert(1)"\n', {}, "Configuration error: html_baseurl = "),
        (
            'interrogations_public = True\ninterrogations_roster = "roster.csv"\n',
            {"roster.csv": "name,aliases,consent,number\nAnn Lee,,maybe,\n"},
            "consent must be one of named, pseudonym, exclude",
        ),
        (
            'interrogations_public = True\ninterrogations_roster = "roster.csv"\n',
            {"roster.csv": "name,aliases,consent,number\nAnn Lee,,pseudonym,\u00b2\n"},
            "number must be a whole number from 1 to",
        ),
        (
            'interrogations_public = True\ninterrogations_roster = "roster.csv"\n',
            {"roster.csv": "name,aliases,consent,number\nAnn Lee,,pseudonym,\n"},
            "there is no pseudonym key",
        ),
    ],
)
def test_designed_errors_print_as_one_message(
    conf: str, files: dict[str, str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTERROGATIONS_PSEUDONYM_KEY", raising=False)
    srcdir = write_project(tmp_path / "src", {"index.rst": WEEK, **files}, conf)
    result = sphinx_build(srcdir)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert lines[0].startswith("\x1b[") or lines[0].startswith("Configuration error: ")
    assert "Traceback" not in result.stderr and "report" not in result.stderr


def test_other_exceptions_keep_sphinx_report(tmp_path: Path) -> None:
    srcdir = write_project(
        tmp_path / "src", {"index.rst": WEEK}, "def setup(app):\n    raise RuntimeError('boom')\n"
    )
    result = sphinx_build(srcdir)
    assert result.returncode == 2
    assert "Traceback" in result.stderr and "RuntimeError: boom" in result.stderr
