"""The screens and the command line reach the audit trail, backups, restores and the register
only through the checked entry points (app/models/access/akses.py, app/jobs/cadangan.py,
app/models/dokumen/register.py read_register): a new call to an unchecked function from
app/cli or app/ui fails here. Authority lives in the domain (architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# function name -> the files of app/cli and app/ui allowed to call it, and why
UNCHECKED = {
    "verify_chain": {},
    "search_numbers": {},
    "search": {},  # audit.search (the employee search box is a method, not this)
    "make_backup": {},
    "restore": {
        # the database cannot be opened at all: there is no account to check (see README)
        "app/ui/application.py": "restore over a damaged file at start",
    },
    "list_register": {},
}
MODULES = {"audit", "cadangan", "register_dokumen"}


def _calls(path: Path) -> list[tuple[str, str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
        ):
            found.append((node.func.value.id, node.func.attr, node.lineno))
    return found


def test_cli_and_ui_use_the_checked_entry_points() -> None:
    wrong = []
    for folder in ("app/cli", "app/ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            for module, name, line in _calls(path):
                checked = module not in MODULES or name not in UNCHECKED
                if not checked and rel not in UNCHECKED[name]:
                    wrong.append(f"{rel}:{line}: {module}.{name}")
    assert wrong == []
