"""The manifest's own structure, checked without the XSDs.

What the Common Cartridge schemas require of a manifest this exporter writes, so that a
package is checked completely where no XSD is at hand (a clone of the archive alone): the
root and its three parts in order, the metadata with its LOM title, one rooted organization
with an untitled root item and titled items, NCName identifiers, resource types and intended
uses of the version. Each problem names the manifest line.
"""

from __future__ import annotations

import re

from lxml import etree

from ..packaging.cartridge import WEBCONTENT, CCVersion
from ..packaging.zip_writer import MANIFEST
from .problems import Problem

#: an XML NCName (ASCII part; the exporter writes ASCII identifiers only)
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")
SCHEMAS = ("IMS Common Cartridge", "IMS Thin Common Cartridge")
INTENDED_USES = {"1.1": {"lessonplan", "syllabus", "unspecified"}}
INTENDED_USES["1.3"] = {*INTENDED_USES["1.1"], "assignment"}


def _at(element: etree._Element) -> str:
    return f"{MANIFEST}:{element.sourceline}"


def resource_types(version: CCVersion) -> frozenset[str]:
    """The resource types a manifest of ``version`` may declare."""
    tag = version.tag
    return frozenset(
        [
            *(WEBCONTENT, version.associated_type, version.topic_type, version.weblink_type),
            f"imsqti_xmlv1p2/imscc_xml{tag}/assessment",
            f"imsqti_xmlv1p2/imscc_xml{tag}/question-bank",
            "imsbasiclti_xmlv1p3" if tag == "v1p3" else "imsbasiclti_xmlv1p0",
        ]
    )


def check_metadata(root: etree._Element, version: CCVersion) -> list[Problem]:
    """``metadata``: schema, the version's schemaversion, a LOM with a general title."""
    ns = version.namespace
    metadata = root.find(f"{{{ns}}}metadata")
    if metadata is None:
        return [Problem(_at(root), "no <metadata>")]
    problems = []
    if metadata.findtext(f"{{{ns}}}schema") not in SCHEMAS:
        problems.append(Problem(_at(metadata), f"<schema> is not one of {list(SCHEMAS)}"))
    if metadata.findtext(f"{{{ns}}}schemaversion") != version.schemaversion:
        problems.append(Problem(_at(metadata), f"<schemaversion> is not {version.schemaversion}"))
    lom = metadata.find(f"{{{version.lom_manifest}}}lom")
    title = f"{{{version.lom_manifest}}}general/{{{version.lom_manifest}}}title"
    if lom is None or not lom.findtext(f"{title}/{{{version.lom_manifest}}}string"):
        problems.append(Problem(_at(metadata), "no LOM <general><title><string>"))
    return problems


def check_organization(root: etree._Element, version: CCVersion) -> list[Problem]:
    """At most one rooted organization; one untitled root item; every other item titled."""
    ns = version.namespace
    organizations = root.find(f"{{{ns}}}organizations")
    found = [] if organizations is None else organizations.findall(f"{{{ns}}}organization")
    if len(found) > 1:
        return [Problem(_at(found[1]), "more than one <organization>")]
    problems = []
    for organization in found:
        if organization.get("structure") != "rooted-hierarchy":
            problems.append(Problem(_at(organization), 'structure is not "rooted-hierarchy"'))
        roots = organization.findall(f"{{{ns}}}item")
        if len(roots) != 1:
            problems.append(Problem(_at(organization), "not exactly one root <item>"))
        for item in roots:
            if item.find(f"{{{ns}}}title") is not None or item.get("identifierref"):
                problems.append(Problem(_at(item), "the root <item> has a title or a reference"))
            for child in item.iterdescendants(f"{{{ns}}}item"):
                title = child.findtext(f"{{{ns}}}title")
                if not (title and title.strip()):
                    problems.append(Problem(_at(child), "an <item> without a <title>"))
    return problems


def check_resources(root: etree._Element, version: CCVersion) -> list[Problem]:
    """Each resource: an identifier, a type and an intended use of ``version``."""
    ns = version.namespace
    types = resource_types(version)
    uses = INTENDED_USES[version.name]
    problems = []
    for resource in root.iter(f"{{{ns}}}resource"):
        if resource.get("type") not in types:
            problems.append(
                Problem(_at(resource), f"type {resource.get('type')!r} is not CC {version.name}")
            )
        use = resource.get("intendeduse")
        if use is not None and use not in uses:
            problems.append(Problem(_at(resource), f"intendeduse {use!r} is not CC {version.name}"))
    return problems


def check_identifiers(root: etree._Element, version: CCVersion) -> list[Problem]:
    """Every identifier and reference an NCName; items, resources and the manifest have one."""
    ns = version.namespace
    needing = {f"{{{ns}}}{tag}" for tag in ("manifest", "organization", "item", "resource")}
    problems = []
    for element in root.iter():
        for name in ("identifier", "identifierref"):
            value = element.get(name)
            if value is not None and not NCNAME.match(value):
                problems.append(Problem(_at(element), f"{name} {value!r} is not an NCName"))
        if element.tag in needing and not element.get("identifier"):
            problems.append(
                Problem(_at(element), f"<{etree.QName(element).localname}> without identifier")
            )
    return problems


def check_shape(root: etree._Element, version: CCVersion) -> list[Problem]:
    """The manifest's structure: root, its parts in order, then each part's rules."""
    ns = version.namespace
    if root.tag != f"{{{ns}}}manifest":
        return [Problem(_at(root), f"the root is not <manifest> in {ns}")]
    parts = [etree.QName(child).localname for child in root if isinstance(child.tag, str)]
    if parts != ["metadata", "organizations", "resources"] and parts != ["metadata", "resources"]:
        return [
            Problem(_at(root), f"<manifest> holds {parts}, not metadata, organizations, resources")
        ]
    return (
        check_metadata(root, version)
        + check_organization(root, version)
        + check_resources(root, version)
        + check_identifiers(root, version)
    )
