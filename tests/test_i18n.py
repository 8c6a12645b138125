"""The interface language (issue 18 item 5): the English catalogue covers every string of the
code, keeps its placeholders and accelerators, is chosen by ``--lang``, ``MERIT_LANG`` or the
saved setting, and leaves documents Indonesian."""

from __future__ import annotations

import io
import json
import string
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from app import i18n
from app.cli.main import main
from app.i18n import angka, bahasa_dokumen, tanggal, tr
from tests.helpers import i18n_scan
from tests.helpers.dokumen_bahasa import document_functions

#: Job functions that use a report module without writing a document (their messages are the
#: interface's).
NOT_DOCUMENTS = {"page_images", "verify", "record_check"}


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_language("en")
    try:
        yield
    finally:
        i18n.set_language("id")


def _names(text: str) -> list[str]:
    return sorted(f[1] for f in string.Formatter().parse(text) if f[1] is not None)


def _accelerated(text: str) -> bool:
    return "&" in text.replace("&&", "")


# -- the catalogue --------------------------------------------------------------------------------


def test_every_string_of_the_code_has_an_english_entry() -> None:
    missing = i18n_scan.missing("en")
    flat = [f"{area}: {text!r}" for area, texts in missing.items() for text in texts]
    assert not flat, (
        f"{len(flat)} string(s) without English (python -m tests.helpers.i18n_scan missing):\n"
        + "\n".join(flat[:40])
    )


def test_translations_keep_placeholders_accelerators_and_are_not_empty() -> None:
    problems = []
    for area, entries in i18n_scan.load("en").items():
        for source, english in entries.items():
            if not english.strip():
                problems.append(f"{area}: empty for {source!r}")
            elif _names(source) != _names(english):
                problems.append(f"{area}: placeholders differ in {source!r} -> {english!r}")
            elif _accelerated(source) != _accelerated(english):
                problems.append(f"{area}: accelerator differs in {source!r} -> {english!r}")
    assert not problems, "\n".join(problems[:40])


def test_catalogue_files_agree_where_they_overlap() -> None:
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for area, entries in i18n_scan.load("en").items():
        for source, english in entries.items():
            if source in seen and seen[source][1] != english:
                clashes.append(f"{source!r}: {seen[source]} vs {(area, english)}")
            seen.setdefault(source, (area, english))
    assert not clashes, "\n".join(clashes[:20])


def test_the_shipped_catalogue_is_what_the_app_loads() -> None:
    merged: dict[str, str] = {}
    for entries in i18n_scan.load("en").values():
        merged.update(entries)
    assert i18n.catalogue_of("en") == merged
    assert i18n.catalogue_of("id") == {}


# -- choosing the language ------------------------------------------------------------------------


def test_flag_then_environment_then_saved_then_indonesian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MERIT_LANG", raising=False)
    assert i18n.choose_language(None, tmp_path) == "id"
    i18n.save_language(tmp_path, "en")
    assert i18n.saved_language(tmp_path) == "en"
    assert i18n.choose_language(None, tmp_path) == "en"
    monkeypatch.setenv("MERIT_LANG", "id")
    assert i18n.choose_language(None, tmp_path) == "id"
    assert i18n.choose_language("en", tmp_path) == "en"
    monkeypatch.setenv("MERIT_LANG", "en_US.UTF-8")  # a locale-style value is understood
    assert i18n.choose_language(None, tmp_path) == "en"
    monkeypatch.setenv("MERIT_LANG", "fr")  # unknown: falls through to the saved choice
    i18n.save_language(tmp_path, "id")
    assert i18n.choose_language("xx", tmp_path) == "id"


def test_a_damaged_settings_file_counts_as_no_choice(tmp_path: Path) -> None:
    (tmp_path / i18n.SETTINGS_FILE).write_text("{not json", encoding="utf-8")
    assert i18n.saved_language(tmp_path) is None
    i18n.save_language(tmp_path, "en")  # and saving repairs it
    assert json.loads((tmp_path / i18n.SETTINGS_FILE).read_text(encoding="utf-8")) == {
        "bahasa": "en"
    }


def test_cli_help_in_english_by_flag_and_by_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    try:
        with pytest.raises(SystemExit):
            main(["--lang", "en", "--help"])
        english = capsys.readouterr().out
        assert "database file" in english and "berkas basis data" not in english
        monkeypatch.setenv("MERIT_LANG", "en")
        with pytest.raises(SystemExit):
            main(["cuti", "--help"])
        assert "usage:" in capsys.readouterr().out
        monkeypatch.delenv("MERIT_LANG")
        with pytest.raises(SystemExit):
            main(["--help"])
        assert "berkas basis data" in capsys.readouterr().out
    finally:
        i18n.set_language("id")


