"""Checks of a written ``.imscc``: what the XSDs check, and what they cannot.

The XSDs (when a schema directory is given) check the manifest and every topic and web-link
descriptor. The other checks need no schema: zip paths, file names, identifiers and
references, declared files, descriptor shape, and that every HTML page parses. Each problem
names what is wrong and where (zip path, with a line for XML).
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from .cartridge import CCVersion
from .package import MANIFEST, UnsafePathError, check_zip_path
from .schemas import SchemaSet

#: a safe package file name: lowercase ASCII letters, digits, ``.``, ``_`` and ``-``
SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
#: how many leading bytes of the manifest Moodle reads to recognise a CC 1.1 package
MOODLE_SNIFF_BYTES = 1024


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


def _schema_problems(
    schemas: SchemaSet, xsd: str, catalog: str, root: etree._Element, path: str
) -> list[Problem]:
    try:
        schema = schemas.get(xsd, catalog)
    except (OSError, etree.XMLSchemaParseError) as error:
        return [Problem(str(schemas.directory / xsd), f"cannot load schema: {error}")]
    if schema.validate(root.getroottree()):
        return []
    return [Problem(f"{path}:{entry.line}", entry.message) for entry in schema.error_log]


def check_paths(names: Iterable[str]) -> list[Problem]:
    """Zip paths: safe, lowercase ASCII without spaces, unique basenames."""
    problems: list[Problem] = []
    basenames: dict[str, str] = {}
    for name in names:
        try:
            check_zip_path(name)
        except UnsafePathError as error:
            problems.append(Problem(name, str(error)))
            continue
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


def check_descriptors(
    root: etree._Element,
    files: Mapping[str, bytes],
    version: CCVersion,
    schemas: SchemaSet | None,
) -> list[Problem]:
    """Topic and web-link resources: one file, no href, right namespace, schema-valid."""
    ns = version.namespace
    kinds = {
        version.topic_type: (version.topic_namespace, version.topic_xsd),
        version.weblink_type: (version.weblink_namespace, version.weblink_xsd),
    }
    problems: list[Problem] = []
    for resource in root.iter(f"{{{ns}}}resource"):
        if resource.get("type") not in kinds:
            continue
        descriptor_ns, xsd = kinds[resource.get("type")]
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
            elif schemas is not None:
                problems += _schema_problems(schemas, xsd, version.catalog, descriptor, href)
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


def validate_files(
    files: Mapping[str, bytes],
    version: CCVersion,
    schemas: SchemaSet | None = None,
    extra_checks: Iterable[ExtraCheck] = (),
) -> list[Problem]:
    """All checks over the files of a package (zip path -> bytes)."""
    problems = check_paths(files)
    if MANIFEST not in files:
        return [*problems, Problem(MANIFEST, "missing at the package root")]
    problems += check_moodle_sniff(files[MANIFEST], version)
    root, errors = parse_xml(files, MANIFEST)
    if root is None:
        return problems + errors
    if schemas is not None:
        problems += _schema_problems(schemas, version.manifest_xsd, version.catalog, root, MANIFEST)
    problems += check_references(root, files, version.namespace)
    problems += check_descriptors(root, files, version, schemas)
    problems += check_html_pages(files)
    for check in extra_checks:
        problems += check(files, root)
    return problems


def validate_package(
    path: Path,
    version: CCVersion,
    schemas: SchemaSet | None = None,
    extra_checks: Iterable[ExtraCheck] = (),
) -> list[Problem]:
    """Read the ``.imscc`` at ``path`` and run :func:`validate_files` on it (plus zip checks)."""
    with zipfile.ZipFile(path) as archive:
        names = [info.filename for info in archive.infolist() if not info.is_dir()]
        files = {name: archive.read(name) for name in names}
    duplicates = [Problem(n, "duplicate zip entry") for n, c in Counter(names).items() if c > 1]
    return duplicates + validate_files(files, version, schemas, extra_checks)
