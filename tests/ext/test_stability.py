"""Anchors never depend on position: shuffling, editing and adding weeks keep every id."""

from __future__ import annotations

import random
import re
from pathlib import Path

from tests.helpers import build, copy_root, ids_of, parse_html

BLOCK = re.compile(r"^\.\. interrogation::.*?(?=^\.\. interrogation::|\Z)", re.M | re.S)


def all_ids(outdir: Path) -> dict[str, list[str]]:
    found = {}
    for page in sorted((outdir / "weeks").glob("*.html")):
        tree = parse_html(page)
        found[page.name] = sorted(
            ids_of(tree, "seminar-interrogation") + ids_of(tree, "seminar-response")
        )
    return found


def shuffle_interrogations(path: Path, seed: int) -> None:
    text = path.read_text()
    blocks = BLOCK.findall(text)
    head = text[: text.index(blocks[0])]
    shuffled = blocks[:]
    random.Random(seed).shuffle(shuffled)
    assert shuffled != blocks
    path.write_text(head + "".join(block.rstrip("\n") + "\n\n" for block in shuffled))


def test_ids_survive_shuffling_editing_and_new_weeks(rootdir: Path, tmp_path: Path) -> None:
    original = copy_root(rootdir, "basic", tmp_path / "a")
    before = all_ids(build(original).outdir)

    changed = copy_root(rootdir, "basic", tmp_path / "b")
    week2 = changed / "weeks" / "week02.rst"
    shuffle_interrogations(week2, seed=3)
    week2.write_text(week2.read_text().replace("A question with no response.", "Reworded."))
    (changed / "weeks" / "week03.rst").write_text(
        "Week 3\n======\n\n.. week:: 3\n\n.. interrogation:: Ada Lovelace\n\n   New.\n"
    )
    index = changed / "index.rst"
    index.write_text(
        index.read_text().replace("   weeks/week02\n", "   weeks/week02\n   weeks/week03\n")
    )
    result = build(changed)
    after = all_ids(result.outdir)

    assert result.warnings == ""
    assert after.pop("week03.html") == ["w03-ada-lovelace"]
    assert after == before
    numbers = [
        el.text_content()
        for el in parse_html(result.outdir / "weeks/week02.html").find_class("seminar-number")
    ]
    assert numbers == ["2.1", "2.2", "2.3"]
