"""Official documents (SK decrees): templates, filling, numbering register, issue and verification.

* **Templates** (``templat_dokumen``, replicated) hold the fixed texts of a kind of decree with
  placeholders such as ``{nama_lengkap}`` or ``{golongan_baru}`` (:data:`PLACEHOLDER`). The four
  default templates are seeded through the write path by :func:`seed_templates`; their legal
  citations are editable data, not code (asn-rules 11.2: regions differ).
* **Filling** takes the employee's record (:func:`app.models.pegawai.read.get_employee`) plus the
  values the records cannot know (the new gaji pokok, the new position: :data:`ISIAN`) and builds
  :class:`app.reports.pdf.decree.Decree` objects. An unknown placeholder, or one with no value, is a
  :class:`ValidationError` that names the template field, the placeholder and the NIP.
* **Numbering** (``register_dokumen``): numbers run per template per year, 1, 2, 3 ... without
  gaps or duplicates. The number is allocated (max + 1) inside the same ``Store.write``
  transaction that writes the register row; the PDFs are rendered before that transaction and
  the allocation is re-checked inside it (if another writer took the numbers meanwhile, the batch
  is rendered again). A cancelled or failed batch consumes no number. Only the installation named
  in the agency setting ``instalasi_penomoran`` may number (the first installation that issues
  takes the role); see :func:`numbering_installation`.
* **Verification**: each issued PDF gets a code (``app/reports/pdf/verification.py``) made with the
  agency secret ``kunci_verifikasi`` (a replicated setting created by the numbering
  installation), and every file's digests are stored in ``naskah_dokumen`` (replicated), so any
  installation of the agency verifies a file or a code offline.

No Qt here; rendering is done by :mod:`app.reports.pdf.decree`, which runs no SQL.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from app.i18n import angka, tanggal, tr
from app.models.errors import Cancelled, NotFoundError, ValidationError
from app.models.pegawai.read import EmployeeRecord, get_employee
from app.models.reference.loader import Referensi, natural_id
from app.models.rekap.kp import periode_kp_berikutnya
from app.models.rules import derivations as d
from app.models.rules.kp import TAHUN_KGB, add_years, kgb_berikutnya
from app.models.storage.db import Database, utc_now
from app.models.storage.instansi import get_setting
from app.models.storage.store import Store
from app.reports.pdf import decree as eng
from app.reports.pdf import letter as surat
from app.reports.pdf import verification as ver

Kind = Literal["asli", "salinan", "petikan"]
KINDS: tuple[Kind, ...] = ("asli", "salinan", "petikan")
BENTUK = ("PERORANGAN", "KOLEKTIF", "SURAT")  # SURAT: one letter (surat dinas) per person
KOP = ("KEPALA_DAERAH", "INSTANSI")
TMT_BAWAAN = ("TANGGAL", "PERIODE_KP", "KGB")
VARIAN = ("", "a.n.", "Plt.", "Plh.")
STATUS_TERBIT = "TERBIT"
STATUS_BATAL = "BATAL"

# Agency settings (replicated, table pengaturan) used here.
SETTING_PENOMORAN = "instalasi_penomoran"  # node id of the one installation that numbers
SETTING_KUNCI = "kunci_verifikasi"  # hex secret of the verification codes
SETTING_ALAMAT = "alamat_instansi"  # letterhead address line(s), "\n" between lines
SETTING_LOGO = "logo"  # path of the regional logo image (PNG/JPG)

# -- placeholders ---------------------------------------------------------------------------------

#: Placeholders about the decree as a whole (usable in every field).
PLACEHOLDER_NASKAH: dict[str, str] = {
    "kepala_daerah": "Jabatan kepala daerah dalam huruf kapital, mis. BUPATI SIKKA",
    "sebutan_kepala_daerah": "Sebutan kepala daerah: Bupati, Wali Kota atau Gubernur",
    "daerah": "Nama daerah, mis. Kabupaten Sikka",
    "nama_pemerintah": "Nama pemerintah daerah (pengaturan instansi)",
    "nama_instansi": "Nama instansi (pengaturan instansi)",
    "kepala_instansi": "KEPALA <NAMA INSTANSI> dalam huruf kapital",
    "ibu_kota": "Tempat penetapan (pengaturan instansi)",
    "tahun": "Tahun penetapan",
    "tanggal_penetapan": "Tanggal penetapan, mis. 22 November 2026",
    "jumlah_pegawai": "Jumlah pegawai dalam keputusan",
}
#: Placeholders about one person, from the records.
PLACEHOLDER_PEGAWAI: dict[str, str] = {
    "no": "Nomor urut pegawai dalam keputusan (lampiran)",
    "nama_lengkap": "Nama lengkap dengan gelar",
    "nama": "Nama tanpa gelar",
    "nip": "NIP",
    "tempat_lahir": "Tempat lahir",
    "tanggal_lahir": "Tanggal lahir",
    "tempat_tanggal_lahir": "Tempat, tanggal lahir",
    "pangkat": "Pangkat sekarang, mis. Penata",
    "golongan": "Golongan ruang sekarang, mis. III/c",
    "pangkat_golongan": "Pangkat dan golongan sekarang, mis. Penata (III/c)",
    "tmt_golongan": "TMT golongan sekarang",
    "jabatan": "Jabatan sekarang",
    "unit": "Unit kerja sekarang",
    "opd": "Perangkat daerah sekarang",
    "pendidikan": "Pendidikan tertinggi",
    "tmt": "Terhitung mulai tanggal keputusan ini bagi pegawai",
    "masa_kerja": "Masa kerja golongan pada TMT, mis. 16 tahun 0 bulan",
    "pangkat_baru": "Pangkat baru",
    "golongan_baru": "Golongan ruang baru",
    "pangkat_golongan_baru": "Pangkat dan golongan baru, mis. Penata Tingkat I (III/d)",
    "gaji_pokok_lama": "Gaji pokok lama (KGB terakhir), mis. Rp3.287.100,00",
    "gaji_pokok": "Gaji pokok baru, mis. Rp4.699.300,00",
    "gaji_pokok_terbilang": "Gaji pokok baru dalam huruf",
    "sk_lama_pejabat": "Pejabat yang menetapkan SK gaji/pangkat terakhir",
    "sk_lama_nomor": "Nomor SK gaji/pangkat terakhir (KGB atau KP terakhir)",
    "sk_lama_tanggal": "Tanggal SK gaji/pangkat terakhir",
    "tmt_gaji_lama": "Tanggal mulai berlakunya gaji lama (TMT KGB/KP terakhir)",
    "masa_kerja_lama": "Masa kerja golongan pada TMT gaji lama",
    "kgb_berikutnya": "Tanggal kenaikan gaji berkala berikutnya (TMT + 2 tahun)",
    "jabatan_baru": "Jabatan baru",
    "unit_baru": "Unit kerja baru",
}
PLACEHOLDER: dict[str, str] = PLACEHOLDER_NASKAH | PLACEHOLDER_PEGAWAI

#: Values the records cannot supply: the clerk types them (per person or for everyone).
#: ``tmt`` and ``golongan_baru`` have defaults (see the template's ``tmt_bawaan``).
ISIAN: dict[str, str] = {
    "tmt": "TMT (TTTT-BB-HH)",
    "golongan_baru": "Golongan baru (mis. III/d)",
    "gaji_pokok": "Gaji pokok baru (rupiah)",
    "gaji_pokok_lama": "Gaji pokok lama (rupiah)",
    "jabatan_baru": "Jabatan baru",
    "unit_baru": "Unit kerja baru",
    "sk_lama_pejabat": "Pejabat penetap SK gaji terakhir",
}
_ISIAN_WAJIB = ("gaji_pokok", "gaji_pokok_lama", "jabatan_baru", "unit_baru", "sk_lama_pejabat")

#: Fields of a number format.
FORMAT_NOMOR: dict[str, str] = {
    "nomor": "Nomor urut (mis. {nomor:03d} untuk 001)",
    "tahun": "Tahun",
    "bulan": "Bulan (angka)",
    "bulan_romawi": "Bulan (angka Romawi)",
}

_PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")
_ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass(frozen=True)
class Masalah:
    """One problem of a template: which field, which placeholder, why."""

    field: str
    message: str
    placeholder: str = ""


def placeholders_in(text: str) -> list[str]:
    """Placeholder names in a text, in order (``{nomor:03d}`` gives ``nomor``)."""
    return [m.group(1).split(":")[0].split("!")[0].strip() for m in _PLACEHOLDER_RE.finditer(text)]


def check_text(
    text: str, field: str, allowed: Iterable[str] = PLACEHOLDER, *, kolektif: bool = False
) -> list[Masalah]:
    """Problems of one template text: unknown placeholders, stray braces, and (in a collective
    template) person placeholders outside the lampiran."""
    allowed_set = set(allowed)
    out: list[Masalah] = []
    for name in placeholders_in(text):
        if name not in allowed_set:
            out.append(
                Masalah(
                    field,
                    tr(
                        "{field}: isian {{{ph}}} tidak dikenal. Isian yang dikenal: {daftar}.",
                        field=field,
                        ph=name,
                        daftar=", ".join("{" + k + "}" for k in sorted(allowed_set)),
                    ),
                    name,
                )
            )
        elif kolektif and name in PLACEHOLDER_PEGAWAI:
            out.append(
                Masalah(
                    field,
                    tr(
                        "{field}: isian {{{ph}}} adalah data per pegawai; pada templat kolektif "
                        "pakailah di kolom lampiran.",
                        field=field,
                        ph=name,
                    ),
                    name,
                )
            )
    rest = _PLACEHOLDER_RE.sub("", text)
    if "{" in rest or "}" in rest:
        out.append(
            Masalah(
                field,
                tr("{field}: tanda kurung kurawal {{ atau }} tidak berpasangan.", field=field),
            )
        )
    return out


# -- templates ------------------------------------------------------------------------------------


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
    ukuran_kertas: str = "F4"

    @property
    def id(self) -> str:
        return template_id(self.kode)

    @property
    def kolektif(self) -> bool:
        return self.bentuk == "KOLEKTIF"

    @property
    def surat(self) -> bool:
        """A letter (surat dinas), not a Keputusan: see :func:`_letter_builder` for which
        fields it uses."""
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
    kol = t.kolektif

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
        out.append(Masalah("bentuk", tr("Bentuk harus PERORANGAN, KOLEKTIF atau SURAT.")))
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
    if t.ukuran_kertas not in eng.PAGE_SIZES:
        out.append(Masalah("ukuran_kertas", tr("Ukuran kertas harus F4 atau A4.")))
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


def _to_text(items: Sequence[str]) -> str:
    return "\n".join(items)


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


def seed_templates(db: Database, *, actor: str = "sistem") -> int:
    """Add the default templates that are missing (idempotent). Returns how many were added.

    Ids derive from the codes, so installations that seed independently meet as one row.
    """
    from app.models.dokumen.templat_bawaan import DEFAULT_TEMPLATES

    conn = db.conn
    have = {r[0] for r in conn.execute("SELECT kode FROM templat_dokumen")}
    missing = [t for t in DEFAULT_TEMPLATES if t.kode not in have]
    if not missing:
        return 0
    with Store(db).write(tr("Menyiapkan templat dokumen bawaan"), actor=actor) as tx:
        for t in missing:
            tx.insert("templat_dokumen", template_to_row(t))
    return len(missing)


# -- numbers, money, words ------------------------------------------------------------------------


def format_nomor(fmt: str, nomor: int, on: date) -> str:
    """Format a decree number: ``.../{nomor}/BKPSDM/{tahun}`` -> ``.../7/BKPSDM/2026``."""
    return fmt.format(
        nomor=nomor, tahun=on.year, bulan=on.month, bulan_romawi=_ROMAWI[on.month - 1]
    )


def preview_nomor(fmt: str, on: date) -> str:
    """The number as a preview shows it (not yet allocated): ``800.1.3.2/…/BKPSDM/2026``."""
    text = re.sub(r"\{nomor(:[^}]*)?\}", "\u2026", fmt)
    return text.format(tahun=on.year, bulan=on.month, bulan_romawi=_ROMAWI[on.month - 1])


_SATUAN = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
           "sepuluh", "sebelas")  # fmt: skip


def terbilang(n: int) -> str:
    """A whole number in Indonesian words: 4699300 -> ``empat juta enam ratus ...``."""
    if n < 0:
        return "minus " + terbilang(-n)
    if n < 12:
        return _SATUAN[n] if n else "nol"
    if n < 20:
        return f"{_SATUAN[n - 10]} belas"
    if n < 100:
        tens, unit = divmod(n, 10)
        return f"{_SATUAN[tens]} puluh" + (f" {_SATUAN[unit]}" if unit else "")
    if n < 200:
        return "seratus" + (f" {terbilang(n - 100)}" if n > 100 else "")
    if n < 1000:
        h, rest = divmod(n, 100)
        return f"{_SATUAN[h]} ratus" + (f" {terbilang(rest)}" if rest else "")
    if n < 2000:
        return "seribu" + (f" {terbilang(n - 1000)}" if n > 1000 else "")
    for size, word in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (1000, "ribu")):
        if n >= size:
            head, rest = divmod(n, size)
            return f"{terbilang(head)} {word}" + (f" {terbilang(rest)}" if rest else "")
    raise AssertionError(n)


def rupiah(n: int) -> str:
    """``Rp4.699.300,00`` (asn-rules 11.6)."""
    return f"Rp{angka(n)},00"


def _parse_rupiah(text: str, label: str, nip: str) -> int:
    digits = re.sub(r"[^\d,]", "", text).split(",")[0]
    if not digits:
        raise ValidationError(
            tr("NIP {nip}: {label} '{text}' bukan jumlah rupiah.", nip=nip, label=label, text=text),
            field=label,
        )
    return int(digits)


# -- agency facts ----------------------------------------------------------------------------


def _kepala_daerah(nama_pemerintah: str) -> tuple[str, str, str]:
    """(title in capitals, title as a word, region) from 'Pemerintah Kabupaten Sikka'."""
    text = re.sub(r"(?i)^pemerintah\s+", "", nama_pemerintah.strip())
    for prefix, sebutan in (
        ("kabupaten", "Bupati"),
        ("kota", "Wali Kota"),
        ("provinsi", "Gubernur"),
    ):
        if text.lower().startswith(prefix + " "):
            name = text[len(prefix) + 1 :].strip()
            return f"{sebutan.upper()} {name.upper()}", sebutan, text
    return text.upper(), tr("Kepala Daerah"), text


def naskah_values(conn: sqlite3.Connection, on: date, jumlah: int) -> dict[str, str]:
    """Decree-level placeholder values from the agency settings."""
    pemerintah = get_setting(conn, "nama_pemerintah") or ""
    instansi = get_setting(conn, "nama_instansi") or ""
    kepala, sebutan, daerah = _kepala_daerah(pemerintah) if pemerintah else ("", "", "")
    return {
        "kepala_daerah": kepala,
        "sebutan_kepala_daerah": sebutan,
        "daerah": daerah,
        "nama_pemerintah": pemerintah,
        "nama_instansi": instansi,
        "kepala_instansi": f"KEPALA {instansi.upper()}" if instansi else "",
        "ibu_kota": get_setting(conn, "ibu_kota") or "",
        "tahun": str(on.year),
        "tanggal_penetapan": tanggal(on),
        "jumlah_pegawai": str(jumlah),
    }


def letterhead(conn: sqlite3.Connection, t: Templat, values: Mapping[str, str]) -> eng.Letterhead:
    """The kop: the kepala daerah's (emblem above the title) or the agency's (logo, names,
    address) from the agency settings."""
    from app.paths import resources_dir

    logo_setting = get_setting(conn, SETTING_LOGO)
    logo = Path(logo_setting) if logo_setting and Path(logo_setting).is_file() else None
    logo = logo or resources_dir() / "logo-placeholder.png"
    if t.kop == "KEPALA_DAERAH":
        return eng.Letterhead(
            heading=(values["kepala_daerah"] or _fill(t.pejabat, values, "pejabat"),),
            logo=logo,
            logo_above=True,
            rule=False,
            emphasis=0,
        )
    alamat = get_setting(conn, SETTING_ALAMAT) or ""
    heading = tuple(
        x for x in (values["nama_pemerintah"].upper(), values["nama_instansi"].upper()) if x
    )
    return eng.Letterhead(
        heading=heading or (values["kepala_instansi"],),
        address=tuple(line for line in alamat.splitlines() if line.strip()),
        logo=logo,
    )


# -- filling ---------------------------------------------------------------------------------


def _fill(text: str, values: Mapping[str, str | None], field: str, nip: str = "") -> str:
    def sub(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if name not in PLACEHOLDER:
            raise ValidationError(
                tr("{field}: isian {{{ph}}} tidak dikenal.", field=field, ph=name), field=field
            )
        value = values.get(name)
        if value is None:
            who = tr("NIP {nip}: ", nip=nip) if nip else ""
            hint = (
                tr(" Isi nilai '{ph}' untuk pegawai ini.", ph=name)
                if name in ISIAN
                else tr(" Data ini belum tercatat; lengkapi data pegawai.")
            )
            raise ValidationError(
                who + tr("{field}: nilai untuk {{{ph}}} belum ada.", field=field, ph=name) + hint,
                field=name,
            )
        return value

    return _PLACEHOLDER_RE.sub(sub, text)


@dataclass(frozen=True)
class Permintaan:
    """What to issue: a template, the people (in order), the date and kind, and the values the
    records cannot supply (``nilai`` for everyone, ``nilai_pegawai`` per NIP; keys of
    :data:`ISIAN`, or any placeholder to override)."""

    templat: str
    nips: tuple[str, ...]
    tanggal: date
    jenis: Kind = "petikan"
    nilai: Mapping[str, str] = field(default_factory=dict)
    nilai_pegawai: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


def needed_inputs(t: Templat) -> list[str]:
    """The :data:`ISIAN` placeholders a template uses that have no default (to ask for)."""
    used: set[str] = set()
    row = template_to_row(t)
    for value in row.values():
        if isinstance(value, str):
            used.update(placeholders_in(value))
    if "gaji_pokok_terbilang" in used:
        used.add("gaji_pokok")
    return [k for k in _ISIAN_WAJIB if k in used]


def default_tmt(conn: sqlite3.Connection, t: Templat, on: date, record: EmployeeRecord) -> date:
    """TMT when none is given: the KP period on or after the decree's month (PERIODE_KP), the
    next KGB step on or after the decree date (KGB), or the decree date."""
    if t.tmt_bawaan == "PERIODE_KP":
        return periode_kp_berikutnya(conn, on.replace(day=1) - timedelta(days=1))
    if t.tmt_bawaan == "KGB":
        base = _mk_base(record)
        if base is not None:
            return kgb_berikutnya(base[0], on)[0]
    return on


def _mk_base(record: EmployeeRecord) -> tuple[date, int] | None:
    """(TMT, MK in months) of the latest KGB or pangkat record, the base of masa kerja."""
    row = _sk_terakhir(record)
    if row is None:
        return None
    mk = int(row.get("mk_tahun") or 0) * 12 + int(row.get("mk_bulan") or 0)
    return date.fromisoformat(row["tmt"]), mk


def _sk_terakhir(record: EmployeeRecord) -> dict[str, Any] | None:
    """The latest KGB or pangkat record (by TMT): the last decree on the gaji pokok."""
    best: dict[str, Any] | None = None
    for name in ("kgb", "pangkat"):
        for row in record.riwayat.get(name, []):
            if not row.get("tmt"):
                continue
            if best is None or date.fromisoformat(row["tmt"]) > date.fromisoformat(best["tmt"]):
                best = row
    return best


def _date_value(text: str, label: str, nip: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            tr(
                "NIP {nip}: {label} '{text}' bukan tanggal TTTT-BB-HH.",
                nip=nip,
                label=label,
                text=text,
            ),
            field=label,
        ) from None


def person_values(
    conn: sqlite3.Connection,
    ref: Referensi,
    t: Templat,
    record: EmployeeRecord,
    on: date,
    given: Mapping[str, str],
    no: int,
) -> dict[str, str | None]:
    """Every person placeholder's value (None: not known, to be given by the clerk)."""
    data = record.data
    nip = str(data["nip"])
    unknown = [k for k in given if k not in PLACEHOLDER]
    if unknown:
        raise ValidationError(
            tr(
                "NIP {nip}: nilai {names} tidak dikenal.", nip=nip, names=", ".join(sorted(unknown))
            ),
            field=unknown[0],
        )
    tmt = (
        _date_value(given["tmt"], "tmt", nip)
        if given.get("tmt")
        else default_tmt(conn, t, on, record)
    )
    gol = data.get("golongan")
    if given.get("golongan_baru"):
        gol_baru: str | None = given["golongan_baru"].strip()
        if gol_baru not in ref.golongan:
            raise ValidationError(
                tr("NIP {nip}: golongan baru '{g}' tidak dikenal.", nip=nip, g=gol_baru),
                field="golongan_baru",
            )
    elif t.tmt_bawaan == "PERIODE_KP" and gol:
        order = sorted(
            (
                k
                for k, r in ref.golongan.items()
                if r["jenis_asn"] == ref.golongan[gol]["jenis_asn"]
            ),
            key=lambda k: int(ref.golongan[k]["urutan"]),
        )
        i = order.index(gol)
        gol_baru = order[i + 1] if i + 1 < len(order) else None
    else:
        gol_baru = gol
    base = _mk_base(record)
    masa_kerja = None
    if base is not None:
        y, m = d.masa_kerja(base[0], tmt, tambah_bulan=base[1])
        masa_kerja = tr("{t} tahun {b} bulan", t=y, b=m)
    gaji = (
        _parse_rupiah(given["gaji_pokok"], "gaji_pokok", nip) if given.get("gaji_pokok") else None
    )
    lama: int | None = None
    if given.get("gaji_pokok_lama"):
        lama = _parse_rupiah(given["gaji_pokok_lama"], "gaji_pokok_lama", nip)
    else:
        kgb = [r for r in record.riwayat.get("kgb", []) if r.get("gaji_pokok")]
        lama = int(kgb[0]["gaji_pokok"]) if kgb else None
    tempat = data.get("tempat_lahir") or ""
    lahir = tanggal(data.get("tanggal_lahir"))
    pangkat_baru = ref.golongan.get(gol_baru or "", {}).get("pangkat") if gol_baru else None
    sk = _sk_terakhir(record) or {}
    values: dict[str, str | None] = {
        "no": str(no),
        "nama_lengkap": data["nama_lengkap"],
        "nama": data["nama"],
        "nip": nip,
        "tempat_lahir": tempat or None,
        "tanggal_lahir": lahir,
        "tempat_tanggal_lahir": f"{tempat}, {lahir}" if tempat else lahir,
        "pangkat": data.get("pangkat"),
        "golongan": gol,
        "pangkat_golongan": ref.golongan_label(gol) if gol else None,
        "tmt_golongan": tanggal(data["tmt_golongan"]) if data.get("tmt_golongan") else None,
        "jabatan": data.get("jabatan"),
        "unit": data.get("unit"),
        "opd": data.get("opd"),
        "pendidikan": ref.label("ref_pendidikan", data.get("pendidikan")) or None,
        "tmt": tanggal(tmt),
        "masa_kerja": masa_kerja,
        "pangkat_baru": pangkat_baru,
        "golongan_baru": gol_baru,
        "pangkat_golongan_baru": ref.golongan_label(gol_baru) if gol_baru else None,
        "gaji_pokok_lama": rupiah(lama) if lama is not None else None,
        "gaji_pokok": rupiah(gaji) if gaji is not None else None,
        "gaji_pokok_terbilang": f"{terbilang(gaji)} rupiah" if gaji is not None else None,
        "jabatan_baru": given.get("jabatan_baru") or None,
        "unit_baru": given.get("unit_baru") or None,
        "sk_lama_pejabat": None,  # not recorded: the clerk gives it
        "sk_lama_nomor": sk.get("nomor_sk") or None,
        "sk_lama_tanggal": tanggal(sk["tanggal_sk"]) if sk.get("tanggal_sk") else None,
        "tmt_gaji_lama": tanggal(sk["tmt"]) if sk.get("tmt") else None,
        "masa_kerja_lama": (
            tr("{t} tahun {b} bulan", t=int(sk["mk_tahun"]), b=int(sk.get("mk_bulan") or 0))
            if sk.get("mk_tahun") is not None
            else None
        ),
        "kgb_berikutnya": tanggal(add_years(tmt, TAHUN_KGB)),
    }
    for key, value in given.items():  # explicit values override what the records say
        if key not in ("tmt", "golongan_baru", "gaji_pokok", "gaji_pokok_lama") and value:
            values[key] = value
    return values


