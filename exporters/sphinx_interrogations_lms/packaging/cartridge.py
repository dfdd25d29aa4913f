"""Common Cartridge manifest model and its XML: manifest, discussion topics, web links.

Only what the archive needs: LOM metadata, one rooted organization, resources with files and
dependencies, for CC 1.1 (what Moodle imports and the default) and CC 1.3.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from sphinx_interrogations.identity import LmsRole, lms_identifier

from ..course import Metadata
from ..markup.xml_text import xml_text

XSI = "http://www.w3.org/2001/XMLSchema-instance"
WEBCONTENT = "webcontent"


@dataclass(frozen=True, slots=True)
class CCVersion:
    """Names, types and schema files of one Common Cartridge version."""

    name: str
    #: version tag inside names and types: "v1p1"
    tag: str
    schemaversion: str
    namespace: str
    lom_manifest: str
    lom_resource: str
    profile: str
    topic_type: str
    topic_namespace: str
    weblink_type: str
    weblink_namespace: str
    associated_type: str
    #: local schema files, relative to the schema directory
    manifest_xsd: str
    topic_xsd: str
    weblink_xsd: str
    #: OASIS catalog mapping the schemas' absolute imports to local files ("" when not needed)
    catalog: str = ""

    def schema_location(self, namespace: str, published_name: str) -> str:
        """One ``namespace url`` pair of an ``xsi:schemaLocation``."""
        return f"{namespace} {self.profile}{published_name}"

    def manifest_schema_location(self) -> str:
        """The manifest's ``xsi:schemaLocation``: CP, LOM manifest and LOM resource schemas."""
        return " ".join(
            (
                self.schema_location(self.namespace, f"cc{self.tag}_imscp_v1p2_v1p0.xsd"),
                self.schema_location(self.lom_manifest, f"LOM/cc{self.tag}_lommanifest_v1p0.xsd"),
                self.schema_location(self.lom_resource, f"LOM/cc{self.tag}_lomresource_v1p0.xsd"),
            )
        )


def _cc_version(tag: str, schemaversion: str, manifest_xsd: str, catalog: str = "") -> CCVersion:
    folder = f"{tag[1]}.{tag[3]}"
    return CCVersion(
        name=folder,
        tag=tag,
        schemaversion=schemaversion,
        namespace=f"http://www.imsglobal.org/xsd/imscc{tag}/imscp_v1p1",
        lom_manifest=f"http://ltsc.ieee.org/xsd/imscc{tag}/LOM/manifest",
        lom_resource=f"http://ltsc.ieee.org/xsd/imscc{tag}/LOM/resource",
        profile=f"http://www.imsglobal.org/profile/cc/cc{tag}/",
        topic_type=f"imsdt_xml{tag}",
        topic_namespace=f"http://www.imsglobal.org/xsd/imscc{tag}/imsdt_{tag}",
        weblink_type=f"imswl_xml{tag}",
        weblink_namespace=f"http://www.imsglobal.org/xsd/imscc{tag}/imswl_{tag}",
        associated_type=f"associatedcontent/imscc_xml{tag}/learning-application-resource",
        manifest_xsd=f"{folder}/{manifest_xsd}",
        topic_xsd=f"{folder}/cc{tag}_imsdt_{tag}.xsd",
        weblink_xsd=f"{folder}/cc{tag}_imswl_{tag}.xsd",
        catalog=catalog,
    )


CC11 = _cc_version("v1p1", "1.1.0", "cc11libxml2validator.xsd")
CC13 = _cc_version("v1p3", "1.3.0", "ccv1p3_imscp_v1p2_v1p0.xsd", catalog="1.3/catalog.xml")
VERSIONS: dict[str, CCVersion] = {v.name: v for v in (CC11, CC13)}


@dataclass(slots=True)
class Item:
    """An organization item: a folder (children, no ref) or a leaf pointing at a resource."""

    identifier: str
    title: str
    identifierref: str = ""
    children: list[Item] = field(default_factory=list)


