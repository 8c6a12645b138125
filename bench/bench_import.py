"""Importing a SIASN-style export (.xlsx and .csv): Merit read + preview + apply, beside the
bare read of the same file (python-calamine / the csv module) and the bare inserts of the same
rows (``sqlite3.executemany`` into the same schema, one transaction), in the same run.

Issue 20's floor (the first ratio printed): the same file read with python-calamine / the csv
module and its raw rows, as read, inserted with ``sqlite3.executemany`` into one table of text
columns in one transaction, the best of three tries; goal .csv <= 5x, .xlsx <= 2x. The older
floor (the rows the plan writes, inserted into Merit's schema) is printed beside it.

Target: Merit's whole import (safety checks, reading, normalising and validating every cell,
comparing with the database, the write path with change capture, audit and the derived
summary) within 10x of the bare read plus the bare inserts.

Memory: the peak resident size (``ru_maxrss``) of the whole import of the .xlsx, each measured
in a process of its own, for the plain file and for the same number of rows where half the
rows carry one NIP (the worst case of duplicates: 40,000 such rows once took 288 s and 11 GB);
that file is refused at the preview, which must stay within the normal import's time.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from common import TODAY, Timer, report

HEADERS = [
    "PNS ID",
    "NIP BARU",
    "NIP LAMA",
    "NAMA",
    "GELAR DEPAN",
    "GELAR BELAKANG",
    "TEMPAT LAHIR ID",
    "TEMPAT LAHIR NAMA",
    "TANGGAL LAHIR",
    "JENIS KELAMIN",
    "AGAMA ID",
    "AGAMA NAMA",
    "NIK",
    "JENIS PEGAWAI ID",
    "JENIS PEGAWAI NAMA",
    "KEDUDUKAN HUKUM ID",
    "KEDUDUKAN HUKUM NAMA",
    "STATUS CPNS PNS",
    "TMT CPNS",
    "TMT PNS",
    "GOL AWAL ID",
    "GOL AWAL NAMA",
    "GOL AKHIR ID",
    "GOL AKHIR NAMA",
    "TMT GOLONGAN",
    "MK TAHUN",
    "MK BULAN",
    "JENIS JABATAN ID",
    "JENIS JABATAN NAMA",
    "JABATAN ID",
    "JABATAN NAMA",
    "TMT JABATAN",
    "TINGKAT PENDIDIKAN ID",
    "TINGKAT PENDIDIKAN NAMA",
    "PENDIDIKAN ID",
    "PENDIDIKAN NAMA",
    "TAHUN LULUS",
    "UNOR ID",
    "UNOR NAMA",
    "UNOR INDUK ID",
    "UNOR INDUK NAMA",
    "ESELON ID",
    "ESELON NAMA",
]
FIRST = [
    "Budi",
    "Siti",
    "Agus",
    "Dewi",
    "Yohanes",
    "Maria",
    "Ahmad",
    "Ni Made",
    "Fransiskus",
    "Rina",
    "Hendrik",
    "Yuliana",
    "Muhammad",
    "Kristina",
    "Imanuel",
    "Nur",
]
LAST = [
    "Santoso",
    "Aminah",
    "Pratama",
    "Lestari",
    "Nggadas",
    "Bria",
    "Hidayat",
    "Suastini",
    "Manek",
    "Wati",
    "Fanggidae",
    "Tallo",
    "Rizki",
    "Ndun",
    "Kase",
    "Haryati",
]
GOL = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"]
PEND = ["SLTA", "D-III", "S-1/Sarjana", "S-2"]
JF = [
    "Analis Kepegawaian Ahli Pertama",
    "Pranata Komputer Ahli Muda",
    "Guru Ahli Pertama",
    "Perawat Terampil",
    "Auditor Ahli Madya",
]


def _d(value: date) -> str:
    return value.strftime("%d-%m-%Y")


def siasn_rows(n: int, seed: int = 1) -> list[list[object]]:
    """``n`` valid SIASN-style rows (unique NIPs; 40 OPDs with 8 units each)."""
    rnd = random.Random(seed)
    rows: list[list[object]] = []
    seq: dict[str, int] = {}
    for i in range(n):
        lahir = date(1965, 1, 1) + timedelta(days=rnd.randrange(0, 365 * 33))
        cpns = date(lahir.year + rnd.randint(20, 30), rnd.randint(1, 12), 1)
        if cpns > TODAY - timedelta(days=400):
            cpns = date(TODAY.year - 2, 1, 1)
        pns = date(cpns.year + 1, cpns.month, 1)
        sex = rnd.choice("12")
        key = f"{lahir:%Y%m%d}{cpns:%Y%m}{sex}"
        seq[key] = seq.get(key, 0) + 1
        nip = f"{key}{seq[key]:03d}"
        opd = f"Dinas {i % 40 + 1:02d}"
        unit = f"Bidang {i % 8 + 1} {opd}"
        gol = rnd.choice(GOL)
        tmt_gol = date(rnd.randint(cpns.year, TODAY.year - 1), rnd.choice((4, 10)), 1)
        structural = rnd.random() < 0.15
        jabatan = f"Kepala Seksi {i % 8 + 1}" if structural else rnd.choice(JF)
        nik = f"53710{i % 9 + 1}{lahir.day + (40 if sex == '2' else 0):02d}{lahir:%m%y}0001"
        values = {
            "PNS ID": f"A{i:08d}",
            "NIP BARU": "'" + nip,
            "NAMA": f"{rnd.choice(FIRST)} {rnd.choice(LAST)}".upper(),
            "GELAR BELAKANG": rnd.choice(["", "S.E.", "S.Kom.", "S.Pd., M.Pd."]),
            "TEMPAT LAHIR NAMA": rnd.choice(["KUPANG", "ENDE", "MAUMERE", "SOE"]),
            "TANGGAL LAHIR": _d(lahir),
            "JENIS KELAMIN": "M" if sex == "1" else "F",
            "AGAMA NAMA": rnd.choice(["Islam", "Kristen", "Katholik", "Hindu"]),
            "NIK": nik,
            "JENIS PEGAWAI NAMA": "PNS Daerah Kab/Kota",
            "KEDUDUKAN HUKUM NAMA": "Aktif",
            "STATUS CPNS PNS": "P",
            "TMT CPNS": _d(cpns),
            "TMT PNS": _d(pns),
            "GOL AWAL NAMA": "II/a",
            "GOL AKHIR NAMA": gol,
            "TMT GOLONGAN": _d(max(tmt_gol, cpns)),
            "MK TAHUN": rnd.randint(0, 30),
            "MK BULAN": rnd.randint(0, 11),
            "JENIS JABATAN NAMA": "Jabatan Struktural" if structural else "Jabatan Fungsional",
            "JABATAN NAMA": jabatan,
            "TMT JABATAN": _d(date(max(cpns.year + 1, TODAY.year - 5), 1, 2)),
            "TINGKAT PENDIDIKAN NAMA": rnd.choice(PEND),
            "PENDIDIKAN NAMA": "Umum",
            "TAHUN LULUS": lahir.year + 22,
            "UNOR NAMA": unit,
            "UNOR INDUK NAMA": opd,
            "ESELON NAMA": "IV.a" if structural else "",
        }
        rows.append([values.get(h, "") for h in HEADERS])
    return rows


def write_files(rows: list[list[object]], folder: Path) -> tuple[Path, Path]:
    from openpyxl import Workbook

    xlsx, csv_path = folder / "siasn.xlsx", folder / "siasn.csv"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    ws.append(["DATA PNS"])
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    wb.save(xlsx)
    with csv_path.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return xlsx, csv_path


def with_duplicates(rows: list[list[object]]) -> list[list[object]]:
    """Half of the rows (every other one) given the NIP of the first row."""
    nip = HEADERS.index("NIP BARU")
    for i in range(1, len(rows), 2):
        rows[i][nip] = rows[0][nip]
    return rows


def peak_child(path: Path, db_path: Path) -> None:
    """In a process of its own: the whole import of ``path`` into a new database at ``db_path``
    (read, preview, apply when nothing is rejected); prints its peak RSS as JSON."""
    from app.models.impor.apply import apply_import
    from app.models.impor.fields import guess_mapping
    from app.models.impor.plan import plan_import
    from app.models.impor.read import read_source
    from app.models.storage.db import Database

    start = time.perf_counter()
    db = Database(db_path)
    source = read_source(path)
    plan = plan_import(db, source, guess_mapping(source.headers), today=TODAY)
    if plan.ok:
        apply_import(db, plan, actor="bench")
    db.close()
    print(
        json.dumps(
            {
                **peak_mb(),
                "seconds": time.perf_counter() - start,
                "rows": len(source.rows),
                "counts": plan.counts,
            }
        )
    )


def peak_mb() -> dict:
    """This process's peak resident size. On Linux from VmHWM (the high-water mark of this
    program's memory): ru_maxrss would also count the parent's size at the fork, which Linux
    carries over the exec (the bench parent holds 1.7 GB of plans by then)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return {"rss_mb": int(line.split()[1]) / 1024, "source": "VmHWM"}
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"rss_mb": rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024}