@dataclass(frozen=True)
class Rancangan:
    """Filled decrees, not yet numbered: ``build(nomor)`` gives the decree for a number."""

    templat: Templat
    tanggal: date
    decrees: tuple[Callable[[str], eng.Document], ...]  # a letter for a SURAT template
    penerima: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (nips, names) per decree


def _signatory(t: Templat, values: Mapping[str, str | None], prefix: str) -> eng.Signatory | None:
    nama = getattr(t, f"{prefix}_nama").strip()
    if not nama:
        return None
    varian = t.ttd_varian if prefix == "ttd" else ""
    return eng.Signatory(
        jabatan=_fill(
            getattr(t, f"{prefix}_jabatan"), values, tr(JUDUL_FIELD[f"{prefix}_jabatan"])
        ),
        nama=nama,
        pangkat=getattr(t, f"{prefix}_pangkat").strip(),
        nip=getattr(t, f"{prefix}_nip").strip(),
        varian=varian,  # type: ignore[arg-type]
        atas_nama=_fill(t.ttd_atas_nama, values, tr(JUDUL_FIELD["ttd_atas_nama"]))
        if varian == "a.n."
        else "",
    )


def prepare(db: Database, req: Permintaan, *, today: date | None = None) -> Rancangan:
    """Fill the template for the people of a request (no number yet). Refuses, naming the
    field, placeholder and NIP, anything that cannot be filled."""
    conn = db.conn
    t = get_template(conn, req.templat)
    problems = check_template(t)
    if problems:
        raise ValidationError(
            tr("Templat {kode} perlu diperbaiki dulu:", kode=t.kode)
            + "\n"
            + "\n".join(f"- {p.message}" for p in problems),
            field=problems[0].field,
            reasons=[p.message for p in problems],
        )
    if req.jenis not in KINDS:
        raise ValidationError(tr("Jenis naskah harus asli, salinan atau petikan."), field="jenis")
    nips = [n.strip() for n in req.nips if n.strip()]
    if not nips:
        raise ValidationError(tr("Pilih sedikitnya satu pegawai."), field="pegawai")
    if len(set(nips)) != len(nips):
        dup = sorted({n for n in nips if nips.count(n) > 1})
        raise ValidationError(
            tr("NIP {nip} dipilih lebih dari sekali.", nip=", ".join(dup)), field="pegawai"
        )
    if not t.ttd_nama.strip():
        raise ValidationError(
            tr(
                "Templat {kode}: nama penandatangan belum diisi. Isi di Dokumen SK > Templat.",
                kode=t.kode,
            ),
            field="ttd_nama",
        )
    if req.jenis != "asli" and not t.surat and not t.sah_nama.strip():
        raise ValidationError(
            tr(
                "Templat {kode}: nama pejabat yang mengesahkan petikan/salinan belum diisi. "
                "Isi di Dokumen SK > Templat.",
                kode=t.kode,
            ),
            field="sah_nama",
        )
    ref = Referensi.load(conn)
    on = req.tanggal
    base = naskah_values(conn, on, len(nips))
    people: list[tuple[EmployeeRecord, dict[str, str | None]]] = []
    for no, nip in enumerate(nips, 1):
        record = get_employee(conn, nip, today=today or on, ref=ref)
        given = {
            **req.nilai,
            **req.nilai_pegawai.get(nip, {}),
            **req.nilai_pegawai.get(record.data["nip"], {}),
        }
        people.append((record, person_values(conn, ref, t, record, on, given, no)))
    kop = letterhead(conn, t, base)
    if t.kolektif:
        groups = [people]
    else:
        groups = [[p] for p in people]
    builders: list[Callable[[str], eng.Document]] = []
    penerima: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for group in groups:
        values: dict[str, str | None] = dict(base)
        nip1 = ""
        if not t.kolektif:
            values.update(group[0][1])
            nip1 = str(group[0][0].data["nip"])
        if t.surat:
            builders.append(_letter_builder(t, values, group, kop, on, nip1))
        else:
            builders.append(_builder(t, values, group, kop, on, nip1))
        penerima.append(
            (
                tuple(str(r.data["nip"]) for r, _ in group),
                tuple(str(r.data["nama_lengkap"]) for r, _ in group),
            )
        )
    return Rancangan(t, on, tuple(builders), tuple(penerima))


