"""What the navigation shows, read from the domain in one place (:func:`week_entries`).

Every other module of this package reads weeks and items only through :func:`week_entries`, so a
new store of records (the typed catalogue) is wired in by changing that one function.
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes
from sphinx.environment import BuildEnvironment

from ..domain import SeminarDomain
from ..nodes import interrogation, question
from ..records import CitableRecord, WeekRecord

#: words of an interrogation's text shown when it has no title
EXCERPT_WORDS = 10


@dataclass(frozen=True)
class WeekEntry:
    """One week with its interrogations and responses, in document order."""

    week: WeekRecord
    items: tuple[CitableRecord, ...]
    #: the term the week belongs to; "" until weeks carry a term (then the landing page and the
    #: header group and name weeks by term with no other change)
    term: str = ""

    @property
    def interrogations(self) -> list[CitableRecord]:
        return [item for item in self.items if item.kind == "interrogation"]

    @property
    def response_count(self) -> int:
        return sum(item.kind == "response" for item in self.items)


def week_entries(env: BuildEnvironment) -> list[WeekEntry]:
    """Every week, by week number, with its items: the one read of the domain."""
    domain = env.domains["seminar"]
    assert isinstance(domain, SeminarDomain)
    return [WeekEntry(week, tuple(domain.citables_in(week.docname))) for week in domain.weeks()]


def entry_of(entries: list[WeekEntry], docname: str) -> int | None:
    """Position of the week held by ``docname`` in ``entries`` (``None``: not a week page)."""
    return next((i for i, entry in enumerate(entries) if entry.week.docname == docname), None)


def excerpts(doctree: nodes.Node) -> dict[str, str]:
    """The first words of each interrogation's own text on a page, by anchor."""
    found = {}
    for node in doctree.findall(interrogation):
        if not node["ids"]:
            continue
        text = " ".join(part.astext() for part in node.children if isinstance(part, question))
        words = text.split()
        excerpt = " ".join(words[:EXCERPT_WORDS])
        found[node["ids"][0]] = excerpt + ("…" if len(words) > EXCERPT_WORDS else "")
    return found


def caption(record: CitableRecord, found: dict[str, str]) -> str:
    """What the week's list says of an item: its title, else its first words."""
    return record.title or found.get(record.anchor, "")
