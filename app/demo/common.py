"""What the demo generator's parts share: the reference codes it uses (the same codes as the
reference tables, which the generator must not depend on), ids, the calendar of months, and the
name material flattened for fast drawing. Pure Python: no SQL, no Qt.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.demo import names as dn
from app.models.reference.data import table as ref_table

#: One row as the write path takes it.
Row = dict[str, str | int | float | None]


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
# eselon -> (jenis, jenjang, gol lo, gol hi, kelas, priority); gol lo/hi are the pangkat range
# of the eselon (PP 100/2000 jo PP 13/2002, asn-rules 3.2): nobody is generated above it, since
# KP pilihan struktural never passes it (asn-rules 5.3).
ESELON = {
    "II.a": ("JPT", "JPT_PRATAMA", 15, 16, 15, 0),
    "II.b": ("JPT", "JPT_PRATAMA", 14, 15, 14, 1),
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


def _gaji_langkah() -> dict[str, tuple[tuple[int, int], ...]]:
    """(MKG, gaji) rows of each golongan's column of the gaji table the demo database is seeded
    with (PP 5/2024 for PNS, Perpres 11/2024 for PPPK; from 1 January 2024)."""
    columns: dict[str, list[tuple[int, int]]] = {}
    for row in ref_table("ref_gaji_pokok").rows:
        mkg, gaji = row["mkg_tahun"], row["gaji_pokok"]
        assert isinstance(mkg, int) and isinstance(gaji, int)
        columns.setdefault(str(row["golongan_kode"]), []).append((mkg, gaji))
    return {gol: tuple(sorted(rows)) for gol, rows in columns.items()}


GAJI_LANGKAH = _gaji_langkah()
GAJI_MULAI = (2024, 1)  # the table's berlaku_mulai: no gaji on a KGB before it

_BASE_YEAR = 1930
_DD = [f"{d:02d}" for d in range(32)]
SLUG = str.maketrans("", "", "'.-,`")
UUID_CLEAR = ((1 << 128) - 1) ^ ((0xC000 << 48) | (0xF000 << 64))
UUID4_SET = (0x8000 << 48) | (4 << 76)
UUID5_SET = (0x8000 << 48) | (5 << 76)
_NS_URL = uuid.NAMESPACE_URL.bytes


SKP_PREFIX = hashlib.sha1(_NS_URL + b"merit:riwayat_skp:")


def uuid4_from(bits: int) -> str:
    """``str(uuid.UUID(int=bits, version=4))``, without building a UUID object."""
    h = ((bits & UUID_CLEAR) | UUID4_SET).to_bytes(16, "big").hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def skp_id(pegawai_id: str, tahun: int) -> str:
    """Natural id of a riwayat_skp row: uuid5(NAMESPACE_URL, "merit:riwayat_skp:{id}:{tahun}")."""
    digest = SKP_PREFIX.copy()
    digest.update(f"{pegawai_id}:{tahun}".encode())
    value = (int.from_bytes(digest.digest()[:16], "big") & UUID_CLEAR) | UUID5_SET
    h = value.to_bytes(16, "big").hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def cumulative(weights: Sequence[float]) -> list[float]:
    """Running sums of ``weights`` (for drawing with :func:`bisect.bisect`)."""
    total = 0.0
    out: list[float] = []
    for w in weights:
        total += w
        out.append(total)
    return out


def allocate(total: int, weights: Sequence[float]) -> list[int]:
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


def roman_group(gol: int) -> int:
    """The golongan group (I..IV) of a GOL_PNS index."""
    return 1 if gol <= 4 else 2 if gol <= 8 else 3 if gol <= 12 else 4


# ---------------------------------------------------------------------------------------------
# The calendar: months as integers (0 = January 1930), with precomputed strings


class Calendar:
    """Months as integers (0 = January 1930) with their strings, KP periods and today."""

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


def _mk_reduction(start_group: int, gol: int) -> int:
    """Months of MKG dropped on moving up a golongan (asn-rules 10.2 [?]): I->II 6y, II->III 5y."""
    group = roman_group(gol)
    red = 0
    if start_group == 1 and group >= 2:
        red += 72
    if start_group <= 2 and group >= 3:
        red += 60
    return red


MK_REDUCTION = [[_mk_reduction(group, g) if g else 0 for g in range(18)] for group in range(5)]


# ---------------------------------------------------------------------------------------------
# Names


class Names:
    """Flattened name material for fast drawing."""

    def __init__(self, kota: str) -> None:
        self.wilayah = dn.WILAYAH
        self.cum = cumulative([w.bobot for w in dn.WILAYAH])
        self.kelompok_cum = [cumulative([k.bobot for k in w.kelompok]) for w in dn.WILAYAH]
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