def _builder(
    t: Templat,
    values: dict[str, str | None],
    group: list[tuple[EmployeeRecord, dict[str, str | None]]],
    kop: eng.Letterhead,
    on: date,
    nip: str,
) -> Callable[[str], eng.Decree]:
    """Fill every field now (errors surface before any number is taken); the number later."""

    def f(text: str, field: str) -> str:
        return _fill(text, values, field, nip)

    def fl(items: Sequence[str], name: str) -> tuple[str, ...]:
        return tuple(
            f(x, tr("{field} butir {n}", field=tr(JUDUL_FIELD[name]), n=i))
            for i, x in enumerate(items, 1)
        )

    diktum = tuple(
        eng.Dictum(
            text=f(x.teks, tr("Diktum {n}", n=i)),
            rincian=tuple((k, f(v, tr("Diktum {n} rincian {k}", n=i, k=k))) for k, v in x.rincian),
            penutup=f(x.penutup, tr("Diktum {n}", n=i)),
        )
        for i, x in enumerate(t.diktum, 1)
    )
    lampiran = None
    if t.kolektif:
        rows = []
        for record, pv in group:
            pnip = str(record.data["nip"])
            merged = {**values, **pv}
            rows.append(
                eng.LampiranRow(
                    tuple(
                        _fill(k.isi, merged, tr("Kolom lampiran {j}", j=k.judul), pnip)
                        for k in t.lampiran_kolom
                    ),
                    nip=pnip,
                )
            )
        lampiran = eng.Lampiran(
            columns=tuple(eng.Column(k.judul, k.lebar, k.grup, k.rata) for k in t.lampiran_kolom),
            rows=tuple(rows),
            title=fl(t.lampiran_judul, "lampiran_judul"),
            landscape=t.lampiran_mendatar,
        )
    penerima = tuple(
        eng.Penerima(
            str(r.data["nip"]),
            str(r.data["nama_lengkap"]),
            _fill(
                t.alamat_penerima,
                {**values, **pv},
                tr(JUDUL_FIELD["alamat_penerima"]),
                str(r.data["nip"]),
            ),
        )
        for r, pv in group
    )
    signer = _signatory(t, values, "ttd")
    assert signer is not None  # checked in prepare()
    fixed = eng.Decree(
        pejabat=f(t.pejabat, tr(JUDUL_FIELD["pejabat"])),
        nomor="",
        tentang=f(t.tentang, tr(JUDUL_FIELD["tentang"])),
        tanggal=on,
        tempat=values.get("ibu_kota") or "",
        penandatangan=signer,
        menimbang=fl(t.menimbang, "menimbang"),
        mengingat=fl(t.mengingat, "mengingat"),
        memperhatikan=fl(t.memperhatikan, "memperhatikan"),
        menetapkan=f(t.menetapkan, tr(JUDUL_FIELD["menetapkan"])),
        diktum=diktum,
        tembusan=fl(t.tembusan, "tembusan"),
        letterhead=kop,
        lampiran=lampiran,
        penerima=penerima,
        pengesah=_signatory(t, values, "sah"),
        dengan_rahmat=t.dengan_rahmat,
        gaya_diktum="PERTAMA" if t.gaya_diktum == "PERTAMA" else "KESATU",
        judul=f(t.judul, tr(JUDUL_FIELD["judul"])),
    )

    def build(nomor: str) -> eng.Decree:
        return replace(fixed, nomor=nomor)

    return build


