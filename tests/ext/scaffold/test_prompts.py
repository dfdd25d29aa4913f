"""``interrogations-new`` on a terminal: it asks for what is missing, as sphinx-quickstart does."""

from __future__ import annotations

import os
import runpy
import select
import subprocess
import time
from pathlib import Path

from tests.ext.scaffold import COMMAND

TIMEOUT = 30.0


class Terminal:
    """The command run with a pseudo-terminal as its standard input, output and error."""

    def __init__(self, *args: str, cwd: Path) -> None:
        self.master, slave = os.openpty()
        self.process = subprocess.Popen(
            [str(COMMAND), *args], cwd=cwd, stdin=slave, stdout=slave, stderr=slave,
            close_fds=True,
        )
        os.close(slave)
        self.seen = ""

    def expect(self, text: str) -> str:
        """Read until ``text`` has appeared; return everything read up to it."""
        deadline = time.monotonic() + TIMEOUT
        while text not in self.seen:
            left = max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                raise AssertionError(f"{text!r} never appeared; the terminal shows:\n{self.seen}")
            try:
                chunk = os.read(self.master, 4096).decode("utf-8", "replace")
            except OSError:  # the command closed the terminal
                chunk = ""
            if not chunk:
                raise AssertionError(f"{text!r} never appeared; the terminal shows:\n{self.seen}")
            self.seen += chunk.replace("\r\n", "\n")
        before, _, self.seen = self.seen.partition(text)
        return before + text

    def answer(self, text: str) -> None:
        os.write(self.master, text.encode("utf-8") + b"\r")

    def finish(self) -> int:
        status = self.process.wait(timeout=TIMEOUT)
        os.close(self.master)
        return status


def test_missing_values_are_asked_for_with_defaults(tmp_path: Path) -> None:
    terminal = Terminal("--requirement", "sphinx-interrogations==0.1.0", cwd=tmp_path)
    terminal.expect("> Folder of the new archive: ")
    terminal.answer("soc101")
    terminal.expect("> Course name: ")
    terminal.answer("Sociology 101")
    terminal.expect("> Key of the first term (e.g. 2015-fall): ")
    terminal.answer("2015-fall")
    terminal.expect("> Title of the term [Fall 2015]: ")
    terminal.answer("")
    terminal.expect("> Year of the term [2015]: ")
    terminal.answer("")
    terminal.expect("> Who writes the responses [Instructor]: ")
    terminal.answer("EOW")
    terminal.expect("> Language [en]: ")
    terminal.answer("")
    terminal.expect("> Address where it will be published (empty: not yet): ")
    terminal.answer("")
    terminal.expect("Created the Sociology 101 archive in soc101")
    assert terminal.finish() == 0
    conf = runpy.run_path(str(tmp_path / "soc101/conf.py"))
    assert conf["interrogations_course"] == "Sociology 101"
    assert conf["interrogations_responder"] == "EOW"
    assert conf["language"] == "en"
    assert conf["html_baseurl"] == ""
    term = (tmp_path / "soc101/source/2015-fall/index.rst").read_text(encoding="utf-8")
    assert "\nFall 2015\n" in term


def test_a_bad_answer_is_explained_and_asked_again(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken/file").write_text("x", encoding="utf-8")
    terminal = Terminal("--course", "Soc 101", "--responder", "EOW", "--language", "fr",
                        "--baseurl", "", "--requirement", "x==1", cwd=tmp_path)
    terminal.expect("> Folder of the new archive: ")
    terminal.answer("taken")
    terminal.expect("* taken exists and is not empty")
    terminal.expect("> Folder of the new archive: ")
    terminal.answer("fresh")
    terminal.expect("> Key of the first term (e.g. 2015-fall): ")  # --course was given
    terminal.answer("Fall 2015")
    terminal.expect("* invalid term key 'Fall 2015'")
    terminal.expect("> Key of the first term (e.g. 2015-fall): ")
    terminal.answer("2016-spring")
    terminal.expect("> Title of the term [Spring 2016]: ")
    terminal.answer("Spring semester 2016")
    terminal.expect("> Year of the term [2016]: ")
    terminal.answer("2017")
    terminal.expect("* the year 2017 contradicts the term key '2016-spring'")
    terminal.expect("> Year of the term [2016]: ")
    terminal.answer("2016")
    shown = terminal.expect("Created the Soc 101 archive in fresh")
    assert "Who writes the responses" not in shown and "Language" not in shown
    assert terminal.finish() == 0
    conf = runpy.run_path(str(tmp_path / "fresh/conf.py"))
    assert conf["language"] == "fr"
    term = (tmp_path / "fresh/source/2016-spring/index.rst").read_text(encoding="utf-8")
    assert "\nSpring semester 2016\n" in term


def test_end_of_input_writes_nothing(tmp_path: Path) -> None:
    terminal = Terminal("soc101", "--requirement", "x==1", cwd=tmp_path)
    terminal.expect("> Course name: ")
    os.write(terminal.master, b"\x04")  # Ctrl-D
    terminal.expect("interrupted; nothing written")
    assert terminal.finish() == 1
    assert not (tmp_path / "soc101").exists()
