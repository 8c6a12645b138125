"""Decree templates: the fixed texts of a kind of decree (table ``templat_dokumen``, replicated).

A template holds the texts with placeholders (:mod:`app.models.dokumen.isian`), the signatories,
the lampiran columns, the number format and the paper size. It is checked whole before it is
stored (:func:`check_template`), through the write path, so it replicates. The four default
templates and their seeding are in :mod:`app.models.dokumen.templat_bawaan`; their legal citations
are editable data, not code (asn-rules 11.2: regions differ).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from app.i18n import tr
from app.models.dokumen.isian import (
    FORMAT_NOMOR,
    ISIAN_WAJIB,
    Masalah,
    check_text,
    format_nomor,
    placeholders_in,
)
from app.models.dokumen.naskah import UKURAN_KERTAS
from app.models.errors import NotFoundError, ValidationError
from app.models.reference.loader import natural_id
from app.models.rules.nip import check_nip
from app.models.storage.db import Database
from app.models.storage.store import Store

# SURAT: one letter (surat dinas) per person; TUGAS: one surat tugas (or list) for all the people
BENTUK = ("PERORANGAN", "KOLEKTIF", "SURAT", "TUGAS")
KOP = ("KEPALA_DAERAH", "INSTANSI")
TMT_BAWAAN = ("TANGGAL", "PERIODE_KP", "KGB")
VARIAN = ("", "a.n.", "Plt.", "Plh.")


@dataclass(frozen=True)
class DiktumTemplat:
    teks: str
    rincian: tuple[tuple[str, str], ...] = ()
    penutup: str = ""


@dataclass(frozen=True)
class KolomLampiran:
    judul: str
    isi: str
    lebar: float = 1.0
    grup: str = ""
    rata: Literal["LEFT", "CENTER", "RIGHT"] = "LEFT"


@dataclass(frozen=True)
class Templat:
    """The fixed texts of a kind of decree (one row of ``templat_dokumen``)."""

    kode: str
    nama: str
    pejabat: str
    tentang: str
    format_nomor: str
    bentuk: str = "PERORANGAN"
    judul: str = "KEPUTUSAN"
    menimbang: tuple[str, ...] = ()
    mengingat: tuple[str, ...] = ()
    memperhatikan: tuple[str, ...] = ()
    menetapkan: str = ""
    diktum: tuple[DiktumTemplat, ...] = ()
    tembusan: tuple[str, ...] = ()
    kop: str = "KEPALA_DAERAH"
    dengan_rahmat: bool = True
    gaya_diktum: str = "KESATU"
    ttd_jabatan: str = ""
    ttd_nama: str = ""
    ttd_pangkat: str = ""
    ttd_nip: str = ""
    ttd_varian: str = ""
    ttd_atas_nama: str = ""
    sah_jabatan: str = ""
    sah_nama: str = ""
    sah_pangkat: str = ""
    sah_nip: str = ""
    lampiran_judul: tuple[str, ...] = ()
    lampiran_kolom: tuple[KolomLampiran, ...] = ()
    lampiran_mendatar: bool = False
    alamat_penerima: str = "{unit}"
    tmt_bawaan: str = "TANGGAL"
    ukuran_kertas: str = ""  # empty: the agency's (pengaturan ukuran_kertas, F4 when unset)

    @property
    def id(self) -> str:
        return template_id(self.kode)

    @property
    def kolektif(self) -> bool:
        return self.bentuk == "KOLEKTIF"

    @property
    def kenaikan_pangkat(self) -> bool:
        """An SK kenaikan pangkat (its TMT is a KP period): issued only from an eligible
        proposal with its pertek, which also writes the new rank (see
        :func:`app.jobs.dokumen.issue_sk_kp`), never as a free decree."""
        return self.tmt_bawaan == "PERIODE_KP"

    @property
    def tugas(self) -> bool:
        """A surat tugas or a list of people (one document for all of them, the people in
        ``lampiran_kolom``): see :func:`app.models.dokumen.rancangan.prepare`."""
        return self.bentuk == "TUGAS"

    @property
    def surat(self) -> bool:
        """A letter (surat dinas), not a Keputusan: see
        :func:`app.models.dokumen.rancangan.prepare` for which fields it uses."""
        return self.bentuk == "SURAT"


def template_id(kode: str) -> str:
    return natural_id("templat_dokumen", kode)


_LIST_FIELDS = (
    "menimbang",
    "mengingat",
    "memperhatikan",
    "tembusan",
    "lampiran_judul",
)
_TEXT_FIELDS = (
    "kode", "nama", "bentuk", "judul", "pejabat", "tentang", "menetapkan", "format_nomor", "kop",
    "gaya_diktum", "ttd_jabatan", "ttd_nama", "ttd_pangkat", "ttd_nip", "ttd_varian",
    "ttd_atas_nama", "sah_jabatan", "sah_nama", "sah_pangkat", "sah_nip", "alamat_penerima",
    "tmt_bawaan", "ukuran_kertas",
)  # fmt: skip

#: Titles of the template fields, for messages and the editor.
JUDUL_FIELD: dict[str, str] = {
    "nama": "Nama templat",
    "judul": "Judul",
    "pejabat": "Pejabat yang menetapkan",
    "tentang": "Tentang",
    "menimbang": "Menimbang",
    "mengingat": "Mengingat",
    "memperhatikan": "Memperhatikan",
    "menetapkan": "Menetapkan",
    "diktum": "Diktum",
    "tembusan": "Tembusan",
    "format_nomor": "Format nomor",
    "ttd_jabatan": "Jabatan penandatangan",
    "ttd_nama": "Nama penandatangan",
    "ttd_pangkat": "Pangkat penandatangan",
    "ttd_nip": "NIP penandatangan",
    "ttd_atas_nama": "Atas nama",
    "sah_jabatan": "Jabatan pengesah petikan/salinan",
    "sah_nama": "Nama pengesah",
    "sah_pangkat": "Pangkat pengesah",
    "sah_nip": "NIP pengesah",
    "lampiran_judul": "Judul lampiran",
    "lampiran_kolom": "Kolom lampiran",
    "alamat_penerima": "Alamat penerima petikan (surat: Yth. ...)",
}


def template_to_row(t: Templat) -> dict[str, str | int | float | None]:
    row: dict[str, str | int | float | None] = {"id": t.id}
    for name in _TEXT_FIELDS:
        row[name] = getattr(t, name)
    for name in _LIST_FIELDS:
        row[name] = json.dumps(list(getattr(t, name)), ensure_ascii=False)
    row["diktum"] = json.dumps(
        [
            {"teks": x.teks, "rincian": [list(r) for r in x.rincian], "penutup": x.penutup}
            for x in t.diktum
        ],
        ensure_ascii=False,
    )
    row["lampiran_kolom"] = json.dumps(
        [
            {"judul": k.judul, "isi": k.isi, "lebar": k.lebar, "grup": k.grup, "rata": k.rata}
            for k in t.lampiran_kolom
        ],
        ensure_ascii=False,
    )
    row["dengan_rahmat"] = int(t.dengan_rahmat)
    row["lampiran_mendatar"] = int(t.lampiran_mendatar)
    return row


def template_from_row(row: Mapping[str, Any]) -> Templat:
    values: dict[str, Any] = {name: row[name] or "" for name in _TEXT_FIELDS}
    for name in _LIST_FIELDS:
        values[name] = tuple(str(x) for x in json.loads(row[name] or "[]"))
    values["diktum"] = tuple(
        DiktumTemplat(
            str(x.get("teks", "")),
            tuple((str(a), str(b)) for a, b in x.get("rincian", [])),
            str(x.get("penutup", "")),
        )
        for x in json.loads(row["diktum"] or "[]")
    )
    values["lampiran_kolom"] = tuple(
        KolomLampiran(
            str(k.get("judul", "")),
            str(k.get("isi", "")),
            float(k.get("lebar", 1.0)),
            str(k.get("grup", "")),
            k.get("rata", "LEFT") if k.get("rata") in ("LEFT", "CENTER", "RIGHT") else "LEFT",
        )
        for k in json.loads(row["lampiran_kolom"] or "[]")
    )
    values["dengan_rahmat"] = bool(row["dengan_rahmat"])
    values["lampiran_mendatar"] = bool(row["lampiran_mendatar"])
    return Templat(**values)


def check_template(t: Templat) -> list[Masalah]:
    """Every problem of a template (empty list: it can be saved)."""
    out: list[Masalah] = []
    kol = t.kolektif or t.tugas

    def need(name: str, value: str) -> None:
        if not value.strip():
            out.append(Masalah(name, tr("{field} wajib diisi.", field=tr(JUDUL_FIELD[name]))))

    if not re.fullmatch(r"[A-Z][A-Z0-9_]{1,29}", t.kode):
        out.append(
            Masalah(
                "kode", tr("Kode templat hanya huruf kapital, angka dan garis bawah, mis. SK_KP.")
            )
        )
    if t.bentuk not in BENTUK:
        out.append(Masalah("bentuk", tr("Bentuk harus PERORANGAN, KOLEKTIF, SURAT atau TUGAS.")))
    if t.kop not in KOP:
        out.append(Masalah("kop", tr("Kop harus KEPALA_DAERAH atau INSTANSI.")))
    if t.tmt_bawaan not in TMT_BAWAAN:
        out.append(Masalah("tmt_bawaan", tr("TMT bawaan harus TANGGAL, PERIODE_KP atau KGB.")))
    if t.ttd_varian not in VARIAN:
        out.append(
            Masalah("ttd_varian", tr("Varian penandatangan harus kosong, a.n., Plt. atau Plh."))
        )
    if t.gaya_diktum not in ("KESATU", "PERTAMA"):
        out.append(Masalah("gaya_diktum", tr("Gaya diktum harus KESATU atau PERTAMA.")))
    if t.ukuran_kertas and t.ukuran_kertas not in UKURAN_KERTAS:
        out.append(
            Masalah("ukuran_kertas", tr("Ukuran kertas harus F4, A4 atau kosong (ikut instansi)."))
        )
    for name in ("ttd_nip", "sah_nip"):
        value = getattr(t, name).strip()
        if value:
            found = check_nip(value)
            if not found.valid:
                out.append(
                    Masalah(
                        name,
                        tr(
                            "{field}: NIP {nip} tidak sah: {alasan}",
                            field=tr(JUDUL_FIELD[name]),
                            nip=found.nip,
                            alasan=found.kesalahan[0],
                        ),
                    )
                )
    for name in ("nama", "pejabat", "tentang", "format_nomor"):
        need(name, getattr(t, name))
    if not t.diktum:
        out.append(Masalah("diktum", tr("Diktum wajib diisi (sedikitnya satu).")))
    fmt = t.format_nomor
    out += check_text(fmt, tr(JUDUL_FIELD["format_nomor"]), FORMAT_NOMOR)
    if "nomor" not in placeholders_in(fmt):
        out.append(Masalah("format_nomor", tr("Format nomor harus memuat {nomor}.")))
    else:
        try:
            format_nomor(fmt, 1, date(2026, 1, 1))
        except (ValueError, KeyError, IndexError):
            out.append(Masalah("format_nomor", tr("Format nomor tidak dapat dipakai: {f}", f=fmt)))
    for name in ("judul", "pejabat", "tentang", "menetapkan", "ttd_jabatan", "ttd_atas_nama",
                 "sah_jabatan"):  # fmt: skip
        out += check_text(getattr(t, name), tr(JUDUL_FIELD.get(name, name)), kolektif=kol)
    out += check_text(t.alamat_penerima, tr(JUDUL_FIELD["alamat_penerima"]))
    for name in ("menimbang", "mengingat", "memperhatikan", "tembusan", "lampiran_judul"):
        for i, text in enumerate(getattr(t, name), 1):
            label = tr("{field} butir {n}", field=tr(JUDUL_FIELD[name]), n=i)
            out += check_text(text, label, kolektif=kol)
    for i, x in enumerate(t.diktum, 1):
        label = tr("Diktum {n}", n=i)
        out += check_text(x.teks, label, kolektif=kol)
        out += check_text(x.penutup, label, kolektif=kol)
        for key, value in x.rincian:
            out += check_text(key + value, tr("{d} rincian {k}", d=label, k=key), kolektif=kol)
    for i, k in enumerate(t.lampiran_kolom, 1):
        out += check_text(k.isi, tr("Kolom lampiran {n} ({j})", n=i, j=k.judul))
    if kol and not t.lampiran_kolom:
        out.append(Masalah("lampiran_kolom", tr("Templat kolektif memerlukan kolom lampiran.")))
    return out


def lines_to_list(text: str) -> tuple[str, ...]:
    """Editor text -> list items: one item per non-empty line."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def diktum_to_text(items: Sequence[DiktumTemplat]) -> str:
    """Dictums as the editor shows them: blocks separated by a blank line; in a block the first
    line is the text, lines ``- Label: isi`` are the rincian, a line after them the closing."""
    blocks = []
    for x in items:
        lines = [x.teks, *(f"- {k}: {v}" for k, v in x.rincian)]
        if x.penutup:
            lines.append(x.penutup)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def text_to_diktum(text: str) -> tuple[DiktumTemplat, ...]:
    """The inverse of :func:`diktum_to_text`."""
    out: list[DiktumTemplat] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        teks = lines[0]
        rincian: list[tuple[str, str]] = []
        penutup: list[str] = []
        for line in lines[1:]:
            if line.startswith("- ") and ":" in line and not penutup:
                key, _, value = line[2:].partition(":")
                rincian.append((key.strip(), value.strip()))
            else:
                penutup.append(line)
        out.append(DiktumTemplat(teks, tuple(rincian), " ".join(penutup)))
    return tuple(out)


