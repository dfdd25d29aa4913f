"""Every label of an object, in each form, computed from its catalogue record (translatable).

- citation label (link text of a reference): "Khutkyy, Week 6", "Response to Khutkyy, Week 6"
- week label: "Week 6: Peer-to-peer Mutualism"
- page title (LMS pages): "6.1 Khutkyy — <title, or the question's first words>"
- index entries: "Khutkyy, Dmytro" (student index), "6.1 Khutkyy, Dmytro" (week index)
- bookmarks (PDF outline): "6.1 Dmytro Khutkyy", "6.1.1 EOW"
"""

from __future__ import annotations

from .i18n import _
from .records import Interrogation, Item, Person, Response, Term, Week


def citation_label(item: Item) -> str:
    """Default link text of a reference: "Khutkyy, Week 6" / "Response to Khutkyy, Week 6"."""
    base = _("%(name)s, Week %(week)d") % {"name": item.student.short, "week": item.week}
    if isinstance(item, Interrogation):
        return base
    if item.ordinal == 1:
        return _("Response to %s") % base
    return _("Response %(ordinal)d to %(base)s") % {"ordinal": item.ordinal, "base": base}


def search_label(item: Item, term: Term) -> str:
    """An item in search results and ``objects.inv``: "Khutkyy, Week 6 (Fall 2013)"."""
    label = citation_label(item)
    return f"{label} ({term.title})" if term.title else label


def term_week_label(week: Week, term: Term) -> str:
    """A week where several terms meet: "Fall 2013 · Week 6: Peer-to-peer Mutualism"."""
    label = week_label(week)
    return f"{term.title} \u00b7 {label}" if term.title else label


def week_label(week: Week) -> str:
    """Default link text and title of a week: "Week 6: Peer-to-peer Mutualism"."""
    return week_topic_label(week.number, week.topic)


def week_topic_label(number: int, topic: str) -> str:
    """ "Week 6: Peer-to-peer Mutualism" from its parts."""
    return _("Week %(week)d: %(topic)s") % {"week": number, "topic": topic}


def week_number_label(number: int) -> str:
    """ "Week 6" (where the week's topic is unknown)."""
    return _("Week %d") % number


def page_title(item: Interrogation) -> str:
    """LMS page title: "6.1 Khutkyy — <title, or the question's first words>"."""
    title = item.title or item.opening
    return f"{item.number} {item.student.short} \u2014 {title}".strip()


def student_entry(person: Person) -> str:
    """A student in the index of students: "Khutkyy, Dmytro"."""
    return person.sort_form


def week_index_entry(item: Interrogation) -> str:
    """An interrogation in the index of weeks: "6.1 Khutkyy, Dmytro"."""
    return f"{item.number} {item.student.sort_form}"


def bookmark(item: Item) -> str:
    """PDF outline text: "6.1 Dmytro Khutkyy" / "6.1.1 EOW" (the responder)."""
    person = item.responder if isinstance(item, Response) else item.student
    return f"{item.number} {person.full}"
