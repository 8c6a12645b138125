"""Training hours (JP) per employee in a year against the 20 JP target (asn-rules 8)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from app.models.rekap.common import aktif_clause, unit_clause_named

# PP 11/2017 Ps. 203(4) [V]: at least 20 JP of competency development per PNS per year.
TARGET_JP_PNS = 20


@dataclass(frozen=True)
class DiklatBaris:
    nomor: int
    pegawai_id: str
    nip: str
    nama_lengkap: str
    golongan_kode: str | None
    jabatan_nama: str | None
    unit_nama: str | None
    opd_nama: str | None
    kegiatan: int
    jp: int
    target: int

    @property
    def kekurangan(self) -> int:
        return max(self.target - self.jp, 0)

    @property
    def tercapai(self) -> bool:
        return self.jp >= self.target


_DIKLAT_SQL = """
WITH jp AS (
    SELECT pegawai_id, count(*) AS n, SUM(COALESCE(jam_pelajaran, 0)) AS jp
    FROM riwayat_diklat
    WHERE deleted = 0 AND COALESCE(tanggal_selesai, tanggal_mulai) BETWEEN :awal AND :akhir
    GROUP BY pegawai_id
)
SELECT r.pegawai_id, r.nip, r.nama_lengkap, r.golongan_kode, r.jabatan_nama, r.unit_nama,
       r.opd_nama, COALESCE(jp.n, 0), COALESCE(jp.jp, 0)
FROM pegawai_ringkas r LEFT JOIN jp ON jp.pegawai_id = r.pegawai_id
WHERE {aktif} AND r.jenis_asn = 'PNS' {unit}
ORDER BY r.opd_nama IS NULL, r.opd_nama, r.unit_nama, r.nama_urut, r.nip
"""


def jam_pelajaran(
    conn: sqlite3.Connection, tahun: int, *, unit_id: str | None = None
) -> Iterator[DiklatBaris]:
    """Training hours (JP) of every active PNS and CPNS in a year, against the 20 JP target
    (PP 11/2017 Ps. 203(4)). A training counts in the year it ended (or began, when the end
    date is not on record). Every form counts, classical or not (asn-rules 8)."""
    unit_sql, unit_params = unit_clause_named(conn, unit_id)
    params: dict[str, Any] = {
        "awal": f"{tahun:04d}-01-01",
        "akhir": f"{tahun:04d}-12-31",
        **unit_params,
    }
    sql = _DIKLAT_SQL.format(aktif=aktif_clause(), unit=unit_sql)
    for nomor, row in enumerate(conn.execute(sql, params), start=1):
        yield DiklatBaris(
            nomor=nomor,
            pegawai_id=row[0],
            nip=row[1],
            nama_lengkap=row[2],
            golongan_kode=row[3],
            jabatan_nama=row[4],
            unit_nama=row[5],
            opd_nama=row[6],
            kegiatan=int(row[7]),
            jp=int(row[8]),
            target=TARGET_JP_PNS,
        )
