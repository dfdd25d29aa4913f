"""Checking the package a builder wrote: find the XSDs, validate, set a failed package aside."""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging

from sphinx_interrogations.errors import ArchiveError

from .cartridge import CCVersion
from .schemas import SchemaSet
from .validate import ExtraCheck, validate_package

logger = logging.getLogger(__name__)


class PackageError(ArchiveError):
    """The written package failed its checks."""

    category = "LMS package error"


def find_schemas(confdir: Path, configured: str, builder: str) -> SchemaSet | None:
    """The XSDs to validate with, or None (with a warning saying so) when absent."""
    directory = Path(confdir, configured or "../shared/schemas").resolve()
    if (directory / "1.1").is_dir():
        return SchemaSet(directory)
    logger.warning(
        "Common Cartridge schemas not found in %s: the %s package is checked WITHOUT "
        "the XSDs (set interrogations_lms_schema_dir)",
        directory,
        builder,
        type="interrogations_lms",
        subtype="schemas",
    )
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
