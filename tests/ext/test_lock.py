"""Published anchors are a contract: the lock, its check on every build, aliases and redirects."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_interrogations import lock, redirects
from sphinx_interrogations.registry import FILENAME
from tests.ext.test_stability import shuffle_interrogations
from tests.helpers import copy_root, ids_of, parse_html

LOCK = "anchors.lock"
COLOURS = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class Outcome:
    """A finished build: Sphinx's exit status, its warnings and errors, and its output."""

    status: int
    warnings: str
    outdir: Path


def run(srcdir: Path, builder: str = "html", **options: object) -> Outcome:
    warnings = io.StringIO()
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        builddir=srcdir / "_build",
        status=io.StringIO(),
        warning=warnings,
        **options,  # type: ignore[arg-type]
    )
    try:
        app.build()
        return Outcome(app.statuscode, COLOURS.sub("", warnings.getvalue()), Path(app.outdir))
    finally:
        app.cleanup()


def registry_of(outdir: Path) -> dict:
    return json.loads((outdir / FILENAME).read_text(encoding="utf-8"))


def locked_basic(rootdir: Path, destination: Path, builder: str = "html") -> Path:
    """The basic root, built once and its anchors locked with the update command."""
    project = copy_root(rootdir, "basic", destination)
    outcome = run(project, builder)
    assert (outcome.status, outcome.warnings) == (0, "")
    assert lock.main(["update", str(outcome.outdir), str(project / LOCK)]) == 0
    return project


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def rename_week(project: Path, old: str, new: str) -> None:
    (project / "weeks" / f"{old}.rst").rename(project / "weeks" / f"{new}.rst")
    edit(project / "index.rst", f"   weeks/{old}\n", f"   weeks/{new}\n")


def remove_jose(project: Path) -> None:
    """Delete José Núñez's interrogation (and the index's link to it)."""
    edit(project / "weeks" / "week02.rst", ".. interrogation:: José Núñez\n\n", "")
    edit(project / "weeks" / "week02.rst", "   A question with no response.\n\n", "")
    edit(project / "index.rst", "<w02-jose-nunez>", "<w02-ada-lovelace>")


# -- the lock file ----------------------------------------------------------------------


def registry(*entries: tuple[str, str, str, list[str]]) -> dict:
    """A minimal registry: (id, kind, docname, aliases) per object, weeks first."""
    rows = [
        {"id": i, "kind": k, "docname": d, "url": f"{d}.html#{i}", "aliases": a}
        for i, k, d, a in entries
    ]
    return {
        "weeks": [r for r in rows if r["kind"] == "week"],
        "objects": [r for r in rows if r["kind"] != "week"],
    }


def test_update_remembers_every_page_an_anchor_left() -> None:
    first = lock.updated({}, registry(("w01", "week", "a", []), ("w01-x", "response", "a", [])))
    assert first["w01-x"] == lock.LockEntry("response", "a", "a.html#w01-x")
    second = lock.updated(first, registry(("w01-x", "response", "b", ["w01-y"])))
    assert second["w01-x"] == lock.LockEntry("response", "b", "b.html#w01-x", ("a",))
    assert second["w01-y"] == lock.LockEntry("response", "b", "b.html#w01-y")
    third = lock.updated(second, registry(("w01-x", "response", "a", [])))
    assert third["w01-x"].former_docnames == ("b",)
    assert lock.missing(second, {"w01-x"}) == ["w01-y"]


def test_lock_file_round_trips_sorted(tmp_path: Path) -> None:
    entries = lock.updated({}, registry(("w02", "week", "b", []), ("w01", "week", "a", [])))
    path = tmp_path / LOCK
    path.write_text(lock.dumps(entries))
    assert lock.read(path) == entries
    assert list(json.loads(path.read_text())["anchors"]) == ["w01", "w02"]
    path.write_text('{"format": "something-else", "version": 1, "anchors": {}}')
    with pytest.raises(lock.AnchorLockError, match=re.escape(str(path))):
        lock.read(path)


def test_redirect_plan_prefers_the_page_that_took_the_week() -> None:
    entries = lock.updated(
        {},
        registry(
            ("w01", "week", "old", []),
            ("w01-a", "interrogation", "old", []),
            ("w01-b", "interrogation", "old", []),
            ("w01-c", "interrogation", "kept", []),
        ),
    )
    current = {"w01": "new", "w01-a": "other", "w01-b": "other", "w01-c": "elsewhere"}
    (plan,) = redirects.plan(entries, current, existing={"new", "other", "kept", "elsewhere"})
    assert plan == redirects.Redirect(
        "old", "new", (("w01", "new"), ("w01-a", "other"), ("w01-b", "other"))
    )


