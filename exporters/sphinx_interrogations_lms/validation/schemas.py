"""Loading the official Common Cartridge XSDs from a local schema directory, offline.

The CC 1.3 schemas import each other by absolute ``http://www.imsglobal.org/...`` URLs. libxml2
maps those through ``XML_CATALOG_FILES`` only if the variable is set before its catalog is first
used in the process, which an exporter running inside Sphinx (or a test session) cannot promise.
So the shipped OASIS catalog (``1.3/catalog.xml``) is read here and applied through an lxml
:class:`~lxml.etree.Resolver` on the parser that loads the schema: it works in any process, in
any import order, and never touches the network.
"""

from __future__ import annotations

import threading
from pathlib import Path

from lxml import etree

_CATALOG_NS = "{urn:oasis:names:tc:entity:xmlns:xml:catalog}"
_EXACT = {"uri": ("name", "uri"), "system": ("systemId", "uri")}
_PREFIX = {
    "rewriteURI": ("uriStartString", "rewritePrefix"),
    "rewriteSystem": ("systemIdStartString", "rewritePrefix"),
}


class CatalogResolver(etree.Resolver):
    """Resolve URLs through the ``uri``/``system``/``rewriteURI``/``rewriteSystem`` entries."""

    def __init__(self, catalog: Path) -> None:
        super().__init__()
        self.exact: dict[str, Path] = {}
        self.prefixes: list[tuple[str, Path]] = []
        base = catalog.parent
        for entry in etree.parse(str(catalog)).getroot():
            local = entry.tag.removeprefix(_CATALOG_NS) if isinstance(entry.tag, str) else ""
            if local in _EXACT:
                key, target = _EXACT[local]
                self.exact[entry.get(key)] = base / entry.get(target)
            elif local in _PREFIX:
                key, target = _PREFIX[local]
                self.prefixes.append((entry.get(key), base / entry.get(target)))
        self.prefixes.sort(key=lambda pair: len(pair[0]), reverse=True)

    def local_path(self, url: str) -> Path | None:
        """The local file the catalog maps ``url`` to, or None."""
        if url in self.exact:
            return self.exact[url]
        for prefix, folder in self.prefixes:
            if url.startswith(prefix):
                return folder / url.removeprefix(prefix)
        return None

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> object:
        """lxml's hook: the local file for ``system_url``, or None to let lxml go on."""
        path = self.local_path(system_url or "")
        return None if path is None else self.resolve_filename(str(path), context)


class SchemaSet:
    """Compiled XSDs of one schema directory, loaded on first use and shared between threads."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._compiled: dict[str, etree.XMLSchema] = {}
        self._lock = threading.Lock()

    def get(self, relative: str, catalog: str = "") -> etree.XMLSchema:
        """The schema at ``directory/relative``; raises OSError / XMLSchemaParseError."""
        with self._lock:
            if relative not in self._compiled:
                self._compiled[relative] = self._load(relative, catalog)
            return self._compiled[relative]

    def _load(self, relative: str, catalog: str) -> etree.XMLSchema:
        path = self.directory / relative
        if not path.is_file():
            raise OSError(f"schema file not found: {path}")
        parser = etree.XMLParser(no_network=True)
        if catalog:
            parser.resolvers.add(CatalogResolver(self.directory / catalog))
        return etree.XMLSchema(etree.parse(str(path), parser))
