"""Small typed records the domain keeps per document (never nodes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["interrogation", "response"]


@dataclass(frozen=True, slots=True)
class WeekRecord:
    """One week (session) of the seminar; one per document."""

    number: int
    anchor: str
    docname: str
    lineno: int
    topic: str
    date: str
    course: str


@dataclass(frozen=True, slots=True)
class CitableRecord:
    """An interrogation or a response: everything a citation, index or exporter needs."""

    kind: Kind
    anchor: str
    docname: str
    lineno: int
    week: int
    #: display number: "6.1" for an interrogation, "6.1.2" for its second response
    number: str
    #: the student who asked (for a response, the student whose question it answers)
    student: str
    student_slug: str
    family_name: str
    title: str
    #: the responder's name for a response, "" for an interrogation
    responder: str = ""
    #: anchor of the interrogation a response answers, "" for an interrogation
    parent: str = ""
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    readings: tuple[str, ...] = ()
    #: short hash of the object's text, to notice edits
    digest: str = ""
