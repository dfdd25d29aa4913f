"""The anchor lock: the committed list of published anchors, and the command that updates it.

Format (version 1), one entry per published anchor or alias, sorted::

    {
      "format": "sphinx-interrogations-anchor-lock",
      "version": 1,
      "anchors": {
        "w06-dmytro-khutkyy": {
          "kind": "interrogation",                      # week, interrogation or response
          "docname": "weeks/week06",                    # where it was published last
          "url": "weeks/week06.html#w06-dmytro-khutkyy",
          "former_docnames": ["weeks/week6"]            # earlier pages (only if it moved)
        }
      }
    }

Builds check every locked anchor still exists (as an id or an alias) and write a redirect page
at every former page that is gone. Update the lock on purpose, from a finished HTML build::

    python -m sphinx_interrogations.lock update _build/html anchors.lock
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sphinx.errors import SphinxError

from . import registry as anchor_registry
from .address import on_page, page_part

FORMAT = "sphinx-interrogations-anchor-lock"
VERSION = 1


class AnchorLockError(SphinxError):
    """The lock file is unreadable, or a build lost published anchors."""

    category = "Anchor lock error"


@dataclass(frozen=True, slots=True)
class LockEntry:
    """Where one published anchor was, and where it had been before."""

    kind: str
    docname: str
    url: str
    former_docnames: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        """The entry as written in the lock file."""
        data: dict[str, object] = {"kind": self.kind, "docname": self.docname, "url": self.url}
        if self.former_docnames:
            data["former_docnames"] = list(self.former_docnames)
        return data


Lock = dict[str, LockEntry]


def read(path: Path) -> Lock:
    """Load a lock file, checking its format and version."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ValueError(f"not a version {VERSION} {FORMAT} file")
        return {
            anchor: LockEntry(
                kind=entry["kind"],
                docname=entry["docname"],
                url=entry["url"],
                former_docnames=tuple(entry.get("former_docnames", ())),
            )
            for anchor, entry in data["anchors"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise AnchorLockError(f"cannot read the anchor lock {path}: {error}") from error


def dumps(lock: Lock) -> str:
    """The lock as stable JSON text, sorted by anchor."""
    data = {
        "format": FORMAT,
        "version": VERSION,
        "anchors": {anchor: lock[anchor].as_json() for anchor in sorted(lock)},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def published(registry: anchor_registry.Registry) -> Lock:
    """Every id and alias of a registry, as lock entries (aliases share their object's page)."""
    lock: Lock = {}
    for entry in [*registry["weeks"], *registry["objects"]]:
        page = page_part(entry["url"])
        for anchor in (entry["id"], *entry.get("aliases", ())):
            lock[anchor] = LockEntry(entry["kind"], entry["docname"], on_page(page, anchor))
    return lock


def updated(old: Lock, registry: anchor_registry.Registry) -> Lock:
    """The new lock: what ``registry`` publishes now, remembering every page each anchor left."""
    lock = published(registry)
    for anchor, entry in lock.items():
        previous = old.get(anchor)
        if previous is None:
            continue
        history = (previous.docname, *previous.former_docnames)
        former = tuple(dict.fromkeys(d for d in history if d != entry.docname))
        lock[anchor] = LockEntry(entry.kind, entry.docname, entry.url, former)
    return lock


def missing(lock: Lock, present: set[str]) -> list[str]:
    """Locked anchors that are neither an id nor an alias any more, sorted."""
    return sorted(anchor for anchor in lock if anchor not in present)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m sphinx_interrogations.lock update HTML_DIR LOCKFILE``."""
    parser = argparse.ArgumentParser(
        prog="python -m sphinx_interrogations.lock",
        description="Update the anchor lock from a finished HTML build (on purpose).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    update = commands.add_parser("update", help="rewrite LOCKFILE from HTML_DIR/anchors.json")
    update.add_argument("html_dir", type=Path, help="output of an html or dirhtml build")
    update.add_argument("lockfile", type=Path, help="the lock file to write")
    args = parser.parse_args(argv)
    try:
        registry = anchor_registry.read(args.html_dir / anchor_registry.FILENAME)
        old = read(args.lockfile) if args.lockfile.exists() else {}
    except SphinxError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    new = updated(old, registry)
    args.lockfile.write_text(dumps(new), encoding="utf-8")
    added = sorted(set(new) - set(old))
    removed = missing(old, set(new))
    moved = sorted(a for a in set(new) & set(old) if new[a].docname != old[a].docname)
    print(f"{args.lockfile}: {len(new)} published anchors")
    for label, anchors in (("added", added), ("unpublished", removed), ("moved", moved)):
        if anchors:
            print(f"  {label} ({len(anchors)}): {' '.join(anchors)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
