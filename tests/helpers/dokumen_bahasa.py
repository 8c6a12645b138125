"""Which functions of ``app/jobs`` write a document: those that use anything imported from
``app.reports`` or from ``app.jobs.dokumen`` (the document engine's jobs; module-level or lazy
imports), and the functions of ``app/jobs/dokumen.py`` that issue (call ``_issue``/``issue``).
Each must run in Indonesian (:func:`app.i18n.dokumen`), whatever the interface language
(tests/test_i18n.py)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT_MODULES = ("app.reports", "app.jobs.dokumen")
ISSUING = {"_issue", "issue"}


def _report_names(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(DOCUMENT_MODULES):
                names.update(a.asname or a.name for a in node.names)
            elif node.module == "app.jobs":
                names.update(a.asname or a.name for a in node.names if a.name == "dokumen")
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith(DOCUMENT_MODULES):
                    names.add(a.asname or a.name.split(".")[0])
    return names


def _decorated(fn: ast.FunctionDef) -> bool:
    for d in fn.decorator_list:
        name = d.id if isinstance(d, ast.Name) else getattr(d, "attr", None)
        if name == "dokumen":
            return True
    return False


def document_functions() -> list[tuple[str, str, bool]]:
    """(module path, function name, decorated) for every top-level job function that uses a
    report writer."""
    found: list[tuple[str, str, bool]] = []
    for path in sorted((ROOT / "app" / "jobs").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _report_names(tree)
        for fn in tree.body:
            if not isinstance(fn, ast.FunctionDef):
                continue
            inner = _report_names(fn) | names
            used = {n.id for n in ast.walk(fn) if isinstance(n, ast.Name)}
            if path.name == "dokumen.py":
                inner = inner | ISSUING
            if used & inner:
                found.append((str(path.relative_to(ROOT)), fn.name, _decorated(fn)))
    return found
