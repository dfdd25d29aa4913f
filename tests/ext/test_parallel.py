"""Parallel and incremental builds give the same output as a fresh serial build."""

from __future__ import annotations

from pathlib import Path

from sphinx.util.inventory import InventoryFile

from tests.helpers import build, copy_root


def outputs(outdir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(outdir)): path.read_bytes() for path in sorted(outdir.rglob("*.html"))
    }


def inventory(outdir: Path) -> dict:
    data = InventoryFile.loads((outdir / "objects.inv").read_bytes(), uri="").data
    return {kind: {name: item.uri for name, item in items.items()} for kind, items in data.items()}


def test_parallel_equals_serial(rootdir: Path, tmp_path: Path) -> None:
    serial = build(copy_root(rootdir, "basic", tmp_path / "serial"))
    parallel = build(copy_root(rootdir, "basic", tmp_path / "parallel"), parallel=2)
    assert parallel.warnings == serial.warnings == ""
    assert outputs(parallel.outdir) == outputs(serial.outdir)
    assert inventory(parallel.outdir) == inventory(serial.outdir)


def test_incremental_rebuild_updates_links_in_unchanged_pages(
    rootdir: Path, tmp_path: Path
) -> None:
    project = copy_root(rootdir, "basic", tmp_path / "inc")
    build(project)
    week1 = project / "weeks" / "week01.rst"
    # The student's name is corrected; the old anchor stays as an alias.
    week1.write_text(
        week1.read_text().replace(
            ".. interrogation:: Alan Turing\n",
            ".. interrogation:: Alan M. Turing\n   :family-name: Turing-Smith\n"
            "   :aliases: w01-alan-turing\n",
        )
    )
    incremental = build(project)
    assert incremental.warnings == ""
    index = (incremental.outdir / "index.html").read_text()
    assert "Turing-Smith, Week 1" in index  # index.rst was not edited, yet it was rewritten
    fresh = build(project, outdir=tmp_path / "fresh", freshenv=True)
    assert outputs(incremental.outdir) == outputs(fresh.outdir)