# -- builds against a lock ----------------------------------------------------------------


def test_anchors_survive_shuffle_edit_new_week_and_rename(rootdir: Path, tmp_path: Path) -> None:
    project = locked_basic(rootdir, tmp_path / "src")
    before = registry_of(project / "_build" / "html")
    week2 = project / "weeks" / "week02.rst"
    shuffle_interrogations(week2, seed=3)
    edit(week2, "A question with no response.", "Reworded.")
    (project / "weeks" / "week03.rst").write_text(
        "Week 3\n======\n\n.. week:: 3\n\n.. interrogation:: Ada Lovelace\n\n   New.\n"
    )
    edit(project / "index.rst", "   weeks/week02\n", "   weeks/week02\n   weeks/week03\n")
    rename_week(project, "week01", "foundations")

    outcome = run(project)
    assert (outcome.status, outcome.warnings) == (0, "")
    after = registry_of(outcome.outdir)
    old = {o["id"]: o for o in before["objects"]}
    new = {o["id"]: o for o in after["objects"]}
    assert set(new) - set(old) == {"w03-ada-lovelace"}
    assert set(old) <= set(new)
    for anchor, entry in old.items():
        moved = entry["docname"] == "weeks/week01"
        docname = "weeks/foundations" if moved else entry["docname"]
        assert new[anchor]["url"] == f"{docname}.html#{anchor}"
        if entry["kind"] == "response" or entry["week"] == 1:
            assert new[anchor]["digest"] == entry["digest"], anchor
    assert new["w02-jose-nunez"]["digest"] != old["w02-jose-nunez"]["digest"]
    page = parse_html(outcome.outdir / "weeks" / "foundations.html")
    assert ids_of(page, "seminar-interrogation") == ["w01-ada-lovelace", "w01-alan-turing"]
    redirect = (outcome.outdir / "weeks" / "week01.html").read_text()
    for anchor in ("w01", *[a for a in old if a.startswith("w01-")]):
        assert f'"{anchor}": "foundations.html#{anchor}"' in redirect
    assert '<meta http-equiv="refresh" content="0; url=foundations.html">' in redirect


@pytest.mark.parametrize("parallel", [0, 2])
def test_removed_locked_anchor_fails_the_build(
    rootdir: Path, tmp_path: Path, parallel: int
) -> None:
    project = locked_basic(rootdir, tmp_path / "src")
    remove_jose(project)
    for _attempt in range(2):  # also when nothing is re-read: the check runs on every build
        outcome = run(project, parallel=parallel)
        assert outcome.status == 1
        errors = [line for line in outcome.warnings.splitlines() if "ERROR" in line]
        assert errors == [
            f"{project / 'weeks' / 'week02.rst'}: ERROR: published anchor 'w02-jose-nunez' is "
            f"gone: {project / LOCK} locks it as the interrogation at "
            "weeks/week02.html#w02-jose-nunez (document 'weeks/week02'). Restore it, add it to "
            "the :aliases: of the object that replaces it, or unpublish it on purpose by "
            "updating the lock (python -m sphinx_interrogations.lock update) "
            "[seminar.anchor-lock]"
        ]


def test_anchors_of_a_deleted_page_are_reported_at_the_lock(rootdir: Path, tmp_path: Path) -> None:
    project = locked_basic(rootdir, tmp_path / "src")
    (project / "weeks" / "week01.rst").unlink()
    edit(project / "index.rst", "   weeks/week01\n", "")
    edit(project / "index.rst", ":seminar:interrogation:`w01-ada-lovelace`, ", "")
    edit(project / "index.rst", " and :ref:`w01-alan-turing`", "")
    edit(project / "weeks" / "week02.rst", "see :seminar:interrogation:`w01-alan-turing`", "")
    outcome = run(project)
    assert outcome.status == 1
    gone = re.findall(r"^(.*): ERROR: published anchor '([^']+)'", outcome.warnings, re.M)
    assert sorted(anchor for _where, anchor in gone) == [
        "w01",
        "w01-ada-lovelace",
        "w01-ada-lovelace-response",
        "w01-alan-turing",
        "w01-alan-turing-response",
    ]
    lines = (project / LOCK).read_text().splitlines()
    for where, anchor in gone:
        path, line = where.rsplit(":", 1)
        assert path == str(project / LOCK)
        assert lines[int(line) - 1] == f'    "{anchor}": {{'


