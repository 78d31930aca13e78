"""How the code is arranged (README): the render engine imports nothing else of ours, and only
``cli.py`` prints."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from support import ROOT

PACKAGE = ROOT / "src" / "openai_funding"
MODULES = sorted(PACKAGE.rglob("*.py"))


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("module", sorted((PACKAGE / "render").rglob("*.py")), ids=lambda p: p.name)
def test_the_render_engine_imports_nothing_else_of_ours(module: Path) -> None:
    ours = {n for n in imported(module) if n.split(".")[0] == "openai_funding"}
    assert {n for n in ours if not n.startswith("openai_funding.render")} == set()


@pytest.mark.parametrize(
    "module", [m for m in MODULES if m.name != "cli.py"], ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_only_the_command_line_prints(module: Path) -> None:
    calls = [
        node.lineno
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "print"
    ]
    assert calls == []
