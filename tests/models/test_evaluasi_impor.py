"""Training evaluation imported from a sheet (.csv/.xlsx) through the import engine's reader,
all or nothing with reasons per row and column; hostile files refused with a message; and the
recap per event and per provider written as a printable workbook, read back with openpyxl (the
IT training felt irrelevant is flagged for review)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from app.jobs import kompetensi as jobs
from app.models.errors import ValidationError
from app.models.impor import read as impor_read
from app.models.pelatihan import acara as pel
from app.models.pelatihan import evaluasi as ev
from app.models.storage.db import Database
from tests.helpers.kompetensi import nip, pegawai, with_standards
from tests.helpers.organisasi import Org


def _events(db: Database) -> tuple[str, str]:
    ani, budi, dewi = pegawai(db, "Ani"), pegawai(db, "Budi"), pegawai(db, "Dewi")
    k_it = pel.create_katalog(db, "Pelatihan Jaringan Komputer", jp=16, penyelenggara="Diskominfo")
    k_ars = pel.create_katalog(db, "Pelatihan Kearsipan", jp=24, penyelenggara="ANRI")
    it = pel.create_acara(db, k_it, "2026-05-04", "2026-05-05")
    arsip = pel.create_acara(db, k_ars, "2026-06-01", "2026-06-03")
    pel.add_peserta(db, it, dict.fromkeys([ani, budi, dewi]))
    pel.add_peserta(db, arsip, dict.fromkeys([ani, budi]))
    pel.complete_acara(db, it, tidak_hadir=[dewi])
    pel.complete_acara(db, arsip)
    return it, arsip


def _csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _count(db: Database) -> int:
    return int(db.conn.execute("SELECT count(*) FROM pelatihan_evaluasi").fetchone()[0])


def test_csv_import_by_event_name_then_recap_flags_the_it_training(
    db: Database, org: Org, tmp_path: Path
) -> None:
    with_standards(db, org)
    it, arsip = _events(db)
    ani, budi = nip(db, "Ani"), nip(db, "Budi")
    src = _csv(
        tmp_path / "evaluasi.csv",
        [
            "NIP;Nama;Acara;Relevansi;Manfaat;Pengajar;Komentar",
            f"{ani};Ani;Pelatihan Jaringan Komputer;1;2;4;tidak terpakai di kantor",
            f"{budi};Budi;Pelatihan Jaringan Komputer;2;2;3;",
            f"{ani};Ani;Pelatihan Kearsipan;5;4;4;sangat berguna",
            f"{budi};Budi;{arsip};4;5;5;",
        ],
    )
    plan = jobs.import_evaluasi(db, "sistem", src, simpan=False)
    assert plan.problems == [] and len(plan.rows) == 4 and _count(db) == 0
    assert {r.acara_id for r in plan.rows} == {it, arsip}
    jobs.import_evaluasi(db, "sistem", src, simpan=True)
    assert _count(db) == 4
    assert ev.get_evaluasi_acara(db.conn, it).relevansi == 1.5
    # The recap workbook, ready to print.
    out = tmp_path / "rekap.xlsx"
    counts = jobs.write_rekap_evaluasi(db, "sistem", jobs.RekapEvaluasiRequest(out, 2026))
    assert counts == {"Per acara": 2, "Per penyelenggara": 2}
    wb = load_workbook(out)
    ws = wb["Per acara"]
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    flat = [str(v) for row in cells for v in row if v is not None]
    assert "REKAP EVALUASI PELATIHAN PER ACARA" in flat
    assert "Acara yang selesai pada tahun 2026" in flat
    assert any(v.startswith("Skala 1-5") and "TINJAU: rata-rata relevansi" in v for v in flat)
    it_row = next(row for row in cells if "Pelatihan Jaringan Komputer" in row)
    arsip_row = next(row for row in cells if "Pelatihan Kearsipan" in row)
    assert 1.5 in it_row and any(str(v).startswith("TINJAU") for v in it_row if v)
    assert 4.5 in arsip_row and not any(str(v).startswith("TINJAU") for v in arsip_row if v)
    assert cells.index(it_row) < cells.index(arsip_row)  # least relevant first
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows  # the header repeats on every printed page
    assert ws.column_dimensions["B"].width >= 30
    prov = [[c.value for c in row] for row in wb["Per penyelenggara"].iter_rows()]
    diskominfo = next(row for row in prov if "Diskominfo" in row)
    assert any(str(v).startswith("TINJAU") for v in diskominfo if v)


def test_xlsx_for_one_event_and_all_or_nothing(db: Database, org: Org, tmp_path: Path) -> None:
    with_standards(db, org)
    it, _arsip = _events(db)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Evaluasi pelatihan jaringan"])
    ws.append(["NIP", "Relevansi", "Manfaat", "Pengajar", "Komentar"])
    ws.append([nip(db, "Ani"), 2, 3, 4, "ok"])
    ws.append([nip(db, "Budi"), 3, 3, 3, None])
    src = tmp_path / "ev.xlsx"
    wb.save(src)
    with pytest.raises(ValidationError, match="Acara tidak ditemukan"):
        jobs.import_evaluasi(db, "sistem", src, simpan=True)
    assert _count(db) == 0
    assert jobs.import_evaluasi(db, "sistem", src, simpan=True, acara_id=it).ok
    assert _count(db) == 2
    # One bad row refuses the whole sheet: nothing of it is written.
    ws.append([nip(db, "Dewi"), 9, 3, 3, None])
    wb.save(src)
    before = [tuple(r) for r in db.conn.execute("SELECT * FROM pelatihan_evaluasi ORDER BY id")]
    with pytest.raises(ValidationError) as err:
        jobs.import_evaluasi(db, "sistem", src, simpan=True, acara_id=it)
    text = "\n".join(err.value.reasons)
    assert "Baris 5, kolom Relevansi: 9 di luar batas 1–5." in text
    assert "tercatat tidak hadir" in text
    after = [tuple(r) for r in db.conn.execute("SELECT * FROM pelatihan_evaluasi ORDER BY id")]
    assert after == before


def test_row_reasons_in_indonesian(db: Database, org: Org, tmp_path: Path) -> None:
    with_standards(db, org)
    _events(db)
    ani, kabid = nip(db, "Ani"), nip(db, "Kabid")
    src = _csv(
        tmp_path / "x.csv",
        [
            "NIP,Acara,Relevansi,Manfaat,Pengajar,Komentar",
            f"{ani},Pelatihan Jaringan Komputer,4,4,4,=cmd|' /C calc'!A0",
            f"{ani},Pelatihan Jaringan Komputer,4,4,4,",
            f"{ani},Pelatihan Jaringan Komputer,3,3,3,",
            f"{kabid},Pelatihan Kearsipan,4,4,4,",
            "199901012020011999,Pelatihan Kearsipan,4,4,4,",
            f"{ani},Pelatihan Tidak Ada,4,4,4,",
            f"{ani},Pelatihan Kearsipan,,x,4,",
        ],
    )
    plan = ev.plan_impor_evaluasi(db, src)
    text = "\n".join(plan.problems)
    assert "Baris 2, kolom Komentar: berisi rumus" in text
    assert f"Baris 4, kolom NIP: NIP {ani} sudah ada di baris 3 untuk acara yang sama." in text
    assert f"Baris 5, kolom NIP: NIP {kabid} bukan peserta acara Pelatihan Kearsipan." in text
    assert "Baris 6, kolom NIP: NIP 199901012020011999 tidak ada di data pegawai." in text
    assert "Baris 7, kolom Acara: acara 'Pelatihan Tidak Ada' tidak ditemukan." in text
    assert "Baris 8, kolom Relevansi: kosong." in text
    assert "Baris 8, kolom Manfaat: 'x' bukan bilangan bulat." in text
    with pytest.raises(ValidationError, match="Impor evaluasi ditolak: 7 masalah"):
        ev.apply_impor_evaluasi(db, plan)
    assert _count(db) == 0


def test_hostile_files_are_refused(
    db: Database, org: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_standards(db, org)
    _events(db)
    wrong = _csv(tmp_path / "salah.csv", ["Nomor Induk;Skor;Kesan", "1;2;3"])
    plan = ev.plan_impor_evaluasi(db, wrong)
    text = "\n".join(plan.problems)
    assert "Kolom 'Skor' tidak dikenal" in text and "Kolom NIP tidak ditemukan" in text
    assert "Kolom Relevansi tidak ditemukan" in text and not plan.rows
    # A formula cell in an .xlsx is read as its text and refused, never evaluated.
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["NIP", "Acara", "Relevansi", "Manfaat", "Pengajar", "Komentar"])
    ws.append([nip(db, "Ani"), "Pelatihan Kearsipan", 4, 4, 4, '=HYPERLINK("http://x","klik")'])
    src = tmp_path / "rumus.xlsx"
    wb.save(src)
    plan = ev.plan_impor_evaluasi(db, src)
    assert any("Komentar: berisi rumus" in p for p in plan.problems), plan.problems
    # Too many rows, and too large a file: refused before any work, with what to do.
    many = _csv(
        tmp_path / "banyak.csv",
        ["NIP,Acara,Relevansi,Manfaat,Pengajar"]
        + [f"{nip(db, 'Ani')},Pelatihan Kearsipan,4,4,4"] * 5,
    )
    monkeypatch.setattr(ev, "MAX_BARIS_IMPOR", 3)
    assert "paling banyak 3 baris" in ev.plan_impor_evaluasi(db, many).problems[0]
    monkeypatch.setattr(impor_read, "MAX_FILE_BYTES", 100)
    with pytest.raises(ValidationError, match="MB"):
        ev.plan_impor_evaluasi(db, many)
    not_a_sheet = tmp_path / "gambar.xlsx"
    not_a_sheet.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 50)
    with pytest.raises(ValidationError):
        ev.plan_impor_evaluasi(db, not_a_sheet)
    assert _count(db) == 0


def test_a_rating_is_accepted_iff_it_is_a_whole_number_1_to_5(
    db: Database, org: Org, tmp_path: Path
) -> None:
    with_standards(db, org)
    it, _arsip = _events(db)
    ani = nip(db, "Ani")

    @settings(max_examples=40, deadline=None)
    @given(
        st.sampled_from(["relevansi", "manfaat", "pengajar"]),
        st.one_of(st.integers(-3, 9).map(str), st.sampled_from(["", "x", "3.5", "4,0", "05"])),
    )
    def check(kolom: str, value: str) -> None:  # fmt: skip
        values = {"relevansi": "3", "manfaat": "3", "pengajar": "3", kolom: value}
        src = _csv(
            tmp_path / "p.csv",
            [
                "NIP;Relevansi;Manfaat;Pengajar",
                f"{ani};{values['relevansi']};{values['manfaat']};{values['pengajar']}",
            ],
        )
        plan = ev.plan_impor_evaluasi(db, src, acara_id=it)
        whole = value.strip().isdigit() or value in ("4,0",)
        ok = whole and 1 <= int(value.split(",")[0]) <= 5
        assert plan.ok == ok, (kolom, value, plan.problems)
        if not ok:
            assert plan.problems == [
                p for p in plan.problems if p.startswith(f"Baris 2, kolom {kolom.title()}: ")
            ]
            assert not plan.rows

    check()
    assert _count(db) == 0
