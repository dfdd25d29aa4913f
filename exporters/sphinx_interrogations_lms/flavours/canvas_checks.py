"""Canvas-only checks of a written package: export flag, page identifiers, modules, markup."""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree, html

from ..markup.policy import ALL, url_scheme
from ..packaging.zip_writer import MANIFEST
from ..validation.problems import Problem, parse_xml
from .canvas_markup import allowlist, protocols
from .canvas_settings import CANVAS_NS, EXPORT_FLAG, MODULE_META

WIKI_FOLDER = "wiki_content"


def check_canvas_extras(files: Mapping[str, bytes], manifest: etree._Element) -> list[Problem]:
    """The export flag, module items and wiki page identifiers resolve."""
    resources = {r.get("identifier"): r.get("href") for r in manifest.iter("{*}resource")}
    problems: list[Problem] = []
    if EXPORT_FLAG not in resources.values():
        problems.append(Problem(MANIFEST, f"no resource with href {EXPORT_FLAG!r}"))
    wiki_ids: dict[str, str] = {}
    for path in sorted(p for p in files if p.startswith(f"{WIKI_FOLDER}/")):
        page, _ = parse_xml(files, path)  # syntax errors are reported by the generic checks
        if page is None:
            continue
        identifier = page.xpath("string(head/meta[@name='identifier']/@content)")
        if resources.get(identifier) != path:
            problems.append(Problem(path, f"identifier {identifier!r} is not this page's resource"))
        if identifier in wiki_ids:
            problems.append(
                Problem(path, f"identifier {identifier!r} also used by {wiki_ids[identifier]}")
            )
        wiki_ids[identifier] = path
    modules, errors = parse_xml(files, MODULE_META) if MODULE_META in files else (None, [])
    problems += errors
    if modules is not None:
        for ref in modules.iter(f"{{{CANVAS_NS}}}identifierref"):
            if ref.text not in resources:
                problems.append(
                    Problem(f"{MODULE_META}:{ref.sourceline}", f"{ref.text!r} names no resource")
                )
    return problems


def outside_allowlist(body: etree._Element) -> list[str]:
    """Every element, attribute or link scheme of ``body``'s content Canvas would drop."""
    data = allowlist()
    elements = set(data["elements"])
    everywhere = set(data["attributes"][ALL])
    schemes = protocols()
    found = []
    for element in body.iterdescendants():
        tag = element.tag if isinstance(element.tag, str) else repr(element)
        if tag not in elements:
            found.append(f"<{tag}>")
            continue
        own = everywhere | set(data["attributes"].get(tag, ()))
        for name, value in element.attrib.items():
            if name not in own:
                found.append(f"<{tag} {name}>")
            elif url_scheme(value) not in schemes.get((tag, name), {url_scheme(value)}):
                found.append(f"<{tag} {name}={value!r}>")
    return found


def check_canvas_markup(files: Mapping[str, bytes], manifest: etree._Element) -> list[Problem]:
    """Every page body and discussion prompt holds only what Canvas's allow-list keeps."""
    bodies: dict[str, etree._Element | None] = {}
    for path in sorted(files):
        if path.startswith(f"{WIKI_FOLDER}/"):
            page, _ = parse_xml(files, path)
            bodies[path] = None if page is None else page.find("body")
        elif path.startswith("topics/") and not path.endswith("-meta.xml"):
            topic, _ = parse_xml(files, path)
            text = None if topic is None else topic.findtext("{*}text")
            bodies[path] = html.fragment_fromstring(text, create_parent="div") if text else None
    return [
        Problem(path, f"{outside} is not on Canvas's allow-list")
        for path, body in bodies.items()
        if body is not None
        for outside in outside_allowlist(body)
    ]