def peak_rss(path: Path, db_path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--peak", str(path), str(db_path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def memory_lines(n: int, xlsx: Path, folder: Path) -> list[dict]:
    """Peak RSS of the import of the plain .xlsx and of one with 50% duplicate NIPs."""
    dup_folder = folder / "duplikat"
    dup_folder.mkdir()
    dup_xlsx, _ = write_files(with_duplicates(siasn_rows(n)), dup_folder)
    plain = peak_rss(xlsx, folder / "peak-plain.sqlite3")
    dup = peak_rss(dup_xlsx, folder / "peak-dup.sqlite3")
    assert plain["counts"]["baru"] == n, plain
    assert dup["counts"]["ditolak"] == n // 2 + 1, dup
    print(
        f"peak RSS import xlsx {n:,} rows                  {plain['rss_mb']:8.0f} MB   "
        f"({plain['seconds']:.1f} s: read, preview, apply)",
        flush=True,
    )
    print(
        f"peak RSS import xlsx {n:,} rows, 50% dup NIPs    {dup['rss_mb']:8.0f} MB   "
        f"({dup['seconds']:.1f} s: read, preview; {dup['counts']['ditolak']:,} rows "
        f"refused, one NIP)",
        flush=True,
    )
    return [
        {"name": f"peak RSS import {n:,}", "merit": plain["rss_mb"], "unit": "MB"},
        {"name": f"peak RSS import {n:,} 50% dup", "merit": dup["rss_mb"], "unit": "MB"},
    ]


def bare_read(path: Path) -> float:
    with Timer() as t:
        if path.suffix == ".xlsx":
            from python_calamine import CalamineWorkbook

            with CalamineWorkbook.from_path(str(path)) as wb:
                data = wb.get_sheet_by_index(0).to_python()
        else:
            with path.open(newline="", encoding="utf-8-sig") as fh:
                data = list(csv.reader(fh, delimiter=";"))
    assert len(data) > 1
    return t.seconds


def raw_floor(path: Path, db_path: Path) -> tuple[float, float]:
    """The floor of issue 20: read the same file (python-calamine / ``csv``) and insert the raw
    rows, as read, with ``sqlite3.executemany`` into one table of as many text columns, in one
    transaction. Returns (read seconds, insert seconds)."""
    with Timer() as t_read:
        if path.suffix == ".xlsx":
            from python_calamine import CalamineWorkbook

            with CalamineWorkbook.from_path(str(path)) as wb:
                data = wb.get_sheet_by_index(0).to_python()
            data = data[2:]  # title row, header row
        else:
            with path.open(newline="", encoding="utf-8-sig") as fh:
                data = list(csv.reader(fh, delimiter=";"))
            data = data[1:]  # header row
    width = len(HEADERS)
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"CREATE TABLE mentah ({', '.join(f'k{i} TEXT' for i in range(width))})")
    sql = f"INSERT INTO mentah VALUES ({', '.join('?' for _ in range(width))})"
    with Timer() as t_insert:
        conn.execute("BEGIN")
        conn.executemany(sql, data)
        conn.execute("COMMIT")
    conn.close()
    assert len(data) > 1
    return t_read.seconds, t_insert.seconds


