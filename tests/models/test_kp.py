"""Kenaikan pangkat per period: usulan -> pertek -> SK petikan -> riwayat pangkat."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.jobs import dokumen as dokumen_jobs
from app.models.dokumen import register as register_dokumen
from app.models.errors import Cancelled, ValidationError
from app.models.kp import usulan as kp
from app.models.pegawai.read import get_employee
from app.models.rekap.kp import nominatif_kp
from app.models.rules.kp import STATUS_BELUM, STATUS_MEMENUHI, STATUS_VERIFIKASI
from app.models.storage.db import Database
from app.models.storage.store import Store
from tests.helpers.common import TODAY
from tests.helpers.dokumen import Steps, prepare_db
from tests.helpers.kp import PERIODE, TMT, rows, two_due

GAJI: dict[str, str] = {}  # the gaji pokok comes from the table (PP 5/2024)


def issue_sk(
    db: Database,
    nips: list[str],
    out: Path,
    *,
    nilai: dict[str, str] | None = None,
    actor: str = "sistem",
    progress: Steps | None = None,
) -> dokumen_jobs.HasilKp:
    """The SK of the period through the job (as the KP screen and ``merit kp issue`` do)."""
    request = dokumen_jobs.SkKpRequest(
        PERIODE, tuple(nips), out, TODAY, nilai=nilai or {}, today=TODAY
    )
    return dokumen_jobs.issue_sk_kp(db, actor, request, progress or Steps())


@pytest.fixture
def sdb(demo_db: Database) -> Database:
    prepare_db(demo_db)
    return demo_db


def test_list_joins_nominatif_and_reasons(sdb: Database) -> None:
    items = kp.list_periode(sdb.conn, PERIODE)
    nominatif = nominatif_kp(sdb.conn, TMT, termasuk_melebihi_batas=True)
    assert [i.nip for i in items] == [b.nip for b in nominatif.baris]
    assert all(i.usulan is None for i in items)
    assert {i.syarat for i in items} >= {STATUS_BELUM, STATUS_VERIFIKASI}
    assert all(i.keterangan for i in items if i.syarat != STATUS_MEMENUHI)
    with pytest.raises(ValidationError, match="bukan periode"):
        kp.list_periode(sdb.conn, "2025-09")  # between the six-period rule and the monthly one


def test_propose_refuses_a_row_that_does_not_meet_the_rules_with_its_reason(
    sdb: Database,
) -> None:
    belum = rows(sdb, STATUS_BELUM)[0]
    ok = two_due(sdb)[0]
    with pytest.raises(ValidationError) as info:
        kp.usulkan(sdb, PERIODE, [ok.nip, belum.nip], actor="operator")
    message = str(info.value)
    assert belum.nip in message and "belum memenuhi syarat" in message
    assert belum.keterangan[0] in message
    # all or nothing: the eligible one was not proposed either
    assert kp.list_usulan(sdb.conn, PERIODE) == {}
    with pytest.raises(ValidationError, match="tidak ada dalam daftar"):
        kp.usulkan(sdb, PERIODE, ["199001012020011001"])


def test_propose_pertek_and_withdraw(sdb: Database) -> None:
    a, b = two_due(sdb)
    ids = kp.usulkan(sdb, PERIODE, [a.nip, b.nip], actor="operator")
    assert len(ids) == 2
    u = kp.usulan_pegawai(sdb.conn, a.nip, PERIODE)
    assert (u.status, u.golongan_lama, u.golongan_baru, u.tmt_baru) == (
        kp.USUL,
        a.golongan_kode,
        a.golongan_baru,
        TMT,
    )
    with pytest.raises(ValidationError, match="sudah diusulkan"):
        kp.usulkan(sdb, PERIODE, [a.nip])
    # pertek only for proposed people
    other = next(i for i in two_due_more(sdb) if i.nip not in (a.nip, b.nip))
    with pytest.raises(ValidationError, match="belum diusulkan"):
        kp.catat_pertek(sdb, PERIODE, [a.nip, other.nip], "PT-1", TODAY, today=TODAY)
    assert kp.usulan_pegawai(sdb.conn, a.nip, PERIODE).status == kp.USUL
    with pytest.raises(ValidationError, match="Nomor pertek"):
        kp.catat_pertek(sdb, PERIODE, [a.nip], "  ", TODAY, today=TODAY)
    assert kp.catat_pertek(sdb, PERIODE, [a.nip], "PT-1/BKN/2026", TODAY, today=TODAY) == 1
    u = kp.usulan_pegawai(sdb.conn, a.nip, PERIODE)
    assert (u.status, u.nomor_pertek, u.tanggal_pertek) == (kp.PERTEK, "PT-1/BKN/2026", TODAY)
    # withdraw b, then it may be proposed again (same natural id)
    kp.batalkan_usulan(sdb, PERIODE, [b.nip], alasan="berkas tidak lengkap")
    assert kp.usulan_pegawai(sdb.conn, b.nip, PERIODE).status == kp.BATAL
    with pytest.raises(ValidationError, match="belum diusulkan"):
        kp.catat_pertek(sdb, PERIODE, [b.nip], "PT-2", TODAY, today=TODAY)
    assert kp.usulkan(sdb, PERIODE, [b.nip]) == [ids[1]]
    assert kp.usulan_pegawai(sdb.conn, b.nip, PERIODE).status == kp.USUL


def two_due_more(db: Database) -> list[kp.KpItem]:
    return rows(db, STATUS_VERIFIKASI)


def test_issue_writes_sk_riwayat_and_terbit(sdb: Database, tmp_path: Path) -> None:
    a, b = two_due(sdb)
    kp.usulkan(sdb, PERIODE, [a.nip, b.nip])
    with pytest.raises(ValidationError, match="pertek BKN belum dicatat"):
        issue_sk(sdb, [a.nip], tmp_path, nilai=GAJI)
    kp.catat_pertek(sdb, PERIODE, [a.nip, b.nip], "PT-9/BKN/2026", TODAY, today=TODAY)
    before = get_employee(sdb.conn, a.nip, today=TODAY)
    assert before.data["golongan"] == a.golongan_kode
    steps = Steps()
    hasil = issue_sk(
        sdb, [a.nip, b.nip], tmp_path / "sk", nilai=GAJI, actor="operator", progress=steps
    )
    seen = steps.seen
    assert seen and seen[-1][0] == seen[-1][1]
    assert len(hasil.terbit.nomor) == 2 and len(set(hasil.terbit.nomor)) == 2
    assert all(f.path.exists() for f in hasil.terbit.berkas)
    assert {f.nip for f in hasil.terbit.berkas} == {a.nip, b.nip}
    text = " ".join(PdfReader(hasil.terbit.berkas[0].path).pages[0].extract_text().split())
    assert "Memperhatikan" in text and "Nomor PT-9/BKN/2026" in text  # the pertek is cited
    assert dokumen_jobs.verify(sdb, "uji", hasil.terbit.berkas[0].path).ok
    for item, nomor in zip((a, b), hasil.terbit.nomor, strict=True):
        u = kp.usulan_pegawai(sdb.conn, item.nip, PERIODE)
        assert u.status == kp.TERBIT and u.nomor_sk == nomor
        reg = register_dokumen.get_register(sdb.conn, str(u.register_id))
        assert reg.pegawai == (item.nip,) and reg.templat_kode == "SK_KP"
        rec = get_employee(sdb.conn, item.nip, today=TODAY)
        new = [r for r in rec.riwayat["pangkat"] if r["tmt"] == TMT.isoformat()]
        assert len(new) == 1
        assert new[0]["golongan_kode"] == item.golongan_baru
        assert new[0]["nomor_sk"] == nomor
        assert new[0]["tanggal_sk"] == TODAY.isoformat()
        assert new[0]["jenis"] in ("REGULER", "PILIHAN")
        assert rec.data["golongan"] == item.golongan_baru
        assert rec.data["tmt_golongan"] == TMT.isoformat()
    # the promoted people stay on the period's screen, marked TERBIT
    items = {i.nip: i for i in kp.list_periode(sdb.conn, PERIODE)}
    assert items[a.nip].status_usulan == kp.TERBIT and items[a.nip].syarat is None
    # re-issuing is refused, and takes no number
    count = len(register_dokumen.list_register(sdb.conn, templat="SK_KP"))
    with pytest.raises(ValidationError, match="sudah terbit"):
        issue_sk(sdb, [a.nip], tmp_path, nilai=GAJI)
    assert len(register_dokumen.list_register(sdb.conn, templat="SK_KP")) == count
    with pytest.raises(ValidationError, match="sudah terbit"):
        kp.batalkan_usulan(sdb, PERIODE, [a.nip], alasan="salah usul")


def test_issue_missing_gaji_or_cancel_changes_nothing(sdb: Database, tmp_path: Path) -> None:
    a, _b = two_due(sdb)
    kp.usulkan(sdb, PERIODE, [a.nip])
    kp.catat_pertek(sdb, PERIODE, [a.nip], "PT-3", TODAY, today=TODAY)
    # the gaji is looked up in the table: with the column of the new golongan missing (as if
    # the admin had removed it), the clerk must give it
    sdb.conn.execute(
        "UPDATE ref_gaji_pokok SET deleted = 1 WHERE golongan_kode = ?", (a.golongan_baru,)
    )
    with pytest.raises(ValidationError, match="gaji_pokok"):
        issue_sk(sdb, [a.nip], tmp_path)
    with pytest.raises(Cancelled):
        issue_sk(
            sdb, [a.nip], tmp_path, nilai={"gaji_pokok": "4.699.300"}, progress=Steps(lambda: True)
        )
    assert register_dokumen.list_register(sdb.conn, templat="SK_KP") == []
    assert kp.usulan_pegawai(sdb.conn, a.nip, PERIODE).status == kp.PERTEK
    assert get_employee(sdb.conn, a.nip, today=TODAY).data["golongan"] == a.golongan_kode


def test_failure_after_numbering_cancels_the_sk(
    sdb: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _b = two_due(sdb)
    kp.usulkan(sdb, PERIODE, [a.nip])
    kp.catat_pertek(sdb, PERIODE, [a.nip], "PT-4", TODAY, today=TODAY)
    calls = {"n": 0}
    real = kp.check_history

    def fail_second_time(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > 1:  # the pre-check passes, the write fails
            raise ValidationError("rusak")
        return real(*args, **kwargs)

    monkeypatch.setattr(kp, "check_history", fail_second_time)
    with pytest.raises(ValidationError, match="rusak"):
        issue_sk(sdb, [a.nip], tmp_path, nilai=GAJI)
    regs = register_dokumen.list_register(sdb.conn, templat="SK_KP")
    assert len(regs) == 1 and regs[0].batal and "dibatalkan otomatis" in regs[0].alasan_batal
    assert not any(tmp_path.glob("*.pdf"))
    assert kp.usulan_pegawai(sdb.conn, a.nip, PERIODE).status == kp.PERTEK
    assert get_employee(sdb.conn, a.nip, today=TODAY).data["golongan"] == a.golongan_kode


def test_usulan_is_written_through_the_store(sdb: Database) -> None:
    a, _b = two_due(sdb)
    kp.usulkan(sdb, PERIODE, [a.nip], actor="operator")
    tables = {op[0] for batch in Store(sdb).batches() for op in batch.ops}
    assert "kp_usulan" in tables
