"""Who reaches the BUP in the coming years (asn-rules 10.1), with the TMT pensiun."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from app.i18n import tr
from app.models.cuti.berjalan import label_cuti, sql_cuti_berjalan
from app.models.reference.loader import Referensi
from app.models.rekap.common import aktif_clause, pangkat_nama, unit_clause_named
from app.models.rules import derivations as d
from app.models.rules.derivations import add_years


@dataclass(frozen=True)
class PensiunBaris:
    nomor: int
    pegawai_id: str
    nip: str
    nama_lengkap: str
    golongan_kode: str | None
    pangkat: str | None
    jabatan_nama: str | None
    jenjang_kode: str | None
    unit_nama: str | None
    opd_nama: str | None
    tanggal_lahir: date
    bup: int
    tmt_pensiun: date
    keterangan: tuple[str, ...]
    cuti: str | None = None  # "Cuti besar s.d. ..." / "CLTN s.d. ..." on the day asked about


_PENSIUN_SQL = """
SELECT r.pegawai_id, r.nip, r.nama_lengkap, r.golongan_kode, r.jabatan_nama, r.jenjang_kode,
       r.unit_nama, r.opd_nama, r.tanggal_lahir,
       (SELECT j.bup_tahun FROM riwayat_jabatan rj LEFT JOIN jabatan j ON j.id = rj.jabatan_id
        WHERE rj.pegawai_id = r.pegawai_id AND rj.deleted = 0
        ORDER BY COALESCE(rj.tmt, '') = '' DESC, rj.tmt DESC, COALESCE(rj.tanggal_sk, '') DESC,
                 rj.id DESC LIMIT 1),
       {cuti}
FROM pegawai_ringkas r
WHERE {aktif} AND r.jenis_asn = 'PNS' AND r.tanggal_lahir > :lahir_min
  AND r.tanggal_lahir <= :lahir_maks {unit}
"""
# The BUP override is that of the current position: the same choice as
# derivations.current_jabatan (latest TMT, then the later SK date, then the id).


def pensiun(
    conn: sqlite3.Connection,
    mulai: date,
    *,
    tahun: int = 5,
    unit_id: str | None = None,
    pada: date | None = None,
) -> list[PensiunBaris]:
    """Active PNS whose TMT pensiun falls from ``mulai`` up to ``tahun`` years later
    (exclusive), in date order.

    BUP and the TMT come from :mod:`app.models.rules.derivations` (``bup_usia`` with the level's
    reference age or the position's own override, ``tanggal_pensiun``), as on the employee's
    record. The TMT rule (1st of the next month) is practice, asn-rules 10.1 [?]. A CLTN does
    not move it: the BUP is an age (PP 11/2017 Ps. 239), whereas CLTN is left out of the masa
    kerja only [P]. A cuti besar or CLTN running on ``pada`` (default today) is marked.
    """
    ref = Referensi.load(conn)
    sampai = add_years(mulai, tahun)
    ages = [int(r["bup_tahun"]) for r in ref.jenjang.values() if r.get("bup_tahun")]
    ages += [
        int(r[0])
        for r in conn.execute(
            "SELECT DISTINCT bup_tahun FROM jabatan WHERE bup_tahun IS NOT NULL AND deleted = 0"
        )
    ]
    ages.append(d.DEFAULT_BUP)
    unit_sql, unit_params = unit_clause_named(conn, unit_id)
    params: dict[str, Any] = {
        # TMT pensiun is at most one month after the birthday at BUP: a month of margin.
        "lahir_min": (add_years(mulai, -max(ages)) - timedelta(days=62)).isoformat(),
        "lahir_maks": add_years(sampai, -min(ages)).isoformat(),
        "pada_cuti": (pada or date.today()).isoformat(),
        **unit_params,
    }
    sql = _PENSIUN_SQL.format(
        aktif=aktif_clause(), unit=unit_sql, cuti=sql_cuti_berjalan("r.pegawai_id", ":pada_cuti")
    )
    found: list[PensiunBaris] = []
    for row in conn.execute(sql, params):
        lahir = date.fromisoformat(row[8])
        bup = d.bup_usia(row[5], ref.jenjang, row[9])
        tmt = d.tanggal_pensiun(lahir, bup)
        if not mulai <= tmt < sampai:
            continue
        notes: list[str] = []
        if row[9]:
            notes.append(tr("BUP {n} tahun menurut jabatan", n=row[9]))
        elif not row[5] or row[5] not in ref.jenjang:
            notes.append(
                tr("Jenjang jabatan belum tercatat: BUP {n} tahun (perlu diverifikasi)", n=bup)
            )
        found.append(
            PensiunBaris(
                nomor=0,
                pegawai_id=row[0],
                nip=row[1],
                nama_lengkap=row[2],
                golongan_kode=row[3],
                pangkat=pangkat_nama(ref, row[3]),
                jabatan_nama=row[4],
                jenjang_kode=row[5],
                unit_nama=row[6],
                opd_nama=row[7],
                tanggal_lahir=lahir,
                bup=bup,
                tmt_pensiun=tmt,
                keterangan=tuple(notes),
                cuti=label_cuti(row[10]),
            )
        )
    found.sort(key=lambda b: (b.tmt_pensiun, b.nama_lengkap.casefold(), b.nip))
    return [replace(b, nomor=i) for i, b in enumerate(found, start=1)]


def catatan_pensiun() -> str:
    return tr(
        "TMT pensiun: tanggal 1 bulan berikutnya setelah mencapai BUP (praktik; perlu "
        "diverifikasi dengan peraturan)."
    )