# -- numbers, dates and documents -----------------------------------------------------------------


def test_dates_and_numbers_follow_the_language_but_documents_stay_indonesian(
    english: None,
) -> None:
    assert tanggal(date(2026, 8, 17)) == "17 August 2026"
    assert angka(1234567) == "1,234,567" and angka(12.5, 2) == "12.50"
    assert tr("Simpan") == "Save"
    with bahasa_dokumen():
        assert tanggal(date(2026, 8, 17)) == "17 Agustus 2026"
        assert angka(1234567) == "1.234.567" and angka(12.5, 2) == "12,50"
        assert tr("Simpan") == "Simpan"
        assert i18n.current_language() == "id"
    assert i18n.current_language() == "en"


@given(st.integers(min_value=-(10**12), max_value=10**12), st.integers(min_value=0, max_value=3))
def test_english_and_indonesian_numbers_are_the_same_digits(value: int, desimal: int) -> None:
    indonesian = angka(value / 7, desimal)
    i18n.set_language("en")
    try:
        english = angka(value / 7, desimal)
    finally:
        i18n.set_language("id")
    swapped = english.replace(",", "\0").replace(".", ",").replace("\0", ".")
    assert swapped == indonesian


def test_every_job_that_writes_a_document_writes_it_in_indonesian() -> None:
    undecorated = [
        f"{path}:{name}"
        for path, name, decorated in document_functions()
        if not decorated and name not in NOT_DOCUMENTS
    ]
    assert not undecorated, (
        "these job functions use a report writer without @dokumen (app.i18n), so a document "
        "would follow the interface language: " + ", ".join(undecorated)
    )


def _pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def test_decree_preview_and_recap_are_identical_in_english(demo_db: object, tmp_path: Path) -> None:
    from app.jobs import dokumen as dokumen_jobs
    from app.jobs.rekap import RecapRequest, write_recap
    from app.models.dokumen import rancangan
    from app.models.storage.db import Database
    from tests.helpers.common import TODAY
    from tests.helpers.dokumen import UJI, pns, prepare_db

    assert isinstance(demo_db, Database)
    prepare_db(demo_db)
    req = rancangan.Permintaan(UJI, tuple(pns(demo_db, 1)), TODAY, "petikan")

    def both() -> tuple[str, list[list[object]]]:
        data, _shown, _total = dokumen_jobs.render_preview(demo_db, "admin", req)
        target = tmp_path / f"duk-{i18n.current_language()}.xlsx"
        write_recap(demo_db, "admin", RecapRequest("duk", target, on=TODAY))
        sheet = load_workbook(target, read_only=True).worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(max_row=12, values_only=True)]
        return _pdf_text(data), rows

    indonesian = both()
    i18n.set_language("en")
    try:
        english = both()
    finally:
        i18n.set_language("id")
    assert "MEMUTUSKAN" in english[0] and "DAFTAR URUT KEPANGKATAN" in str(english[1]).upper()
    assert english == indonesian


def test_an_assignment_letter_issued_in_english_is_written_in_indonesian(
    demo_db: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The letter's fields (dates, names of months) are made before the engine renders it; the
    whole issuing job runs in Indonesian (found by looking at one: "27 December 2026")."""
    from app.models.storage.db import Database

    assert isinstance(demo_db, Database)
    row = demo_db.conn.execute(
        "SELECT id FROM pelatihan_acara WHERE deleted = 0 AND status != 'BATAL' "
        "AND strftime('%m', tanggal_selesai) NOT IN ('04', '09', '11') "  # month names that differ
        "AND id IN (SELECT acara_id FROM pelatihan_peserta WHERE deleted = 0) LIMIT 1"
    ).fetchone()
    assert row is not None
    path = demo_db.path
    demo_db.close()
    try:
        args = ["--lang", "en", "--db", str(path), "pelatihan", "surat-tugas", row[0]]
        code = main([*args, "--out", str(tmp_path), "--tanggal", "2026-08-17"])
        out = capsys.readouterr().out
        assert code == 0 and "Verification code" in out
    finally:
        i18n.set_language("id")
    (pdf,) = [p for p in tmp_path.glob("*.pdf") if not p.name.startswith("gabungan")]
    text = _pdf_text(pdf.read_bytes())
    assert "SURAT TUGAS" in text and "MENUGASKAN" in text and "17 Agustus 2026" in text
    english_months = ("January", "February", "March", "May", "June", "July", "August",
                      "October", "December")  # fmt: skip
    assert not any(m in text for m in english_months), text
