"""The layout's rules (issue 13), read from the source: every ``import`` of the package, those
inside functions too, resolved to the module it names.

- no import cycle;
- ``normalize.stage`` (the base of every stage) and ``normalize.document`` import no stage;
- no stage module (``*/stage.py``) imports another stage module: only ``normalize.pipeline``
  knows them all;
- ``normalize.unicode`` (the facts every stage shares) imports nothing else of the package;
- a stage's package never imports a later stage's package (the pipeline runs one way).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "normalize"
#: The stage packages in pipeline order.
ORDER = ["read", "encoding", "structure", "boilerplate", "langid", "translate", "write"]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package modules ``path`` imports, anywhere in it."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)  # `from . import x`
    return {m for m in found if m in modules and m != name}


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(p) for p in paths}
    return {_module_name(p): _imports(p, modules) for p in paths}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, or None (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        stack.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return stack[stack.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        state[module] = 2
        stack.pop()
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_the_graph_is_read(graph) -> None:
    """The reader sees real imports (so the rules below can fail)."""
    assert "normalize.stage" in graph["normalize.langid.stage"]
    assert "normalize.unicode.plausibility" in graph["normalize.encoding.decode"]
    assert "normalize.boilerplate.stage" in graph["normalize.pipeline"]


def test_no_import_cycle(graph) -> None:
    assert _cycle(graph) is None
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_the_base_and_the_document_import_no_stage(graph) -> None:
    assert graph["normalize.stage"] <= {"normalize.document"}
    assert graph["normalize.document"] == set()


def test_no_stage_module_imports_another(graph) -> None:
    stage_modules = {m for m in graph if m.endswith(".stage") and m != "normalize.stage"}
    assert {"normalize.encoding.stage", "normalize.langid.stage", "normalize.translate.stage"} <= stage_modules
    for module in stage_modules:
        assert not graph[module] & stage_modules, module
    importers = {m for m, targets in graph.items() if targets & stage_modules and not m.endswith(".stage")}
    assert importers <= {"normalize.pipeline", "normalize.translate", "normalize.langid"}, importers


def test_the_unicode_package_uses_no_stage(graph) -> None:
    for module, targets in graph.items():
        if module.startswith("normalize.unicode"):
            assert all(t.startswith("normalize.unicode") for t in targets), (module, targets)


def test_stages_import_only_earlier_stages(graph) -> None:
    def stage_of(module: str) -> int | None:
        parts = module.split(".")
        return ORDER.index(parts[1]) if len(parts) > 1 and parts[1] in ORDER else None

    for module, targets in graph.items():
        here = stage_of(module)
        if here is None:
            continue
        later = [t for t in targets if (there := stage_of(t)) is not None and there > here]
        assert not later, (module, later)
