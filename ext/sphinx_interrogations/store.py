"""Where the catalogue lives: the ``seminar`` domain's data, and the one accessor to it.

The data is indexed by docname, so purging a document and merging the documents of parallel
readers are exact. The domain calls :func:`clear_doc` and :func:`merge`; every reader calls
:func:`catalogue_of`.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any, Protocol

from .catalogue import Catalogue
from .records import Item, Target, Term, Week

DOMAIN = "seminar"


class HasDomains(Protocol):
    """What :func:`catalogue_of` needs of a Sphinx build environment."""

    @property
    def domains(self) -> Any:
        """The environment's domains."""


def initial_data() -> dict[str, Any]:
    """The layout of the domain's data (fresh, empty)."""
    return {
        "terms": {},  # docname (the term page) -> Term
        "weeks": {},  # docname -> Week
        "items": {},  # docname -> list[Item], document order
        "references": {},  # docname -> targets it references (seminar roles and :ref:)
        "targets": {},  # anchor or alias -> Target
        "ids": {},  # docname of a week -> {every id of the page: anchor of the item holding it}
    }


def catalogue_from(data: dict[str, Any]) -> Catalogue:
    """The catalogue over one domain's data."""
    return Catalogue(data["weeks"], data["items"], data["targets"], data["terms"], ids=data["ids"])


def catalogue_of(env: HasDomains) -> Catalogue:
    """The catalogue of a build environment: the one accessor every output uses."""
    return catalogue_from(env.domains[DOMAIN].data)


def note_term(data: dict[str, Any], term: Term) -> None:
    """Store the term its page declares."""
    data["terms"][term.docname] = term


def note_week(data: dict[str, Any], week: Week) -> None:
    """Store a document's week."""
    data["weeks"][week.docname] = week


def note_items(data: dict[str, Any], docname: str, items: list[Item]) -> None:
    """Store a document's interrogations and responses, in document order."""
    if items:
        data["items"][docname] = items


def note_ids(data: dict[str, Any], docname: str, owners: dict[str, str]) -> None:
    """Store which item holds each id of a week's page ("" for none: the week's own text)."""
    data["ids"][docname] = owners


def note_target(data: dict[str, Any], name: str, target: Target) -> bool:
    """Index an anchor or alias; ``False`` if already taken (a duplicate, reported later)."""
    if name in data["targets"]:
        return False
    data["targets"][name] = target
    return True


def clear_doc(data: dict[str, Any], docname: str) -> None:
    """Forget one document: its records, references, and the targets its records define."""
    data["terms"].pop(docname, None)
    week = data["weeks"].pop(docname, None)
    items = data["items"].pop(docname, [])
    data["references"].pop(docname, None)
    data["ids"].pop(docname, None)
    defined = [week.anchor] if week else []
    defined += [name for item in items for name in (item.anchor, *item.aliases)]
    targets = data["targets"]
    for name in defined:
        found = targets.get(name)
        if found is not None and found.docname == docname:
            del targets[name]


def merge(data: dict[str, Any], docnames: Set[str], other: dict[str, Any]) -> None:
    """Take the records of ``docnames`` from a parallel reader's data."""
    for key in ("terms", "weeks", "items", "references", "ids"):
        for docname in docnames:
            if docname in other[key]:
                data[key][docname] = other[key][docname]
    for name, found in other["targets"].items():
        if found.docname in docnames:
            data["targets"].setdefault(name, found)