def _letter_lines(
    t: Templat, f: Callable[[str, str], str]
) -> tuple[str, tuple[surat.DataLine, ...], str]:
    """(opening, data lines, closing) of a letter from the template's dictum blocks.

    The first block's text opens the letter; every block's rincian are the numbered data lines
    (numbering runs on across blocks; a label like ``a. ...``, or a note in parentheses with no
    value, is an unnumbered sub-line); the text of a later block and any block's closing text
    are sentences between the lines; a last block without rincian closes the letter.
    """
    blocks = list(t.diktum)
    penutup = ""
    if len(blocks) > 1 and not blocks[-1].rincian and not blocks[-1].penutup:
        penutup = f(blocks[-1].teks, tr("Diktum {n}", n=len(blocks)))
        blocks = blocks[:-1]
    pembuka = ""
    lines: list[surat.DataLine] = []
    for i, x in enumerate(blocks, 1):
        label = tr("Diktum {n}", n=i)
        if i == 1:
            pembuka = f(x.teks, label)
        elif x.teks:
            lines.append(surat.DataLine(f(x.teks, label), kind="text"))
        for key, value in x.rincian:
            filled = f(value, tr("Diktum {n} rincian {k}", n=i, k=key))
            note = key.startswith("(") and not value.strip()
            kind: surat.LineKind = "sub" if note or surat.SUB_LABEL.match(key) else "item"
            lines.append(surat.DataLine(key, filled, kind))
        if x.penutup:
            lines.append(surat.DataLine(f(x.penutup, label), kind="text"))
    return pembuka, tuple(lines), penutup


