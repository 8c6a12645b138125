"""The import preview: every row validated, normalised and compared with the database.

:func:`plan_import` reads only: each row is checked on its own (:mod:`app.models.impor.rows`),
then compared with what is stored (:mod:`app.models.impor.compare`); the result is an
:class:`~app.models.impor.result.ImportPlan`. What a row would write is prepared too, so that
:func:`app.models.impor.apply.apply_import` only writes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

from app.i18n import angka, tr
from app.models.access.akses import read_roots
from app.models.errors import Cancelled, ValidationError
from app.models.impor.bulk import collector_paused
from app.models.impor.compare import Comparer, load_existing
from app.models.impor.fields import FIELD_BY_NAME, REQUIRED_FIELDS
from app.models.impor.read import SourceTable
from app.models.impor.result import DILEWATI, STATUSES, ImportPlan, RowResult
from app.models.impor.rows import Row, RowChecker
from app.models.reference.loader import Referensi
from app.models.storage.db import Database

ON_EXISTING = ("update", "skip")


PROGRESS_EVERY = 1000


DUPLICATES_NAMED = 5  # other rows a duplicate NIP's message names


def check_mapping(headers: list[str], mapping: dict[int, str | None]) -> dict[str, int]:
    """Field -> column index; raises ValidationError for unknown or doubly mapped fields and
    for required fields that no column maps to."""
    by_field: dict[str, int] = {}
    for index, name in sorted(mapping.items()):
        if not name:
            continue
        if name not in FIELD_BY_NAME:
            raise ValidationError(tr("Bidang impor '{name}' tidak dikenal.", name=name), field=name)
        if not 0 <= index < len(headers):
            raise ValidationError(tr("Kolom {n} tidak ada di berkas.", n=index + 1), field=name)
        if name in by_field:
            raise ValidationError(
                tr(
                    "Kolom '{a}' dan '{b}' sama-sama dipetakan ke {label}; pilih salah satu.",
                    a=headers[by_field[name]],
                    b=headers[index],
                    label=FIELD_BY_NAME[name].label,
                ),
                field=name,
            )
        by_field[name] = index
    missing = [FIELD_BY_NAME[f].label for f in REQUIRED_FIELDS if f not in by_field]
    if missing:
        raise ValidationError(
            tr(
                "Kolom wajib belum dipetakan: {fields}. Pilih kolom berkas untuk bidang itu.",
                fields=", ".join(missing),
            ),
            field="mapping",
            reasons=[tr("{f} belum dipetakan.", f=m) for m in missing],
        )
    return by_field


@collector_paused()
def plan_import(
    db: Database,
    source: SourceTable,
    mapping: dict[int, str | None],
    *,
    on_existing: str = "update",
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    actor: str = "sistem",
) -> ImportPlan:
    """Validate every row and compare it with the database. Reads only; writes nothing.

    The preview says which NIPs exist and what differs: it needs ``pegawai.impor`` (refused
    and audited otherwise), like applying it.

    ``on_existing``: ``"update"`` brings existing employees (same NIP) up to date, ``"skip"``
    leaves them as they are (status ``dilewati``). Raises ValidationError when a required
    field is not mapped and :class:`Cancelled` when ``cancelled()`` becomes true.
    """
    read_roots(db, actor, "pegawai.impor")  # refused without the right (a unit's is enough)
    if on_existing not in ON_EXISTING:
        raise ValidationError(
            tr(
                "Pilihan untuk NIP yang sudah ada harus 'update' atau 'skip', bukan '{v}'.",
                v=on_existing,
            ),
            field="on_existing",
        )
    by_field = check_mapping(source.headers, mapping)
    today = today or date.today()
    conn = db.conn
    ref = Referensi.load(conn)
    checker = RowChecker(ref, by_field, today)
    comparer = Comparer(conn, ref, today)
    total = len(source.rows)

    # Pass 1: normalise and check each row on its own.
    memo: dict[tuple[str, ...], Any] = {}
    parsed: list[Row] = []
    for index, (cells, number) in enumerate(zip(source.rows, source.row_numbers, strict=True)):
        if index % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise Cancelled(tr("Pratinjau impor dibatalkan; tidak ada yang disimpan."))
            if progress is not None:
                progress(index // 2, total)
        r = Row(number, cells, by_field, source.headers, memo)
        checker.normalise(r)
        checker.check(r)
        parsed.append(r)

    # The same NIP twice in one file: every such row is rejected, naming the others (the
    # first few of them: with 50,000 copies of one NIP, listing all in each row made the
    # preview quadratic in time and memory). One dict, one pass: linear.
    rows_by_nip: dict[str, list[int]] = defaultdict(list)
    for r in parsed:
        if r.data.get("nip"):
            rows_by_nip[r.data["nip"]].append(r.number)
    for r in parsed:
        same = rows_by_nip.get(r.data.get("nip", ""))
        if same is None or len(same) < 2:
            continue
        others = [x for x in same[: DUPLICATES_NAMED + 1] if x != r.number][:DUPLICATES_NAMED]
        more = len(same) - 1 - len(others)
        baris = ", ".join(str(x) for x in others)
        if more:
            baris = tr("{baris} dan {n} baris lain", baris=baris, n=angka(more))
        r.error(
            "nip",
            r.text("nip") or r.data["nip"],
            tr(
                "NIP {nip} juga ada di baris {baris}; satu NIP hanya boleh satu baris. "
                "Hapus atau perbaiki salah satunya.",
                nip=r.data["nip"],
                baris=baris,
            ),
        )

    # Pass 2: compare with the database.
    ex = load_existing(conn, sorted(rows_by_nip))
    results: list[RowResult] = []
    for index, r in enumerate(parsed):
        if index % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise Cancelled(tr("Pratinjau impor dibatalkan; tidak ada yang disimpan."))
            if progress is not None:
                progress((total + index) // 2, total)
        existing = ex.pegawai.get(r.data.get("nip", ""))
        if existing is not None and on_existing == "skip" and len(rows_by_nip[r.data["nip"]]) == 1:
            results.append(
                RowResult(
                    r.number, r.data["nip"], existing["nama"], DILEWATI, pegawai_id=existing["id"]
                )
            )
            continue
        results.append(comparer.build(r, existing, ex))
    if progress is not None:
        progress(total, total)
    counts = dict.fromkeys(STATUSES, 0)
    for res in results:
        counts[res.status] += 1
    return ImportPlan(
        source=source,
        mapping=dict(mapping),
        on_existing=on_existing,
        rows=results,
        counts=counts,
        units=comparer.units.new_units(),
        today=today,
    )
