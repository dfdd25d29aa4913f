"""What the navigation shows, read from the archive's catalogue in one place (:func:`week_entries`).

Every other module of this package reads weeks and items only through :func:`week_entries`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sphinx.environment import BuildEnvironment

from ..records import Interrogation, Item, Week
from ..store import catalogue_of


@dataclass(frozen=True)
class WeekEntry:
    """One week with its interrogations and responses, in document order."""

    week: Week
    items: tuple[Item, ...]
    #: the title of the week's term, as its ``term`` directive gives it ("" for the implicit term)
    term_title: str = ""

    @property
    def term(self) -> str:
        """The key of the term the week belongs to ("" for the archive's implicit term)."""
        return self.week.term

    @property
    def interrogations(self) -> list[Interrogation]:
        """The week's interrogations, in order."""
        return [item for item in self.items if isinstance(item, Interrogation)]

    @property
    def response_count(self) -> int:
        """How many responses the week holds."""
        return len(self.items) - len(self.interrogations)


def week_entries(env: BuildEnvironment) -> list[WeekEntry]:
    """Every week, in order, with its items: the one read of the catalogue."""
    catalogue = catalogue_of(env)
    return [
        WeekEntry(
            week, tuple(catalogue.items_of(week.docname)), catalogue.term(week.term).title
        )
        for week in catalogue.weeks()
    ]


def entry_of(entries: list[WeekEntry], docname: str) -> int | None:
    """Position of the week held by ``docname`` in ``entries`` (``None``: not a week page)."""
    return next((i for i, entry in enumerate(entries) if entry.week.docname == docname), None)


def caption(item: Interrogation) -> str:
    """What a list of items says of an interrogation: its title, else its first words."""
    return item.title or item.opening