def _letter_builder(
    t: Templat,
    values: dict[str, str | None],
    group: list[tuple[EmployeeRecord, dict[str, str | None]]],
    kop: eng.Letterhead,
    on: date,
    nip: str,
) -> Callable[[str], eng.Document]:
    """A letter (bentuk SURAT) for one person. Fields used: ``tentang`` (Hal), ``alamat_penerima``
    (the addressee after "Yth."; a last " di ..." goes on its own line, default "di Tempat"),
    ``diktum`` (opening, data lines and closing: :func:`_letter_lines`), ``tembusan``, the
    ``ttd_*`` signatory, ``kop``, ``format_nomor``. Menimbang, mengingat and the pengesah are
    not used."""

    def f(text: str, field: str) -> str:
        return _fill(text, values, field, nip)

    pembuka, lines, penutup = _letter_lines(t, f)
    kepada_text = " ".join(f(t.alamat_penerima, tr(JUDUL_FIELD["alamat_penerima"])).split())
    head, sep, place = kepada_text.rpartition(" di ")
    kepada = (head, f"di {place}") if sep and head else (kepada_text, tr("di Tempat"))
    signer = _signatory(t, values, "ttd")
    assert signer is not None  # checked in prepare()
    fixed = surat.Letter(
        nomor="",
        hal=f(t.tentang, tr(JUDUL_FIELD["tentang"])),
        tempat=values.get("ibu_kota") or "",
        tanggal=on,
        kepada=kepada,
        penandatangan=signer,
        pembuka=pembuka,
        rincian=lines,
        penutup=penutup,
        tembusan=tuple(
            f(x, tr("{field} butir {n}", field=tr(JUDUL_FIELD["tembusan"]), n=i))
            for i, x in enumerate(t.tembusan, 1)
        ),
        letterhead=kop,
        penerima=tuple(
            eng.Penerima(str(r.data["nip"]), str(r.data["nama_lengkap"])) for r, _ in group
        ),
    )

    def build(nomor: str) -> eng.Document:
        return replace(fixed, nomor=nomor)

    return build


# -- preview -------------------------------------------------------------------------------------

PREVIEW_LIMIT = 20  # documents laid out in a preview


