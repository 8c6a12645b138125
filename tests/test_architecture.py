"""The layers hold: every import in app/ (function-local ones included) points down.

The rules (design/architecture.md, "Layers"):

* ``app.models`` imports only itself and ``app.i18n`` / ``app.paths``;
* ``app.reports`` imports from ``app.models`` only plain data types (classes: dataclasses, enums,
  named tuples, errors), never functions or modules, and runs no SQL;
* ``app.sync`` imports from ``app.models`` only the storage and access API (and the errors);
* ``app.jobs`` is the only layer that joins models with reports or sync;
* ``app.demo`` builds on models;
* ``app.ui`` and ``app.cli`` import jobs, models, sync and demo, never each other, except the one
  launcher (``app.cli.launch``), which opens the desktop app;
* no Qt outside ``app.ui``; no SQL (text or ``execute`` calls) outside ``app.models``;
* a function-local import is marked ``# lazy: <why>`` (a heavy library kept off the start-up path).

The restructuring of issue 11 removed every violation it found (227 function-local imports, models
importing reports and sync, cli and ui cycles); the test now holds the line without exceptions.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"

BASE = {"app", "app.i18n", "app.paths"}
LAUNCHER = "app.cli.launch"

# layer -> layers it may import (besides itself and BASE)
ALLOWED: dict[str, set[str]] = {
    "models": set(),
    "reports": set(),  # plus plain data types of models, checked by name below
    "sync": set(),  # plus models.storage / models.access / models.errors, checked below
    "jobs": {"models", "reports", "sync"},
    "demo": {"models"},
    "cli": {"jobs", "models", "sync", "demo", "crash"},
    "ui": {"jobs", "models", "sync", "demo", "crash"},
    "crash": set(),
    "main": {"cli"},
}
SYNC_MODELS = ("app.models.storage", "app.models.access", "app.models.errors")
QT = ("PySide6", "shiboken6")
SQL = re.compile(
    r"\b(SELECT\s.+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"
    r"|CREATE\s+(TABLE|INDEX|TRIGGER|VIEW)|PRAGMA\s+\w+)\b",
    re.S,
)


def layer(module: str) -> str:
    parts = module.split(".")
    if module in BASE:
        return "base"
    if parts[1] == "__main__":
        return "main"
    return parts[1]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


@dataclass(frozen=True)
class Imp:
    source: str  # the importing module
    target: str  # the imported module
    name: str | None  # for ``from target import name``
    local: bool  # inside a function
    marked: bool  # ``# lazy:`` on its line
    line: int


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if path.name != "__init__.py":
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _imports(path: Path) -> list[Imp]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    module = module_name(path)
    local_nodes: set[int] = set()
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            local_nodes.update(id(n) for n in ast.walk(fn) if n is not fn)
    out: list[Imp] = []
    for node in ast.walk(tree):
        local = id(node) in local_nodes
        if isinstance(node, ast.Import | ast.ImportFrom):
            marked = "# lazy:" in lines[node.lineno - 1]
        if isinstance(node, ast.Import):
            for a in node.names:
                out.append(Imp(module, a.name, None, local, marked, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, path, node)
            for a in node.names:
                full = f"{target}.{a.name}"
                # ``from app.models import rekap`` imports the module app.models.rekap
                if _is_module(full):
                    out.append(Imp(module, full, None, local, marked, node.lineno))
                else:
                    out.append(Imp(module, target, a.name, local, marked, node.lineno))
    return out


def _is_module(name: str) -> bool:
    if not name.startswith("app."):
        return False
    rel = Path(*name.split("."))
    return (ROOT / rel).with_suffix(".py").exists() or (ROOT / rel / "__init__.py").exists()


def _all_imports() -> list[Imp]:
    return [imp for path in sorted(APP.rglob("*.py")) for imp in _imports(path)]


def _is_plain_type(module: str, name: str) -> bool:
    """A dataclass, an enum, a named tuple, a typed dict or an error: data, not behaviour."""
    obj = getattr(importlib.import_module(module), name, None)
    if not inspect.isclass(obj):
        return False
    return dataclasses.is_dataclass(obj) or issubclass(obj, Enum | tuple | dict | BaseException)


def violations() -> set[str]:
    found: set[str] = set()
    for imp in _all_imports():
        src = layer(imp.source)
        if imp.local and not imp.marked:
            found.add(f"unmarked local import: {imp.source} -> {imp.target}")
        top = imp.target.split(".")[0]
        if top in QT and src != "ui":
            found.add(f"Qt outside app.ui: {imp.source} -> {imp.target}")
        if top != "app":
            continue
        dst = layer(imp.target)
        if dst in ("base", src):
            continue
        if imp.source == LAUNCHER and imp.target.startswith("app.ui"):
            continue
        data = src == "reports" and dst == "models" and imp.name is not None
        if data and _is_plain_type(imp.target, str(imp.name)):
            continue
        if src == "sync" and dst == "models" and imp.target.startswith(SYNC_MODELS):
            continue
        if dst not in ALLOWED.get(src, set()):
            what = f"{imp.target}.{imp.name}" if imp.name else imp.target
            found.add(f"wrong arrow: {imp.source} -> {what}")
    for folder in ("ui", "cli", "jobs", "reports", "sync", "demo"):
        for path in sorted((APP / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                text = node.value if isinstance(node, ast.Constant) else None
                if isinstance(text, str) and SQL.search(text):
                    found.add(f"SQL text in app.{folder}: {module_name(path)}")
                if isinstance(node, ast.Attribute) and node.attr in (
                    "execute",
                    "executemany",
                    "executescript",
                ):
                    found.add(f"SQL call in app.{folder}: {module_name(path)}")
    return found


def test_layers_hold() -> None:
    found = sorted(violations())
    assert not found, "Imports against the layers:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("source", "code", "expected"),
    [
        ("app/models/x.py", "from app.reports.pdf import decree\n", "wrong arrow"),
        ("app/models/x.py", "def f():\n    from app.sync import identity  # lazy: t\n", "wrong"),
        ("app/reports/x.py", "from app.models.errors import MeritError\n", None),
        ("app/reports/x.py", "from app.models.storage.db import Database\n", "wrong arrow"),
        ("app/reports/x.py", "from app.models.storage.db import utc_now\n", "wrong arrow"),
        ("app/sync/x.py", "from app.models.pegawai import read\n", "wrong arrow"),
        ("app/ui/x.py", "from app.cli import core\n", "wrong arrow"),
        ("app/cli/x.py", "from app.ui import application\n", "wrong arrow"),
        ("app/cli/launch.py", "from app.ui import application\n", None),
        ("app/jobs/x.py", "from PySide6 import QtCore\n", "Qt outside"),
        ("app/ui/x.py", "def f():\n    import openpyxl\n", "unmarked local import"),
        ("app/ui/x.py", "def f():\n    import openpyxl  # lazy: heavy\n", None),
    ],
)
def test_the_rules_catch_a_wrong_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, code: str, expected: str | None
) -> None:
    """Each rule, fed a small module, reports what it should (and only that)."""
    path = ROOT / source
    # the launcher is real, and the probe must bear its name
    real_ok = source == f"{LAUNCHER.replace('.', '/')}.py"
    assert real_ok or not path.exists(), f"{source} is a real module; pick another name"
    monkeypatch.setattr("tests.test_architecture.APP", tmp_path / "app")
    fake = tmp_path / source
    fake.parent.mkdir(parents=True, exist_ok=True)
    fake.write_text(code, encoding="utf-8")
    real = _is_module
    monkeypatch.setattr("tests.test_architecture.ROOT", tmp_path)
    # the probe's own imports resolve against the real tree
    monkeypatch.setattr(
        "tests.test_architecture._is_module", lambda name: _with_root(ROOT_REAL, real, name)
    )
    found = violations()
    if expected is None:
        assert found == set()
    else:
        assert any(expected in v for v in found), found


ROOT_REAL = ROOT


def _with_root(root: Path, fn: object, name: str) -> bool:
    return name.startswith("app.") and (
        (root / Path(*name.split("."))).with_suffix(".py").exists()
        or (root / Path(*name.split(".")) / "__init__.py").exists()
    )


@pytest.mark.parametrize("folder", ["ui", "cli", "jobs", "reports", "sync", "demo"])
def test_sql_outside_models_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    fake = tmp_path / "app" / folder / "x.py"
    fake.parent.mkdir(parents=True)
    fake.write_text('Q = "SELECT id FROM pegawai"\n', encoding="utf-8")
    call = tmp_path / "app" / folder / "y.py"
    call.write_text("def f(conn):\n    return conn.execute(Q)\n", encoding="utf-8")
    monkeypatch.setattr("tests.test_architecture.APP", tmp_path / "app")
    monkeypatch.setattr("tests.test_architecture.ROOT", tmp_path)
    found = violations()
    assert f"SQL text in app.{folder}: app.{folder}.x" in found
    assert f"SQL call in app.{folder}: app.{folder}.y" in found
