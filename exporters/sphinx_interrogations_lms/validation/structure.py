"""The project's own checks of a package's files: no XSD needed.

Zip paths and file names, identifiers and references, declared files, descriptor shape, and
that every HTML page parses. Each problem names what is wrong and where (zip path, with a line
for XML). The manifest's own structure is checked by :mod:`.shape`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from lxml import etree

from sphinx_interrogations.identity import IdentityError, checked_path

from ..packaging.cartridge import CCVersion
from ..packaging.zip_writer import MANIFEST, UnsafePathError, check_zip_path
from .problems import Problem, parse_xml

#: a safe package file name: lowercase ASCII letters, digits, ``.``, ``_`` and ``-``
SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
#: how many leading bytes of the manifest Moodle reads to recognise a CC 1.1 package
MOODLE_SNIFF_BYTES = 1024


def check_paths(names: Iterable[str]) -> list[Problem]:
    """Zip paths: safe, short enough, lowercase ASCII without spaces, unique basenames."""
    problems: list[Problem] = []
    basenames: dict[str, str] = {}
    for name in names:
        try:
            check_zip_path(name)
        except UnsafePathError as error:
            problems.append(Problem(name, str(error)))
            continue
        try:
            checked_path(name)
        except IdentityError as error:
            problems.append(Problem(name, str(error)))
        parts = PurePosixPath(name).parts
        if parts[0] == "__MACOSX":
            problems.append(Problem(name, "macOS resource fork folder in package"))
        for part in parts:
            if not SAFE_NAME.match(part):
                problems.append(
                    Problem(name, f"{part!r} is not a lowercase ASCII name without spaces")
                )
        basename = parts[-1]
        if basename in basenames and basenames[basename] != name:
            problems.append(
                Problem(name, f"basename {basename!r} also used by {basenames[basename]}")
            )
        basenames.setdefault(basename, name)
    return problems


def check_moodle_sniff(data: bytes, version: CCVersion) -> list[Problem]:
    """The unprefixed CP namespace must appear in the manifest's first bytes (Moodle's test)."""
    head = re.sub(rb"[\s\"']", b"", data[:MOODLE_SNIFF_BYTES].lower())
    if b"xmlns=" + version.namespace.lower().encode() in head:
        return []
    return [
        Problem(
            MANIFEST,
            f'xmlns="{version.namespace}" not in the first {MOODLE_SNIFF_BYTES} bytes',
        )
    ]


def check_references(root: etree._Element, files: Mapping[str, bytes], ns: str) -> list[Problem]:
    """Identifiers unique, every identifierref resolves, every declared file exists."""
    problems: list[Problem] = []
    seen = Counter(
        element.get("identifier") for element in root.iter() if element.get("identifier")
    )
    problems += [
        Problem(MANIFEST, f"identifier {i!r} used {n} times") for i, n in seen.items() if n > 1
    ]
    resources = {r.get("identifier") for r in root.iter(f"{{{ns}}}resource")}
    for element in root.iter(f"{{{ns}}}item", f"{{{ns}}}dependency"):
        ref = element.get("identifierref")
        if ref is not None and ref not in resources:
            where = f"{MANIFEST}:{element.sourceline}"
            problems.append(Problem(where, f"identifierref {ref!r} names no resource"))
    declared: set[str] = set()
    for resource in root.iter(f"{{{ns}}}resource"):
        where = f"{MANIFEST}:{resource.sourceline}"
        hrefs = [f.get("href", "") for f in resource.iter(f"{{{ns}}}file")]
        declared.update(hrefs)
        launch = resource.get("href")
        if launch is not None and launch not in hrefs:
            problems.append(Problem(where, f"href {launch!r} is not one of the resource's files"))
        for href in hrefs:
            if href not in files:
                problems.append(Problem(where, f"file {href!r} is missing from the package"))
    for name in sorted(set(files) - declared - {MANIFEST}):
        problems.append(Problem(name, "in the package but declared by no resource"))
    return problems


def _descriptor_shape(descriptor: etree._Element, href: str, namespace: str) -> list[Problem]:
    """A topic has a title and an HTML text; a web link has a title and a ``url href``."""
    title = descriptor.findtext(f"{{{namespace}}}title")
    problems = [] if title and title.strip() else [Problem(href, "no <title>")]
    if etree.QName(descriptor).localname == "topic":
        text = descriptor.find(f"{{{namespace}}}text")
        if text is None or text.get("texttype") not in (None, "text/plain", "text/html"):
            problems.append(Problem(href, "no <text> (texttype text/plain or text/html)"))
    else:
        url = descriptor.find(f"{{{namespace}}}url")
        if url is None or not url.get("href"):
            problems.append(Problem(href, "no <url href>"))
    return problems


def check_descriptors(
    root: etree._Element, files: Mapping[str, bytes], version: CCVersion
) -> list[Problem]:
    """Topic and web-link resources: one file, no href, right namespace, required elements."""
    ns = version.namespace
    kinds = {
        version.topic_type: (version.topic_namespace, "topic"),
        version.weblink_type: (version.weblink_namespace, "webLink"),
    }
    problems: list[Problem] = []
    for resource in root.iter(f"{{{ns}}}resource"):
        if resource.get("type") not in kinds:
            continue
        descriptor_ns, tag = kinds[resource.get("type")]
        where = f"{MANIFEST}:{resource.sourceline}"
        hrefs = [f.get("href", "") for f in resource.iter(f"{{{ns}}}file")]
        if resource.get("href") is not None or len(hrefs) != 1:
            problems.append(Problem(where, "a descriptor resource has one file and no href"))
        for href in (h for h in hrefs if h in files):
            descriptor, errors = parse_xml(files, href)
            problems += errors
            if descriptor is None:
                continue
            if etree.QName(descriptor).namespace != descriptor_ns:
                problems.append(Problem(href, f"root element not in namespace {descriptor_ns}"))
            elif etree.QName(descriptor).localname != tag:
                problems.append(Problem(href, f"root element is not <{tag}>"))
            else:
                problems += _descriptor_shape(descriptor, href, descriptor_ns)
    return problems


def check_html_pages(files: Mapping[str, bytes]) -> list[Problem]:
    """Every ``.html`` page is well-formed (X)HTML with a body."""
    problems: list[Problem] = []
    for path in sorted(p for p in files if p.endswith(".html")):
        page, errors = parse_xml(files, path)
        problems += errors
        if page is not None and page.find("body") is None and page.find("{*}body") is None:
            problems.append(Problem(path, "page has no <body>"))
    return problems