def list_templates(conn: sqlite3.Connection) -> list[Templat]:
    rows = conn.execute("SELECT * FROM templat_dokumen WHERE deleted = 0 ORDER BY kode")
    return [template_from_row(r) for r in rows]


def get_template(conn: sqlite3.Connection, kode: str) -> Templat:
    row = conn.execute(
        "SELECT * FROM templat_dokumen WHERE kode = ? AND deleted = 0", (kode.strip().upper(),)
    ).fetchone()
    if row is None:
        known = ", ".join(t.kode for t in list_templates(conn)) or "-"
        raise NotFoundError(
            tr(
                "Templat dokumen {kode} tidak ada. Templat yang ada: {daftar}.",
                kode=kode,
                daftar=known,
            )
        )
    return template_from_row(row)


def save_template(db: Database, t: Templat, *, actor: str = "sistem") -> None:
    """Check and store a template through the write path (it replicates)."""
    problems = check_template(t)
    if problems:
        raise ValidationError(
            tr("Templat {kode} belum dapat disimpan:", kode=t.kode)
            + "\n"
            + "\n".join(f"- {p.message}" for p in problems),
            field=problems[0].field,
            reasons=[p.message for p in problems],
        )
    row = template_to_row(t)
    conn = db.conn
    with Store(db).write(tr("Mengubah templat dokumen {kode}", kode=t.kode), actor=actor) as tx:
        if conn.execute("SELECT 1 FROM templat_dokumen WHERE id = ?", (t.id,)).fetchone():
            tx.update(
                "templat_dokumen",
                t.id,
                {k: v for k, v in row.items() if k != "id"} | {"deleted": 0},
            )
        else:
            tx.insert("templat_dokumen", row)


def needed_inputs(t: Templat) -> list[str]:
    """The :data:`~app.models.dokumen.isian.ISIAN` placeholders a template uses that have no
    default (to ask for)."""
    used: set[str] = set()
    row = template_to_row(t)
    for value in row.values():
        if isinstance(value, str):
            used.update(placeholders_in(value))
    if "gaji_pokok_terbilang" in used:
        used.add("gaji_pokok")
    return [k for k in ISIAN_WAJIB if k in used]
