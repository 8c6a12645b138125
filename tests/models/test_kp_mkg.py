"""The SK KP carries the MKG reduced on crossing a golongan into the rank history, and the SK
text prints that MKG with the gaji of the table (asn-rules 10.2; issue 13 item 5)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.models.dokumen import templat
from app.models.dokumen.nilai import person_values
from app.models.kp.usulan import Usulan, _riwayat_baru
from app.models.pegawai.read import get_employee
from app.models.reference.loader import Referensi
from app.models.storage.db import Database
from tests.helpers.dokumen import prepare_db
from tests.helpers.pegawai import Orang, add, make_db


def _usulan(db: Database, nip: str, lama: str, baru: str, tmt: date) -> Usulan:
    pid = db.conn.execute("SELECT id FROM pegawai WHERE nip = ?", (nip,)).fetchone()[0]
    return Usulan(
        id="u",
        pegawai_id=pid,
        nip=nip,
        nama_lengkap="-",
        periode=tmt.strftime("%Y-%m"),
        jenis="REGULER",
        golongan_lama=lama,
        golongan_baru=baru,
        tmt_baru=tmt,
        status="PERTEK",
        nomor_pertek=None,
        tanggal_pertek=None,
        register_id=None,
        nomor_sk=None,
        catatan=None,
    )


def test_crossing_ii_to_iii_takes_5_years_off(tmp_path: Path) -> None:
    db, units = make_db(tmp_path / "k.sqlite3")
    # II/d since 1 December 2022 with MKG 9y0m: 13y0m on 1 December 2026
    o = Orang("Budi", golongan="II/d", tmt_golongan="2022-12-01", mk=(9, 0))
    s = Orang("Sari", golongan="III/c", tmt_golongan="2022-12-01", mk=(17, 2))
    add(db, units, [o, s])
    row = _riwayat_baru(
        db.conn, _usulan(db, o.nip, "II/d", "III/a", date(2026, 12, 1)), "1", date(2026, 11, 1)
    )
    assert (row["golongan_kode"], row["mk_tahun"], row["mk_bulan"]) == ("III/a", 8, 0)
    row = _riwayat_baru(
        db.conn, _usulan(db, s.nip, "III/c", "III/d", date(2026, 12, 1)), "2", date(2026, 11, 1)
    )
    assert (row["golongan_kode"], row["mk_tahun"], row["mk_bulan"]) == ("III/d", 21, 2)
    db.close()


def test_sk_kp_values_print_the_reduced_mkg_and_the_table_gaji(tmp_path: Path) -> None:
    db, units = make_db(tmp_path / "k.sqlite3")
    o = Orang("Budi", golongan="II/d", tmt_golongan="2022-12-01", mk=(9, 0), lahir="1975-05-05")
    add(db, units, [o])
    prepare_db(db)
    record = get_employee(db.conn, o.nip, today=date(2026, 11, 1))
    t = templat.get_template(db.conn, "SK_KP")
    given = {"tmt": "2026-12-01", "golongan_baru": "III/a"}
    values = person_values(db.conn, Referensi.load(db.conn), t, record, date(2026, 11, 1), given, 1)
    assert values["masa_kerja"] == "8 tahun 0 bulan"
    assert values["gaji_pokok"] == "Rp3.153.600,00"  # III/a, MKG 8 (PP 5/2024)
    assert values["masa_kerja_lama"] == "9 tahun 0 bulan"
    # III/a steps are even: MKG 8y0m on 1 December 2026 -> MKG 10 on 1 December 2028
    assert values["kgb_berikutnya"] == "1 Desember 2028"
    db.close()
