"""The fields of the employee and history forms: names, labels, kinds and choices.

Field names are the JSON names of :mod:`app.models.pegawai.read` (``nip``, ``nama``, ``agama``,
``status``, ``tmt_cpns`` ...); history fields are the column names of the ``riwayat_*`` tables.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.i18n import tr
from app.models.errors import ValidationError
from app.models.organisasi.units import unit_options
from app.models.pegawai.read import PEGAWAI_KOLOM
from app.models.reference.loader import Referensi
from app.models.rules.pegawai import HARI_KE_DEPAN

# -- employee fields ------------------------------------------------------------------------------

# JSON name -> column of ``pegawai``. jenis_asn follows from status; kedudukan changes only
# through leave_service / reactivate.
EMPLOYEE_COLUMNS: dict[str, str] = {
    name: column for name, column in PEGAWAI_KOLOM.items() if name not in ("jenis_asn", "kedudukan")
}
EMPLOYEE_FIELDS: tuple[str, ...] = tuple(EMPLOYEE_COLUMNS)
EMPLOYEE_DATE_FIELDS = ("tanggal_lahir", "tmt_cpns", "tmt_pns")
EMPLOYEE_MAX_LEN = {"alamat": 500, "nama": 120}


def employee_labels() -> dict[str, str]:
    """Indonesian label of each employee field."""
    return {
        "nip": tr("NIP / NI PPPK"),
        "nip_lama": tr("NIP lama"),
        "nik": tr("NIK"),
        "nama": tr("Nama"),
        "gelar_depan": tr("Gelar depan"),
        "gelar_belakang": tr("Gelar belakang"),
        "tempat_lahir": tr("Tempat lahir"),
        "tanggal_lahir": tr("Tanggal lahir"),
        "jenis_kelamin": tr("Jenis kelamin"),
        "agama": tr("Agama"),
        "status": tr("Status kepegawaian"),
        "tmt_cpns": tr("TMT CPNS / awal kontrak"),
        "tmt_pns": tr("TMT PNS"),
        "alamat": tr("Alamat"),
        "telepon": tr("Telepon"),
        "email": tr("Email"),
    }


def check_known_fields(names: Iterable[str], valid: Sequence[str], where: str) -> None:
    """Refuse (ValidationError) field names that ``valid`` does not list, naming the valid ones."""
    unknown = [n for n in names if n not in valid]
    if not unknown:
        return
    hint = ""
    if any(n in ("kedudukan", "tmt_kedudukan") for n in unknown):
        hint = " " + tr("Kedudukan diubah lewat 'keluar dari dinas', bukan diisi langsung.")
    raise ValidationError(
        tr(
            "Kolom {kolom} tidak dikenal untuk {where}. Kolom yang dapat diisi: {valid}.",
            kolom=", ".join(unknown),
            where=where,
            valid=", ".join(valid),
        )
        + hint,
        field=unknown[0],
    )


def kedudukan_options(ref: Referensi) -> list[tuple[str, str]]:
    """The ways of leaving service (kedudukan that are not active), from ``ref_kedudukan``."""
    return [
        (kode, str(row["nama"]))
        for kode, row in ref.table("ref_kedudukan").items()
        if not row.get("aktif")
    ]


def history_tables() -> tuple[str, ...]:
    """The ``riwayat_*`` table of every kind of history."""
    return tuple(k.table for k in (history_kind(n) for n in HISTORY_KIND_NAMES))


# -- histories ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryField:
    """One field of a history form. ``kind``: text, date, int, ref (code of ``ref_table``),
    choice (one of ``choices``; another value only warns), unit (an organisation unit)."""

    name: str
    label: str
    kind: str = "text"
    required: bool = False
    ref_table: str | None = None
    choices: tuple[tuple[str, str], ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    future_days: int | None = HARI_KE_DEPAN  # dates: how far ahead a date may be


@dataclass(frozen=True)
class HistoryKind:
    """One kind of history: its table, title and fields."""

    name: str  # key of employees.RIWAYAT_TABLES
    table: str
    title: str
    fields: tuple[HistoryField, ...]

    def labels(self) -> dict[str, str]:
        return {f.name: f.label for f in self.fields}

    def field(self, name: str) -> HistoryField:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


HISTORY_KIND_NAMES = (
    "pangkat",
    "jabatan",
    "pendidikan",
    "diklat",
    "hukuman_disiplin",
    "skp",
    "kgb",
)
_TABLE_TO_KIND = {
    "riwayat_pangkat": "pangkat",
    "riwayat_jabatan": "jabatan",
    "riwayat_pendidikan": "pendidikan",
    "riwayat_diklat": "diklat",
    "riwayat_hukdis": "hukuman_disiplin",
    "hukdis": "hukuman_disiplin",
    "riwayat_skp": "skp",
    "riwayat_kgb": "kgb",
}


def _sk() -> tuple[HistoryField, HistoryField]:
    return (
        HistoryField("nomor_sk", tr("Nomor SK")),
        HistoryField("tanggal_sk", tr("Tanggal SK"), "date", future_days=0),
    )


def _mk() -> tuple[HistoryField, HistoryField]:
    return (
        HistoryField("mk_tahun", tr("Masa kerja (tahun)"), "int", minimum=0, maximum=60),
        HistoryField("mk_bulan", tr("Masa kerja (bulan)"), "int", minimum=0, maximum=11),
    )


def history_kind(kind: str) -> HistoryKind:
    """The description of one kind of history (``pangkat``, ``riwayat_pangkat`` ...)."""
    name = _TABLE_TO_KIND.get(kind, kind)
    if name == "pangkat":
        # Kinds of kenaikan pangkat: PP 99/2000 jo PP 12/2002 (asn-rules 5.2, 5.3); an
        # application classification, so another value only warns.
        return HistoryKind(name, "riwayat_pangkat", tr("Pangkat"), (
            HistoryField("golongan_kode", tr("Golongan/ruang"), "ref", True, "ref_golongan"),
            HistoryField("tmt", tr("TMT golongan"), "date", True),
            HistoryField("jenis", tr("Jenis kenaikan"), "choice", choices=(
                ("CPNS", tr("Pengangkatan CPNS")),
                ("PNS", tr("Pengangkatan PNS")),
                ("REGULER", tr("Reguler")),
                ("PILIHAN", tr("Pilihan")),
                ("PENYESUAIAN_IJAZAH", tr("Penyesuaian ijazah")),
                ("PENGABDIAN", tr("Pengabdian")),
                ("ANUMERTA", tr("Anumerta")),
                ("PPPK", tr("Pengangkatan PPPK")),
            )),
            *_mk(),
            *_sk(),
        ))  # fmt: skip
    if name == "jabatan":
        return HistoryKind(name, "riwayat_jabatan", tr("Jabatan"), (
            HistoryField("nama_jabatan", tr("Nama jabatan"), required=True),
            HistoryField("jenis_kode", tr("Jenis jabatan"), "ref", True, "ref_jenis_jabatan"),
            HistoryField("jenjang_kode", tr("Jenjang"), "ref", ref_table="ref_jenjang_jabatan"),
            HistoryField("eselon_kode", tr("Eselon"), "ref", ref_table="ref_eselon"),
            HistoryField("unit_id", tr("Unit kerja"), "unit"),
            HistoryField("tmt", tr("TMT jabatan"), "date", True),
            HistoryField("alasan", tr("Alasan"), "choice", choices=(
                ("PENGANGKATAN", tr("Pengangkatan")),
                ("MUTASI", tr("Mutasi")),
                ("PROMOSI", tr("Promosi")),
                ("KENAIKAN_JENJANG", tr("Kenaikan jenjang")),
                ("PERPINDAHAN", tr("Perpindahan jabatan")),
                ("PENYETARAAN", tr("Penyetaraan")),
            )),
            *_sk(),
        ))  # fmt: skip
    if name == "pendidikan":
        return HistoryKind(name, "riwayat_pendidikan", tr("Pendidikan"), (
            HistoryField("tingkat_kode", tr("Tingkat pendidikan"), "ref", True, "ref_pendidikan"),
            HistoryField("jurusan", tr("Jurusan")),
            HistoryField("institusi", tr("Institusi")),
            HistoryField("tahun_lulus", tr("Tahun lulus"), "int", minimum=1940, maximum=2100),
            HistoryField("nomor_ijazah", tr("Nomor ijazah")),
        ))  # fmt: skip
    if name == "diklat":
        # Forms of development: Perlan 10/2018 (asn-rules 8); an application grouping.
        return HistoryKind(name, "riwayat_diklat", tr("Diklat"), (
            HistoryField("jenis", tr("Jenis diklat"), "choice", True, choices=(
                ("LATSAR", tr("Pelatihan dasar CPNS")),
                ("STRUKTURAL", tr("Kepemimpinan (struktural)")),
                ("FUNGSIONAL", tr("Fungsional")),
                ("TEKNIS", tr("Teknis")),
                ("SEMINAR", tr("Seminar / lokakarya")),
                ("LAINNYA", tr("Lainnya")),
            )),
            HistoryField("nama", tr("Nama diklat"), required=True),
            HistoryField("penyelenggara", tr("Penyelenggara")),
            HistoryField("tanggal_mulai", tr("Tanggal mulai"), "date"),
            HistoryField("tanggal_selesai", tr("Tanggal selesai"), "date"),
            HistoryField("jam_pelajaran", tr("Jam pelajaran (JP)"), "int", minimum=1,
                         maximum=5000),
            HistoryField("nomor_sertifikat", tr("Nomor sertifikat")),
        ))  # fmt: skip
    if name == "hukuman_disiplin":
        return HistoryKind(name, "riwayat_hukdis", tr("Hukuman disiplin"), (
            HistoryField("hukuman_kode", tr("Jenis hukuman"), "ref", True,
                         "ref_hukuman_disiplin"),
            HistoryField("tmt_mulai", tr("TMT mulai"), "date", True),
            HistoryField("tmt_selesai", tr("TMT selesai"), "date", future_days=None),
            HistoryField("alasan", tr("Alasan")),
            *_sk(),
        ))  # fmt: skip
    if name == "skp":
        return HistoryKind(name, "riwayat_skp", tr("SKP"), (
            HistoryField("tahun", tr("Tahun penilaian"), "int", True, minimum=1950,
                         maximum=2100),
            HistoryField("rating_hasil", tr("Rating hasil kerja"), "ref", ref_table="ref_rating"),
            HistoryField("rating_perilaku", tr("Rating perilaku kerja"), "ref",
                         ref_table="ref_rating"),
            HistoryField("predikat_kode", tr("Predikat kinerja"), "ref", True, "ref_predikat"),
            HistoryField("penilai_nama", tr("Nama pejabat penilai")),
            HistoryField("penilai_nip", tr("NIP pejabat penilai")),
        ))  # fmt: skip
    if name == "kgb":
        return HistoryKind(name, "riwayat_kgb", tr("KGB"), (
            HistoryField("tmt", tr("TMT KGB"), "date", True),
            HistoryField("golongan_kode", tr("Golongan/ruang"), "ref", True, "ref_golongan"),
            *_mk(),
            HistoryField("gaji_pokok", tr("Gaji pokok (Rp)"), "int", minimum=0,
                         maximum=100_000_000),
            *_sk(),
        ))  # fmt: skip
    raise ValidationError(
        tr("Jenis riwayat '{kind}' tidak dikenal. Pilih salah satu: {pilihan}.",
           kind=kind, pilihan=", ".join(HISTORY_KIND_NAMES)),
        field="riwayat",
    )  # fmt: skip


def field_options(
    conn: sqlite3.Connection,
    ref: Referensi,
    kind: str,
    name: str,
    *,
    jenis_asn: str | None = None,
) -> list[tuple[str, str]]:
    """(code, label) choices of a history field for a combo box. Golongan are limited to the
    employee's ``jenis_asn``; jenjang and eselon come from the reference tables."""
    spec = history_kind(kind).field(name)
    if spec.kind == "choice":
        return list(spec.choices)
    if spec.kind == "unit":
        return [(o.id, "    " * o.depth + o.nama) for o in unit_options(conn, max_depth=9)]
    if spec.kind != "ref" or spec.ref_table is None:
        return []
    rows = ref.table(spec.ref_table)
    if spec.ref_table == "ref_golongan":
        return [
            (k, ref.golongan_label(k))
            for k, r in rows.items()
            if jenis_asn is None or r.get("jenis_asn") == jenis_asn
        ]
    return [(k, str(r.get("nama") or k)) for k, r in rows.items()]


def employee_options(ref: Referensi) -> dict[str, list[tuple[str, str]]]:
    """(code, label) choices of the employee form's combo boxes, from the reference tables."""
    return {
        "agama": [(k, str(r["nama"])) for k, r in ref.table("ref_agama").items()],
        "status": [(k, k) for k in ref.table("ref_status_kepegawaian")],
        "jenis_kelamin": [("L", tr("Laki-laki")), ("P", tr("Perempuan"))],
    }
