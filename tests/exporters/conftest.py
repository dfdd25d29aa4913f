"""Fixtures of the exporter tests: the official XSDs, LMS builds, and reading packages."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import docutils_namespace

from sphinx_interrogations_lms.validation.schemas import SchemaSet
from tests.conftest import SCHEMAS
from tests.helpers import build, copy_root


@pytest.fixture(scope="session")
def schema_dir() -> Path:
    """The official Common Cartridge XSDs at ``<repo>/../shared/schemas`` (CI always has them)."""
    if not (SCHEMAS / "1.1" / "cc11libxml2validator.xsd").is_file():
        pytest.fail(
            f"Common Cartridge schemas missing at {SCHEMAS}: the exporters cannot be checked"
        )
    return SCHEMAS


@pytest.fixture(scope="session")
def schemas(schema_dir: Path) -> SchemaSet:
    return SchemaSet(schema_dir)


@dataclass
class Package:
    """A built ``.imscc``: its path, files, and the build's warnings and environment."""

    path: Path
    files: dict[str, bytes]
    warnings: str = ""
    env: BuildEnvironment | None = None
    builder: Builder | None = None

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.files[name])

    def text(self, name: str) -> str:
        return self.files[name].decode("utf-8")


def read_package(path: Path) -> Package:
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return Package(path, files)


def only_package(outdir: Path) -> Package:
    packages = sorted(outdir.glob("*.imscc"))
    assert len(packages) == 1, f"expected one package in {outdir}: {packages}"
    return read_package(packages[0])


def build_package(
    srcdir: Path, builder: str, schema_dir: Path, parallel: int = 0, **overrides: object
) -> Package:
    """Build one LMS package of the test root copy ``srcdir`` and read it back."""
    result = build(
        srcdir,
        builder,
        parallel=parallel,
        freshenv=True,
        confoverrides={"interrogations_lms_schema_dir": str(schema_dir), **overrides},
    )
    package = only_package(Path(result.outdir))
    package.warnings, package.env = result.warnings, result.env
    return package


def build_project_package(srcdir: Path, confdir: Path, outdir: Path, builder: str) -> Package:
    """Build one LMS package of a project whose conf.py is elsewhere (the real archive).

    Uses Sphinx itself, as ``sphinx-build -c`` does: the test application ignores ``confdir``.
    """
    warnings = io.StringIO()
    with docutils_namespace():
        app = Sphinx(
            srcdir,
            confdir,
            outdir / builder,
            outdir / "doctrees",
            builder,
            status=io.StringIO(),
            warning=warnings,
            freshenv=True,
        )
        app.build()
    package = only_package(outdir / builder)
    package.warnings, package.env, package.builder = warnings.getvalue(), app.env, app.builder
    return package


def lms_copy(rootdir: Path, destination: Path) -> Path:
    """A fresh copy of the ``test-lms`` root at ``destination``."""
    return copy_root(rootdir, "lms", destination)
