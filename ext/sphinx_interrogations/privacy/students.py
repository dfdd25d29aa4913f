"""A roster entry and the consent levels it records (no I/O: see :mod:`.roster`)."""

from __future__ import annotations

from dataclasses import dataclass

from docutils.parsers.rst import directives

#: Consent levels, least to most restrictive.
CONSENTS = ("named", "pseudonym", "exclude")


def consent_option(argument: str | None) -> str:
    """Directive option converter for ``:consent:``."""
    return directives.choice(argument, CONSENTS)


def stricter(first: str, second: str | None) -> str:
    """The more restrictive of two consent levels (``second`` may be absent)."""
    if second is None:
        return first
    return max(first, second, key=CONSENTS.index)


@dataclass(frozen=True, slots=True)
class Student:
    """One roster entry."""

    name: str
    aliases: tuple[str, ...]
    consent: str
    number: int | None
    row: int

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name and its aliases."""
        return (self.name, *self.aliases)