@dataclass(slots=True)
class Resource:
    """A manifest resource; ``files`` are zip paths relative to the manifest."""

    identifier: str
    type: str
    href: str = ""
    files: list[str] = field(default_factory=list)
    dependencies: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Manifest:
    """A whole cartridge manifest; ``items`` are the children of the untitled root item."""

    identifier: str
    metadata: Metadata
    items: list[Item] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, **attrib: str
) -> etree._Element:
    element = etree.SubElement(parent, tag, {k: xml_text(v) for k, v in attrib.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def _lom_string(parent: etree._Element, ns: str, name: str, text: str, language: str) -> None:
    holder = _sub(parent, f"{{{ns}}}{name}")
    _sub(holder, f"{{{ns}}}string", text, language=language)


def _lom(parent: etree._Element, metadata: Metadata, version: CCVersion) -> None:
    def q(name: str) -> str:
        return f"{{{version.lom_manifest}}}{name}"

    lom = _sub(parent, q("lom"))
    general = _sub(lom, q("general"))
    _lom_string(general, version.lom_manifest, "title", metadata.title, metadata.language)
    if metadata.description:
        _lom_string(
            general, version.lom_manifest, "description", metadata.description, metadata.language
        )
    _sub(general, q("language"), metadata.language)
    if metadata.date:
        contribute = _sub(_sub(lom, q("lifeCycle")), q("contribute"))
        _sub(_sub(contribute, q("date")), q("dateTime"), metadata.date)
    if metadata.licence:
        rights = _sub(lom, q("rights"))
        _sub(_sub(rights, q("copyrightAndOtherRestrictions")), q("value"), "yes")
        _lom_string(
            rights, version.lom_manifest, "description", metadata.licence, metadata.language
        )


def _item(parent: etree._Element, item: Item, ns: str) -> None:
    attrib = {"identifier": item.identifier}
    if item.identifierref:
        attrib["identifierref"] = item.identifierref
    element = _sub(parent, f"{{{ns}}}item", **attrib)
    _sub(element, f"{{{ns}}}title", item.title)
    for child in item.children:
        _item(element, child, ns)


def _resource(parent: etree._Element, resource: Resource, ns: str) -> None:
    attrib = {"identifier": resource.identifier, "type": resource.type}
    if resource.href:
        attrib["href"] = resource.href
    element = _sub(parent, f"{{{ns}}}resource", **attrib)
    for href in resource.files:
        _sub(element, f"{{{ns}}}file", href=href)
    for identifierref in resource.dependencies:
        _sub(element, f"{{{ns}}}dependency", identifierref=identifierref)


XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def _to_bytes(root: etree._Element) -> bytes:
    return XML_DECLARATION + etree.tostring(
        root, encoding="UTF-8", xml_declaration=False, pretty_print=True
    )


def manifest_xml(manifest: Manifest, version: CCVersion = CC11) -> bytes:
    """Serialise ``manifest`` as ``imsmanifest.xml``.

    The CP namespace is the default (unprefixed) one and nothing precedes ``<manifest>`` but
    the XML declaration: Moodle recognises a CC 1.1 package only from its first 1024 bytes.
    """
    ns = version.namespace
    nsmap = {None: ns, "lomimscc": version.lom_manifest, "lom": version.lom_resource, "xsi": XSI}
    root = etree.Element(f"{{{ns}}}manifest", nsmap=nsmap, identifier=manifest.identifier)
    root.set(f"{{{XSI}}}schemaLocation", version.manifest_schema_location())
    metadata = _sub(root, f"{{{ns}}}metadata")
    _sub(metadata, f"{{{ns}}}schema", "IMS Common Cartridge")
    _sub(metadata, f"{{{ns}}}schemaversion", version.schemaversion)
    _lom(metadata, manifest.metadata, version)
    organization = _sub(
        _sub(root, f"{{{ns}}}organizations"),
        f"{{{ns}}}organization",
        identifier=lms_identifier(manifest.identifier, LmsRole.ORGANIZATION),
        structure="rooted-hierarchy",
    )
    root_item = _sub(
        organization,
        f"{{{ns}}}item",
        identifier=lms_identifier(manifest.identifier, LmsRole.ROOT_ITEM),
    )
    for item in manifest.items:
        _item(root_item, item, ns)
    resources = _sub(root, f"{{{ns}}}resources")
    for resource in manifest.resources:
        _resource(resources, resource, ns)
    return _to_bytes(root)


def _descriptor(tag: str, namespace: str, kind: str, version: CCVersion) -> etree._Element:
    """The root of a descriptor (``topic``, ``webLink``) in its namespace with its schema."""
    root = etree.Element(f"{{{namespace}}}{tag}", nsmap={None: namespace, "xsi": XSI})
    xsd = f"cc{version.tag}_{kind}_{version.tag}.xsd"
    root.set(f"{{{XSI}}}schemaLocation", version.schema_location(namespace, xsd))
    return root


def topic_xml(title: str, html: str, version: CCVersion = CC11) -> bytes:
    """A discussion topic descriptor; ``html`` goes escaped into ``<text texttype="text/html">``."""
    ns = version.topic_namespace
    root = _descriptor("topic", ns, "imsdt", version)
    _sub(root, f"{{{ns}}}title", title)
    _sub(root, f"{{{ns}}}text", html, texttype="text/html")
    return _to_bytes(root)


def weblink_xml(title: str, url: str, version: CCVersion = CC11) -> bytes:
    """A web link descriptor opening ``url`` in a new window."""
    ns = version.weblink_namespace
    root = _descriptor("webLink", ns, "imswl", version)
    _sub(root, f"{{{ns}}}title", title)
    _sub(root, f"{{{ns}}}url", href=url, target="_blank")
    return _to_bytes(root)
