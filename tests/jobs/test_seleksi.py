"""The selection's files and the SK of the chosen candidate, through the jobs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.jobs import seleksi as seleksi_jobs
from app.models.errors import ValidationError
from app.models.seleksi import lembar as lb
from app.models.seleksi import pelamar, peringkat, seleksi
from app.models.storage.db import Database
from tests.helpers.dokumen import prepare_db
from tests.helpers.seleksi import ACTOR, ACUAN


def sk(sid: str, pelamar_id: str, out: Path) -> seleksi_jobs.SkPengangkatanRequest:
    return seleksi_jobs.SkPengangkatanRequest(sid, pelamar_id, out, ACUAN, date(2026, 12, 1))


def test_sk_pengangkatan_after_the_ppk_choice(demo_db: Database, tmp_path: Path) -> None:
    prepare_db(demo_db)
    db = demo_db
    jab = db.conn.execute(
        "SELECT j.id, j.nama FROM jabatan j WHERE j.deleted = 0 AND j.jenjang_kode = "
        "'ADMINISTRATOR' LIMIT 1"
    ).fetchone()
    sid = seleksi.create_seleksi(
        db,
        judul="Seleksi Administrator 2026",
        jenis="ADMINISTRATOR",
        jabatan_id=jab[0],
        tahap=[seleksi.TahapBaru("Wawancara", 100, [seleksi.KriteriaBaru("Nilai", 0, 100)])],
        panitia=[seleksi.PanitiaBaru("Ani Wijaya", "KETUA")],
        syarat=seleksi.Syarat(predikat_baik=False, bebas_hukdis=False),
        tanggal_acuan=ACUAN,
        actor=ACTOR,
    )
    rows = db.conn.execute(
        "SELECT pegawai_id, nip FROM pegawai_ringkas WHERE deleted = 0 AND kedudukan = 'AKTIF' "
        "AND status_kepegawaian = 'PNS' AND golongan_kode LIKE 'III/%' ORDER BY nip LIMIT 4"
    ).fetchall()
    ids = [pelamar.create_pelamar_internal(db, sid, r[0], actor=ACTOR) for r in rows]
    assert seleksi.get_seleksi(db.conn, sid).nama_jabatan == jab[1]
    member = Database(tmp_path / "ani.sqlite3")
    try:
        paket = lb.write_paket_anggota(db, sid, "Ani Wijaya", tmp_path / "p.json")
        kerja = lb.buka_paket(member, paket)
        k = kerja.tahap[0].kriteria[0]
        by_id = {c.id: c for c in kerja.kandidat}
        for pid, value in zip(ids, ("70", "90", "80", "60"), strict=True):
            lb.isi_nilai(member, kerja.paket_id, by_id[pid].id, k.id, value)
        sheet = lb.kunci_dan_kirim(member, kerja.paket_id, tmp_path / "l.json")
    finally:
        member.close()
    lb.impor_lembar(db, sheet, actor=ACTOR)
    hasil = peringkat.get_peringkat(db.conn, sid)
    assert [b.pelamar_id for b in hasil.usulan] == [ids[1], ids[2], ids[0]]
    with pytest.raises(ValidationError, match="tidak termasuk tiga besar"):
        seleksi_jobs.issue_sk_pengangkatan(db, ACTOR, sk(sid, ids[3], tmp_path / "sk"))
    res = seleksi_jobs.issue_sk_pengangkatan(db, ACTOR, sk(sid, ids[2], tmp_path / "sk"))
    assert res.nomor == ("800.1.3.3/1/BKPSDM/2026",)
    assert [f.nip for f in res.berkas] == [rows[2][1]]