def preview_pdf(
    db: Database, req: Permintaan, *, limit: int = PREVIEW_LIMIT
) -> tuple[bytes, int, int]:
    """The first ``limit`` documents of a request as one PDF, numbers not yet given ("…").

    Returns (pdf bytes, documents shown, documents in total). Nothing is written.
    """
    import io

    draft = prepare(db, req)
    t = draft.templat
    nomor = preview_nomor(t.format_nomor, draft.tanggal)
    decrees = [b(nomor) for b in draft.decrees]
    docs = [doc for _stem, doc in eng.expand(decrees, req.jenis)]
    shown = docs[:limit]
    buffer = io.BytesIO()
    eng.render_combined(shown, buffer, kind=req.jenis, page_size=_page(t))
    return buffer.getvalue(), len(shown), len(docs)


def _page(t: Templat) -> eng.PageSizeName:
    return "A4" if t.ukuran_kertas == "A4" else "F4"


# -- numbering -------------------------------------------------------------------------------


def numbering_installation(conn: sqlite3.Connection) -> str | None:
    """Node id of the installation allowed to number decrees (None: not chosen yet)."""
    return get_setting(conn, SETTING_PENOMORAN)


def check_numbering_allowed(db: Database) -> None:
    """Refuse when another installation of the agency is the numbering one.

    Two offline installations numbering the same template would hand out the same numbers;
    one installation numbers, the others prepare and verify.
    """
    holder = numbering_installation(db.conn)
    if holder and holder != db.node_id:
        raise ValidationError(
            tr(
                "Instalasi ini tidak berwenang memberi nomor dokumen: penomoran dipegang oleh "
                "instalasi {node}. Terbitkan dari instalasi itu, atau minta admin memindahkan "
                "penomoran ke sini (merit sk penomoran --ambil).",
                node=holder[:8],
            ),
            field="penomoran",
        )


def _set_setting(tx: Any, conn: sqlite3.Connection, key: str, value: str) -> None:
    row_id = natural_id("pengaturan", key)
    if conn.execute("SELECT 1 FROM pengaturan WHERE id = ?", (row_id,)).fetchone():
        tx.update("pengaturan", row_id, {"nilai": value, "deleted": 0})
    else:
        tx.insert("pengaturan", {"id": row_id, "kunci": key, "nilai": value})


def take_numbering(db: Database, *, actor: str = "sistem") -> None:
    """Make this installation the numbering one (admin; after the old one is retired)."""
    with Store(db).write(tr("Memindahkan penomoran dokumen ke instalasi ini"), actor=actor) as tx:
        _set_setting(tx, db.conn, SETTING_PENOMORAN, db.node_id)


def _secret(conn: sqlite3.Connection) -> bytes | None:
    value = get_setting(conn, SETTING_KUNCI)
    return bytes.fromhex(value) if value else None


def next_number(conn: sqlite3.Connection, kode: str, tahun: int) -> int:
    """The next number of a template in a year (cancelled numbers stay taken)."""
    row = conn.execute(
        "SELECT max(nomor_urut) FROM register_dokumen WHERE templat_kode = ? AND tahun = ? "
        "AND deleted = 0",
        (kode, tahun),
    ).fetchone()
    return int(row[0] or 0) + 1


@dataclass(frozen=True)
class Berkas:
    path: Path
    jenis: str
    nip: str
    kode: str


@dataclass(frozen=True)
class HasilTerbit:
    """What :func:`issue` did: the numbers (register ids), the files and the combined PDF."""

    register_ids: tuple[str, ...]
    nomor: tuple[str, ...]
    berkas: tuple[Berkas, ...]
    gabungan: Path | None


class _NumbersMoved(Exception):
    pass


