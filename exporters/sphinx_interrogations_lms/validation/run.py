"""Checking the package a builder wrote: validate it, set a failed package aside."""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging

from sphinx_interrogations.errors import ArchiveError

from ..packaging.cartridge import CCVersion
from .package_checks import validate_package
from .problems import ExtraCheck
from .schemas import SchemaSet

logger = logging.getLogger(__name__)


class PackageError(ArchiveError):
    """The written package failed its checks."""

    category = "LMS package error"


def find_schemas(confdir: Path, configured: str) -> SchemaSet | None:
    """The official XSDs to check with as well, or None when there are none.

    The project's own checks are complete without them, so their absence is no warning: a
    clone of the archive alone builds its packages cleanly.
    """
    directory = Path(confdir, configured or "../shared/schemas").resolve()
    if (directory / "1.1").is_dir():
        return SchemaSet(directory)
    logger.verbose("no Common Cartridge XSDs in %s: the project's own checks only", directory)
    return None


def check_package(
    package: Path,
    version: CCVersion,
    schemas: SchemaSet | None,
    extra_checks: tuple[ExtraCheck, ...],
    builder: str,
) -> None:
    """Validate the written package; on failure log each problem, keep it aside and raise."""
    problems = validate_package(package, version, schemas, extra_checks)
    if not problems:
        return
    for problem in problems:
        logger.error("%s: %s", package.name, problem)
    rejected = package.with_name(package.name + ".invalid")
    package.replace(rejected)
    raise PackageError(f"{len(problems)} problem(s) in the {builder} package; kept as {rejected}")
