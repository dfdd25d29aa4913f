"""The official Common Cartridge XSDs as an extra check, when a schema directory is given.

The project's own checks (:mod:`.structure`, :mod:`.shape`) are complete without them; the XSDs
confirm the manifest and every topic and web-link descriptor the way Moodle's importer does.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from ..packaging.cartridge import CCVersion
from ..packaging.zip_writer import MANIFEST
from .problems import Problem, parse_xml
from .schemas import SchemaSet


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


def xsd_problems(
    files: Mapping[str, bytes], version: CCVersion, schemas: SchemaSet
) -> list[Problem]:
    """What the XSDs say of the manifest and of each topic and web-link descriptor.

    Files that do not parse, or descriptors in another namespace, are left to the project's
    own checks, which report them.
    """
    root, _ = parse_xml(files, MANIFEST) if MANIFEST in files else (None, [])
    if root is None:
        return []
    problems = _schema_problems(schemas, version.manifest_xsd, version.catalog, root, MANIFEST)
    kinds = {
        version.topic_type: (version.topic_namespace, version.topic_xsd),
        version.weblink_type: (version.weblink_namespace, version.weblink_xsd),
    }
    for resource in root.iter(f"{{{version.namespace}}}resource"):
        if resource.get("type") not in kinds:
            continue
        namespace, xsd = kinds[resource.get("type")]
        for file in resource.iter(f"{{{version.namespace}}}file"):
            href = file.get("href", "")
            descriptor, _ = parse_xml(files, href) if href in files else (None, [])
            if descriptor is not None and etree.QName(descriptor).namespace == namespace:
                problems += _schema_problems(schemas, xsd, version.catalog, descriptor, href)
    return problems
