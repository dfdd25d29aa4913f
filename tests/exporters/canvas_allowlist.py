"""Canvas's HTML allow-list, read from the project's data file, as a check over packages.

Independent of the exporter's own policy code: the test reads the transcribed list (with its
source and commit) and checks every element, attribute and link scheme of every page.
"""

from __future__ import annotations

import json

from lxml import etree, html

from tests.conftest import REPO
from tests.exporters.conftest import Package

ALLOWLIST = json.loads(
    (
        REPO / "exporters" / "sphinx_interrogations_lms" / "flavours" / "canvas_allowlist.json"
    ).read_text(encoding="utf-8")
)
ELEMENTS = set(ALLOWLIST["elements"])
EVERYWHERE = set(ALLOWLIST["attributes"]["*"])
PROTOCOLS = {tuple(key.split()): set(value) for key, value in ALLOWLIST["protocols"].items()}


def scheme_of(url: str) -> str:
    """The URL's scheme, "" for a relative URL (``$WIKI_REFERENCE$/pages/…``, ``#x``)."""
    head, colon, _ = url.partition(":")
    return head.lower() if colon and not any(c in head for c in "/?#") else ""


def violations(body: etree._Element) -> list[str]:
    """Every element, attribute or URL scheme in ``body`` that Canvas's sanitiser removes."""
    found = []
    for element in body.iterdescendants():
        if not isinstance(element.tag, str) or element.tag not in ELEMENTS:
            found.append(f"<{element.tag}>")
            continue
        allowed = EVERYWHERE | set(ALLOWLIST["attributes"].get(element.tag, ()))
        for name, value in element.attrib.items():
            if name not in allowed:
                found.append(f"<{element.tag} {name}>")
            elif scheme_of(value) not in PROTOCOLS.get((element.tag, name), {scheme_of(value)}):
                found.append(f"<{element.tag} {name}={value!r}>")
    return found


def canvas_pages(package: Package) -> dict[str, etree._Element]:
    """Every wiki page of a Canvas package, parsed strictly."""
    return {
        name: etree.fromstring(data)
        for name, data in package.files.items()
        if name.startswith("wiki_content/")
    }


def package_violations(package: Package) -> dict[str, list[str]]:
    """page or prompt -> what Canvas would remove from it (clean ones left out)."""
    found = {name: violations(tree.find("body")) for name, tree in canvas_pages(package).items()}
    for name, data in package.files.items():
        if name.startswith("topics/") and not name.endswith("-meta.xml"):
            prompt = etree.fromstring(data).findtext("{*}text")
            found[name] = violations(html.fragment_fromstring(prompt, create_parent="div"))
    return {name: problems for name, problems in found.items() if problems}


def ids_on_pages(package: Package) -> dict[str, str]:
    """id -> the element holding it, over every wiki page."""
    return {
        element.get("id"): element.tag
        for tree in canvas_pages(package).values()
        for element in tree.find("body").iter()
        if element.get("id")
    }