def test_an_alias_keeps_the_old_anchor_working(rootdir: Path, tmp_path: Path) -> None:
    project = locked_basic(rootdir, tmp_path / "src")
    edit(
        project / "weeks" / "week02.rst",
        ".. interrogation:: José Núñez\n",
        ".. interrogation:: José Núñez Díaz\n   :aliases: w02-jose-nunez\n",
    )
    outcome = run(project)
    assert (outcome.status, outcome.warnings) == (0, "")
    tree = parse_html(outcome.outdir / "weeks" / "week02.html")
    landing = tree.get_element_by_id("w02-jose-nunez")
    assert landing.getparent().get("id") == "w02-jose-nunez-diaz"
    assert "seminar-interrogation" in landing.getparent().get("class")
    by_id = {o["id"]: o for o in registry_of(outcome.outdir)["objects"]}
    assert "w02-jose-nunez" not in by_id
    assert by_id["w02-jose-nunez-diaz"]["aliases"] == ["w02-jose-nunez"]
    assert lock.main(["update", str(outcome.outdir), str(project / LOCK)]) == 0
    assert {"w02-jose-nunez", "w02-jose-nunez-diaz"} <= set(lock.read(project / LOCK))


def test_editing_only_the_lock_is_checked(rootdir: Path, tmp_path: Path) -> None:
    project = locked_basic(rootdir, tmp_path / "src")
    data = json.loads((project / LOCK).read_text())
    data["anchors"]["w02-grace-hopper"] = {
        "kind": "interrogation",
        "docname": "weeks/week02",
        "url": "weeks/week02.html#w02-grace-hopper",
    }
    (project / LOCK).write_text(json.dumps(data))
    outcome = run(project)
    assert outcome.status == 1
    assert "published anchor 'w02-grace-hopper' is gone" in outcome.warnings


def test_an_empty_setting_disables_the_lock(rootdir: Path, tmp_path: Path) -> None:
    project = locked_basic(rootdir, tmp_path / "src")
    remove_jose(project)
    outcome = run(project, confoverrides={"interrogations_anchor_lock": ""})
    assert (outcome.status, outcome.warnings) == (0, "")


def test_an_unreadable_lock_stops_the_build(rootdir: Path, tmp_path: Path) -> None:
    project = copy_root(rootdir, "basic", tmp_path / "src")
    (project / LOCK).write_text("w01\nw02\n")
    with pytest.raises(lock.AnchorLockError, match="cannot read the anchor lock"):
        run(project)


def test_redirects_in_a_dirhtml_archive(rootdir: Path, tmp_path: Path) -> None:
    project = locked_basic(rootdir, tmp_path / "src", builder="dirhtml")
    rename_week(project, "week02", "machines")
    outcome = run(project, "dirhtml")
    assert (outcome.status, outcome.warnings) == (0, "")
    redirect = (outcome.outdir / "weeks" / "week02" / "index.html").read_text()
    assert '"w02-zoe-obrien-response-2": "../machines/#w02-zoe-obrien-response-2"' in redirect
    assert 'content="0; url=../machines/"' in redirect
    kept = (outcome.outdir / "weeks" / "week01" / "index.html").read_text()
    assert 'id="w01-ada-lovelace"' in kept and "http-equiv" not in kept


def test_update_command_reports_what_it_unpublishes(
    rootdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = locked_basic(rootdir, tmp_path / "src")
    capsys.readouterr()
    remove_jose(project)
    outcome = run(project, confoverrides={"interrogations_anchor_lock": ""})
    assert lock.main(["update", str(outcome.outdir), str(project / LOCK)]) == 0
    report = capsys.readouterr().out
    assert "  unpublished (1): w02-jose-nunez\n" in report
    assert "w02-jose-nunez" not in lock.read(project / LOCK)
    assert run(project).status == 0
    assert lock.main(["update", str(tmp_path / "nowhere"), str(project / LOCK)]) == 1
    assert "cannot read the anchor registry" in capsys.readouterr().err
