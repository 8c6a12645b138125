"""Issue 20's before/after table from ONE run on one machine.

    .venv/bin/python bench/before_after.py [--employees 100000] [--only import,sync]
                                           [--before 179b69f]

Every workload of issue 20 is measured with the code as it was before issue 20 (``--before``,
default 179b69f: the first parent of the first issue-20 commit, extracted once with
``git archive`` into bench/out/code-<rev>/) and with the code of this tree, in the same run:
for each workload the old code's run, then the current code's, each in a fresh process, so
both see the same machine state. The *current* bench scripts measure both sides (the old tree
only provides ``app``: ``MERIT_BENCH_CODE`` in bench/common.py), so the method and the floor
are the same; each figure's floor is measured inside the same process as the figure, as
bench_*.py always do. Each code root has its own demo databases in bench/out/ (made first, for
both sides, before anything is timed).

Workloads (``--only`` takes these names):

- size: page_count * page_size of a fresh ``merit demo`` (its ``create_demo``) / employees
- import: SIASN .csv and .xlsx (bench_import.py; floor: csv / calamine read + raw executemany)
- import-peak: peak RSS of a whole .xlsx import in its own process (bench_import.peak_rss)
  beside a process doing the floor's read + insert of the same file
- sync: sync import of a full package into a fresh installation (bench_sync.py)
- search: keystroke to the first screenful, p95 (bench_search.py)
- start: cold start to a usable window, idle and under load (bench_start.py)
- duk: DUK export vs openpyxl write-only without styles (bench_recap.py)
- rss: peak RSS of single commands, ``merit check`` and the others (bench_rss.py)

The table goes to stdout and bench/out/before_after.md; every figure, with each side's
wall time, to bench/out/before_after.json.

Compatibility with the old code: none of the workloads needs a shim; the benches call only
what both trees have (``read_source``/``plan_import``/``apply_import``, ``create_demo``, the
sync ``export_package``/``import_package``, ``EmployeeTableModel(db, runner=...)`` and its
``complete``, ``MainWindow``, ``write_duk`` with a callable, and the CLI). The bench scripts
were only taught the size of the demo (search, start), the code root (start, rss) and to skip
the styled DUK floors (not issue 20's).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from common import CODE, OUT, ROOT, database_size, demo_database, demo_path, fresh_path

DEFAULT_BEFORE = "179b69f"
WORKLOADS = ("size", "import", "import-peak", "sync", "search", "start", "duk", "rss")
GB = 1024  # MB


# ---------------------------------------------------------------- rows and the table


def row(
    label: str,
    merit: float,
    bare: float | None,
    unit: str,
    goal: str,
    on: str,
    limit: float,
    *,
    strict: bool = False,
) -> dict:
    """One figure of one side. ``on``: what the goal bounds ("ratio" or "merit"), ``limit``
    its bound (``strict``: below it, else at most)."""
    return {
        "label": label,
        "merit": merit,
        "bare": bare,
        "unit": unit,
        "goal": goal,
        "on": on,
        "limit": limit,
        "strict": strict,
    }


def _num(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value * 1000:,.1f} ms"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "KB":
        return f"{value:,.2f} KB"
    return f"{value:,.3f} s" if value < 1 else f"{value:,.2f} s"


def cell(r: dict | None, error: str | None = None) -> str:
    """ "merit, floor, ratio" of one side."""
    if r is None:
        return f"failed: {error}" if error else "not measured"
    merit = _num(r["merit"], r["unit"])
    if r["bare"] is None:
        return f"{merit}, no floor"
    ratio = r["merit"] / r["bare"] if r["bare"] else math.inf
    return f"{merit}, {_num(r['bare'], r['unit'])}, {ratio:.2f}x"


def met(r: dict | None) -> str:
    """Whether the figure meets its goal."""
    if r is None:
        return "?"
    if r["on"] == "ratio":
        value = r["merit"] / r["bare"] if r["bare"] else math.inf
    else:
        value = r["merit"]
    ok = value < r["limit"] if r["strict"] else value <= r["limit"]
    return "yes" if ok else "no"


def table(sides: dict[str, dict], order: list[str]) -> str:
    """The markdown table: one line per row label, in the order the workloads gave them.
    ``sides``: {"before"|"after": {workload: {"rows": [...], "error": str | None}}}."""
    lines = [
        "| workload | before (merit, floor, ratio) | after (merit, floor, ratio) | goal | met? |",
        "|---|---|---|---|---|",
    ]
    for workload in order:
        before = sides["before"].get(workload, {})
        after = sides["after"].get(workload, {})
        labels: list[str] = []
        for side in (before, after):
            for r in side.get("rows", []):
                if r["label"] not in labels:
                    labels.append(r["label"])
        if not labels:
            labels = [workload]
        for label in labels:
            b = next((r for r in before.get("rows", []) if r["label"] == label), None)
            a = next((r for r in after.get("rows", []) if r["label"] == label), None)
            goal = (a or b or {}).get("goal", "")
            lines.append(
                f"| {label} | {cell(b, before.get('error'))} | {cell(a, after.get('error'))} "
                f"| {goal} | {met(a)} |"
            )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the workloads (in a child)


def w_size(n: int) -> list[dict]:
    demo = demo_database(n)
    info_path = fresh_path(demo)
    if info_path.exists():
        info = json.loads(info_path.read_text())
    else:  # a cached demo made elsewhere, maybe opened since: a fresh one
        from app.demo.tulis import create_demo
        from app.models.storage.db import Database
        from common import TODAY

        with tempfile.TemporaryDirectory(prefix="merit-size-") as tmp:
            path = Path(tmp) / "demo.sqlite3"
            db = Database(path)
            create_demo(db, n, 1, today=TODAY)
            db.close()
            info = database_size(path)
    print(f"database size {info['bytes'] / 1e6:,.1f} MB, {info['bytes'] / n:,.0f} B per employee")
    return [
        row(
            "database size per employee (page_count x page_size of a fresh demo)",
            info["bytes"] / n / 1000,
            None,
            "KB",
            "<= 3 KB",
            "merit",
            3.0,
        )
    ]


def w_import(n: int) -> list[dict]:
    import bench_import

    results = {r["name"]: r for r in bench_import.run(n, ("xlsx", "csv"), memory=False)}
    out = []
    for kind, limit in (("csv", 5.0), ("xlsx", 2.0)):
        r = results[f"import {kind} {n:,} vs raw read+insert"]
        out.append(
            row(
                f"SIASN import .{kind} (read, preview, apply) vs {kind} read + raw executemany",
                r["merit"],
                r["bare"],
                "s",
                f"<= {limit:g}x",
                "ratio",
                limit,
            )
        )
    return out


_FLOOR_PEAK = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from bench_import import peak_mb, raw_floor
raw_floor(Path(sys.argv[1]), Path(sys.argv[2]))
print(json.dumps(peak_mb()))
"""


