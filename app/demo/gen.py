"""Deterministic demo data: a believable *kota* government and its employees, as plain rows.

Pure Python: no SQL, no Qt. :func:`generate` yields :class:`DemoChunk` objects: first the
organisation (every ``unit_organisasi`` and ``jabatan`` row), then chunks of employees, each with
their ``pegawai`` row and all their history rows. The same ``(employees, seed, today)`` always
gives exactly the same rows, ids included, whatever the ``chunk_size``.

How a person is made (rules from ``shared/domain/asn-rules.md``):

* The organisation is fixed (about 40 perangkat daerah with their structural posts); the number
  of schools and puskesmas and the JF/pelaksana formation (``jabatan.kebutuhan``) grow with the
  number of employees so that the total formation is about 1.1 x employees.
* Every employee is given a seat first (structural posts: JPT first, then administrator and
  pengawas; then JF and pelaksana posts in proportion to their formation, some short and a few
  over-filled), then an education that fits the post, a golongan inside the
  post's range (asn-rules 2.2, 3.2, 3.3), and a promotion chain built backwards from today on the
  KP periods (asn-rules 5.1). The birth date follows from the TMT CPNS and a plausible age at
  appointment, and is moved so that nobody active is past their BUP (asn-rules 10.1).
* NIP and NI PPPK follow asn-rules 1.1/1.2 (unique sequence per first 15 digits), the NIK 1.3.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from bisect import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from app.demo import names as dn

#: One row as the write path takes it.
Row = dict[str, str | int | float | None]

__all__ = ["DemoChunk", "generate", "skp_id", "uuid4_from"]

TABLES_PEGAWAI = (
    "pegawai", "riwayat_pendidikan", "riwayat_pangkat", "riwayat_jabatan", "riwayat_diklat",
    "riwayat_skp", "riwayat_kgb", "riwayat_hukdis",
)  # fmt: skip


@dataclass
class DemoChunk:
    """One piece of the demo data set: table name -> rows (every column but ``deleted``)."""

    rows: dict[str, list[Row]]
    pegawai_count: int  # employees in this chunk


# ---------------------------------------------------------------------------------------------
# Reference codes (the generator must not depend on reference_data; these are the same codes)

GOL_PNS = (
    "", "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c",
    "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
)  # fmt: skip
GOL_INDEX = {kode: i for i, kode in enumerate(GOL_PNS) if kode}

# Starting golongan and KP reguler ceiling by diploma (asn-rules 2.2), as GOL_PNS indices.
EDU_START = {"SD": 1, "SMP": 3, "SLTA": 5, "D1": 5, "D2": 6, "D3": 7, "D4": 9, "S1": 9,
             "PROFESI": 10, "S2": 10, "S3": 11}  # fmt: skip
EDU_CEIL = {"SD": 5, "SMP": 7, "SLTA": 10, "D1": 10, "D2": 10, "D3": 11, "D4": 12, "S1": 12,
            "PROFESI": 13, "S2": 13, "S3": 14}  # fmt: skip
EDU_ORDER = {"SD": 1, "SMP": 2, "SLTA": 4, "D1": 5, "D2": 6, "D3": 8, "D4": 9, "S1": 10,
             "PROFESI": 11, "S2": 12, "S3": 13}  # fmt: skip
# PPPK golongan by diploma (asn-rules 2.3 [?]).
EDU_PPPK = {"SLTA": "V", "D3": "VII", "D4": "IX", "S1": "IX", "PROFESI": "X", "S2": "X"}
# Age (years) at CPNS appointment by diploma: lowest, highest.
EDU_AGE = {"SLTA": (20, 30), "D3": (21, 32), "D4": (22, 35), "S1": (22, 35), "PROFESI": (25, 35),
           "S2": (25, 35), "S3": (30, 35)}  # fmt: skip
# Usual age at graduation.
EDU_GRAD_AGE = {"SMP": 15, "SLTA": 18, "D3": 21, "D4": 22, "S1": 22, "PROFESI": 24, "S2": 26,
                "S3": 33}  # fmt: skip

KETERAMPILAN = ("PEMULA", "TERAMPIL", "MAHIR", "PENYELIA")
KEAHLIAN = ("AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA")
JF_LABEL = {"AHLI_UTAMA": "Ahli Utama", "AHLI_MADYA": "Ahli Madya", "AHLI_MUDA": "Ahli Muda",
            "AHLI_PERTAMA": "Ahli Pertama", "PENYELIA": "Penyelia", "MAHIR": "Mahir",
            "TERAMPIL": "Terampil", "PEMULA": "Pemula"}  # fmt: skip
# Pangkat range per JF level (asn-rules 3.3), GOL_PNS indices.
JF_GOL = {"AHLI_UTAMA": (16, 17), "AHLI_MADYA": (13, 15), "AHLI_MUDA": (11, 12),
          "AHLI_PERTAMA": (9, 10), "PENYELIA": (11, 12), "MAHIR": (9, 10), "TERAMPIL": (6, 8),
          "PEMULA": (5, 5)}  # fmt: skip
JF_KELAS = {"AHLI_UTAMA": 14, "AHLI_MADYA": 12, "AHLI_MUDA": 10, "AHLI_PERTAMA": 8,
            "PENYELIA": 8, "MAHIR": 7, "TERAMPIL": 6, "PEMULA": 5}  # fmt: skip
TINGKAT = {"JPT_PRATAMA": 9, "ADMINISTRATOR": 8, "PENGAWAS": 7, "AHLI_UTAMA": 8,
           "AHLI_MADYA": 7, "AHLI_MUDA": 6, "AHLI_PERTAMA": 5, "PENYELIA": 5, "MAHIR": 4,
           "TERAMPIL": 3, "PEMULA": 2, "PELAKSANA": 1}  # fmt: skip
# Lowest golongan at which a level is normally first held (for the jabatan history).
RUNG_FLOOR = {"PELAKSANA": 0, "PENGAWAS": 10, "ADMINISTRATOR": 12, "JPT_PRATAMA": 13,
              "AHLI_PERTAMA": 9, "AHLI_MUDA": 11, "AHLI_MADYA": 13, "AHLI_UTAMA": 16,
              "PEMULA": 5, "TERAMPIL": 6, "MAHIR": 9, "PENYELIA": 11}  # fmt: skip
BUP_JENJANG = {"JPT_PRATAMA": 60, "AHLI_MADYA": 60, "AHLI_UTAMA": 65}  # others 58
BUP_DEFAULT = 58
# eselon -> (jenis, jenjang, gol lo, gol hi, kelas, priority)
ESELON = {
    "II.a": ("JPT", "JPT_PRATAMA", 15, 16, 15, 0),
    "II.b": ("JPT", "JPT_PRATAMA", 14, 16, 14, 1),
    "III.a": ("JA", "ADMINISTRATOR", 13, 14, 12, 2),
    "III.b": ("JA", "ADMINISTRATOR", 12, 13, 11, 3),
    "IV.a": ("JA", "PENGAWAS", 11, 12, 9, 4),
    "IV.b": ("JA", "PENGAWAS", 10, 11, 8, 5),
}
P_KOSONG = (0.0, 0.03, 0.05, 0.06, 0.07, 0.09)  # vacancy probability per priority

# Predikat matrix (asn-rules 4.2): the (hasil, perilaku) pairs that give each predikat.
PREDIKAT_RATING: dict[str, tuple[tuple[str, str], ...]] = {
    "SANGAT_BAIK": (("ATAS", "ATAS"),),
    "BAIK": (("SESUAI", "SESUAI"),) * 7 + (("ATAS", "SESUAI"),) * 2 + (("SESUAI", "ATAS"),),
    "BUTUH_PERBAIKAN": (("BAWAH", "SESUAI"),) * 4 + (("BAWAH", "ATAS"),),
    "KURANG": (("SESUAI", "BAWAH"),) * 3 + (("ATAS", "BAWAH"),),
    "SANGAT_KURANG": (("BAWAH", "BAWAH"),),
}

# Discipline (asn-rules 9.1/9.2): kode, weight, months, days of absence that lead to it.
HUKUMAN: tuple[tuple[str, float, int, int, int], ...] = (
    ("TEGURAN_LISAN", 26.0, 0, 3, 3),
    ("TEGURAN_TERTULIS", 24.0, 0, 4, 6),
    ("PERNYATAAN_TIDAK_PUAS", 15.0, 0, 7, 10),
    ("POTONGAN_TPP_6", 14.0, 6, 11, 13),
    ("POTONGAN_TPP_9", 8.0, 9, 14, 16),
    ("POTONGAN_TPP_12", 6.0, 12, 17, 20),
    ("PENURUNAN_JABATAN", 4.0, 12, 21, 24),
    ("PEMBEBASAN_JABATAN", 3.0, 12, 25, 27),
)
ALASAN_RINGAN = (
    "Tidak menaati ketentuan jam kerja",
    "Tidak menyampaikan laporan hasil kerja tepat waktu",
    "Tidak mengikuti apel pagi secara berturut-turut tanpa keterangan",
)

# Gaji pokok at MKG 0 (PP 15/2019), PNS by GOL_PNS index; PPPK (Perpres 98/2020) by code.
# From 2024 both tables are 8% higher (PP 5/2024, Perpres 11/2024). Each 2 years of MKG add
# about 3.15%. Demo values: close to the tables, not copied from them.
GAJI_PNS = (0, 1560800, 1704500, 1776600, 1851800, 2022200, 2208400, 2301800, 2399200, 2579400,
            2688500, 2802300, 2920800, 3044300, 3173100, 3307300, 3447200, 3593100)  # fmt: skip
GAJI_PPPK = {"I": 1794900, "IV": 2129500, "V": 2325400, "VI": 2539600, "VII": 2647100,
             "VIII": 2759000, "IX": 2966300, "X": 3091800, "XI": 3222500}  # fmt: skip
MKG_MAX = (0, 27, 27, 27, 27, 33, 33, 33, 33, 32, 32, 32, 32, 32, 32, 32, 32, 32)
_TUMBUH = [1.0315**i for i in range(40)]

_BASE_YEAR = 1930
_DD = [f"{d:02d}" for d in range(32)]
_SLUG = str.maketrans("", "", "'.-,`")
_UUID_CLEAR = ((1 << 128) - 1) ^ ((0xC000 << 48) | (0xF000 << 64))
_UUID4_SET = (0x8000 << 48) | (4 << 76)
_UUID5_SET = (0x8000 << 48) | (5 << 76)
_NS_URL = uuid.NAMESPACE_URL.bytes


_SKP_PREFIX = hashlib.sha1(_NS_URL + b"merit:riwayat_skp:")


def uuid4_from(bits: int) -> str:
    """``str(uuid.UUID(int=bits, version=4))``, without building a UUID object."""
    h = ((bits & _UUID_CLEAR) | _UUID4_SET).to_bytes(16, "big").hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def skp_id(pegawai_id: str, tahun: int) -> str:
    """Natural id of a riwayat_skp row: uuid5(NAMESPACE_URL, "merit:riwayat_skp:{id}:{tahun}")."""
    digest = _SKP_PREFIX.copy()
    digest.update(f"{pegawai_id}:{tahun}".encode())
    value = (int.from_bytes(digest.digest()[:16], "big") & _UUID_CLEAR) | _UUID5_SET
    h = value.to_bytes(16, "big").hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _cumulative(weights: Sequence[float]) -> list[float]:
    total = 0.0
    out: list[float] = []
    for w in weights:
        total += w
        out.append(total)
    return out


def _allocate(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` (largest remainder; deterministic)."""
    s = sum(weights)
    if total <= 0 or s <= 0:
        return [0] * len(weights)
    quotas = [w * total / s for w in weights]
    out = [int(q) for q in quotas]
    rest = total - sum(out)
    order = sorted(range(len(weights)), key=lambda i: out[i] - quotas[i])
    for i in order[:rest]:
        out[i] += 1
    return out


