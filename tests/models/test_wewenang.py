"""The kinds of change of the roster, as data (app/models/access/wewenang.py)."""

from __future__ import annotations

import pytest

from app.models.access import wewenang
from app.models.storage.db import Database
from app.models.storage.skema import replicated_schema


def test_every_replicated_table_belongs_to_one_kind(db: Database) -> None:
    """A module that adds a replicated table must say which kind of change writes it."""
    for table in replicated_schema(db.conn):
        assert wewenang.jenis_tabel(table) is not None, table
        owners = [
            j.kode
            for j in wewenang.JENIS
            if any(table == n or (n.endswith("_") and table.startswith(n)) for n in j.tabel)
        ]
        assert owners[0] == wewenang.jenis_tabel(table)


@pytest.mark.parametrize(
    ("table", "kind"),
    [
        ("pegawai", "pegawai"),
        ("riwayat_jabatan", "pegawai"),
        ("ref_golongan", "referensi"),
        ("skp_kurva", "referensi"),
        ("skp_periode", "pengaturan"),
        ("skp_hasil_kerja", "skp"),
        ("register_dokumen", "register"),
        ("pengaturan", "pengaturan"),
        ("seleksi_nilai", "seleksi"),
        ("kp_usulan", "kp"),
        ("jabatan", "organisasi"),
    ],
)
def test_kind_of_table(table: str, kind: str) -> None:
    assert wewenang.jenis_tabel(table) == kind


def test_presets_and_combinations() -> None:
    assert wewenang.parse_izin("bkd-penuh") == ("bkd-penuh", wewenang.KODE_JENIS)
    assert wewenang.parse_izin("OPD") == ("opd", ("pegawai", "skp", "kp"))
    assert wewenang.parse_izin("seleksi+pegawai") == (None, ("pegawai", "seleksi"))
    assert wewenang.parse_izin("opd+organisasi")[1] == ("pegawai", "organisasi", "skp", "kp")
    with pytest.raises(ValueError, match="gaji"):
        wewenang.parse_izin("pegawai+gaji")
    assert wewenang.check_entry(("pegawai",), ["u"]) is None
    assert "seluruh instansi" in (wewenang.check_entry(("register",), ["u"]) or "")


def test_full_rights_and_no_rights(db: Database) -> None:
    ops = [["ref_golongan", "x", {"pangkat": "P"}]]
    assert wewenang.check_batch(db.conn, wewenang.Wewenang.of(wewenang.KODE_JENIS), ops) is None
    reason = wewenang.check_batch(db.conn, wewenang.Wewenang.of(()), ops)
    assert reason is not None and "ref_golongan" in reason and "referensi" in reason