def w_import_peak(n: int) -> list[dict]:
    import bench_import
    from common import env_offscreen

    with tempfile.TemporaryDirectory(prefix="merit-peak-") as tmp:
        folder = Path(tmp)
        xlsx, _ = bench_import.write_files(bench_import.siasn_rows(n), folder)
        floor = json.loads(
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    _FLOOR_PEAK,
                    str(xlsx),
                    str(folder / "raw.sqlite3"),
                    str(Path(__file__).parent),
                ],
                check=True,
                capture_output=True,
                text=True,
                env=env_offscreen(),
            ).stdout.splitlines()[-1]
        )
        ours = bench_import.peak_rss(xlsx, folder / "peak.sqlite3")
    print(
        f"peak RSS import xlsx {ours['rss_mb']:.0f} MB ({ours['seconds']:.1f} s); floor "
        f"{floor['rss_mb']:.0f} MB"
    )
    return [
        row(
            "peak RSS: SIASN .xlsx import in its own process vs calamine read + raw executemany",
            ours["rss_mb"],
            floor["rss_mb"],
            "MB",
            "< 1 GB",
            "merit",
            GB,
            strict=True,
        )
    ]


def w_sync(n: int) -> list[dict]:
    import bench_sync

    results = {r["name"]: r for r in bench_sync.run(n)}
    r = results[f"sync import full ({n:,} employees)"]
    return [
        row(
            "sync import of a full package into a fresh installation vs insert every row",
            r["merit"],
            r["bare"],
            "s",
            "<= 5x",
            "ratio",
            5.0,
        )
    ]


