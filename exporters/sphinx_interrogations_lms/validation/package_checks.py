"""Every check of a package: the project's own (complete without XSDs), plus the XSDs if given."""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..packaging.cartridge import CCVersion
from ..packaging.zip_writer import MANIFEST
from .official import xsd_problems
from .problems import ExtraCheck, Problem, parse_xml
from .schemas import SchemaSet
from .shape import check_shape
from .structure import (
    check_descriptors,
    check_html_pages,
    check_moodle_sniff,
    check_paths,
    check_references,
)


def own_problems(
    files: Mapping[str, bytes], version: CCVersion, extra_checks: Iterable[ExtraCheck] = ()
) -> list[Problem]:
    """The project's own checks over the files of a package (zip path -> bytes)."""
    problems = check_paths(files)
    if MANIFEST not in files:
        return [*problems, Problem(MANIFEST, "missing at the package root")]
    problems += check_moodle_sniff(files[MANIFEST], version)
    root, errors = parse_xml(files, MANIFEST)
    if root is None:
        return problems + errors
    problems += check_shape(root, version)
    problems += check_references(root, files, version.namespace)
    problems += check_descriptors(root, files, version)
    problems += check_html_pages(files)
    for check in extra_checks:
        problems += check(files, root)
    return problems


def validate_files(
    files: Mapping[str, bytes],
    version: CCVersion,
    schemas: SchemaSet | None = None,
    extra_checks: Iterable[ExtraCheck] = (),
) -> list[Problem]:
    """All checks over the files of a package: the XSDs' first (when given), then our own."""
    official = xsd_problems(files, version, schemas) if schemas is not None else []
    own = own_problems(files, version, extra_checks)
    return official + [problem for problem in own if problem not in official]


def read_package(path: Path) -> tuple[dict[str, bytes], list[Problem]]:
    """The files of the ``.imscc`` at ``path``, and its duplicate zip entries."""
    with zipfile.ZipFile(path) as archive:
        names = [info.filename for info in archive.infolist() if not info.is_dir()]
        files = {name: archive.read(name) for name in names}
    duplicates = [Problem(n, "duplicate zip entry") for n, c in Counter(names).items() if c > 1]
    return files, duplicates


def validate_package(
    path: Path,
    version: CCVersion,
    schemas: SchemaSet | None = None,
    extra_checks: Iterable[ExtraCheck] = (),
) -> list[Problem]:
    """Read the ``.imscc`` at ``path`` and run :func:`validate_files` on it (plus zip checks)."""
    files, duplicates = read_package(path)
    return duplicates + validate_files(files, version, schemas, extra_checks)
