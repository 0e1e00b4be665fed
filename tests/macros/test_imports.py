"""No module in macros/ imports another in a cycle, at the top or inside a function.

A cycle hidden by a function-local import still ties the modules together: each
must be understood with the other, and the first import order that differs breaks
it. Imports under ``if TYPE_CHECKING:`` are for annotations only and do not count.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from tests.conftest import ROOT

MACROS = ROOT / "macros"


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports_of(path: Path, modules: set[str]) -> dict[str, int]:
    """The macros modules ``path`` imports (relative imports), with the line of the first import of each."""
    found: dict[str, int] = {}
    skip: set[int] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if _type_checking_only(node):
            skip.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or id(node) in skip or node.level != 1:
            continue
        names = [node.module.split(".")[0]] if node.module else [a.name for a in node.names]
        for name in names:
            if name in modules:
                found.setdefault(name, node.lineno)
    return found


def graph() -> dict[str, dict[str, int]]:
    paths = {p.stem: p for p in MACROS.glob("*.py") if p.stem != "__init__"}
    return {name: imports_of(path, set(paths)) for name, path in paths.items()}


def cycle(edges: dict[str, dict[str, int]]) -> list[str] | None:
    """One import cycle as a path of module names, each importing the next, or None."""
    try:
        # graphlib reads edges as "depends on" and reports the cycle the other way round.
        TopologicalSorter(edges).prepare()
    except CycleError as err:
        return err.args[1][::-1]
    return None


def test_no_module_in_macros_imports_another_in_a_cycle():
    edges = graph()
    assert sum(len(v) for v in edges.values()) > 20, "no imports found: is the scan still reading macros/?"
    found = cycle(edges)
    assert found is None, (
        " -> ".join(f"macros/{a}.py (line {edges[a][b]})" for a, b in zip(found, found[1:], strict=False))
        + f" -> macros/{found[-1]}.py: move the shared part into a module both import"
    )


def test_the_cycle_finder_finds_one_hidden_in_a_function():
    assert cycle({"data": {"decision": 600}, "decision": {"speed": 215}, "speed": {"data": 18}}) == [
        "data",
        "decision",
        "speed",
        "data",
    ]
    assert cycle({"a": {"b": 1}, "b": {}}) is None