def w_search(n: int) -> list[dict]:
    import bench_search

    results = bench_search.main(n)
    r = next(
        r
        for r in results
        if r["name"].startswith("search keystroke to first rows") and r["name"].endswith("(p95)")
    )
    return [
        row(
            "search keystroke to first screenful, p95 vs the bare FTS query",
            r["merit"],
            r["bare"],
            "ms",
            "< 30 ms",
            "merit",
            0.030,
            strict=True,
        )
    ]


def w_start(n: int) -> list[dict]:
    import bench_start

    out = []
    for r in bench_start.main(None, n):
        if not r["name"].startswith("cold start to usable window"):
            continue
        load = "under load" in r["name"]
        out.append(
            row(
                "cold start to usable window"
                + (", under load" if load else ", idle")
                + " vs a bare QMainWindow (median of 7)",
                r["merit"],
                r["bare"],
                "s",
                "<= 3x",
                "ratio",
                3.0,
            )
        )
    return out


def w_duk(n: int) -> list[dict]:
    import bench_recap

    r = bench_recap.run(n, styled=False)[0]
    return [
        row(
            "DUK export (`write_duk`) vs openpyxl write-only, unstyled",
            r["merit"],
            r["bare"],
            "s",
            "<= 1.3x",
            "ratio",
            1.3,
        )
    ]


def w_rss(n: int) -> list[dict]:
    import bench_rss

    # Not demo_database() when the demo is there: it imports ``app``, and a child started by
    # this process starts its ``ru_maxrss`` at this process's peak (fork and exec keep it).
    demo = demo_path(n)
    out = []
    for r in bench_rss.run(demo if demo.exists() else demo_database(n)):
        failed = f" (exit {r['code']})" if r["code"] else ""
        out.append(
            row(
                f"peak RSS `{r['name']}`{failed} vs a bare sqlite3 process",
                r["mb"],
                r["bare"],
                "MB",
                "< 1 GB",
                "merit",
                GB,
                strict=True,
            )
        )
    return out


CHILD = {
    "size": w_size,
    "import": w_import,
    "import-peak": w_import_peak,
    "sync": w_sync,
    "search": w_search,
    "start": w_start,
    "duk": w_duk,
    "rss": w_rss,
}


def child(workload: str, employees: int, result: Path) -> None:
    if workload == "demo":
        with open(result, "w") as fh:
            json.dump({"demo": str(demo_database(employees))}, fh)
        return
    rows = CHILD[workload](employees)
    import app

    where = Path(app.__file__).resolve()
    if not where.is_relative_to(CODE):  # the measured code must be the side's
        raise SystemExit(f"measured {where}, not the code in {CODE}")
    result.write_text(json.dumps({"rows": rows, "app": str(where)}))


# ---------------------------------------------------------------- the parent


