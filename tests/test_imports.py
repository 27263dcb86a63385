"""The package's modules import one another without a cycle.

Every module of ``lintnews/`` and of ``rules/`` (installed as ``lintnews.rules``) is parsed with
`ast`; an import anywhere in a module counts, at module level or inside a function (a late import
hides a cycle, it does not remove it), except in an ``if TYPE_CHECKING:`` block, which never runs.
A submodule import (``from lintnews.corpus.options import X``) is an edge to that submodule only,
not to its package's ``__init__``.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ((ROOT / "lintnews", "lintnews"), (ROOT / "rules", "lintnews.rules"))


def modules() -> dict[str, Path]:
    """Every module by its dotted name (a package by its own name, for its ``__init__.py``)."""
    out: dict[str, Path] = {}
    for base, package in PACKAGES:
        for path in sorted(base.rglob("*.py")):
            parts = [p for p in path.relative_to(base).with_suffix("").parts if p != "__init__"]
            out[".".join([package, *parts])] = path
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _statements(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement of ``tree`` outside the bodies of ``if TYPE_CHECKING:``."""
    found: list[ast.Import | ast.ImportFrom] = []
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> dict[str, int]:
    """The project modules ``name`` imports, each with the line of (one of) its imports."""
    out: dict[str, int] = {}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in _statements(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            if node.level:
                parts = package.split(".")
                base = ".".join(
                    parts[: len(parts) - (node.level - 1)] + ([node.module] if node.module else [])
                )
            else:
                base = node.module or ""
            # ``from pkg import sub`` imports the submodule; ``from mod import name`` the module
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names
            ]
        for target in targets:
            while target and target not in known:  # ``import a.b.c`` of a module a.b: a.b
                target = target.rpartition(".")[0]
            if target and target != name:
                out.setdefault(target, node.lineno)
    return out


def import_graph() -> dict[str, dict[str, int]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def find_cycle(graph: dict[str, dict[str, int]]) -> list[str] | None:
    """One cycle of ``graph`` as ``[a, b, ..., a]``, or None (depth-first, iterative)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(graph):
        if start in state:
            continue
        path = [start]
        stack = [iter(sorted(graph[start]))]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(graph[nxt])))
    return None


def describe(cycle: list[str], graph: dict[str, dict[str, int]]) -> str:
    known = modules()
    steps = [f"  {a} -> {b}  ({known[a].relative_to(ROOT)}:{graph[a][b]})" for a, b in zip(cycle, cycle[1:])]
    return "import cycle:\n" + "\n".join(steps)


#: Edges of the one cycle left, to be cut when ``lintnews/corpus.py`` becomes a package (issue 15,
#: phase 2): the corpus index stores itself in the result cache, whose signature functions read
#: the corpus's signature types. Each must still exist: when it is gone, delete it from here.
PENDING: set[tuple[str, str]] = set()


def test_there_is_no_import_cycle() -> None:
    graph = import_graph()
    for a, b in sorted(PENDING):
        assert b in graph[a], f"{a} no longer imports {b}: remove the edge from PENDING"
        del graph[a][b]
    cycle = find_cycle(graph)
    assert cycle is None, describe(cycle, graph)


def test_the_walk_sees_function_level_imports_and_skips_type_checking(tmp_path: Path) -> None:
    """The checker itself: a late import closes a cycle, a TYPE_CHECKING import does not."""
    (tmp_path / "a.py").write_text("def f():\n    from pkg import b\n")
    (tmp_path / "b.py").write_text("from pkg.a import f\n")
    (tmp_path / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n"
    )
    (tmp_path / "d.py").write_text(
        "import typing\nif typing.TYPE_CHECKING:\n    pass\nelse:\n    from pkg import c\n"
    )
    known = {f"pkg.{p.stem}": p for p in tmp_path.glob("*.py")}
    graph = {name: imports(name, path, known) for name, path in known.items()}
    assert graph == {"pkg.a": {"pkg.b": 2}, "pkg.b": {"pkg.a": 1}, "pkg.c": {}, "pkg.d": {"pkg.c": 5}}
    assert find_cycle(graph) == ["pkg.a", "pkg.b", "pkg.a"]
    assert describe(["lintnews.engine", "lintnews.engine"], {"lintnews.engine": {"lintnews.engine": 7}}) == (
        "import cycle:\n  lintnews.engine -> lintnews.engine  (lintnews/engine.py:7)"
    )


def test_diagnostics_imports_nothing_of_lintnews() -> None:
    """What every layer reports with stays at the bottom of the graph."""
    assert import_graph()["lintnews.diagnostics"] == {}


def private_imports_across_packages() -> list[str]:
    """``from X import _name`` where X belongs to another subpackage than the importer: a private
    name is the business of its own package and the package above it (which may re-export it)."""
    known = modules()
    found = []
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _statements(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if (
                not isinstance(node, ast.ImportFrom)
                or node.level
                or not (node.module or "").startswith("lintnews")
            ):
                continue
            source = node.module or ""
            source_package = (
                source
                if source in known and known[source].name == "__init__.py"
                else source.rpartition(".")[0]
            )
            if source_package == package or source_package.startswith(package + "."):
                continue
            found += [
                f"{path.relative_to(ROOT)}:{node.lineno}: {source}.{alias.name}"
                for alias in node.names
                if alias.name.startswith("_") and not alias.name.startswith("__")
            ]
    return found


#: Private imports still to be made public API (the corpus options share the config's option
#: parsing). Only shrinks.
PRIVATE_ALLOWANCE = {
    "lintnews.config._choice",
    "lintnews.config._field_name",
    "lintnews.config._option_value",
}


def test_no_module_imports_a_private_name_of_another_package() -> None:
    found = private_imports_across_packages()
    assert [f for f in found if f.rpartition(" ")[2] not in PRIVATE_ALLOWANCE] == []
    assert {f.rpartition(" ")[2] for f in found} == PRIVATE_ALLOWANCE, (
        "an allowed import is gone: drop it from the list"
    )
