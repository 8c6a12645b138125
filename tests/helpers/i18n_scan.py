"""The interface strings of Merit, read from the source: every ``tr("...")`` literal, and the
Indonesian values of the module-level tables whose entries are passed to ``tr`` (``tr(JENIS[k])``,
``tr(LABEL.get(k, k))``, ``tr(BULAN[m])``).

Used by tests/test_i18n.py (every string has an English entry) and by translators::

    python -m tests.helpers.i18n_scan missing            # JSON of the strings without English,
                                                         # grouped by catalogue file
    python -m tests.helpers.i18n_scan missing --area ui  # one file's
"""

from __future__ import annotations

import ast
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app"
AREAS = ("ui", "cli", "models", "jobs", "reports", "sync", "demo", "umum")


def area_of(path: Path) -> str:
    """Which catalogue file a source file's strings go to: ``app/<area>/...``, else ``umum``."""
    parts = path.relative_to(APP).parts
    return parts[0] if len(parts) > 1 and parts[0] in AREAS else "umum"


def _table_name(node: ast.expr) -> str | None:
    """``X[...]``, ``X.get(...)``, ``mod.X[...]`` -> ``X``."""
    if isinstance(node, ast.Subscript):
        node = node.value
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
    ):
        node = node.func.value
    else:
        return None
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _strings_of(value: ast.expr) -> list[str]:
    """Indonesian strings of a table: dict values (or the first string of a tuple value),
    tuple/list items."""
    out: list[str] = []
    items: list[ast.expr] = []
    if isinstance(value, ast.Dict):
        items = [v for v in value.values if v is not None]
    elif isinstance(value, ast.Tuple | ast.List):
        items = list(value.elts)
    for item in items:
        if isinstance(item, ast.Constant) and isinstance(item.value, str):
            out.append(item.value)
        elif isinstance(item, ast.Tuple) and item.elts:
            first = item.elts[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                out.append(first.value)
    return out


def _tables(trees: dict[Path, ast.Module]) -> dict[str, list[tuple[Path, list[str]]]]:
    tables: dict[str, list[tuple[Path, list[str]]]] = defaultdict(list)
    for path, tree in trees.items():
        for node in tree.body:
            target: ast.expr | None = None
            value: ast.expr | None = None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            if isinstance(target, ast.Name) and value is not None:
                strings = _strings_of(value)
                if strings:
                    tables[target.id].append((path, strings))
    return tables


def scan() -> dict[str, tuple[str, set[str]]]:
    """Source string -> (catalogue area, set of files using it)."""
    trees = {
        p: ast.parse(p.read_text(encoding="utf-8"))
        for p in sorted(APP.rglob("*.py"))
        if "locale" not in p.parts
    }
    tables = _tables(trees)
    found: dict[str, tuple[str, set[str]]] = {}

    def add(text: str, path: Path) -> None:
        if not text.strip():
            return
        where = str(path.relative_to(ROOT))
        if text in found:
            found[text][1].add(where)
        else:
            found[text] = (area_of(path), {where})

    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
            ):
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                add(arg.value, path)
                continue
            name = _table_name(arg)
            if name is None:
                continue
            candidates = tables.get(name, [])
            same = [c for c in candidates if c[0] == path]
            for table_path, strings in same or candidates:
                for s in strings:
                    add(s, table_path)
    return found


def load(code: str = "en") -> dict[str, dict[str, str]]:
    """Each catalogue file of language ``code`` (``app/locale/<code>/*.json``) by file stem."""
    folder = APP / "locale" / code
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.json"))
    }


def missing(code: str = "en") -> dict[str, list[str]]:
    """Strings in the code without an entry in any file of the catalogue, by area."""
    have: set[str] = set()
    for entries in load(code).values():
        have.update(entries)
    out: dict[str, list[str]] = defaultdict(list)
    for text, (area, _files) in sorted(scan().items()):
        if text not in have:
            out[area].append(text)
    return dict(out)


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "missing":
        print(__doc__)
        return 2
    result = missing()
    if "--area" in argv:
        area = argv[argv.index("--area") + 1]
        result = {area: result.get(area, [])}
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