def bare_inserts(plan: object, path: Path) -> float:
    """The rows the plan would write, inserted with plain executemany in one transaction."""
    from app.models.storage.db import Database

    Database(path).close()
    tables: dict[str, list[dict]] = {"unit_organisasi": list(plan.units)}  # type: ignore[attr-defined]
    for r in plan.rows:  # type: ignore[attr-defined]
        tables.setdefault("pegawai", []).append(r.pegawai)
        for table, row in r.riwayat:
            tables.setdefault(table, []).append(row)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    with Timer() as t:
        conn.execute("BEGIN")
        for table, rows in tables.items():
            if not rows:
                continue
            cols = list(rows[0])
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
            conn.executemany(sql, ([r.get(c) for c in cols] for r in rows))
        conn.execute("COMMIT")
    conn.close()
    return t.seconds


def run(n: int, kinds: tuple[str, ...] = ("xlsx", "csv"), memory: bool = True) -> list[dict]:
    from app.models.impor.apply import apply_import
    from app.models.impor.fields import guess_mapping
    from app.models.impor.plan import plan_import
    from app.models.impor.read import read_source
    from app.models.storage.db import Database

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Timer() as gen:
            rows = siasn_rows(n)
            xlsx, csv_path = write_files(rows, folder)
        del rows
        print(
            f"  ({n:,} rows; files made in {gen.seconds:.1f} s: .xlsx "
            f"{xlsx.stat().st_size / 1e6:.1f} MB, .csv {csv_path.stat().st_size / 1e6:.1f} MB)"
        )
        for path in (xlsx, csv_path):
            kind = path.suffix[1:]
            if kind not in kinds:
                continue
            read_bare = bare_read(path)
            # the best of three: one reading of a 28 MB file in a process holding hundreds of MB
            # of objects varied 0.4-1.7 s (the collector), which swung the ratio by 1.5x
            raw_read, raw_insert = min(
                (raw_floor(path, folder / f"raw-{kind}-{i}.sqlite3") for i in range(3)),
                key=sum,
            )
            db = Database(folder / f"merit-{kind}.sqlite3")
            with Timer() as t_read:
                source = read_source(path)
            with Timer() as t_plan:
                plan = plan_import(db, source, guess_mapping(source.headers), today=TODAY)
            assert plan.ok and plan.counts["baru"] == n, plan.counts
            with Timer() as t_apply:
                result = apply_import(db, plan, actor="bench")
            db.close()
            insert_bare = bare_inserts(plan, folder / f"bare-{kind}.sqlite3")
            print(
                f"  {kind}: read {t_read.seconds:.2f} s (bare {read_bare:.2f} s), preview "
                f"{t_plan.seconds:.2f} s, apply {t_apply.seconds:.2f} s (bare inserts "
                f"{insert_bare:.2f} s); {result['riwayat']:,} history rows, "
                f"{result['unit']:,} units"
            )
            results.append(
                report(f"read {kind} {n:,} rows", t_read.seconds, read_bare, target="info")
            )
            merit = t_read.seconds + t_plan.seconds + t_apply.seconds
            print(
                f"  {kind}: issue-20 floor: raw read {raw_read:.2f} s + raw rows inserted "
                f"{raw_insert:.2f} s"
            )
            results.append(
                report(
                    f"import {kind} {n:,} vs raw read+insert",
                    merit,
                    raw_read + raw_insert,
                    target="issue 20: <= 5x" if kind == "csv" else "issue 20: <= 2x",
                )
            )
            results.append(
                report(
                    f"import {kind} {n:,} vs plan rows inserted",
                    merit,
                    read_bare + insert_bare,
                    target="target <= 10x",
                )
            )
            # The same file again: all "sama", nothing written.
            db = Database(folder / f"merit-{kind}.sqlite3")
            with Timer() as t_again:
                again = plan_import(
                    db, read_source(path), guess_mapping(source.headers), today=TODAY
                )
            assert again.counts["sama"] == n, again.counts
            db.close()
            print(
                f"  {kind}: second preview of the same file (all unchanged) {t_again.seconds:.2f} s"
            )
        if memory:
            results += memory_lines(n, xlsx, folder)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", default="100000", help="comma-separated row counts")
    parser.add_argument("--kinds", default="xlsx,csv", help="file kinds to import")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak RSS runs")
    parser.add_argument("--peak", nargs=2, metavar=("FILE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak:
        peak_child(Path(args.peak[0]), Path(args.peak[1]))
        return
    for size in (int(s) for s in args.rows.split(",")):
        run(size, tuple(args.kinds.split(",")), memory=not args.no_memory)


if __name__ == "__main__":
    main()
