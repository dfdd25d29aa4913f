"""A problem found in a package, and strict parsing of its XML files."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from lxml import etree


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a package."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


#: a flavour's own checks over (files, parsed manifest root)
ExtraCheck = Callable[[Mapping[str, bytes], etree._Element], list[Problem]]


def _strict_parser() -> etree.XMLParser:
    return etree.XMLParser(recover=False, resolve_entities=False, no_network=True)


def parse_xml(files: Mapping[str, bytes], path: str) -> tuple[etree._Element | None, list[Problem]]:
    """Parse one package file strictly; return its root or the located syntax error."""
    try:
        return etree.fromstring(files[path], _strict_parser()), []
    except etree.XMLSyntaxError as error:
        return None, [Problem(f"{path}:{error.lineno}", f"not well-formed: {error.msg}")]