def issue(
    db: Database,
    req: Permintaan,
    out_dir: str | Path,
    *,
    actor: str = "sistem",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> HasilTerbit:
    """Number, render and register the decrees of a request; write one PDF per person (named
    by NIP; a collective asli/salinan by its number) plus one combined PDF into ``out_dir``.

    All or nothing: on a validation error, a cancel (:class:`Cancelled`) or a failure no number
    is consumed and no file is left behind.
    """
    conn = db.conn
    check_numbering_allowed(db)
    draft = prepare(db, req, today=today)
    t = draft.templat
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(
            tr("Folder {path} tidak dapat dibuat: {e}", path=folder, e=exc.strerror or exc),
            field="out",
        ) from exc
    tahun = draft.tanggal.year
    secret = _secret(conn)
    new_secret = secret is None
    if secret is None:
        secret = secrets.token_bytes(32)
    for _attempt in range(3):
        start = next_number(conn, t.kode, tahun)
        numbers = [
            format_nomor(t.format_nomor, start + i, draft.tanggal)
            for i in range(len(draft.decrees))
        ]
        decrees = [b(n) for b, n in zip(draft.decrees, numbers, strict=True)]
        staging = folder / f".merit-terbit-{uuid.uuid4().hex[:12]}"
        try:
            result = _render(t, decrees, req.jenis, staging, secret, progress, cancelled)
            try:
                ids = _register(
                    db,
                    t,
                    req,
                    draft,
                    start,
                    numbers,
                    decrees,
                    result,
                    secret if new_secret else None,
                    actor,
                )
            except _NumbersMoved:
                continue
            first, last = start, start + len(numbers) - 1
            span = f"{first:04d}" if first == last else f"{first:04d}-{last:04d}"
            name = f"gabungan_{t.kode}_{tahun}_{span}.pdf"
            return _publish(folder, staging, result, ids, numbers, name, req.jenis)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    raise ValidationError(tr("Nomor dokumen sedang dipakai penerbitan lain; coba lagi."))


@dataclass(frozen=True)
class _Rendered:
    files: list[tuple[eng.BatchFile, ver.IssuedDigests]]
    combined: Path


def _render(
    t: Templat,
    decrees: list[eng.Document],
    kind: Kind,
    staging: Path,
    secret: bytes,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> _Rendered:
    def sign(doc: eng.Document, k: eng.Kind) -> eng.Document:
        entry = ver.RegisterEntry(
            nomor=doc.nomor,
            tanggal=doc.tanggal,
            template=t.kode,
            jenis=k,
            nips=tuple(p.nip for p in doc.penerima),
        )
        if isinstance(doc, surat.Letter):
            return surat.with_verification(doc, entry, secret)
        return eng.with_verification(doc, k, entry, secret)

    total = len(eng.expand(decrees, kind))

    # Two phases: layout (render_many) and reading each file back for its text digest.
    def layout_progress(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, 2 * total)

    combined = staging / "gabungan.pdf"
    batch = eng.render_many(
        decrees,
        staging / "berkas",
        combined,
        kind=kind,
        page_size=_page(t),
        sign=sign,
        progress=layout_progress,
        cancelled=cancelled,
    )
    if batch.cancelled:
        raise Cancelled(tr("Penerbitan dibatalkan; tidak ada nomor yang terpakai."))
    files: list[tuple[eng.BatchFile, ver.IssuedDigests]] = []
    for i, bf in enumerate(batch.files, 1):
        if cancelled is not None and cancelled():
            raise Cancelled(tr("Penerbitan dibatalkan; tidak ada nomor yang terpakai."))
        files.append((bf, ver.issued_digests(bf.path)))
        if progress is not None:
            progress(total + i, 2 * total)
    return _Rendered(files, combined)


def _register(
    db: Database,
    t: Templat,
    req: Permintaan,
    draft: Rancangan,
    start: int,
    numbers: list[str],
    decrees: list[eng.Document],
    result: _Rendered,
    new_secret: bytes | None,
    actor: str,
) -> list[str]:
    conn = db.conn
    now = utc_now()
    by_nomor: dict[str, list[tuple[eng.BatchFile, ver.IssuedDigests]]] = {}
    for bf, dg in result.files:
        by_nomor.setdefault(bf.decree.nomor, []).append((bf, dg))
    ids: list[str] = []
    with Store(db).write(
        tr("Menerbitkan {n} dokumen {kode}", n=len(decrees), kode=t.kode),
        actor=actor,
        izin="dokumen.terbitkan",
    ) as tx:
        check_numbering_allowed(db)
        if next_number(conn, t.kode, draft.tanggal.year) != start:
            raise _NumbersMoved
        if numbering_installation(conn) is None:
            _set_setting(tx, conn, SETTING_PENOMORAN, db.node_id)
        if new_secret is not None:
            if _secret(conn) is not None:  # created meanwhile: the files carry the wrong key
                raise _NumbersMoved
            _set_setting(tx, conn, SETTING_KUNCI, new_secret.hex())
        for i, (decree, nomor, (nips, names)) in enumerate(
            zip(decrees, numbers, draft.penerima, strict=True)
        ):
            files = by_nomor.get(nomor, [])
            single = files[0] if len(files) == 1 else None
            reg_id = str(uuid.uuid4())
            tx.insert(
                "register_dokumen",
                {
                    "id": reg_id,
                    "templat_kode": t.kode,
                    "tahun": draft.tanggal.year,
                    "nomor_urut": start + i,
                    "nomor": nomor,
                    "tanggal": draft.tanggal.isoformat(),
                    "perihal": decree.tentang if isinstance(decree, eng.Decree) else decree.hal,
                    "pegawai": json.dumps(list(nips)),
                    "nama_pegawai": "; ".join(names),
                    "status": STATUS_TERBIT,
                    "jenis": req.jenis,
                    "kode_verifikasi": single[1].code if single else None,
                    "pdf_sha256": single[1].pdf_sha256 if single else None,
                    "text_digest": single[1].text_digest if single else None,
                    "content_digest": single[1].content_digest if single else None,
                    "naskah": ver.canonical_json(replace(decree, letterhead=None)).decode("utf-8"),
                    "instalasi": db.node_id,
                    "diterbitkan_oleh": str(actor),
                    "diterbitkan_pada": now,
                },
            )
            for bf, dg in files:
                tx.insert(
                    "naskah_dokumen",
                    {
                        "register_id": reg_id,
                        "jenis": req.jenis,
                        "nip": bf.nip if req.jenis == "petikan" or len(nips) == 1 else None,
                        "kode_verifikasi": dg.code,
                        "content_digest": dg.content_digest,
                        "pdf_sha256": dg.pdf_sha256,
                        "text_digest": dg.text_digest,
                        "nama_berkas": bf.path.name,
                        "dibuat": now,
                    },
                )
            ids.append(reg_id)
    return ids


def _publish(
    folder: Path,
    staging: Path,
    result: _Rendered,
    ids: list[str],
    numbers: list[str],
    name: str,
    jenis: str,
) -> HasilTerbit:
    """Move the files from the staging folder into place (never over an existing file)."""

    def free(path: Path) -> Path:
        if not path.exists():
            return path
        n = 2
        while (candidate := path.with_name(f"{path.stem}-{n}{path.suffix}")).exists():
            n += 1
        return candidate

    berkas: list[Berkas] = []
    for bf, dg in result.files:
        target = free(folder / bf.path.name)
        shutil.move(str(bf.path), target)
        berkas.append(Berkas(target, jenis, bf.nip, dg.code))
    combined = free(folder / name)
    shutil.move(str(result.combined), combined)
    return HasilTerbit(tuple(ids), tuple(numbers), tuple(berkas), combined)


# -- register -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterRow:
    id: str
    templat_kode: str
    tahun: int
    nomor_urut: int
    nomor: str
    tanggal: date
    perihal: str
    pegawai: tuple[str, ...]
    nama_pegawai: str
    status: str
    alasan_batal: str
    jenis: str
    kode_verifikasi: str
    diterbitkan_oleh: str
    diterbitkan_pada: str

    @property
    def batal(self) -> bool:
        return self.status == STATUS_BATAL

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "templat": self.templat_kode,
            "tahun": self.tahun,
            "nomor_urut": self.nomor_urut,
            "nomor": self.nomor,
            "tanggal": self.tanggal.isoformat(),
            "perihal": self.perihal,
            "pegawai": list(self.pegawai),
            "nama_pegawai": self.nama_pegawai,
            "status": self.status,
            "alasan_batal": self.alasan_batal,
            "jenis": self.jenis,
            "kode_verifikasi": self.kode_verifikasi,
            "diterbitkan_oleh": self.diterbitkan_oleh,
            "diterbitkan_pada": self.diterbitkan_pada,
        }


_REG_COLS = (
    "id, templat_kode, tahun, nomor_urut, nomor, tanggal, perihal, pegawai, nama_pegawai, status, "
    "alasan_batal, jenis, kode_verifikasi, diterbitkan_oleh, diterbitkan_pada"
)


def _reg(row: Sequence[Any]) -> RegisterRow:
    return RegisterRow(
        id=row[0],
        templat_kode=row[1],
        tahun=int(row[2]),
        nomor_urut=int(row[3]),
        nomor=row[4],
        tanggal=date.fromisoformat(row[5]),
        perihal=row[6],
        pegawai=tuple(json.loads(row[7] or "[]")),
        nama_pegawai=row[8] or "",
        status=row[9],
        alasan_batal=row[10] or "",
        jenis=row[11] or "",
        kode_verifikasi=row[12] or "",
        diterbitkan_oleh=row[13] or "",
        diterbitkan_pada=row[14] or "",
    )


def list_register(
    conn: sqlite3.Connection,
    *,
    tahun: int | None = None,
    templat: str | None = None,
    status: str | None = None,
    search: str = "",
    limit: int | None = None,
) -> list[RegisterRow]:
    """The register, newest first, filtered by year, template, status and a search over
    number, subject, names and NIPs."""
    clauses = ["deleted = 0"]
    params: list[Any] = []
    if tahun is not None:
        clauses.append("tahun = ?")
        params.append(tahun)
    if templat:
        clauses.append("templat_kode = ?")
        params.append(templat.upper())
    if status:
        if status.upper() not in (STATUS_TERBIT, STATUS_BATAL):
            raise ValidationError(tr("Status harus TERBIT atau BATAL."), field="status")
        clauses.append("status = ?")
        params.append(status.upper())
    for word in search.split():
        like = f"%{word.replace('%', '').replace('_', '')}%"
        clauses.append("(nomor LIKE ? OR perihal LIKE ? OR nama_pegawai LIKE ? OR pegawai LIKE ?)")
        params += [like, like, like, like]
    sql = (
        f"SELECT {_REG_COLS} FROM register_dokumen WHERE {' AND '.join(clauses)} "
        "ORDER BY tahun DESC, templat_kode, nomor_urut DESC"
        + (f" LIMIT {int(limit)}" if limit else "")
    )
    return [_reg(r) for r in conn.execute(sql, params)]


def get_register(conn: sqlite3.Connection, key: str, *, templat: str | None = None) -> RegisterRow:
    """A register entry by its id or its formatted number (``templat`` settles a number that
    two templates share)."""
    row = conn.execute(f"SELECT {_REG_COLS} FROM register_dokumen WHERE id = ?", (key,)).fetchone()
    if row is not None:
        return _reg(row)
    sql = f"SELECT {_REG_COLS} FROM register_dokumen WHERE nomor = ? AND deleted = 0"
    params: list[Any] = [key.strip()]
    if templat:
        sql += " AND templat_kode = ?"
        params.append(templat.upper())
    rows = conn.execute(sql, params).fetchall()
    if not rows:
        raise NotFoundError(tr("Nomor {nomor} tidak ada di register dokumen.", nomor=key))
    if len(rows) > 1:
        raise ValidationError(
            tr(
                "Nomor {nomor} tercatat lebih dari sekali ({templat}); sebutkan templatnya.",
                nomor=key,
                templat=", ".join(sorted({r[1] for r in rows})),
            ),
            field="nomor",
        )
    return _reg(rows[0])


def cancel(
    db: Database, key: str, alasan: str, *, actor: str = "sistem", templat: str | None = None
) -> RegisterRow:
    """Cancel an issued decree: it keeps its entry and number, with the reason."""
    alasan = " ".join(alasan.split())
    if len(alasan) < 5:
        raise ValidationError(
            tr("Alasan pembatalan wajib diisi (sedikitnya 5 huruf)."), field="alasan"
        )
    row = get_register(db.conn, key, templat=templat)
    if row.batal:
        raise ValidationError(
            tr(
                "Dokumen {nomor} sudah dibatalkan: {alasan}",
                nomor=row.nomor,
                alasan=row.alasan_batal,
            ),
            field="nomor",
        )
    with Store(db).write(
        tr("Membatalkan dokumen {nomor}", nomor=row.nomor), actor=actor, izin="dokumen.terbitkan"
    ) as tx:
        tx.update(
            "register_dokumen",
            row.id,
            {
                "status": STATUS_BATAL,
                "alasan_batal": alasan,
                "dibatalkan_pada": utc_now(),
                "dibatalkan_oleh": str(actor),
            },
        )
    return get_register(db.conn, row.id)


def nomor_ganda(conn: sqlite3.Connection) -> list[tuple[str, int, int, int]]:
    """(template, year, number, count) that occur more than once: only possible when two
    installations numbered offline (the numbering rule was bypassed)."""
    rows = conn.execute(
        "SELECT templat_kode, tahun, nomor_urut, count(*) FROM register_dokumen WHERE deleted = 0 "
        "GROUP BY 1, 2, 3 HAVING count(*) > 1 ORDER BY 1, 2, 3"
    )
    return [(r[0], int(r[1]), int(r[2]), int(r[3])) for r in rows]


# -- verification ----------------------------------------------------------------------------


def lookup(conn: sqlite3.Connection, code: str) -> ver.RegisterRecord | None:
    """The register's record of a verification code (for :func:`verification.verify_pdf`)."""
    norm = ver.normalize_code(code) or code
    row = conn.execute(
        "SELECT n.kode_verifikasi, n.pdf_sha256, n.text_digest, n.content_digest, r.nomor, "
        "r.status, r.alasan_batal FROM naskah_dokumen n JOIN register_dokumen r "
        "ON r.id = n.register_id WHERE n.kode_verifikasi = ? AND n.deleted = 0 AND r.deleted = 0",
        (norm,),
    ).fetchone()
    if row is None:
        return None
    return ver.RegisterRecord(
        code=row[0],
        pdf_sha256=row[1],
        text_digest=row[2],
        content_digest=row[3] or "",
        nomor=row[4],
        cancelled=row[5] == STATUS_BATAL,
        cancel_reason=row[6] or "",
    )


def register_of_code(conn: sqlite3.Connection, code: str) -> tuple[RegisterRow, str, str] | None:
    """(register entry, kind, NIP) of a verification code."""
    norm = ver.normalize_code(code) or code
    row = conn.execute(
        "SELECT register_id, jenis, coalesce(nip, '') FROM naskah_dokumen "
        "WHERE kode_verifikasi = ? AND deleted = 0",
        (norm,),
    ).fetchone()
    if row is None:
        return None
    return get_register(conn, row[0]), row[1], row[2]


@dataclass(frozen=True)
class Verifikasi:
    """The answer for a file or a typed code, in words."""

    status: str  # a verification.Status value, or "terdaftar" for a code checked alone
    judul: str  # ASLI, ISI SAMA, BERUBAH, DIBATALKAN, TIDAK TERDAFTAR, ... (JUDUL_STATUS)
    pesan: str
    kode: str | None
    register: RegisterRow | None = None
    jenis: str = ""
    nip: str = ""

    @property
    def ok(self) -> bool:
        """True when the document is genuine (the file unchanged, or the code registered and
        not cancelled)."""
        return self.status in (ver.Status.ASLI, ver.Status.ISI_SAMA, "terdaftar")


JUDUL_STATUS: dict[str, str] = {
    ver.Status.ASLI: "ASLI",
    ver.Status.ISI_SAMA: "ISI SAMA",
    ver.Status.BERUBAH: "BERUBAH",
    ver.Status.DIBATALKAN: "DIBATALKAN",
    ver.Status.TIDAK_TERDAFTAR: "TIDAK TERDAFTAR",
    ver.Status.TANPA_KODE: "TANPA KODE",
    ver.Status.BUKAN_PDF: "BUKAN PDF",
    "terdaftar": "TERDAFTAR",
}


def verify(conn: sqlite3.Connection, source: str | Path | bytes) -> Verifikasi:
    """Verify a PDF (path or bytes) or a typed code against the register."""
    if (
        isinstance(source, bytes)
        or Path(str(source)).suffix.lower() == ".pdf"
        or Path(str(source)).is_file()
    ):
        if not isinstance(source, bytes) and not Path(str(source)).is_file():
            raise NotFoundError(tr("Berkas {path} tidak ada.", path=source))
        result = ver.verify_pdf(
            source if isinstance(source, bytes) else Path(str(source)), lambda c: lookup(conn, c)
        )
        extra = register_of_code(conn, result.code) if result.code and result.record else None
        return Verifikasi(
            result.status,
            tr(JUDUL_STATUS[result.status]),
            result.message,
            result.code,
            extra[0] if extra else None,
            extra[1] if extra else "",
            extra[2] if extra else "",
        )
    text = str(source)
    code = ver.find_code(text)
    if code is None:
        raise ValidationError(
            tr("'{text}' bukan kode verifikasi (10 huruf/angka, mis. 7KQ2M-XW9RT).", text=text),
            field="kode",
        )
    record = lookup(conn, code)
    if record is None:
        return Verifikasi(
            ver.Status.TIDAK_TERDAFTAR,
            tr("TIDAK TERDAFTAR"),
            tr("Kode {kode} tidak terdaftar di register naskah ini.", kode=code),
            code,
        )
    reg, jenis, nip = register_of_code(conn, code) or (None, "", "")
    if record.cancelled:
        return Verifikasi(
            ver.Status.DIBATALKAN,
            tr("DIBATALKAN"),
            tr(
                "Naskah dengan kode {kode} telah dibatalkan: {alasan}",
                kode=code,
                alasan=record.cancel_reason,
            ),
            code,
            reg,
            jenis,
            nip,
        )
    return Verifikasi(
        "terdaftar",
        tr("TERDAFTAR"),
        tr(
            "Kode {kode} terdaftar. Cocokkan nomor, tanggal dan nama di kertas dengan data "
            "register di bawah ini.",
            kode=code,
        ),
        code,
        reg,
        jenis,
        nip,
    )
