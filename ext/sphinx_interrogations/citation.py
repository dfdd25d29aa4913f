"""Ready citations of an interrogation or a response: plain text, BibTeX and CSL-JSON.

The author of an interrogation is the student; of a response, the responder. The formats are
pure functions of a :class:`Citation`, so they need no build to test.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .dates import with_year
from .i18n import _
from .labels import citation_label, week_label, week_number_label
from .records import Interrogation, Item, Person, Term, Week

ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
#: what a field of a braced BibTeX value must not contain as such (braces must stay balanced)
BIBTEX_ESCAPES = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\textbraceleft{}",
        "}": r"\textbraceright{}",
        "#": r"\#",
        "$": r"\$",
        "%": r"\%",
        "&": r"\&",
        "_": r"\_",
        "^": r"\textasciicircum{}",
        "~": r"\textasciitilde{}",
    }
)


@dataclass(frozen=True, slots=True)
class Citation:
    """Everything a citation of one object says."""

    key: str
    author: Person
    title: str
    genre: str
    week: str
    course: str
    #: the date as written ("October 10"; "" when none)
    date: str
    url: str
    #: the term's title ("Fall 2013"; "" for the implicit term)
    term: str = ""
    #: ISO date (``2013-10-10``, ``2013-10`` or ``2013``) when the year is known, else ""
    issued: str = ""


def citation_for(item: Item, week: Week | None, url: str, term: Term | None = None) -> Citation:
    """The citation of ``item`` (an interrogation or a response) of ``term`` published at
    ``url``."""
    topic = week.topic if week else ""
    if isinstance(item, Interrogation):
        author = item.student
        untitled = _("Interrogation: %s") % topic if topic else _("Interrogation")
        title = item.title or str(untitled)
        genre = str(_("Seminar interrogation"))
    else:
        author = item.responder
        title = citation_label(item)
        genre = str(_("Instructor response"))
    return Citation(
        key=item.anchor,
        author=author,
        title=title,
        genre=genre,
        week=week_label(week) if week else str(week_number_label(item.week)),
        course=week.course if week else "",
        date=week.date if week else "",
        url=url,
        term=term.title if term else "",
        issued=week.issued if week else "",
    )


def sentence(text: str) -> str:
    """``text`` ending with a full stop (unless it already ends with . ? or !)."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def plain_text(citation: Citation) -> str:
    """Khutkyy, Dmytro. “Title.” Seminar interrogation, Week 6: Topic. Course, term, date. URL

    The date carries its year when known ("October 10, 2013"), never an invented one.
    """
    title = sentence(citation.title)
    date = with_year(citation.date, citation.issued) if citation.date else citation.issued
    published = ", ".join(part for part in (citation.course, citation.term, date) if part)
    parts = [
        sentence(citation.author.sort_form),
        f"\u201c{title}\u201d",
        sentence(f"{citation.genre}, {citation.week}"),
        sentence(published) if published else "",
        citation.url,
    ]
    return " ".join(part for part in parts if part)


def bibtex_escape(text: str) -> str:
    """Text safe inside a braced BibTeX value (and for LaTeX after it)."""
    return text.translate(BIBTEX_ESCAPES)


def bibtex_name(person: Person) -> str:
    """A BibTeX name: "{Family}, Given"; a literal name braced whole so it is never split."""
    if person.literal:
        return f"{{{bibtex_escape(person.full)}}}"
    family = f"{{{bibtex_escape(person.family)}}}"
    return f"{family}, {bibtex_escape(person.given)}" if person.given else family


def bibtex(citation: Citation) -> str:
    """A ``@misc`` entry keyed by the anchor (fields BibTeX and biblatex both read).

    ``year`` and ``date`` only when the year is known (BibTeX's convention for an unknown
    date is to leave them out); a date without a year stays text in ``howpublished``.
    """
    iso = ISO_DATE.match(citation.issued)
    written = [] if iso else [citation.date]
    published = [citation.course, citation.term, citation.week, *written]
    fields = [
        ("author", bibtex_name(citation.author)),
        ("title", f"{{{bibtex_escape(citation.title)}}}"),
        ("howpublished", bibtex_escape(", ".join(part for part in published if part))),
        ("note", bibtex_escape(citation.genre)),
    ]
    if iso:
        fields += [("year", iso.group(1)), ("date", citation.issued)]
    fields.append(("url", citation.url))
    body = ",\n".join(f"  {name:<12} = {{{value}}}" for name, value in fields)
    return f"@misc{{{citation.key},\n{body}\n}}\n"


def csl_date(text: str) -> dict[str, object]:
    """A CSL date: date-parts for ISO dates, else the text as a literal (a date whose year is
    unknown is never given one)."""
    iso = ISO_DATE.match(text)
    if iso is None:
        return {"literal": text}
    return {"date-parts": [[int(part) for part in iso.groups() if part]]}


def csl_item(citation: Citation) -> dict[str, object]:
    """The citation as one CSL-JSON item (type ``post``: a contribution to a course forum)."""
    author = citation.author
    name: dict[str, str] = (
        {"literal": author.full}
        if author.literal
        else {"family": author.family, **({"given": author.given} if author.given else {})}
    )
    item: dict[str, object] = {
        "id": citation.key,
        "type": "post",
        "author": [name],
        "title": citation.title,
        "genre": citation.genre,
        "container-title": citation.course,
        "event-title": citation.term,
        "section": citation.week,
    }
    if citation.issued or citation.date:
        item["issued"] = csl_date(citation.issued or citation.date)
    item["URL"] = citation.url
    return {key: value for key, value in item.items() if value}


def csl_json(citation: Citation) -> str:
    """CSL-JSON text: a list holding the one item, as reference managers import it.

    One line per variable, each value compact, so the box stays short.
    """
    lines = [
        f"    {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}"
        for name, value in csl_item(citation).items()
    ]
    return "[\n  {\n" + ",\n".join(lines) + "\n  }\n]"
