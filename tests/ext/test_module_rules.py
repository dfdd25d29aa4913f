"""The code-style rules a reader can check: small modules, and no import cycles among them
(imports under ``TYPE_CHECKING`` included)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: package -> its folder in the repository
PACKAGES = {
    "sphinx_interrogations": ROOT / "ext" / "sphinx_interrogations",
    "sphinx_interrogations_lms": ROOT / "exporters" / "sphinx_interrogations_lms",
    "interrogations_import": ROOT / "importers" / "interrogations_import",
}
MAX_LINES = 300


def _modules() -> dict[str, Path]:
    found = {}
    for package, folder in PACKAGES.items():
        for path in folder.rglob("*.py"):
            parts = [package, *path.relative_to(folder).with_suffix("").parts]
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules ``name`` imports (``from . import x`` names the module ``x``)."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                candidates = (f"{module}.{alias.name}", module)
                imported.add(next((found for found in candidates if found in modules), ""))
        elif isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
    return {other for other in imported if other in modules and other != name}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    state: dict[str, int] = {}
    path: list[str] = []
    cycles = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for other in sorted(graph[module]):
            if state.get(other) == 1:
                cycles.append([*path[path.index(other) :], other])
            elif other not in state:
                visit(other)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return cycles


def test_every_module_is_small() -> None:
    modules = _modules()
    assert modules
    long = {
        name: lines
        for name, path in modules.items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_import_cycles() -> None:
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert graph["sphinx_interrogations.catalogue"] >= {"sphinx_interrogations.records"}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