def git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def old_tree(rev: str) -> Path:
    """The tree of ``rev``, extracted once into bench/out/code-<rev>/."""
    full = git("rev-parse", "--verify", f"{rev}^{{commit}}")
    target = OUT / f"code-{full[:7]}"
    if (target / "app" / "__init__.py").exists():
        return target
    OUT.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"code-{full[:7]}-", dir=OUT))
    archive = subprocess.Popen(["git", "-C", str(ROOT), "archive", full], stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", str(staging)], stdin=archive.stdout, check=True)
    if archive.wait() != 0:
        raise SystemExit(f"git archive {full} failed")
    staging.rename(target)
    return target


def run_side(code: Path, workload: str, employees: int) -> dict:
    """One workload in a fresh process measuring ``code``."""
    env = dict(os.environ)
    env["MERIT_BENCH_CODE"] = str(code)
    env["PYTHONPATH"] = str(code)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        result = Path(fh.name)
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--child",
                workload,
                "--employees",
                str(employees),
                "--result",
                str(result),
            ],
            env=env,
            cwd=code,
            check=False,
        )
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            return {"rows": [], "error": f"exit {done.returncode}", "seconds": seconds}
        return {**json.loads(result.read_text()), "error": None, "seconds": seconds}
    finally:
        result.unlink(missing_ok=True)


def describe(rev: str) -> str:
    dirty = " + uncommitted changes" if git("status", "--porcelain", "--", "app") else ""
    return rev + dirty


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--only", default="", help=f"comma-separated: {','.join(WORKLOADS)}")
    parser.add_argument("--before", default=DEFAULT_BEFORE, help="git revision of 'before'")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    n = args.employees
    if args.child:
        child(args.child, n, args.result)
        return
    only = [w for w in args.only.split(",") if w] or list(WORKLOADS)
    unknown = [w for w in only if w not in WORKLOADS]
    if unknown:
        parser.error(f"unknown workload(s): {', '.join(unknown)}")
    if CODE != ROOT:
        parser.error("MERIT_BENCH_CODE is set: the 'after' side is this tree")
    before_code = old_tree(args.before)
    codes = {"before": before_code, "after": ROOT}
    revs = {
        "before": git("rev-parse", "--short", f"{args.before}^{{commit}}"),
        "after": describe(git("rev-parse", "--short", "HEAD")),
    }
    started = datetime.now(UTC)
    t0 = time.perf_counter()
    load0 = os.getloadavg()
    sides: dict[str, dict] = {"before": {}, "after": {}}
    seconds: dict[str, dict[str, float]] = {"before": {}, "after": {}}
    print(f"== demo databases of {n:,} employees (made once per code root)", flush=True)
    for side in ("before", "after"):
        made = run_side(codes[side], "demo", n)
        seconds[side]["demo"] = made["seconds"]
        if made["error"]:
            raise SystemExit(f"the {side} code could not make its demo ({made['error']})")
    for workload in only:
        for side in ("before", "after"):
            print(f"== {workload}: {side} ({revs[side]})", flush=True)
            got = run_side(codes[side], workload, n)
            sides[side][workload] = got
            seconds[side][workload] = got["seconds"]
            print(f"   ({got['seconds']:.0f} s)", flush=True)
    load1 = os.getloadavg()
    total = time.perf_counter() - t0
    head = (
        f"Issue 20 before/after: `bench/before_after.py --employees {n}` "
        f"on {started:%Y-%m-%d %H:%M} UTC, {platform.node()}, {os.cpu_count()} cores, "
        f"load average {load0[0]:.1f} at the start and {load1[0]:.1f} at the end, "
        f"{total / 60:.0f} min. Before: {revs['before']}; after: {revs['after']}. "
        f"{n:,} employees; each side of a workload in its own process, before then after; "
        f"each ratio against the floor measured in the same process.\n\n"
    )
    text = head + table(sides, only)
    print()
    print(text, end="", flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "before_after.md").write_text(text)
    (OUT / "before_after.json").write_text(
        json.dumps(
            {
                "employees": n,
                "started": started.isoformat(),
                "seconds": seconds,
                "revs": revs,
                "sides": sides,
                "load": [load0, load1],
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