def _roman_group(gol: int) -> int:
    return 1 if gol <= 4 else 2 if gol <= 8 else 3 if gol <= 12 else 4


# ---------------------------------------------------------------------------------------------
# The calendar: months as integers (0 = January 1930), with precomputed strings


class _Calendar:
    def __init__(self, today: date) -> None:
        last = max(today.year + 3, 2030)
        count = (last - _BASE_YEAR + 1) * 12
        self.iso = [f"{_BASE_YEAR + m // 12:04d}-{m % 12 + 1:02d}" for m in range(count)]
        self.digits = [s.replace("-", "") for s in self.iso]
        self.year = [_BASE_YEAR + m // 12 for m in range(count)]
        self.days = []
        for m in range(count):
            y, mo = _BASE_YEAR + m // 12, m % 12 + 1
            if mo == 2:
                self.days.append(29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28)
            else:
                self.days.append(30 if mo in (4, 6, 9, 11) else 31)
        # KP periods (asn-rules 5.1): April/October until 2023, every even month from 2024.
        self.kp_floor = [0] * count
        for m in range(count):
            y, mo = _BASE_YEAR + m // 12, m % 12 + 1
            ok = mo in (4, 10) if y < 2024 else mo % 2 == 0
            self.kp_floor[m] = m if ok or m == 0 else self.kp_floor[m - 1]
        self.today = today
        self.today_m = self.month(today.year, today.month)
        self.dash = [f"{s}-" for s in self.iso]  # "YYYY-MM-"
        self.first_s = [f"{s}-01" for s in self.iso]

    @staticmethod
    def month(year: int, month: int) -> int:
        return (year - _BASE_YEAR) * 12 + month - 1

    def day_str(self, m: int, day: int) -> str:
        """ISO date, day ``day`` (1..28) of month ``m``; never after today."""
        if m < self.today_m:
            return self.dash[m] + _DD[day]
        return self.dash[self.today_m] + _DD[min(day, self.today.day)]

    def first(self, m: int) -> str:
        return self.first_s[m]


# ---------------------------------------------------------------------------------------------
# The organisation


@dataclass(slots=True)
class _Unit:
    idx: int
    id: str
    induk: int | None
    kode: str
    nama: str
    singkatan: str | None
    jenis: str
    eselon: str | None
    urutan: int
    alamat: str
    opd: int
    head: int | None = None
    children: int = 0


@dataclass(slots=True)
class _Pos:
    idx: int
    id: str
    unit: int
    nama: str
    jenis: str  # JPT, JA, JF
    jenjang: str
    eselon: str | None
    kelas: int
    kebutuhan: int
    gol_min: str | None
    pend_min: str | None
    atasan: int | None
    bup_tahun: int | None  # stored override (guru 60)
    kind: str  # STRUKTURAL, JF, PELAKSANA
    family: str  # JF nama, pelaksana nama, or "" for structural
    rumpun: tuple[str, ...]
    lo: int
    hi: int
    bup: int
    rank: int
    opd: int
    group: str
    weight: float
    p_wanita: float
    edu: tuple[str, ...] = ()
    edu_cum: tuple[float, ...] = ()
    nakes: bool = False


_P_WANITA = {
    "Guru": 0.68, "Perawat": 0.72, "Bidan": 1.0, "Dokter": 0.6, "Dokter Gigi": 0.72,
    "Apoteker": 0.78, "Asisten Apoteker": 0.8, "Nutrisionis": 0.85, "Perekam Medis": 0.65,
    "Pranata Laboratorium Kesehatan": 0.72, "Polisi Pamong Praja": 0.18,
    "Pemadam Kebakaran": 0.04, "Penguji Kendaraan Bermotor": 0.1, "Teknik Jalan dan Jembatan": 0.2,
    "Teknik Pengairan": 0.25, "Operator Layanan Operasional": 0.2,
    "Pengadministrasi Perkantoran": 0.62, "Penyuluh Keluarga Berencana": 0.7,
    "Pekerja Sosial": 0.6, "Pustakawan": 0.65, "Arsiparis": 0.6,
}  # fmt: skip
_P_S2_STRUKTURAL = {"JPT_PRATAMA": 0.85, "ADMINISTRATOR": 0.5, "PENGAWAS": 0.25}
_P_WANITA_STRUKTURAL = {"JPT_PRATAMA": 0.22, "ADMINISTRATOR": 0.34, "PENGAWAS": 0.45}

_JF: dict[str, dn.JenisFungsional] = {j.nama: j for j in dn.JABATAN_FUNGSIONAL}


class _Org:
    """Builds the units and positions and decides who sits where."""

    def __init__(self, employees: int, rng: random.Random, kota: str) -> None:
        self.rng = rng
        self.kota = kota
        self.units: list[_Unit] = []
        self.pos: list[_Pos] = []
        self._build_structure()
        self._build_formation(employees)

    # --- helpers ------------------------------------------------------------------------------

    def _uuid(self) -> str:
        return uuid4_from(self.rng.getrandbits(128))

    def _alamat(self) -> str:
        r = self.rng
        jalan = dn.NAMA_JALAN[int(r.random() * len(dn.NAMA_JALAN))]
        return f"{jalan} No. {1 + int(r.random() * 120)}, {self.kota}"

    def _unit(
        self,
        induk: int | None,
        nama: str,
        jenis: str,
        eselon: str | None,
        singkatan: str | None = None,
    ) -> int:
        idx = len(self.units)
        if induk is None:
            urutan = sum(1 for u in self.units if u.induk is None) + 1
            kode = f"{urutan:02d}"
            opd = idx
        else:
            parent = self.units[induk]
            parent.children += 1
            urutan = parent.children
            kode = f"{parent.kode}.{urutan:02d}"
            opd = parent.opd
        self.units.append(
            _Unit(
                idx=idx, id=self._uuid(), induk=induk, kode=kode, nama=nama, singkatan=singkatan,
                jenis=jenis, eselon=eselon, urutan=urutan, alamat=self._alamat(), opd=opd,
            )
        )  # fmt: skip
        return idx

    def _head_of(self, unit: int | None) -> int | None:
        while unit is not None:
            u = self.units[unit]
            if u.head is not None:
                return u.head
            unit = u.induk
        return None

    def _struct(
        self,
        unit: int,
        nama: str,
        eselon: str,
        rumpun: tuple[str, ...],
        *,
        head: bool = True,
        atasan: int | None = None,
        top: bool = False,
    ) -> int:
        jenis, jenjang, lo, hi, kelas, rank = ESELON[eselon]
        if atasan is None and not top:
            atasan = self._head_of(unit if not head else self.units[unit].induk)
            if atasan is None:
                atasan = self.sekda
        idx = len(self.pos)
        pos = _Pos(
            idx=idx, id=self._uuid(), unit=unit, nama=nama, jenis=jenis, jenjang=jenjang,
            eselon=eselon, kelas=kelas, kebutuhan=1, gol_min=GOL_PNS[lo],
            pend_min="S1" if jenjang != "PENGAWAS" else "D3", atasan=atasan, bup_tahun=None,
            kind="STRUKTURAL", family="", rumpun=rumpun, lo=lo, hi=hi,
            bup=BUP_JENJANG.get(jenjang, BUP_DEFAULT), rank=rank, opd=self.units[unit].opd,
            group="STRUKTURAL", weight=0.0, p_wanita=_P_WANITA_STRUKTURAL[jenjang],
        )  # fmt: skip
        self.pos.append(pos)
        if head:
            self.units[unit].head = idx
        return idx

    # --- structure ----------------------------------------------------------------------------

    def _build_structure(self) -> None:
        self.sekda = -1
        self.opd_spec: list[
            tuple[
                int,
                float,
                tuple[tuple[str, float], ...],
                tuple[str, ...],
                float,
                tuple[str, ...],
                str,
            ]
        ] = []
        # Sekretariat Daerah
        setda = self._unit(None, dn.SETDA_NAMA, "OPD", "II.a", "Setda")
        self.sekda = self._struct(setda, "Sekretaris Daerah", "II.a", dn.SETDA_RUMPUN, top=True)
        self.pos[self.sekda].atasan = None
        for asisten_nama, bagian_list in dn.SETDA_ASISTEN:
            asisten = self._struct(
                setda, asisten_nama, "II.b", dn.SETDA_RUMPUN, head=False, atasan=self.sekda
            )
            for bagian_nama, subbagian in bagian_list:
                bagian = self._unit(setda, bagian_nama, "BAGIAN", "III.a")
                self._struct(
                    bagian, f"Kepala {bagian_nama}", "III.a", dn.SETDA_RUMPUN, atasan=asisten
                )
                for sub in subbagian:
                    unit = self._unit(bagian, sub, "SUBBAGIAN", "IV.a")
                    self._struct(unit, f"Kepala {sub}", "IV.a", dn.SETDA_RUMPUN)
        self.opd_spec.append((setda, dn.SETDA_BOBOT, dn.SETDA_JF, dn.SETDA_RUMPUN, 0.55, (), "OPD"))
        # Dinas, badan, ...
        for spec in dn.OPD:
            nama = spec.nama.format(kota=self.kota)
            root = self._unit(None, nama, "OPD", spec.eselon, spec.singkatan)
            self._struct(root, spec.kepala.format(kota=self.kota), spec.eselon, spec.rumpun)
            if spec.sekretariat:
                if spec.sekretariat_nama == "Sekretariat":
                    sek_nama, sek_kepala = f"Sekretariat {nama}", f"Sekretaris {nama}"
                else:
                    sek_nama, sek_kepala = spec.sekretariat_nama, f"Kepala {spec.sekretariat_nama}"
                sek = self._unit(root, sek_nama, "SEKRETARIAT", spec.sekretariat_eselon)
                self._struct(sek, sek_kepala, spec.sekretariat_eselon, spec.rumpun)
                for sub in spec.sekretariat:
                    unit = self._unit(sek, sub, "SUBBAGIAN", "IV.a")
                    self._struct(unit, f"Kepala {sub}", "IV.a", spec.rumpun)
            for bidang in spec.bidang:
                unit = self._unit(root, bidang, spec.bidang_jenis, spec.bidang_eselon)
                kepala = (
                    bidang.replace("Inspektorat Pembantu", "Inspektur Pembantu")
                    if bidang.startswith("Inspektorat Pembantu")
                    else f"Kepala {bidang}"
                )
                self._struct(unit, kepala, spec.bidang_eselon, spec.rumpun)
            for upt in spec.upt:
                unit = self._unit(root, upt, "UPT", "IV.a")
                self._struct(unit, f"Kepala {upt}", "IV.a", spec.rumpun)
            group = "RSUD" if spec.singkatan == dn.RSUD_SINGKATAN else "OPD"
            self.opd_spec.append(
                (
                    root,
                    spec.bobot,
                    spec.jf,
                    spec.rumpun,
                    spec.p_pelaksana,
                    spec.pelaksana_khusus,
                    group,
                )
            )
            if spec.singkatan == "Dinkes":
                self.dinkes = root
        # Kecamatan and kelurahan
        self.kelurahan: list[tuple[int, int]] = []  # (kecamatan number, unit)
        for no, kec in enumerate(dn.KECAMATAN, start=1):
            rumpun = dn.KECAMATAN_RUMPUN
            root = self._unit(None, f"Kecamatan {kec.nama}", "KECAMATAN", "III.a")
            self._struct(root, f"Camat {kec.nama}", "III.a", rumpun)
            sek = self._unit(root, f"Sekretariat Kecamatan {kec.nama}", "SEKRETARIAT", "III.b")
            self._struct(sek, f"Sekretaris Kecamatan {kec.nama}", "III.b", rumpun)
            for sub in dn.KECAMATAN_SUBBAGIAN:
                unit = self._unit(sek, sub, "SUBBAGIAN", "IV.b")
                self._struct(unit, f"Kepala {sub}", "IV.b", rumpun)
            for seksi in dn.KECAMATAN_SEKSI:
                unit = self._unit(root, seksi, "SEKSI", "IV.a")
                self._struct(unit, f"Kepala {seksi}", "IV.a", rumpun)
            for kel in kec.kelurahan:
                unit = self._unit(root, f"Kelurahan {kel}", "KELURAHAN", "IV.a")
                lurah = self._struct(unit, f"Lurah {kel}", "IV.a", rumpun)
                self._struct(
                    unit, f"Sekretaris Kelurahan {kel}", "IV.b", rumpun, head=False, atasan=lurah
                )
                for kasi in dn.KELURAHAN_KASI:
                    self._struct(unit, kasi, "IV.b", rumpun, head=False, atasan=lurah)
                self.kelurahan.append((no, unit))
            self.opd_spec.append(
                (root, dn.KECAMATAN_BOBOT, dn.KECAMATAN_JF, rumpun, 0.8, (), "OPD")
            )
        self.n_struct = len(self.pos)
        by_name = {u.nama: u.idx for u in self.units}
        self.bidang_sd = by_name["Bidang Pembinaan Sekolah Dasar"]
        self.bidang_smp = by_name["Bidang Pembinaan Sekolah Menengah Pertama"]

    # --- formation ----------------------------------------------------------------------------

    def _add(
        self,
        unit: int,
        family: str,
        jenjang: str,
        weight: float,
        group: str,
        rumpun: tuple[str, ...],
    ) -> None:
        """A JF (family in _JF) or pelaksana position, kebutuhan decided later."""
        opd = self.units[unit].opd
        atasan = self._head_of(unit)
        if jenjang == "PELAKSANA":
            spec = dn.PELAKSANA_BY_NAMA[family]
            levels = tuple(p for p, _ in spec.pendidikan)
            pend_min = min(levels, key=lambda e: EDU_ORDER[e])
            pos = _Pos(
                idx=0, id="", unit=unit, nama=family, jenis="JA", jenjang="PELAKSANA",
                eselon=None, kelas=spec.kelas, kebutuhan=0, gol_min=GOL_PNS[EDU_START[pend_min]],
                pend_min=pend_min, atasan=atasan, bup_tahun=None, kind="PELAKSANA",
                family=family, rumpun=rumpun, lo=0, hi=GOL_INDEX[spec.gol_maks],
                bup=BUP_DEFAULT, rank=9, opd=opd, group=group, weight=weight,
                p_wanita=_P_WANITA.get(family, 0.5),
            )  # fmt: skip
            pos.edu = levels
            pos.edu_cum = tuple(_cumulative([w for _, w in spec.pendidikan]))
        else:
            jf = _JF[family]
            lo, hi = JF_GOL[jenjang]
            if jenjang in KETERAMPILAN:
                pend_min = "SLTA" if jenjang == "PEMULA" else jf.pendidikan_min_terampil
            elif jf.rumpun in ("DOKTER", "DOKTER_GIGI", "VETERINER") or family == "Apoteker":
                pend_min = "PROFESI"
            elif jf.rumpun == "BIDAN":
                pend_min = "D4"
            else:
                pend_min = "S1"
            bup = jf.bup_tahun or BUP_JENJANG.get(jenjang, BUP_DEFAULT)
            pos = _Pos(
                idx=0, id="", unit=unit, nama=f"{family} {JF_LABEL[jenjang]}", jenis="JF",
                jenjang=jenjang, eselon=None, kelas=JF_KELAS[jenjang], kebutuhan=0,
                gol_min=GOL_PNS[lo], pend_min=pend_min, atasan=atasan, bup_tahun=jf.bup_tahun,
                kind="JF", family=family, rumpun=(jf.rumpun,), lo=lo, hi=hi, bup=bup, rank=9,
                opd=opd, group=group, weight=weight, p_wanita=_P_WANITA.get(family, 0.5),
                nakes=jf.nakes,
            )  # fmt: skip
            pos.edu, cum = self._jf_edu(jf, jenjang, pend_min)
            pos.edu_cum = tuple(_cumulative(cum))
        self.pos.append(pos)

    @staticmethod
    def _jf_edu(
        jf: dn.JenisFungsional, jenjang: str, pend_min: str
    ) -> tuple[tuple[str, ...], list[float]]:
        if jenjang == "PEMULA":
            return ("SLTA",), [1.0]
        if jenjang in KETERAMPILAN:
            if pend_min == "SLTA":
                return ("SLTA", "D3"), [0.7, 0.3]
            return ("D3",), [1.0]
        if pend_min == "PROFESI":
            return ("PROFESI", "S2"), [0.85, 0.15]
        if jf.rumpun == "PERAWAT":
            return ("PROFESI", "S1", "D4", "S2"), [0.72, 0.1, 0.08, 0.1]
        if jf.rumpun == "BIDAN":
            return ("D4", "S1", "PROFESI", "S2"), [0.6, 0.15, 0.1, 0.15]
        if jenjang in ("AHLI_MADYA", "AHLI_UTAMA"):
            return ("S1", "S2"), [0.65, 0.35]
        return ("S1", "S2"), [0.88, 0.12]

    def _build_formation(self, employees: int) -> None:
        r = self.rng
        n_struct = self.n_struct
        # Structural posts: a few vacant; when there are few employees, the JPT posts first,
        # then administrators and pengawas mixed. Holders are generated top-down (penilai).
        keys = [
            (0.0 if p.rank <= 1 else 1.0 + r.random() + (0.2 if p.rank >= 4 else 0.0))
            for p in self.pos[:n_struct]
        ]  # fmt: skip
        order = sorted(range(n_struct), key=lambda i: keys[i])
        candidates = [i for i in order if r.random() >= P_KOSONG[self.pos[i].rank]]
        filled_struct = candidates[: min(len(candidates), round(employees * 0.25))]
        filled_struct.sort(key=lambda i: (self.pos[i].rank, i))
        others = employees - len(filled_struct)
        ratio = 1.06 + r.random() * 0.06
        formation = round(employees * ratio) - n_struct
        if formation < others * 1.03:  # few employees: the structural posts stay mostly vacant
            formation = round(others * ratio)
        shares = {"SD": 0.30, "SMP": 0.14, "PKM": 0.10, "RSUD": 0.07, "OPD": 0.39}
        budget = _allocate(formation, list(shares.values()))
        group_total = dict(zip(shares, budget, strict=True))

        # Schools and puskesmas (their number grows with the formation).
        sd_size = sum(w for _, w in dn.SD_FORMASI)
        smp_size = sum(w for _, w in dn.SMP_FORMASI)
        pkm_size = sum(w for _, w in dn.PUSKESMAS_FORMASI)
        n_sd = max(1, round(group_total["SD"] / sd_size))
        n_smp = max(1, round(group_total["SMP"] / smp_size))
        n_pkm = max(1, round(group_total["PKM"] / pkm_size))
        school_rumpun = ("KEBIJAKAN", "EKONOMI", "KOMPUTER")
        for i in range(n_sd):
            unit = self._unit(self.bidang_sd, f"SD Negeri {i + 1} {self.kota}", "SEKOLAH", None)
            self._template(unit, dn.SD_FORMASI, "SD", school_rumpun)
        for i in range(n_smp):
            unit = self._unit(self.bidang_smp, f"SMP Negeri {i + 1} {self.kota}", "SEKOLAH", None)
            self._template(unit, dn.SMP_FORMASI, "SMP", school_rumpun)
        n_kel = len(self.kelurahan)
        for i in range(n_pkm):
            kel_unit = self.kelurahan[i % n_kel][1]
            nama = self.units[kel_unit].nama.removeprefix("Kelurahan ")
            if i >= n_kel:
                nama = f"{nama} {_ROMAWI[min(i // n_kel, len(_ROMAWI) - 1)]}"
            unit = self._unit(self.dinkes, f"Puskesmas {nama}", "PUSKESMAS", None)
            self._template(unit, dn.PUSKESMAS_FORMASI, "PKM", ("KESMAS", "KEBIJAKAN"))

        # OPD-level JF and pelaksana.
        for root, bobot, jf_list, rumpun, p_pel, khusus, group in self.opd_spec:
            self._opd_positions(root, bobot, jf_list, rumpun, p_pel, khusus, group)

        # Kebutuhan per group, in proportion to the weights (noisy), zero-seat posts dropped.
        nonstruct = self.pos[n_struct:]
        for group, total in group_total.items():
            members = [p for p in nonstruct if p.group == group]
            seats = _allocate(total, [p.weight * (0.75 + 0.5 * r.random()) for p in members])
            for p, k in zip(members, seats, strict=True):
                p.kebutuhan = k
        kept = [p for p in nonstruct if p.kebutuhan > 0]
        self.pos = self.pos[:n_struct] + kept
        for idx, p in enumerate(self.pos):
            p.idx = idx
            if not p.id:
                p.id = self._uuid()

        # Seats: structural holders first (by priority), then the others by unit.
        # Some posts short or vacant, a few over-filled (asn-rules 13.2 bezetting).
        filled = _allocate(others, [
            p.kebutuhan * (0.75 + 0.35 * r.random()) * (1.5 if r.random() < 0.06 else 1.0)
            for p in kept
        ])  # fmt: skip
        seats_by_unit: list[tuple[int, int, float, int]] = []
        for p, n in zip(kept, filled, strict=True):
            for _ in range(n):
                seats_by_unit.append((p.unit, -TINGKAT[p.jenjang], r.random(), p.idx))
        seats_by_unit.sort()
        self.seats: list[int] = filled_struct + [s[3] for s in seats_by_unit]
        self.filled_struct = len(filled_struct)

    def _template(
        self, unit: int, formasi: tuple[tuple[str, float], ...], group: str, rumpun: tuple[str, ...]
    ) -> None:
        for family, weight in formasi:
            if family in _JF:
                for jenjang, w in _JF[family].jenjang:
                    self._add(unit, family, jenjang, weight * w, group, rumpun)
            else:
                self._add(unit, family, "PELAKSANA", weight, group, rumpun)

    def _opd_positions(
        self,
        root: int,
        bobot: float,
        jf_list: tuple[tuple[str, float], ...],
        rumpun: tuple[str, ...],
        p_pel: float,
        khusus: tuple[str, ...],
        group: str,
    ) -> None:
        r = self.rng
        units = [u for u in self.units if u.opd == root and u.jenis not in ("SEKOLAH", "PUSKESMAS")]
        if group == "RSUD":
            bobot = 1.0
        jf_units = [u.idx for u in units if u.jenis in ("BIDANG", "BAGIAN", "UPT", "SEKSI")]
        if not jf_units:
            jf_units = [root]
        jf_total = sum(w for _, w in jf_list) or 1.0
        for family, w in jf_list:
            spec = _JF[family]
            for jenjang, wj in spec.jenjang:
                unit = jf_units[int(r.random() * len(jf_units))]
                self._add(
                    unit,
                    family,
                    jenjang,
                    bobot * (1 - p_pel) * w / jf_total * wj,
                    group,
                    (spec.rumpun,),
                )
        pel_units = [
            u.idx
            for u in units
            if u.jenis in ("SUBBAGIAN", "BIDANG", "BAGIAN", "UPT", "SEKSI", "KELURAHAN")
        ]
        if not pel_units:
            pel_units = [root]
        titles = [p for p in dn.PELAKSANA if p.bobot > 0]
        cum = _cumulative([p.bobot for p in titles])
        staff_rumpun = (*rumpun, "KEBIJAKAN", "EKONOMI")
        per_unit = bobot * p_pel / len(pel_units)
        for unit in pel_units:
            chosen: list[str] = []
            while len(chosen) < 3:
                title = titles[bisect(cum, r.random() * cum[-1])].nama
                if title not in chosen:
                    chosen.append(title)
            chosen.extend(khusus)
            for title in chosen:
                self._add(unit, title, "PELAKSANA", per_unit / len(chosen), group, staff_rumpun)

    # --- rows ---------------------------------------------------------------------------------

    def unit_rows(self) -> list[Row]:
        return [
            {
                "id": u.id,
                "induk_id": self.units[u.induk].id if u.induk is not None else None,
                "kode": u.kode,
                "nama": u.nama,
                "singkatan": u.singkatan,
                "jenis": u.jenis,
                "eselon_kode": u.eselon,
                "urutan": u.urutan,
                "alamat": u.alamat,
            }
            for u in self.units
        ]

    def jabatan_rows(self) -> list[Row]:
        return [
            {
                "id": p.id,
                "unit_id": self.units[p.unit].id,
                "nama": p.nama,
                "jenis_kode": p.jenis,
                "jenjang_kode": p.jenjang,
                "eselon_kode": p.eselon,
                "kelas_jabatan": p.kelas,
                "kebutuhan": p.kebutuhan,
                "gol_min_kode": p.gol_min,
                "pendidikan_min_kode": p.pend_min,
                "atasan_jabatan_id": self.pos[p.atasan].id if p.atasan is not None else None,
                "bup_tahun": p.bup_tahun,
            }
            for p in self.pos
        ]


_ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


# ---------------------------------------------------------------------------------------------
# Names


class _Names:
    """Flattened name material for fast drawing."""

    def __init__(self, kota: str) -> None:
        self.wilayah = dn.WILAYAH
        self.cum = _cumulative([w.bobot for w in dn.WILAYAH])
        self.kelompok_cum = [_cumulative([k.bobot for k in w.kelompok]) for w in dn.WILAYAH]
        self.kota = kota
        fmt = {"kota": kota}
        self.univ_setempat = tuple(u.format(**fmt) for u in dn.UNIVERSITAS_SETEMPAT)
        self.rumpun = {
            kode: r._replace(institusi_khusus=tuple(i.format(**fmt) for i in r.institusi_khusus))
            for kode, r in dn.RUMPUN_BY_KODE.items()
        }

    def draw(self, r: random.Random, wanita: bool) -> tuple[str, str, int]:
        """(nama, agama, wilayah index)."""
        rnd = r.random
        wi = bisect(self.cum, rnd() * self.cum[-1])
        w = self.wilayah[wi]
        kc = self.kelompok_cum[wi]
        k = w.kelompok[bisect(kc, rnd() * kc[-1])]
        parts: list[str] = []
        awalan = k.awalan_wanita if wanita else k.awalan_pria
        if awalan and rnd() < k.p_awalan:
            parts.append(awalan[int(rnd() * len(awalan))])
        depan = k.depan_wanita if wanita else k.depan_pria
        given = depan[int(rnd() * len(depan))]
        if not parts or parts[-1] != given:
            parts.append(given)
        belakang = k.belakang or (w.belakang_wanita if wanita else w.belakang_pria)
        if belakang and rnd() < w.p_belakang:
            last = belakang[int(rnd() * len(belakang))]
            if last not in parts:
                parts.append(last)
        return " ".join(parts), k.agama, wi


# ---------------------------------------------------------------------------------------------
# Employees


@dataclass(slots=True)
class _Edu:
    level: str
    prodi: dn.Prodi | None
    institusi: str
    tahun: int


class _People:
    """Generates employees in seat order, with one sequential random stream."""

    def __init__(self, org: _Org, seed: int, employees: int, cal: _Calendar, kota: str) -> None:
        self.org = org
        self.cal = cal
        self.kota = kota
        self.names = _Names(kota)
        self.rng = random.Random(f"merit-demo-pegawai:{seed}:{employees}")
        self._bits = self.rng.getrandbits
        self._rnd = self.rng.random
        self.nip_seq: dict[str, int] = {}
        self.nik_seq: dict[str, int] = {}
        self.nip_lama = 0
        self.holder: dict[int, tuple[str, str]] = {}
        self.unit_kepala: dict[int, tuple[str, str]] = {}
        units = org.units
        self.unit_id = [u.id for u in units]
        self.pos = org.pos
        # Status of each seat, decided up front (deterministic, independent of chunking).
        self._plan(employees)
        # Lookups for the jabatan history.
        self.pel_by_opd: dict[tuple[int, int], list[int]] = {}
        self.pel_by_tier: tuple[list[int], list[int], list[int]] = ([], [], [])
        self.pel_all: list[int] = []
        self.struct_by_jenjang: dict[str, list[int]] = {}
        self.struct_by_opd: dict[tuple[int, str], list[int]] = {}
        self.jf_by_unit: dict[tuple[int, str, str], int] = {}
        self.jf_by_family: dict[tuple[str, str], list[int]] = {}
        for p in org.pos:
            if p.kind == "PELAKSANA":
                tier = 0 if p.pend_min == "SLTA" else 1 if p.pend_min == "D3" else 2
                self.pel_by_opd.setdefault((p.opd, tier), []).append(p.idx)
                self.pel_by_tier[tier].append(p.idx)
                self.pel_all.append(p.idx)
            elif p.kind == "STRUKTURAL":
                self.struct_by_jenjang.setdefault(p.jenjang, []).append(p.idx)
                self.struct_by_opd.setdefault((p.opd, p.jenjang), []).append(p.idx)
            else:
                self.jf_by_unit[(p.unit, p.family, p.jenjang)] = p.idx
                self.jf_by_family.setdefault((p.family, p.jenjang), []).append(p.idx)
        self.kel_by_kec: list[list[str]] = [[] for _ in dn.KECAMATAN]
        for no, unit in org.kelurahan:
            self.kel_by_kec[no - 1].append(units[unit].nama.removeprefix("Kelurahan "))
        self.kec_nama = [k.nama for k in dn.KECAMATAN]
        self.hukuman_cum = _cumulative([h[1] for h in HUKUMAN])
        # The kepala daerah: penilai of the Sekda (no NIP).
        self.kepala_daerah = self.names.draw(random.Random(f"merit-demo-kada:{seed}"), False)[0]
        self.school_like = {u.idx for u in units if u.jenis in ("SEKOLAH", "PUSKESMAS")}
        fallback = self.names.rumpun["KEBIJAKAN"]
        self.prodi_pool: dict[tuple[str, str], tuple[dn.Prodi, ...]] = {}
        for kode, rum in self.names.rumpun.items():
            for level, pool, spare in (
                ("D3", rum.d3, fallback.d3), ("D4", rum.d4, fallback.d4),
                ("S1", rum.s1, fallback.s1), ("PROFESI", rum.profesi, ()),
                ("S2", rum.s2, fallback.s2), ("S3", _S3, _S3),
            ):  # fmt: skip
                self.prodi_pool[(kode, level)] = pool or spare
        fmt = {"kota": kota}
        self.peny_umum = tuple(x.format(**fmt) for x in dn.PENYELENGGARA_UMUM)
        self.peny_latsar = tuple(x.format(**fmt) for x in dn.PENYELENGGARA_LATSAR)
        self.peny_pim = tuple(x.format(**fmt) for x in dn.PENYELENGGARA_PIM)

    def _plan(self, employees: int) -> None:
        """Status (PNS/CPNS/PPPK) and kedudukan of every seat."""
        org = self.org
        r = random.Random(org.rng.getrandbits(64))
        seats = org.seats
        n = len(seats)
        status = ["PNS"] * n
        inactive: list[str | None] = [None] * n
        first = org.filled_struct
        # PPPK: about 20% of all employees, on entry-level JF and pelaksana seats.
        weights: list[tuple[float, int]] = []
        for i in range(first, n):
            p = self.pos[seats[i]]
            if p.jenjang in ("AHLI_PERTAMA", "TERAMPIL", "PELAKSANA"):
                w = 2.5 if p.family == "Guru" else 1.6 if p.nakes else 0.8
                weights.append((r.random() ** (1.0 / w), i))
        weights.sort(reverse=True)
        for _, i in weights[: round(employees * 0.2)]:
            status[i] = "PPPK"
        # CPNS: a few % appointed in the last year, on entry-level seats.
        entry = [i for i in range(first, n) if status[i] == "PNS"
                 and self.pos[seats[i]].jenjang in ("AHLI_PERTAMA", "TERAMPIL", "PELAKSANA",
                                                    "PEMULA")]  # fmt: skip
        r.shuffle(entry)
        for i in entry[: round(employees * 0.035)]:
            status[i] = "CPNS"
        # A few who left recently: pension, death, transfer.
        pool = [i for i in range(first, n) if status[i] != "CPNS"]
        r.shuffle(pool)
        for i in pool[: round(employees * 0.025)]:
            x = r.random()
            if status[i] == "PPPK":
                inactive[i] = "MENINGGAL" if x < 0.3 else None
            else:
                inactive[i] = "PENSIUN" if x < 0.6 else "PINDAH" if x < 0.85 else "MENINGGAL"
        self.status = status
        self.inactive = inactive

    # --- small helpers ------------------------------------------------------------------------

    def _uuid(self) -> str:
        h = ((self._bits(128) & _UUID_CLEAR) | _UUID4_SET).to_bytes(16, "big").hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def _institusi(self, level: str, rumpun: dn.Rumpun, wil: int, tempat: str, jurusan: str) -> str:
        rnd = self.rng.random
        if level in ("SLTA", "SMP", "SD"):
            n = 1 + int(rnd() * 6)
            if level == "SLTA":
                kind = "SMA" if jurusan in ("IPA", "IPS", "Bahasa") else "SMK"
                return f"{kind} Negeri {n} {tempat}"
            return f"{level} Negeri {n} {tempat}"
        x = rnd()
        if level in ("D3", "D4", "S1", "PROFESI") and rumpun.institusi_khusus and x < 0.5:
            pool = rumpun.institusi_khusus
        elif level in ("S2", "S3"):
            pool = (dn.UNIVERSITAS_NASIONAL if x < 0.5 else self.names.wilayah[wil].universitas
                    if x < 0.85 else self.names.univ_setempat[:1])  # fmt: skip
        elif x < 0.75:
            pool = self.names.wilayah[wil].universitas
        elif x < 0.9:
            pool = self.names.univ_setempat
        else:
            pool = dn.UNIVERSITAS_NASIONAL
        return pool[int(rnd() * len(pool))]

    def _prodi(self, rumpun: dn.Rumpun, level: str) -> dn.Prodi | None:
        pool = self.prodi_pool.get((rumpun.kode, level))
        if not pool:
            return None
        return pool[int(self.rng.random() * len(pool))]

    def _gaji(self, gol: int, mk: int, year: int) -> int:
        base = GAJI_PNS[gol] * _TUMBUH[min(mk, MKG_MAX[gol]) // 2]
        if year >= 2024:
            base *= 1.08
        return round(base / 100.0) * 100

    def _sk(self, kode: str, year: int) -> str:
        instansi = "BKD" if year < 2017 else "BKPSDM"
        return f"{kode}/{1 + int(self._rnd() * 999):03d}/{instansi}/{year}"

    # --- one employee -------------------------------------------------------------------------

    def person(self, seat_no: int, out: dict[str, list[Row]]) -> None:
        cal = self.cal
        r = self.rng
        rnd = r.random
        pos = self.pos[self.org.seats[seat_no]]
        status = self.status[seat_no]
        keluar = self.inactive[seat_no]
        pppk = status == "PPPK"
        pid = self._uuid()
        wanita = rnd() < pos.p_wanita
        nama, agama, wil = self.names.draw(r, wanita)
        bup = pos.bup
        today_m = cal.today_m

        # Kedudukan: who left, when; histories stop the month before.
        tmt_ked: str | None = None
        birth_fixed: int | None = None
        if keluar == "PENSIUN":
            retire_m = today_m - int(rnd() * 21)
            tmt_ked = cal.first(retire_m)
            now_m = retire_m - 1
            birth_fixed = now_m - bup * 12
        elif keluar is not None:
            ked_m = today_m - int(rnd() * 24)
            tmt_ked = cal.day_str(ked_m, 1 + int(rnd() * 28))
            now_m = ked_m - 1
        else:
            now_m = today_m

        # Education: family, entry level, later study.
        rumpun = self.names.rumpun[pos.rumpun[int(rnd() * len(pos.rumpun))]]
        entry = pos.edu[bisect(pos.edu_cum, rnd() * pos.edu_cum[-1])] if pos.edu else "S1"
        if pos.kind == "STRUKTURAL":
            entry = self._struct_entry(pos, rumpun)
        if pppk and entry not in EDU_PPPK:
            entry = "SLTA" if EDU_ORDER[entry] < EDU_ORDER["SLTA"] else "S1"
        start = EDU_START[entry]
        if status == "CPNS" and start < pos.lo:
            entry = "D3" if pos.jenjang in KETERAMPILAN and pos.lo <= 7 else "S1"
            start = EDU_START[entry]
        high = entry
        if not pppk and status != "CPNS":
            x = rnd()
            if pos.kind == "STRUKTURAL":
                if entry in ("SLTA", "D3") and (x < 0.85 or pos.lo > EDU_CEIL[entry]):
                    high = "S1"
                elif entry in ("S1", "D4") and x < _P_S2_STRUKTURAL[pos.jenjang]:
                    high = "S2"
                elif entry in ("S2", "PROFESI") and pos.jenjang == "JPT_PRATAMA" and x < 0.12:
                    high = "S3"
            elif entry in ("SLTA", "D3"):
                if x < (0.2 if pos.kind == "PELAKSANA" else 0.15):
                    high = "S1"
            elif entry in ("S1", "D4"):
                if x < (0.3 if pos.jenjang == "AHLI_MADYA" else 0.08):
                    high = "S2"
            elif entry == "PROFESI" and pos.jenjang != "AHLI_PERTAMA" and x < 0.15:
                high = "S2"
        pi = high in ("S1", "D4", "S2", "S3") and entry in ("SLTA", "D3") and pos.kind != "JF"
        # Former pengawas/administrator made JF by the 2021 penyetaraan (asn-rules 3.5).
        setara = (pos.kind == "JF" and not pppk and pos.family in dn.JF_PENYETARAAN
                  and pos.jenjang in ("AHLI_MUDA", "AHLI_MADYA") and cal.today.year >= 2022
                  and rnd() < 0.6)  # fmt: skip

        # Golongan range for this person in this post.
        if pppk:
            gols = [0]
            lo = hi = g_t = 0
        else:
            if pos.kind == "PELAKSANA":
                hi = min(pos.hi, EDU_CEIL["S1" if pi else entry])
            else:
                hi = pos.hi
            hi = max(hi, start)
            lo = min(max(pos.lo, start), hi)
            if status == "CPNS":
                g_t = start
            elif lo == hi or keluar == "PENSIUN" or rnd() < 0.45:
                g_t = hi
            else:
                g_t = lo + int(rnd() * (hi - lo))
            if pi and g_t >= 9:
                pi_from = min(8, start + int(rnd() * 3))
                gols = list(range(start, pi_from + 1)) + list(range(9, g_t + 1))
            else:
                if pos.kind == "PELAKSANA":
                    g_t = min(g_t, EDU_CEIL[entry])
                gols = list(range(start, g_t + 1))
                pi = False
        steps = len(gols) - 1
        ceil_entry = EDU_CEIL[entry]

        # Promotion chain, backwards from now.
        ints: list[int] = []
        kinds: list[str] = []
        for j in range(1, steps + 1):
            g = gols[j]
            if pi and g == 9:
                kinds.append("PENYESUAIAN_IJAZAH")
                ints.append(12 + int(rnd() * 30))
            elif g > (12 if pi and g >= 9 else ceil_entry) or (
                pos.kind == "JF" and not setara and g > 8 and rnd() < 0.4
            ):
                kinds.append("PILIHAN")
                ints.append(24 + int(rnd() * 25) if pos.kind == "JF" else 48 + int(rnd() * 13))
            else:
                kinds.append("REGULER")
                x = rnd()
                ints.append(
                    48 if x < 0.55 else 54 if x < 0.75 else 60 if x < 0.87 else 66 + int(rnd() * 36)
                )
        at_top = g_t == hi
        if status == "CPNS":
            t_c = 1 + int(rnd() * 10)
        elif pppk:
            t_c = 0
        elif steps == 0:
            t_c = 13 + int(rnd() * (90 if at_top else 35))
        elif at_top:
            top = 230 if pos.kind == "PELAKSANA" else 110 if pos.kind == "JF" else 84
            t_c = int((1.0 - rnd() ** 2) * top)
        else:
            t_c = int(rnd() * 44)
        age_lo, age_hi = EDU_AGE.get(entry, (22, 35))
        age_m = age_lo * 12 + 1 + int(rnd() * ((age_hi - age_lo) * 12 + 10))

        if pppk:
            tmt_cpns, kp_months, birth_m = self._pppk_dates(now_m, bup, entry, birth_fixed)
        else:
            if birth_fixed is not None:
                # Retired this year or last: the chain fills the working life.
                age_m = max(age_m, age_lo * 12 + 24)
                t_c = now_m - birth_fixed - age_m - sum(ints)
                if t_c < 0:
                    ints = [48 if k == "REGULER" else 24 for k in kinds]
                    t_c = max(0, now_m - birth_fixed - age_m - sum(ints))
            kp_months, tmt_cpns = self._chain(now_m, ints, t_c)
            birth_m = tmt_cpns - age_m
            if birth_fixed is not None:
                birth_m = birth_fixed
            else:
                limit = now_m - bup * 12 + 1
                tries = 0
                while birth_m < limit and tries < 3:
                    over = limit - birth_m
                    shrink = min(over, age_m - age_lo * 12 - 1)
                    age_m -= shrink
                    over -= shrink
                    if over > 0:
                        if tries == 0:
                            t_c = max(13 if steps == 0 else 0, t_c - over - 6)
                        else:
                            ints = [48 if k == "REGULER" else 24 for k in kinds]
                            t_c = 13 if steps == 0 else 0
                        kp_months, tmt_cpns = self._chain(now_m, ints, t_c)
                    birth_m = tmt_cpns - age_m
                    tries += 1
                if birth_m < limit:  # pragma: no cover - the minimal chain always fits
                    birth_m = limit
        by = cal.year[birth_m]
        bmo = birth_m % 12 + 1
        bday = 1 + int(rnd() * cal.days[birth_m])
        tanggal_lahir = f"{cal.iso[birth_m]}-{bday:02d}"

        # Identifiers.
        sex = "2" if wanita else "1"
        birth8 = f"{by:04d}{bmo:02d}{bday:02d}"
        if pppk:
            prefix = f"{birth8}{cal.year[tmt_cpns]:04d}21{sex}"
        else:
            prefix = f"{birth8}{cal.digits[tmt_cpns]}{sex}"
        seq = self.nip_seq.get(prefix, 0) + 1
        self.nip_seq[prefix] = seq
        nip = f"{prefix}{seq:03d}"
        kec = int(rnd() * len(self.kec_nama))
        nik_prefix = (
            f"{dn.KODE_WILAYAH_NIK}{kec + 1:02d}{bday + 40 if wanita else bday:02d}"
            f"{bmo:02d}{by % 100:02d}"
        )
        nseq = self.nik_seq.get(nik_prefix, 0) + 1
        self.nik_seq[nik_prefix] = nseq
        nik = f"{nik_prefix}{nseq:04d}"
        nip_lama = None
        if not pppk and cal.year[tmt_cpns] < 2008:
            self.nip_lama += 1
            nip_lama = f"{530000000 + self.nip_lama * 7:09d}"

        # Birth place, education rows, gelar.
        wil_spec = self.names.wilayah[wil]
        p_local = 0.6 if wil_spec.kode == "NTT" else 0.12
        if rnd() < p_local:
            tempat = self.kota
        else:
            tempat = wil_spec.tempat_lahir[int(rnd() * len(wil_spec.tempat_lahir))]
        edus = self._education(
            entry, high, rumpun, wil, tempat, by, tmt_cpns, now_m, kp_months, gols, pi, agama
        )
        gelar_depan, gelar_belakang = self._gelar(edus, wanita)
        nama_lengkap = nama
        if gelar_depan:
            nama_lengkap = f"{gelar_depan} {nama_lengkap}"
        if gelar_belakang:
            nama_lengkap = f"{nama_lengkap}, {gelar_belakang}"
        for e in edus:
            out["riwayat_pendidikan"].append({
                "id": self._uuid(),
                "pegawai_id": pid,
                "tingkat_kode": e.level,
                "jurusan": e.prodi.jurusan if e.prodi else None,
                "institusi": e.institusi,
                "tahun_lulus": e.tahun,
                "nomor_ijazah": self._ijazah(e) if rnd() < 0.75 else None,
            })  # fmt: skip

        # Pangkat history.
        months_all = [tmt_cpns, *kp_months]
        tanggal_cpns = cal.first(tmt_cpns)
        if pppk:
            gol_code = EDU_PPPK[entry]
            y0 = cal.year[tmt_cpns]
            out["riwayat_pangkat"].append({
                "id": self._uuid(), "pegawai_id": pid, "golongan_kode": gol_code,
                "tmt": tanggal_cpns, "jenis": "PPPK", "mk_tahun": 0, "mk_bulan": 0,
                "nomor_sk": f"800.1.2.5/{1 + int(rnd() * 999):03d}/BKPSDM/{y0}",
                "tanggal_sk": cal.day_str(tmt_cpns - 1, 1 + int(rnd() * 28)),
            })  # fmt: skip
        else:
            reduction = _MK_REDUCTION[_roman_group(gols[0])]
            for j, (m, g) in enumerate(zip(months_all, gols, strict=True)):
                mk = m - tmt_cpns - reduction[g]
                mk = max(mk, 0)
                jenis = "CPNS" if j == 0 else kinds[j - 1]
                out["riwayat_pangkat"].append({
                    "id": self._uuid(), "pegawai_id": pid, "golongan_kode": GOL_PNS[g],
                    "tmt": cal.first(m), "jenis": jenis, "mk_tahun": mk // 12,
                    "mk_bulan": mk % 12,
                    "nomor_sk": self._sk("813.3" if j == 0 else "823.3", cal.year[m]),
                    "tanggal_sk": cal.day_str(m - 1 - int(rnd() * 2), 1 + int(rnd() * 28)),
                })  # fmt: skip

        # KGB: every 2 years from the TMT CPNS (contract start for PPPK); the last 1-3.
        kgb_months = list(range(tmt_cpns + 24, now_m + 1, 24))
        keep = 1 + int(rnd() * 3)
        for m in kgb_months[-keep:]:
            year = cal.year[m]
            if pppk:
                mk = m - tmt_cpns
                g_code = EDU_PPPK[entry]
                base = GAJI_PPPK[g_code] * _TUMBUH[min(mk // 24, 30)]
                gaji = round(base * (1.08 if year >= 2024 else 1.0) / 100.0) * 100
            else:
                g = gols[bisect(months_all, m) - 1]
                mk = max(0, m - tmt_cpns - _MK_REDUCTION[_roman_group(gols[0])][g])
                g_code = GOL_PNS[g]
                gaji = self._gaji(g, mk // 12, year)
            out["riwayat_kgb"].append({
                "id": self._uuid(), "pegawai_id": pid, "tmt": cal.first(m),
                "golongan_kode": g_code, "mk_tahun": mk // 12, "mk_bulan": mk % 12,
                "gaji_pokok": gaji, "nomor_sk": self._sk("822.4", year),
                "tanggal_sk": cal.day_str(m - 2, 1 + int(rnd() * 28)),
            })  # fmt: skip

        # Jabatan history.
        rungs = self._jabatan(
            pos, pid, pppk, setara, entry, rumpun.kode, tmt_cpns, now_m, months_all, gols, out
        )

        # Training.
        self._diklat(pid, pos, pppk, tmt_cpns, now_m, gols[0], rungs, rumpun.kode, out)

        # Discipline (~2.5%): never while a KP or KGB falls inside a sedang/berat penalty.
        hukdis_year = -1
        if now_m - tmt_cpns >= 24 and rnd() < 0.03:
            hukdis_year = self._hukdis(pid, pos, tmt_cpns, now_m, months_all, kgb_months, out)

        # SKP, the last 3-5 years.
        penilai = self._penilai(pos)
        y_last = cal.year[now_m] - (0 if now_m % 12 == 11 else 1)
        y_last = min(y_last, cal.today.year - 1)
        y_first = max(
            y_last - 2 - int(rnd() * 3), cal.year[tmt_cpns] + (0 if tmt_cpns % 12 < 6 else 1)
        )
        p_sb = 0.35 if rnd() < 0.12 else 0.06
        skp_rows = out["riwayat_skp"]
        skp_hash = _SKP_PREFIX.copy()
        skp_hash.update(f"{pid}:".encode())
        for tahun in range(y_first, y_last + 1):
            if tahun == hukdis_year:
                predikat = "KURANG" if rnd() < 0.6 else "BUTUH_PERBAIKAN"
            else:
                x = rnd()
                predikat = (
                    "SANGAT_BAIK" if x < p_sb
                    else "BUTUH_PERBAIKAN" if x < p_sb + 0.025
                    else "KURANG" if x < p_sb + 0.032
                    else "SANGAT_KURANG" if x < p_sb + 0.034
                    else "BAIK"
                )  # fmt: skip
            pairs = PREDIKAT_RATING[predikat]
            hasil, perilaku = pairs[int(rnd() * len(pairs))]
            # skp_id(pid, tahun), with the pegawai part of the name hashed once per person.
            digest = skp_hash.copy()
            digest.update(str(tahun).encode())
            h = (
                ((int.from_bytes(digest.digest()[:16], "big") & _UUID_CLEAR) | _UUID5_SET)
                .to_bytes(16, "big")
                .hex()
            )
            skp_rows.append({
                "id": f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}", "pegawai_id": pid,
                "tahun": tahun, "rating_hasil": hasil, "rating_perilaku": perilaku,
                "predikat_kode": predikat,
                "penilai_nama": penilai[0], "penilai_nip": penilai[1],
            })  # fmt: skip

        # Contact details.
        kel_list = self.kel_by_kec[kec]
        kel = kel_list[int(rnd() * len(kel_list))] if kel_list else self.kec_nama[kec]
        jalan = dn.NAMA_JALAN[int(rnd() * len(dn.NAMA_JALAN))]
        alamat = (
            f"{jalan} No. {1 + int(rnd() * 150)}, RT {1 + int(rnd() * 20):03d}/RW "
            f"{1 + int(rnd() * 9):03d}, Kel. {kel}, Kec. {self.kec_nama[kec]}, {self.kota}"
        )
        telepon = None
        if rnd() < 0.92:
            op = dn.KODE_OPERATOR_HP[int(rnd() * len(dn.KODE_OPERATOR_HP))]
            telepon = f"{op}{int(rnd() * 90000000) + 10000000}"
        email = None
        if rnd() < 0.7:
            slug = ".".join(nama.lower().translate(_SLUG).split()[-2:])
            domain = "gmail.com" if rnd() < 0.82 else "yahoo.co.id"
            email = f"{slug}{by % 100:02d}@{domain}" if slug else None

        if status == "PNS":
            tmt_pns: str | None = cal.first(min(tmt_cpns + 12 + int(rnd() * 10), now_m))
        else:
            tmt_pns = None
        out["pegawai"].append({
            "id": pid,
            "jenis_asn": "PPPK" if pppk else "PNS",
            "nip": nip,
            "nip_lama": nip_lama,
            "nik": nik,
            "nama": nama,
            "gelar_depan": gelar_depan or None,
            "gelar_belakang": gelar_belakang or None,
            "tempat_lahir": tempat,
            "tanggal_lahir": tanggal_lahir,
            "jenis_kelamin": "P" if wanita else "L",
            "agama_kode": agama,
            "status_kepegawaian": status,
            "kedudukan": keluar or "AKTIF",
            "tmt_kedudukan": tmt_ked,
            "tmt_cpns": tanggal_cpns,
            "tmt_pns": tmt_pns,
            "alamat": alamat,
            "telepon": telepon,
            "email": email,
        })  # fmt: skip

        # Remember heads for the SKP penilai of the people generated after them.
        if keluar is None:
            if pos.kind == "STRUKTURAL":
                self.holder[pos.idx] = (nama_lengkap, nip)
            elif (
                pos.unit in self.school_like
                and pos.unit not in self.unit_kepala
                and (pos.jenjang not in ("PELAKSANA",) and not pppk and status == "PNS")
            ):
                self.unit_kepala[pos.unit] = (nama_lengkap, nip)

    # --- parts ----------------------------------------------------------------------------------

    def _struct_entry(self, pos: _Pos, rumpun: dn.Rumpun) -> str:
        x = self.rng.random()
        if pos.jenjang == "PENGAWAS":
            entry = "S1" if x < 0.72 else "D3" if x < 0.88 else "SLTA" if x < 0.95 else "S2"
        elif pos.jenjang == "ADMINISTRATOR":
            entry = "S1" if x < 0.88 else "D3" if x < 0.92 else "S2"
        else:
            entry = "S1" if x < 0.9 else "S2"
        if rumpun.profesi and entry == "S1" and rumpun.kode in ("DOKTER", "DOKTER_GIGI"):
            entry = "PROFESI"
        return entry

    def _chain(self, now_m: int, ints: list[int], t_c: int) -> tuple[list[int], int]:
        """KP months (ascending) and the TMT CPNS month, built backwards from now."""
        if not ints:
            return [], now_m - t_c
        floor = self.cal.kp_floor
        m = floor[now_m - t_c]
        months = [m]
        for j in range(len(ints) - 1, 0, -1):
            m = floor[m - ints[j]]
            months.append(m)
        months.reverse()
        return months, months[0] - ints[0]

    def _pppk_dates(
        self, now_m: int, bup: int, entry: str, birth_fixed: int | None
    ) -> tuple[int, list[int], int]:
        cal = self.cal
        rnd = self.rng.random
        x = rnd()
        year = (2019 if x < 0.03 else 2020 if x < 0.07 else 2021 if x < 0.22 else 2022 if x < 0.44
                else 2023 if x < 0.62 else 2024 if x < 0.78 else 2025)  # fmt: skip
        month = (1, 3, 4, 7, 10)[int(rnd() * 5)]
        tmt = min(cal.month(year, month), now_m - 1 - int(rnd() * 3))
        age_lo = EDU_AGE.get(entry, (22, 35))[0] + 1
        age_m = age_lo * 12 + int(rnd() * (50 - age_lo) * 12)
        birth_m = tmt - age_m
        limit = now_m - bup * 12 + 13
        if birth_m < limit:
            birth_m = limit + int(rnd() * 60)
        if birth_fixed is not None:
            birth_m = birth_fixed
        return tmt, [], birth_m

    def _education(
        self,
        entry: str,
        high: str,
        rumpun: dn.Rumpun,
        wil: int,
        tempat: str,
        by: int,
        tmt_cpns: int,
        now_m: int,
        kp_months: list[int],
        gols: list[int],
        pi: bool,
        agama: str,
    ) -> list[_Edu]:
        cal = self.cal
        rnd = self.rng.random
        y_cpns = cal.year[tmt_cpns]
        y_now = cal.year[now_m]

        def grad(level: str, latest: int) -> int:
            year = by + EDU_GRAD_AGE.get(level, 22) + int(rnd() * 3)
            return min(year, latest)

        def make(level: str, year: int) -> _Edu:
            if level in ("SLTA", "SMP"):
                jurusan = rumpun.slta[int(rnd() * len(rumpun.slta))] if level == "SLTA" else ""
                prodi = dn.Prodi(jurusan, "") if jurusan else None
                return _Edu(
                    level, prodi, self._institusi(level, rumpun, wil, tempat, jurusan), year
                )
            prodi = self._prodi(rumpun, level)
            if prodi is not None:
                if prodi.jurusan.startswith("Pendidikan Agama"):
                    jurusan, gelar = dn.PRODI_AGAMA.get(agama, ("Pendidikan Matematika", "S.Pd."))
                    prodi = dn.Prodi(jurusan, gelar)
                sebelum = dn.GELAR_SEBELUM.get(prodi.gelar)
                if sebelum is not None and year < sebelum[0]:
                    prodi = prodi._replace(gelar=sebelum[1])
            return _Edu(level, prodi, self._institusi(level, rumpun, wil, tempat, ""), year)

        entry_year = grad(entry, y_cpns)
        out: list[_Edu] = []
        if high != entry:
            first = make(entry, entry_year)
            if pi:
                # The diploma came shortly before the penyesuaian ijazah.
                idx = next((j for j, g in enumerate(gols) if g >= 9 and j > 0), 0)
                latest = cal.year[kp_months[idx - 1]] if idx > 0 else y_now
            else:
                latest = y_now
            low = max(entry_year + 2, y_cpns + 1)
            year = min(latest, low + int(rnd() * 8))
            year = max(year, min(low, latest))
            second = make(high, year)
            if high == "S3":
                second.prodi = _S3[int(rnd() * len(_S3))]
            out = [first, second]
        elif entry == "PROFESI":
            s1 = make("S1", entry_year - 1 - int(rnd() * 2))
            s1.prodi = rumpun.s1[0] if rumpun.s1 else s1.prodi
            prof = make("PROFESI", entry_year)
            prof.institusi = s1.institusi
            out = [s1, prof]
        elif entry == "S2":
            out = [make("S1", entry_year - 2 - int(rnd() * 2)), make("S2", entry_year)]
        elif entry in ("S1", "D4", "D3") and rnd() < 0.3:
            out = [make("SLTA", by + 18), make(entry, entry_year)]
        elif entry == "SLTA" and rnd() < 0.2:
            out = [make("SMP", by + 15), make(entry, entry_year)]
        else:
            out = [make(entry, entry_year)]
        return out

    @staticmethod
    def _gelar(edus: list[_Edu], wanita: bool) -> tuple[str, str]:
        depan: list[str] = []
        belakang: list[str] = []
        levels = [e.level for e in edus]
        top = edus[-1].level
        for e in edus:
            p = e.prodi
            if p is None or not p.gelar:
                continue
            if e.level == "D3" and top != "D3":
                continue
            if e.level in ("SLTA", "SMP"):
                continue
            if e.level == "S1" and "PROFESI" in levels:
                prof = edus[levels.index("PROFESI")].prodi
                if prof is not None and not prof.simpan_s1:
                    continue
            if p.depan:
                depan.append(p.gelar)
            elif e.level == "S1" and e.tahun <= dn.TAHUN_GELAR_LAMA and p.gelar in dn.GELAR_S1_LAMA:
                lama = dn.GELAR_S1_LAMA[p.gelar]
                depan.append("Dra." if lama == "Drs." and wanita else lama)
            else:
                belakang.append(p.gelar)
        if "Dr." in depan:
            depan.remove("Dr.")
            depan.insert(0, "Dr.")
        return " ".join(depan), ", ".join(belakang)

    def _ijazah(self, e: _Edu) -> str:
        n = int(self.rng.random() * 9_000_000) + 1_000_000
        if e.level in ("SLTA", "SMP"):
            kode = "Ma" if e.level == "SLTA" else "Mp"
            return f"DN-{24 if e.tahun >= 2000 else 53} {kode} {n:07d}"
        if e.tahun >= 2019:
            return f"{n % 1000:03d}{e.tahun}{n:07d}"
        return f"{n % 100000:05d}/{e.level}/{e.tahun}"

    def _penilai(self, pos: _Pos) -> tuple[str | None, str | None]:
        if pos.kind != "STRUKTURAL" and pos.unit in self.unit_kepala:
            return self.unit_kepala[pos.unit]
        a = pos.atasan
        while a is not None:
            found = self.holder.get(a)
            if found is not None:
                return found
            a = self.pos[a].atasan
        return self.kepala_daerah, None

    def _pick_struct(self, jenjang: str, opd: int, avoid: int) -> int | None:
        r = self.rng.random
        pool = self.struct_by_opd.get((opd, jenjang)) if r() < 0.65 else None
        if not pool:
            pool = self.struct_by_jenjang.get(jenjang)
        if not pool:
            return None
        for _ in range(3):
            idx = pool[int(r() * len(pool))]
            if idx != avoid:
                return idx
        return None

    def _pick_pel(self, opd: int, tier: int, avoid: int) -> int | None:
        r = self.rng.random
        pool = self.pel_by_opd.get((opd, tier)) if r() < 0.7 else None
        if not pool:
            pool = self.pel_by_tier[tier] or self.pel_by_tier[1] or self.pel_all
        if not pool:
            return None
        idx = pool[int(r() * len(pool))]
        return None if idx == avoid else idx

    def _pick_jf(self, unit: int, family: str, jenjang: str, avoid: int) -> int | None:
        found = self.jf_by_unit.get((unit, family, jenjang))
        if found is not None and found != avoid and self.rng.random() < 0.7:
            return found
        pool = self.jf_by_family.get((family, jenjang))
        if not pool:
            return found if found != avoid else None
        idx = pool[int(self.rng.random() * len(pool))]
        return None if idx == avoid else idx

    def _jabatan(
        self,
        pos: _Pos,
        pid: str,
        pppk: bool,
        setara: bool,
        entry: str,
        rumpun: str,
        tmt_cpns: int,
        now_m: int,
        months_all: list[int],
        gols: list[int],
        out: dict[str, list[Row]],
    ) -> list[tuple[str, int]]:
        """Writes riwayat_jabatan rows; returns [(jenjang, month)] of the posts held."""
        cal = self.cal
        rnd = self.rng.random
        cur = pos.idx
        tier = 0 if entry == "SLTA" else 1 if entry == "D3" else 2
        # The posts before the current one: (kind, family, jenjang). kind: PEL (pelaksana),
        # STR (structural), JF, SAME (another post like the current one).
        ladder: list[tuple[str, str, str]] = []
        penyetaraan = False
        if pppk:
            if rnd() < 0.15:
                ladder = [("SAME", pos.family, pos.jenjang)]
        elif pos.kind == "STRUKTURAL":
            if entry == "PROFESI" and rumpun in ("DOKTER", "DOKTER_GIGI"):
                first = ("JF", "Dokter" if rumpun == "DOKTER" else "Dokter Gigi", "AHLI_PERTAMA")
            elif rumpun == "PENDIDIKAN" and rnd() < 0.6:
                first = ("JF", "Guru", "AHLI_PERTAMA")
            else:
                first = ("PEL", "", "PELAKSANA")
            levels = ("PENGAWAS", "ADMINISTRATOR", "JPT_PRATAMA")
            ladder = [first] + [("STR", "", lv) for lv in levels[: levels.index(pos.jenjang)]]
        elif pos.kind == "JF":
            family_levels = KETERAMPILAN if pos.jenjang in KETERAMPILAN else KEAHLIAN
            upto = family_levels.index(pos.jenjang)
            if pos.family == "Pengawas Sekolah":
                ladder = [("JF", "Guru", lv) for lv in KEAHLIAN[: upto + 1]]
            elif setara and cal.year[tmt_cpns] <= 2013:
                penyetaraan = True
                ladder = [("PEL", "", "PELAKSANA"), ("STR", "", "PENGAWAS")]
                if upto >= 2:
                    ladder.append(("STR", "", "ADMINISTRATOR"))
            else:
                first_level = 1 if family_levels is KETERAMPILAN and gols[0] >= 7 else 0
                ladder = [("JF", pos.family, lv) for lv in family_levels[first_level:upto]]
                if (family_levels is KEAHLIAN and len(ladder) < 3 and rnd() < 0.3
                        and pos.family not in _JF_SEJAK_AWAL):  # fmt: skip
                    ladder.insert(0, ("PEL", "", "PELAKSANA"))
        elif rnd() < 0.35:
            ladder = [("PEL", "", "PELAKSANA")]

        # Dates: the first post at the TMT CPNS; each next one after the KP that reached its
        # pangkat floor; the current one last.
        n = len(ladder) + 1
        months = [tmt_cpns]
        for j in range(1, n):
            jenjang = ladder[j][2] if j < n - 1 else pos.jenjang
            floor = RUNG_FLOOR.get(jenjang, 0)
            base = next((m for m, g in zip(months_all, gols, strict=False) if g >= floor), None)
            if base is None or base <= tmt_cpns:
                base = months[-1] + 12 + int(rnd() * 36)
            else:
                base += int(rnd() * 18)
            months.append(max(base, months[-1] + 6 + int(rnd() * 12)))
        if penyetaraan:
            months[-1] = cal.month(2021, 12)
        if n > 1 and months[-1] > now_m:
            months[-1] = now_m - int(rnd() * 4)
        for j in range(n - 2, 0, -1):
            if months[j] >= months[j + 1] - 3:
                months[j] = months[j + 1] - 6 - int(rnd() * 6)
        if n > 1 and months[-1] <= months[0]:
            months[-1] = min(now_m, months[0] + 1 + int(rnd() * 6))
        if n > 1 and months[-1] <= months[0]:
            ladder, months, n = [], [months[0]], 1
        keep = [j for j in range(1, n - 1) if months[0] < months[j] < months[-1]]
        if len(keep) < n - 2:
            ladder = [ladder[0]] + [ladder[j] for j in keep]
            months = [months[0]] + [months[j] for j in keep] + [months[-1]]
            n = len(months)
        # Rotation: a structural holder long at the same level moved once.
        if pos.kind == "STRUKTURAL" and months[-1] < now_m - 60 and rnd() < 0.7:
            ladder.append(("STR", "", pos.jenjang))
            months.append(now_m - int(rnd() * 54))
            n += 1
        while n > 4:
            del ladder[1]
            del months[1]
            n -= 1

        rungs: list[tuple[str, int]] = []
        unit = pos.unit
        for j in range(n):
            m = months[j]
            prev = ladder[j - 1] if j >= 1 else None
            if j == n - 1:
                target: int | None = cur
                kind, family, jenjang = (
                    "STR" if pos.kind == "STRUKTURAL" else "JF" if pos.kind == "JF" else "PEL",
                    pos.family, pos.jenjang,
                )  # fmt: skip
            else:
                kind, family, jenjang = ladder[j]
                if kind == "SAME":
                    target = (self._pick_jf(-1, family, jenjang, cur) if pos.kind == "JF"
                              else self._pick_pel(pos.opd, tier, cur))  # fmt: skip
                    kind = "JF" if pos.kind == "JF" else "PEL"
                elif kind == "PEL":
                    target = self._pick_pel(pos.opd, tier, cur)
                elif kind == "STR":
                    target = self._pick_struct(jenjang, pos.opd, cur)
                else:
                    target = self._pick_jf(
                        unit if family == pos.family else -1, family, jenjang, cur
                    )
            if j == 0:
                alasan = "PENGANGKATAN"
            elif j == n - 1 and penyetaraan:
                alasan = "PENYETARAAN"
            elif prev is not None and (
                prev[0] == "SAME" or (kind == prev[0] and jenjang == prev[2])
            ):
                alasan = "MUTASI"
            elif kind == "JF":
                alasan = ("KENAIKAN_JENJANG" if prev is not None and prev[0] == "JF"
                          and prev[1] == family else "PERPINDAHAN")  # fmt: skip
            elif kind == "STR":
                alasan = "PROMOSI"
            else:
                alasan = "MUTASI"
            if target is not None:
                t = self.pos[target]
                row_nama, jenis, jenjang, eselon = t.nama, t.jenis, t.jenjang, t.eselon
                unit_id: str | None = self.unit_id[t.unit]
                jab_id: str | None = t.id
            else:
                if kind == "JF":
                    row_nama, jenis, eselon = f"{family} {JF_LABEL[jenjang]}", "JF", None
                elif kind == "STR":
                    row_nama, eselon = _NAMA_STRUKTURAL[jenjang]
                    jenis = "JPT" if jenjang == "JPT_PRATAMA" else "JA"
                else:
                    row_nama, jenis, eselon = "Pengadministrasi Umum", "JA", None
                unit_id, jab_id = self.unit_id[unit], None
            if penyetaraan and j == n - 1:
                tmt = "2021-12-31"
            elif j == 0:
                tmt = cal.first(m)
            else:
                tmt = cal.day_str(m, 1 + int(rnd() * 28))
            out["riwayat_jabatan"].append({
                "id": self._uuid(), "pegawai_id": pid, "jabatan_id": jab_id,
                "nama_jabatan": row_nama, "jenis_kode": jenis, "jenjang_kode": jenjang,
                "eselon_kode": eselon, "unit_id": unit_id, "tmt": tmt, "alasan": alasan,
                "nomor_sk": self._sk("821.2" if not pppk else "800.1.2.5", cal.year[m]),
                "tanggal_sk": cal.day_str(m - int(rnd() * 2), 1 + int(rnd() * 20)),
            })  # fmt: skip
            rungs.append((jenjang, m))
        return rungs

    def _diklat(
        self,
        pid: str,
        pos: _Pos,
        pppk: bool,
        tmt_cpns: int,
        now_m: int,
        gol0: int,
        rungs: list[tuple[str, int]],
        rumpun: str,
        out: dict[str, list[Row]],
    ) -> None:
        cal = self.cal
        rnd = self.rng.random
        rows = out["riwayat_diklat"]
        kota = self.kota

        def add(
            jenis: str,
            nama: str,
            penyelenggara: str,
            m: int,
            days: int,
            jp: int,
            sertifikat: str | None,
        ) -> None:
            d = 1 + int(rnd() * 20)
            if days <= 20:
                m2, d2 = m, min(d + days - 1, 28)
            else:
                m2, d2 = m + days // 30, 1 + int(rnd() * 28)
            if m2 > now_m:
                return
            rows.append({
                "id": self._uuid(), "pegawai_id": pid, "jenis": jenis, "nama": nama,
                "penyelenggara": penyelenggara,
                "tanggal_mulai": cal.day_str(m, d), "tanggal_selesai": cal.day_str(m2, d2),
                "jam_pelajaran": jp, "nomor_sertifikat": sertifikat,
            })  # fmt: skip

        def cert(prefix: str, m: int) -> str | None:
            if rnd() < 0.15:
                return None
            return f"{prefix}/{1 + int(rnd() * 9999):04d}/{cal.year[m]}"

        if pppk:
            m = tmt_cpns + 1 + int(rnd() * 6)
            if m <= now_m:
                add(
                    "TEKNIS",
                    "Orientasi Pegawai Pemerintah dengan Perjanjian Kerja",
                    f"BKPSDM {kota}",
                    m,
                    3,
                    24,
                    cert("ORIENTASI-PPPK", m),
                )
        else:
            m = tmt_cpns + 2 + int(rnd() * 9)
            if m <= now_m:
                group = "III" if gol0 >= 9 else "II" if gol0 >= 5 else "I"
                if cal.year[m] >= 2018:
                    nama, jp, pre = f"Pelatihan Dasar CPNS Golongan {group}", 280, "LATSAR"
                else:
                    nama, jp, pre = (
                        f"Pendidikan dan Pelatihan Prajabatan Golongan {group}",
                        216,
                        "PRAJAB",
                    )
                peny = self.peny_latsar[int(rnd() * len(self.peny_latsar))]
                add("LATSAR", nama, peny, m, 50, jp, cert(pre, m))
        trained: set[str] = set()
        for jenjang, m0 in rungs:
            name = _PIM.get(jenjang)
            m = m0 + 3 + int(rnd() * 18)
            if name is not None and m <= now_m and jenjang not in trained:
                trained.add(jenjang)
                new, old, jp_new, jp_old = name
                new_era = cal.year[m] >= 2019
                peny = self.peny_pim[int(rnd() * len(self.peny_pim))]
                add(
                    "STRUKTURAL",
                    new if new_era else old,
                    peny,
                    m,
                    90,
                    jp_new if new_era else jp_old,
                    cert("PIM", m),
                )
        if pos.kind == "JF" and rnd() < 0.6:
            first_jf = next(((j, m) for j, m in rungs if j in JF_LABEL), None)
            if first_jf is not None:
                m = first_jf[1] + 2 + int(rnd() * 12)
                if pos.family == "Guru":
                    if cal.year[m] >= 2018:
                        add(
                            "FUNGSIONAL",
                            "Pendidikan Profesi Guru Dalam Jabatan",
                            "Kementerian Pendidikan Dasar dan Menengah",
                            m,
                            120,
                            500,
                            cert("PPG", m),
                        )
                    else:
                        add(
                            "FUNGSIONAL",
                            "Pendidikan dan Latihan Profesi Guru",
                            "Kementerian Pendidikan dan Kebudayaan",
                            m,
                            10,
                            90,
                            cert("PLPG", m),
                        )
                else:
                    add(
                        "FUNGSIONAL",
                        f"Pelatihan Fungsional {pos.family} {JF_LABEL[first_jf[0]]}",
                        self.peny_umum[int(rnd() * len(self.peny_umum))],
                        m,
                        10,
                        80,
                        cert("JF", m),
                    )
        teknis = dn.DIKLAT_TEKNIS_RUMPUN.get(rumpun, ())
        start = max(tmt_cpns + 6, now_m - 120)
        if start < now_m:
            for _ in range(int(rnd() * min(4, 1 + (now_m - start) // 12))):
                pool = teknis if teknis and rnd() < 0.55 else dn.DIKLAT_TEKNIS_UMUM
                nama, jp = pool[int(rnd() * len(pool))]
                m = start + int(rnd() * (now_m - start))
                peny = self.peny_umum[int(rnd() * len(self.peny_umum))]
                add(
                    "TEKNIS",
                    nama,
                    peny,
                    m,
                    max(1, jp // 8),
                    jp,
                    cert("TEKNIS", m) if rnd() < 0.7 else None,
                )

    def _hukdis(
        self,
        pid: str,
        pos: _Pos,
        tmt_cpns: int,
        now_m: int,
        months_all: list[int],
        kgb_months: list[int],
        out: dict[str, list[Row]],
    ) -> int:
        cal = self.cal
        rnd = self.rng.random
        lo = max(tmt_cpns + 12, now_m - 60)
        if lo >= now_m:
            return -1
        m = lo + int(rnd() * (now_m - lo))
        kode, _w, months, d_lo, d_hi = HUKUMAN[
            bisect(self.hukuman_cum, rnd() * self.hukuman_cum[-1])
        ]
        if months and pos.kind != "JF" and kode in ("PENURUNAN_JABATAN", "PEMBEBASAN_JABATAN"):
            kode, _w, months, d_lo, d_hi = HUKUMAN[5]
        if months:
            end = m + months
            if any(m <= x < end for x in months_all) or any(m <= x < end for x in kgb_months):
                kode, _w, months, d_lo, d_hi = HUKUMAN[int(rnd() * 3)]
        day = 1 + int(rnd() * 28)
        year = cal.year[m]
        if months or rnd() < 0.7:
            hari = d_lo + int(rnd() * (d_hi - d_lo + 1))
            alasan = (
                f"Tidak masuk kerja tanpa alasan yang sah selama {hari} hari kerja "
                f"dalam tahun {year}"
            )
        else:
            alasan = ALASAN_RINGAN[int(rnd() * len(ALASAN_RINGAN))]
        out["riwayat_hukdis"].append({
            "id": self._uuid(), "pegawai_id": pid, "hukuman_kode": kode,
            "nomor_sk": f"862.3/{1 + int(rnd() * 999):03d}/BKPSDM/{year}",
            "tanggal_sk": cal.day_str(m - 1, 1 + int(rnd() * 28)),
            "tmt_mulai": cal.day_str(m, day),
            "tmt_selesai": f"{cal.iso[m + months]}-{day:02d}" if months else None,
            "alasan": alasan,
        })  # fmt: skip
        return year if months else -1


def _mk_reduction(start_group: int, gol: int) -> int:
    """Months of MKG dropped on moving up a golongan (asn-rules 10.2 [?]): I->II 6y, II->III 5y."""
    group = _roman_group(gol)
    red = 0
    if start_group == 1 and group >= 2:
        red += 72
    if start_group <= 2 and group >= 3:
        red += 60
    return red


# Generic names for past structural posts that no longer exist in the formation.
_NAMA_STRUKTURAL = {
    "PENGAWAS": ("Kepala Seksi", "IV.a"),
    "ADMINISTRATOR": ("Kepala Bidang", "III.b"),
    "JPT_PRATAMA": ("Kepala Dinas", "II.b"),
}
# JF held from the first day (no pelaksana years before).
_JF_SEJAK_AWAL = ("Guru", "Dokter", "Dokter Gigi", "Apoteker", "Medik Veteriner", "Perawat",
                  "Bidan")  # fmt: skip

_MK_REDUCTION = [[_mk_reduction(group, g) if g else 0 for g in range(18)] for group in range(5)]

_S3 = (
    dn.Prodi("Ilmu Administrasi Publik", "Dr.", depan=True),
    dn.Prodi("Ilmu Manajemen", "Dr.", depan=True),
    dn.Prodi("Ilmu Pemerintahan", "Dr.", depan=True),
    dn.Prodi("Ilmu Kesehatan Masyarakat", "Dr.", depan=True),
)
# Leadership training by level: new name (from 2019), old name, JP new, JP old.
_PIM = {
    "PENGAWAS": ("Pelatihan Kepemimpinan Pengawas", "Diklat Kepemimpinan Tingkat IV", 274, 285),
    "ADMINISTRATOR": ("Pelatihan Kepemimpinan Administrator", "Diklat Kepemimpinan Tingkat III",
                      401, 360),
    "JPT_PRATAMA": ("Pelatihan Kepemimpinan Nasional Tingkat II",
                    "Diklat Kepemimpinan Tingkat II", 525, 420),
}  # fmt: skip


# ---------------------------------------------------------------------------------------------


def generate(
    employees: int,
    seed: int,
    *,
    today: date = date(2026, 11, 22),
    chunk_size: int = 1000,
    agency: str = "Kota Nusa Indah",
) -> Iterator[DemoChunk]:
    """Yield the demo data set: first the organisation, then chunks of employees.

    Deterministic for the same ``(employees, seed, today, agency)``; ``chunk_size`` only decides
    how the employees are cut into chunks.
    """
    if employees < 0:
        raise ValueError(f"employees must be >= 0, not {employees}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be >= 1, not {chunk_size}")
    kota = agency.removeprefix("Kota ").removeprefix("Kabupaten ").strip() or agency
    org = _Org(employees, random.Random(f"merit-demo-org:{seed}:{employees}"), kota)
    yield DemoChunk({"unit_organisasi": org.unit_rows(), "jabatan": org.jabatan_rows()}, 0)
    cal = _Calendar(today)
    people = _People(org, seed, employees, cal, kota)
    for start in range(0, employees, chunk_size):
        end = min(employees, start + chunk_size)
        rows: dict[str, list[Row]] = {t: [] for t in TABLES_PEGAWAI}
        for i in range(start, end):
            people.person(i, rows)
        yield DemoChunk(rows, end - start)
