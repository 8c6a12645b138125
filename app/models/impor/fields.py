"""The target fields of an employee import and the column headers that name them.

Field names follow the JSON forms of :mod:`app.models.pegawai.read` (``nip``, ``nama``,
``golongan``, ...); a few exist only for import (``golongan_awal``, ``unit_induk``,
``tempat_tanggal_lahir``, ``institusi``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.i18n import tr


@dataclass(frozen=True)
class ImportField:
    """One target field a column can map to."""

    name: str
    label: str
    required: bool = False


def _f(name: str, label: str, required: bool = False) -> ImportField:
    return ImportField(name, label, required)


FIELDS: tuple[ImportField, ...] = (
    _f("nip", tr("NIP / NI PPPK"), True),
    _f("nama", tr("Nama"), True),
    _f("gelar_depan", tr("Gelar depan")),
    _f("gelar_belakang", tr("Gelar belakang")),
    _f("tempat_lahir", tr("Tempat lahir")),
    _f("tanggal_lahir", tr("Tanggal lahir")),
    _f("tempat_tanggal_lahir", tr("Tempat, tanggal lahir")),
    _f("jenis_kelamin", tr("Jenis kelamin")),
    _f("nik", tr("NIK")),
    _f("agama", tr("Agama")),
    _f("jenis_asn", tr("Jenis pegawai (PNS/PPPK)")),
    _f("status", tr("Status (CPNS/PNS/PPPK)")),
    _f("kedudukan", tr("Kedudukan")),
    _f("tmt_cpns", tr("TMT CPNS")),
    _f("tmt_pns", tr("TMT PNS")),
    _f("golongan_awal", tr("Golongan awal (CPNS)")),
    _f("golongan", tr("Golongan/ruang")),
    _f("tmt_golongan", tr("TMT golongan")),
    _f("mk_tahun", tr("Masa kerja golongan (tahun)")),
    _f("mk_bulan", tr("Masa kerja golongan (bulan)")),
    _f("jabatan", tr("Jabatan")),
    _f("jenis_jabatan", tr("Jenis jabatan")),
    _f("eselon", tr("Eselon")),
    _f("tmt_jabatan", tr("TMT jabatan")),
    _f("unit", tr("Unit kerja")),
    _f("unit_induk", tr("Unit induk / perangkat daerah")),
    _f("pendidikan", tr("Tingkat pendidikan")),
    _f("pendidikan_nama", tr("Jurusan / nama pendidikan")),
    _f("institusi", tr("Sekolah / perguruan tinggi")),
    _f("tahun_lulus", tr("Tahun lulus")),
    _f("nip_lama", tr("NIP lama")),
    _f("alamat", tr("Alamat")),
    _f("telepon", tr("Telepon")),
    _f("email", tr("Email")),
)
FIELD_BY_NAME: dict[str, ImportField] = {f.name: f for f in FIELDS}
REQUIRED_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.required)


def header_key(text: object) -> str:
    """A header reduced to upper-case words: ``"Gol/Ruang "`` -> ``"GOL RUANG"``."""
    return re.sub(r"[^A-Z0-9]+", " ", str(text or "").upper()).strip()


# The SIASN employee export (BKN): header -> field. Its other *ID / *NAMA columns are ignored.
SIASN_HEADERS: dict[str, str | None] = {
    "PNS ID": None,
    "NIP BARU": "nip",
    "NIP LAMA": "nip_lama",
    "NAMA": "nama",
    "GELAR DEPAN": "gelar_depan",
    "GELAR BELAKANG": "gelar_belakang",
    "TEMPAT LAHIR ID": None,
    "TEMPAT LAHIR NAMA": "tempat_lahir",
    "TANGGAL LAHIR": "tanggal_lahir",
    "JENIS KELAMIN": "jenis_kelamin",
    "AGAMA ID": None,
    "AGAMA NAMA": "agama",
    "EMAIL": "email",
    "NIK": "nik",
    "ALAMAT": "alamat",
    "NOMOR HP": "telepon",
    "NOMOR TELPON": None,
    "JENIS PEGAWAI ID": None,
    "JENIS PEGAWAI NAMA": "jenis_asn",
    "KEDUDUKAN HUKUM ID": None,
    "KEDUDUKAN HUKUM NAMA": "kedudukan",
    "STATUS CPNS PNS": "status",
    "KARTU ASN VIRTUAL": None,
    "NOMOR SK CPNS": None,
    "TANGGAL SK CPNS": None,
    "TMT CPNS": "tmt_cpns",
    "NOMOR SK PNS": None,
    "TANGGAL SK PNS": None,
    "TMT PNS": "tmt_pns",
    "GOL AWAL ID": None,
    "GOL AWAL NAMA": "golongan_awal",
    "GOL AKHIR ID": None,
    "GOL AKHIR NAMA": "golongan",
    "TMT GOLONGAN": "tmt_golongan",
    "MK TAHUN": "mk_tahun",
    "MK BULAN": "mk_bulan",
    "JENIS JABATAN ID": None,
    "JENIS JABATAN NAMA": "jenis_jabatan",
    "JABATAN ID": None,
    "JABATAN NAMA": "jabatan",
    "TMT JABATAN": "tmt_jabatan",
    "TINGKAT PENDIDIKAN ID": None,
    "TINGKAT PENDIDIKAN NAMA": "pendidikan",
    "PENDIDIKAN ID": None,
    "PENDIDIKAN NAMA": "pendidikan_nama",
    "TAHUN LULUS": "tahun_lulus",
    "KPKN ID": None,
    "KPKN NAMA": None,
    "LOKASI KERJA ID": None,
    "LOKASI KERJA NAMA": None,
    "UNOR ID": None,
    "UNOR NAMA": "unit",
    "UNOR INDUK ID": None,
    "UNOR INDUK NAMA": "unit_induk",
    "INSTANSI INDUK ID": None,
    "INSTANSI INDUK NAMA": None,
    "INSTANSI KERJA ID": None,
    "INSTANSI KERJA NAMA": None,
    "SATUAN KERJA INDUK ID": None,
    "SATUAN KERJA INDUK NAMA": None,
    "SATUAN KERJA KERJA ID": None,
    "SATUAN KERJA KERJA NAMA": None,
    "ESELON ID": None,
    "ESELON NAMA": "eselon",
    "IS VALID NIK": None,
    "FLAG IKD": None,
}
# Headers that only a SIASN export has; with "NIP BARU" they identify it.
_SIASN_MARKERS = frozenset(
    {
        "PNS ID",
        "NIP BARU",
        "TEMPAT LAHIR NAMA",
        "AGAMA NAMA",
        "JENIS PEGAWAI NAMA",
        "KEDUDUKAN HUKUM NAMA",
        "STATUS CPNS PNS",
        "GOL AWAL NAMA",
        "GOL AKHIR NAMA",
        "JENIS JABATAN NAMA",
        "JABATAN NAMA",
        "TINGKAT PENDIDIKAN NAMA",
        "UNOR NAMA",
        "ESELON NAMA",
    }
)

# Headers of office spreadsheets (after header_key) -> field.
SYNONYMS: dict[str, str] = {
    "NIP": "nip",
    "NIP 18": "nip",
    "NIP 18 DIGIT": "nip",
    "NIP NI PPPK": "nip",
    "NI PPPK": "nip",
    "NIP PPPK": "nip",
    "NIP BARU": "nip",
    "NOMOR INDUK PEGAWAI": "nip",
    "NIP LAMA": "nip_lama",
    "NAMA": "nama",
    "NAMA LENGKAP": "nama",
    "NAMA PEGAWAI": "nama",
    "NAMA ASN": "nama",
    "NAMA DAN GELAR": "nama",
    "NAMA GELAR": "nama",
    "NAMA LENGKAP DAN GELAR": "nama",
    "GELAR DEPAN": "gelar_depan",
    "GELAR BELAKANG": "gelar_belakang",
    "TEMPAT LAHIR": "tempat_lahir",
    "TANGGAL LAHIR": "tanggal_lahir",
    "TGL LAHIR": "tanggal_lahir",
    "TGL LHR": "tanggal_lahir",
    "TANGGAL LHR": "tanggal_lahir",
    "TEMPAT TANGGAL LAHIR": "tempat_tanggal_lahir",
    "TEMPAT TGL LAHIR": "tempat_tanggal_lahir",
    "TTL": "tempat_tanggal_lahir",
    "JENIS KELAMIN": "jenis_kelamin",
    "JK": "jenis_kelamin",
    "L P": "jenis_kelamin",
    "KELAMIN": "jenis_kelamin",
    "SEX": "jenis_kelamin",
    "NIK": "nik",
    "NO KTP": "nik",
    "NOMOR KTP": "nik",
    "NIK KTP": "nik",
    "AGAMA": "agama",
    "JENIS PEGAWAI": "jenis_asn",
    "JENIS ASN": "jenis_asn",
    "STATUS": "status",
    "STATUS PEGAWAI": "status",
    "STATUS KEPEGAWAIAN": "status",
    "STATUS ASN": "status",
    "KEDUDUKAN": "kedudukan",
    "KEDUDUKAN HUKUM": "kedudukan",
    "KEDUDUKAN PEGAWAI": "kedudukan",
    "TMT CPNS": "tmt_cpns",
    "TMT PNS": "tmt_pns",
    "GOL AWAL": "golongan_awal",
    "GOLONGAN AWAL": "golongan_awal",
    "GOL": "golongan",
    "GOLONGAN": "golongan",
    "GOL RUANG": "golongan",
    "GOLONGAN RUANG": "golongan",
    "PANGKAT": "golongan",
    "PANGKAT GOL": "golongan",
    "PANGKAT GOLONGAN": "golongan",
    "PANGKAT GOL RUANG": "golongan",
    "PANGKAT GOLONGAN RUANG": "golongan",
    "GOL AKHIR": "golongan",
    "GOLONGAN AKHIR": "golongan",
    "GOL PPPK": "golongan",
    "GOLONGAN PPPK": "golongan",
    "TMT GOL": "tmt_golongan",
    "TMT GOLONGAN": "tmt_golongan",
    "TMT PANGKAT": "tmt_golongan",
    "TMT PANGKAT GOL": "tmt_golongan",
    "TMT GOL RUANG": "tmt_golongan",
    "MK TAHUN": "mk_tahun",
    "MK THN": "mk_tahun",
    "MASA KERJA TAHUN": "mk_tahun",
    "MK GOL TAHUN": "mk_tahun",
    "MK BULAN": "mk_bulan",
    "MK BLN": "mk_bulan",
    "MASA KERJA BULAN": "mk_bulan",
    "MK GOL BULAN": "mk_bulan",
    "JABATAN": "jabatan",
    "NAMA JABATAN": "jabatan",
    "JABATAN TERAKHIR": "jabatan",
    "JENIS JABATAN": "jenis_jabatan",
    "ESELON": "eselon",
    "TMT JABATAN": "tmt_jabatan",
    "TMT JAB": "tmt_jabatan",
    "UNIT KERJA": "unit",
    "UNIT": "unit",
    "UNIT ORGANISASI": "unit",
    "SUB UNIT KERJA": "unit",
    "SATUAN KERJA": "unit",
    "SATKER": "unit",
    "OPD": "unit_induk",
    "SKPD": "unit_induk",
    "PERANGKAT DAERAH": "unit_induk",
    "UNIT INDUK": "unit_induk",
    "INSTANSI": "unit_induk",
    "PENDIDIKAN": "pendidikan",
    "PENDIDIKAN TERAKHIR": "pendidikan",
    "TINGKAT PENDIDIKAN": "pendidikan",
    "JENJANG PENDIDIKAN": "pendidikan",
    "PEND TERAKHIR": "pendidikan",
    "IJAZAH TERAKHIR": "pendidikan",
    "JURUSAN": "pendidikan_nama",
    "PROGRAM STUDI": "pendidikan_nama",
    "PRODI": "pendidikan_nama",
    "JURUSAN PENDIDIKAN": "pendidikan_nama",
    "NAMA SEKOLAH": "institusi",
    "SEKOLAH": "institusi",
    "UNIVERSITAS": "institusi",
    "PERGURUAN TINGGI": "institusi",
    "INSTITUSI PENDIDIKAN": "institusi",
    "NAMA SEKOLAH PERGURUAN TINGGI": "institusi",
    "TAHUN LULUS": "tahun_lulus",
    "THN LULUS": "tahun_lulus",
    "ALAMAT": "alamat",
    "ALAMAT RUMAH": "alamat",
    "TELEPON": "telepon",
    "TELP": "telepon",
    "NO TELP": "telepon",
    "NO HP": "telepon",
    "NOMOR HP": "telepon",
    "HP": "telepon",
    "NO HP WA": "telepon",
    "EMAIL": "email",
    "E MAIL": "email",
    "ALAMAT EMAIL": "email",
}


def detect_siasn(headers: list[str]) -> bool:
    """True when the headers are those of the SIASN employee export."""
    keys = {header_key(h) for h in headers}
    return "NIP BARU" in keys and len(keys & _SIASN_MARKERS) >= 6


def _fuzzy(key: str) -> str | None:
    """Loose rules for headers not in the lists (ordered: the first that fits wins)."""
    words = set(key.split())
    if "NIP" in words:
        return "nip_lama" if "LAMA" in words else "nip"
    if "TMT" in words:
        if words & {"GOL", "GOLONGAN", "PANGKAT"}:
            return "tmt_golongan"
        if words & {"JABATAN", "JAB"}:
            return "tmt_jabatan"
        if "CPNS" in words:
            return "tmt_cpns"
        if "PNS" in words:
            return "tmt_pns"
        return None
    if words & {"LAHIR", "LHR"}:
        if words & {"TEMPAT", "TMP", "TMPT"} and words & {"TANGGAL", "TGL"}:
            return "tempat_tanggal_lahir"
        if words & {"TANGGAL", "TGL"}:
            return "tanggal_lahir"
        if words & {"TEMPAT", "TMP", "TMPT"}:
            return "tempat_lahir"
        return None
    if words & {"GOL", "GOLONGAN", "PANGKAT"}:
        return "golongan_awal" if "AWAL" in words else "golongan"
    if "PENDIDIKAN" in words:
        return "pendidikan"
    if "NAMA" in words and not words & {"JABATAN", "UNIT", "SEKOLAH", "IBU", "AYAH", "ISTRI"}:
        return "nama"
    return None


def guess_field(header: object) -> str | None:
    """The field a header most likely names, or None."""
    key = header_key(header)
    if not key:
        return None
    if key in SIASN_HEADERS:
        return SIASN_HEADERS[key]
    if key in SYNONYMS:
        return SYNONYMS[key]
    return _fuzzy(key)


def guess_mapping(headers: list[str]) -> dict[int, str | None]:
    """Column index -> field name guessed from the headers (each field at most once)."""
    mapping: dict[int, str | None] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        field = guess_field(header)
        if field is not None and field in taken:
            field = None
        if field is not None:
            taken.add(field)
        mapping[index] = field
    return mapping


def header_score(cells: list[str]) -> int:
    """How many distinct fields a row of cells names (to find the header row)."""
    return len({f for f in (guess_field(c) for c in cells if c) if f is not None})
