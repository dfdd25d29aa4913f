"""Labels are translatable, the template is complete, and a translation is used."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from babel.messages.pofile import read_po

from tests.conftest import REPO
from tests.helpers import build, copy_root, parse_html

LOCALE = REPO / "ext" / "sphinx_interrogations" / "locale"


def load_tool():
    spec = importlib.util.spec_from_file_location(
        "update_translations", REPO / "tools" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_template_lists_every_label_in_the_code() -> None:
    extracted = {message.id for message in load_tool().extract() if message.id}
    with (LOCALE / "sphinx_interrogations.pot").open("rb") as pot:
        template = {message.id for message in read_po(pot) if message.id}
    assert extracted == template
    assert "Instructor response" in template


def test_german_build_uses_the_translation(rootdir: Path, tmp_path: Path) -> None:
    result = build(copy_root(rootdir, "basic", tmp_path / "src"), confoverrides={"language": "de"})
    tree = parse_html(result.outdir / "weeks" / "week01.html")
    labels = [el.text_content() for el in tree.find_class("seminar-label")]
    assert "Antwort der Lehrperson" in labels
    index = parse_html(result.outdir / "index.html").text_content()
    assert "Lovelace, Woche 1" in index
