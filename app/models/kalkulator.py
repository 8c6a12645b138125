"""The clerk's calculator ("Kalkulator kepegawaian"): gaji pokok, MKG after a KP, next KGB, TMT
pensiun and ujian dinas, each from the rules and the reference data of this database. The same
functions serve ``merit hitung`` and the screen; bad input raises :class:`ValidationError` whose
``field`` names the input (golongan, dari, ke, mkg, pendidikan, bup, ...).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.i18n import tr
from app.models.errors import ValidationError
from app.models.reference.loader import Referensi
from app.models.rules import derivations as d
from app.models.rules.cuti import Rentang, hari_dalam
from app.models.rules.gaji import TabelGaji, mkg_setelah_kp
from app.models.rules.kp import ujian_dinas

_MKG = re.compile(r"^\s*(\d{1,2})\s*(?:[-/ ]\s*(\d{1,2}))?\s*$")
BUP_MIN, BUP_MAKS = 50, 70


def parse_mkg(text: str) -> tuple[int, int]:
    """MKG written ``T`` or ``T-B`` (years, months 0-11), e.g. ``13-0``, ``21-2``, ``8``."""
    match = _MKG.match(text or "")
    if not match:
        raise ValidationError(
            tr("masa kerja '{t}' tidak sah; tulis tahun-bulan, mis. 13-0 atau 21-2", t=text),
            field="mkg",
        )
    tahun, bulan = int(match.group(1)), int(match.group(2) or 0)
    if bulan > 11:
        raise ValidationError(tr("masa kerja '{t}': bulan harus 0 sampai 11", t=text), field="mkg")
    return tahun, bulan


def check_golongan(ref: Referensi, kode: str, field: str = "golongan") -> str:
    """The golongan code as recorded (``III/a``, ``IX``); refused when unknown."""
    text = (kode or "").strip()
    for known in ref.golongan:
        if known.casefold() == text.casefold():
            return known
    raise ValidationError(
        tr(
            "golongan '{g}' tidak dikenal; tulis mis. III/a (PNS) atau IX (PPPK)",
            g=kode,
        ),
        field=field,
    )


@dataclass(frozen=True)
class HasilGaji:
    golongan: str
    mkg_tahun: int
    mkg_bulan: int
    tanggal: date
    gaji_pokok: int
    dasar_hukum: str
    pasti: bool  # False: the table row is marked [?]


def hitung_gaji(
    conn: sqlite3.Connection, golongan: str, mkg: tuple[int, int], tanggal: date
) -> HasilGaji:
    """Gaji pokok of (golongan, MKG) from the table in force on ``tanggal``.

    Raises :class:`~app.models.rules.gaji.TabelGajiBelumLengkap` when the table has none.
    """
    ref = Referensi.load(conn)
    gol = check_golongan(ref, golongan)
    tabel = TabelGaji.dari_referensi(ref)
    gaji = tabel.gaji_pokok(gol, mkg[0], tanggal)
    kolom = tabel.kolom(gol, tanggal)
    row = next(
        (
            r
            for r in ref.table("ref_gaji_pokok").values()
            if r["golongan_kode"] == gol
            and kolom
            and r["berlaku_mulai"] == kolom.berlaku_mulai.isoformat()
        ),
        None,
    )
    return HasilGaji(
        gol,
        mkg[0],
        mkg[1],
        tanggal,
        gaji,
        str(row["dasar_hukum"]) if row else "",
        bool(kolom and kolom.status_fakta != "?"),
    )


def hitung_mkg(
    conn: sqlite3.Connection, dari: str, ke: str, mkg: tuple[int, int]
) -> tuple[int, int]:
    """MKG in golongan ``ke`` after a promotion from ``dari`` (asn-rules 10.2)."""
    ref = Referensi.load(conn)
    a = check_golongan(ref, dari, "dari")
    b = check_golongan(ref, ke, "ke")
    if ref.golongan[a]["jenis_asn"] != ref.golongan[b]["jenis_asn"]:
        raise ValidationError(
            tr("golongan {a} dan {b} bukan golongan jenis ASN yang sama", a=a, b=b), field="ke"
        )
    return mkg_setelah_kp(a, b, *mkg)


@dataclass(frozen=True)
class HasilKgb:
    tmt_kgb: date | None  # None: no KGB due (top of the table, or pensiun first)
    mkg_tahun: int | None
    gaji_pokok: int | None
    alasan: str
    hari_tidak_dihitung: int = 0  # CLTN days between the last TMT and the KGB


def hitung_kgb(
    conn: sqlite3.Connection,
    golongan: str,
    mkg: tuple[int, int],
    tmt: date,
    tmt_pensiun: date | None = None,
    tidak_dihitung: Sequence[Rentang] = (),
) -> HasilKgb:
    """The next KGB of someone in ``golongan`` with MKG ``mkg`` on ``tmt`` (the TMT of the last
    KGB or KP): the next step of the gaji table, up to the top, before ``tmt_pensiun``. Leave
    periods ``tidak_dihitung`` (a person's CLTN) after ``tmt`` move it later by their days."""
    ref = Referensi.load(conn)
    gol = check_golongan(ref, golongan)
    tabel = TabelGaji.dari_referensi(ref)
    found = tabel.kgb_berikut(
        gol, mkg[0] * 12 + mkg[1], tmt, tmt_pensiun=tmt_pensiun, tidak_dihitung=tidak_dihitung
    )
    if found is None:
        langkah = tabel.langkah(gol, tmt)
        if langkah and mkg[0] >= langkah[-1]:
            alasan = tr("MKG sudah di puncak tabel gaji ({n} tahun)", n=langkah[-1])
        elif tmt_pensiun is not None:
            alasan = tr("KGB berikutnya jatuh pada atau sesudah TMT pensiun")
        else:
            alasan = tr("tidak ada langkah berikutnya pada tabel gaji")
        return HasilKgb(None, None, None, alasan)
    kgb = found[0]
    alasan = tr("MKG mencapai {n} tahun", n=kgb.mkg_tahun)
    kolom = tabel.kolom(gol, kgb.tmt)
    if kgb.gaji_pokok is None:
        alasan += "; " + tabel.pesan_belum_lengkap(gol, kgb.tmt)
    elif kolom is not None and kolom.status_fakta == "?":
        alasan += "; " + tr("tabel gaji golongan ini belum pasti [?]")
    hari = hari_dalam(tidak_dihitung, tmt, kgb.tmt)
    if hari:
        alasan += "; " + tr("{n} hari CLTN tidak dihitung masa kerja", n=hari)
    return HasilKgb(kgb.tmt, kgb.mkg_tahun, kgb.gaji_pokok, alasan, hari)


def hitung_pensiun(lahir: date, bup: int) -> date:
    """TMT pensiun for a birth date and a BUP age (asn-rules 10.1)."""
    if not BUP_MIN <= bup <= BUP_MAKS:
        raise ValidationError(
            tr("BUP {n} tidak sah; isi usia {a} sampai {b} tahun", n=bup, a=BUP_MIN, b=BUP_MAKS),
            field="bup",
        )
    return d.tanggal_pensiun(lahir, bup)


@dataclass(frozen=True)
class HasilUjianDinas:
    perlu: bool
    tingkat: int | None  # 1 or 2: the crossing's ujian; None: the promotion needs none
    alasan: str


def hitung_ujian_dinas(
    conn: sqlite3.Connection,
    dari: str,
    ke: str,
    pendidikan: str,
    *,
    jf: bool = False,
    pada: date | None = None,
) -> HasilUjianDinas:
    """Whether the promotion from ``dari`` to ``ke`` needs the ujian dinas (ref_ujian_dinas and
    :func:`app.models.rules.kp.ujian_dinas`), which tingkat, and why."""
    ref = Referensi.load(conn)
    a = check_golongan(ref, dari, "dari")
    b = check_golongan(ref, ke, "ke")
    kode = (pendidikan or "").strip().upper()
    if kode not in ref.pendidikan:
        raise ValidationError(
            tr(
                "pendidikan '{p}' tidak dikenal; pilih salah satu: {daftar}",
                p=pendidikan,
                daftar=", ".join(ref.pendidikan),
            ),
            field="pendidikan",
        )
    on = (pada or date.today()).isoformat()
    row = next(
        (
            r
            for r in ref.table("ref_ujian_dinas").values()
            if (r["gol_dari_kode"], r["gol_ke_kode"]) == (a, b)
            and str(r["berlaku_mulai"]) <= on
            and (not r["berlaku_sampai"] or str(r["berlaku_sampai"]) >= on)
        ),
        None,
    )
    if row is None:
        return HasilUjianDinas(
            False, None, tr("Kenaikan {a} ke {b} tidak mensyaratkan ujian dinas", a=a, b=b)
        )
    tingkat = 2 if str(row["tingkat"]).strip() == "2" else 1
    alasan = ujian_dinas(ref, a, b, kode, jf=jf, pada=pada or date.today())
    if alasan is None:
        sebab = (
            tr("pemegang jabatan fungsional")
            if jf and row["bebas_jf"]
            else tr("ijazah {p}", p=ref.label("ref_pendidikan", kode))
        )
        return HasilUjianDinas(
            False, tingkat, tr("Bebas ujian dinas tingkat {t}: {s}", t="I" * tingkat, s=sebab)
        )
    return HasilUjianDinas(True, tingkat, alasan)
