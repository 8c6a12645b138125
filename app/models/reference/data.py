"""Reference tables of the ASN regulations, as seed data for the ``ref_*`` tables.

Source of the facts: ``/work/shared/domain/asn-rules.md`` (section numbers are cited in the
comments above each table).

How this data is used
---------------------
* Migration 1 builds one SQLite table per :class:`RefTable`::

      CREATE TABLE <name> (id TEXT PRIMARY KEY, kode TEXT NOT NULL UNIQUE, <columns...>,
                           deleted INTEGER NOT NULL DEFAULT 0)

  and inserts :attr:`RefTable.rows`. Other modules refer to rows by ``kode``, never by ``id``.
* After a release this module is **history**: the values seeded by migration 1 must not be
  edited in place. A correction (a regulation changed, an uncertain fact was checked) goes into a
  **new migration** that updates or adds rows, so every existing database receives the same
  change exactly once.
* Every row is ordinary replicated data: the admin can edit it in the database (for example to
  fix a fact tagged ``?`` once the official text has been checked) and the edit replicates to the
  other installations like any other change. Code must therefore read these values from the
  database, not from this module; the helpers at the bottom are for seeding, tests and
  defaults only.

Columns every table has
-----------------------
``urutan``
    display / rank order (unique within a table).
``dasar_hukum``
    the regulation the row comes from.
``status_fakta``
    how certain the row is, as tagged in asn-rules.md: ``"V"`` verified, ``"P"`` partly
    verified, ``"?"`` uncertain. When a row combines facts of different certainty, the row gets
    the **least certain** tag, and ``catatan`` says which value is uncertain.
``catatan``
    a note for the admin (Indonesian): what is uncertain and what to check, or ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "PREDIKAT_MATRIX",
    "REFERENCE_TABLES",
    "RefTable",
    "golongan_label",
    "golongan_order",
    "pangkat_name",
    "table",
]


@dataclass(frozen=True)
class RefTable:
    """One reference table: its SQL name, screen title, typed columns and seed rows."""

    name: str  # SQL table name, e.g. "ref_golongan"
    judul: str  # Indonesian title for screens
    # (column name, SQLite type "TEXT" | "INTEGER" | "REAL"), other than id, kode, deleted
    columns: tuple[tuple[str, str], ...]
    # each row has "kode" (unique within the table) and a value (or None) for every column
    rows: tuple[dict[str, object], ...]


V = "V"  # verified
P = "P"  # partly verified
U = "?"  # uncertain

# Columns appended to every table, in this order.
_META_COLUMNS: tuple[tuple[str, str], ...] = (
    ("urutan", "INTEGER"),
    ("dasar_hukum", "TEXT"),
    ("status_fakta", "TEXT"),
    ("catatan", "TEXT"),
)


def _row(
    kode: str,
    *,
    urutan: int,
    dasar_hukum: str,
    status_fakta: str,
    catatan: str | None = None,
    **values: object,
) -> dict[str, object]:
    """One seed row: ``kode``, the table's own values, then the common columns."""
    return {
        "kode": kode,
        **values,
        "urutan": urutan,
        "dasar_hukum": dasar_hukum,
        "status_fakta": status_fakta,
        "catatan": catatan,
    }


def _table(
    name: str,
    judul: str,
    columns: tuple[tuple[str, str], ...],
    rows: list[dict[str, object]],
) -> RefTable:
    """Build a table, appending the common columns and checking every row's keys."""
    all_columns = columns + _META_COLUMNS
    expected = {"kode"} | {column for column, _ in all_columns}
    for row in rows:
        if set(row) != expected:
            raise ValueError(f"{name} {row.get('kode')!r}: kolom {sorted(set(row) ^ expected)}")
    return RefTable(name=name, judul=judul, columns=all_columns, rows=tuple(rows))


# ---------------------------------------------------------------------------------------------
# ref_golongan — PNS: PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002 (asn-rules 2.1) [V].
# PPPK: Perpres 98/2020, golongan I–XVII without ruang or pangkat (asn-rules 2.3) [P].

_DH_GOL_PNS = "PP 7/1977 Lampiran I; PP 99/2000 jo PP 12/2002"
_DH_GOL_PPPK = "Perpres 98/2020"

_PANGKAT_PNS: tuple[tuple[str, str], ...] = (
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
)
_ROMAN: tuple[str, ...] = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip


def _golongan_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for index, (kode, pangkat) in enumerate(_PANGKAT_PNS, start=1):
        roman, ruang = kode.split("/")
        rows.append(
            _row(
                kode,
                jenis_asn="PNS",
                golongan=_ROMAN.index(roman) + 1,
                ruang=ruang,
                pangkat=pangkat,
                urutan=index,
                dasar_hukum=_DH_GOL_PNS,
                status_fakta=V,
            )
        )
    for number, roman in enumerate(_ROMAN, start=1):
        rows.append(
            _row(
                roman,
                jenis_asn="PPPK",
                golongan=number,
                ruang=None,
                pangkat=None,
                urutan=100 + number,
                dasar_hukum=_DH_GOL_PPPK,
                status_fakta=P,
                catatan="PPPK tidak memiliki pangkat dan tidak naik pangkat [P].",
            )
        )
    return rows


REF_GOLONGAN = _table(
    "ref_golongan",
    "Golongan/ruang dan pangkat",
    (
        ("jenis_asn", "TEXT"),
        ("golongan", "INTEGER"),
        ("ruang", "TEXT"),
        ("pangkat", "TEXT"),
    ),
    _golongan_rows(),
)

# ---------------------------------------------------------------------------------------------
# ref_pendidikan — starting rank and KP reguler ceiling by diploma: PP 99/2000 jo PP 12/2002,
# Keputusan Kepala BKN 12/2002 (asn-rules 2.2) [V]. PPPK starting golongan: from memory
# (asn-rules 2.3) [?], hence every row is "?" and says so in catatan.

_DH_PENDIDIKAN = "PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002"
_CAT_PPPK = "gol_awal_pppk_kode belum pasti [?]: periksa aturan formasi PPPK."
_CAT_PPPK_NONE = (
    "gol_awal_pppk_kode tidak tercantum dalam daftar yang diketahui [?]: "
    "isi setelah memeriksa aturan formasi PPPK."
)


def _pendidikan(
    kode: str,
    nama: str,
    urutan: int,
    gol_awal: str,
    gol_maks: str,
    gol_awal_pppk: str | None,
    catatan: str | None = None,
) -> dict[str, object]:
    note = _CAT_PPPK if gol_awal_pppk is not None else _CAT_PPPK_NONE
    return _row(
        kode,
        nama=nama,
        gol_awal_kode=gol_awal,
        gol_maks_kode=gol_maks,
        gol_awal_pppk_kode=gol_awal_pppk,
        urutan=urutan,
        dasar_hukum=_DH_PENDIDIKAN,
        status_fakta=U,
        catatan=f"{catatan} {note}" if catatan else note,
    )


REF_PENDIDIKAN = _table(
    "ref_pendidikan",
    "Tingkat pendidikan",
    (
        ("nama", "TEXT"),
        ("gol_awal_kode", "TEXT"),
        ("gol_maks_kode", "TEXT"),
        ("gol_awal_pppk_kode", "TEXT"),
    ),
    [
        _pendidikan("SD", "SD", 1, "I/a", "II/a", "I"),
        _pendidikan("SMP", "SLTP / SMP", 2, "I/c", "II/c", "IV"),
        _pendidikan("SMP_KEJURUAN", "SLTP Kejuruan", 3, "I/c", "II/d", None),
        _pendidikan("SLTA", "SLTA / SMA / SMK", 4, "II/a", "III/b", "V"),
        _pendidikan("D1", "D-I", 5, "II/a", "III/b", "V"),
        _pendidikan("D2", "D-II", 6, "II/b", "III/b", "VI"),
        _pendidikan("SGPLB", "SGPLB", 7, "II/b", "III/c", None),
        _pendidikan("D3", "D-III / Sarjana Muda / Akademi / Bakaloreat", 8, "II/c", "III/c", "VII"),
        _pendidikan("D4", "D-IV", 9, "III/a", "III/d", "IX"),
        _pendidikan("S1", "S-1 / Sarjana", 10, "III/a", "III/d", "IX"),
        _pendidikan(
            "PROFESI",
            "Profesi (Dokter / Apoteker / Ners)",
            11,
            "III/b",
            "IV/a",
            None,
            catatan=(
                "Tabel PP 99/2000 menyebut Dokter dan Apoteker (setara S-2); Ners tidak "
                "disebut dan dalam praktik formasi sering diangkat III/a [?]: periksa."
            ),
        ),
        _pendidikan("S2", "S-2 / Magister", 12, "III/b", "IV/a", "X"),
        _pendidikan("S3", "S-3 / Doktor", 13, "III/c", "IV/b", "XI"),
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_jenis_jabatan — UU 5/2014 Ps. 13–19; UU 20/2023 (asn-rules 3.1) [V].

_DH_JENIS = "UU 5/2014 Ps. 13-19; UU 20/2023"

REF_JENIS_JABATAN = _table(
    "ref_jenis_jabatan",
    "Jenis jabatan",
    (("nama", "TEXT"),),
    [
        _row(
            "JPT",
            nama="Jabatan Pimpinan Tinggi",
            urutan=1,
            dasar_hukum=_DH_JENIS,
            status_fakta=V,
        ),
        _row(
            "JA",
            nama="Jabatan Administrasi",
            urutan=2,
            dasar_hukum=_DH_JENIS,
            status_fakta=V,
        ),
        _row(
            "JF",
            nama="Jabatan Fungsional",
            urutan=3,
            dasar_hukum=_DH_JENIS,
            status_fakta=V,
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_jenjang_jabatan — levels: UU 5/2014 Ps. 13–19, grouping manajerial/non-manajerial:
# UU 20/2023 (asn-rules 3.1) [V]. Pangkat ranges: structural from PP 100/2000 jo PP 13/2002
# via the eselon table (3.2) [V]; JF from PermenPANRB 1/2023, Peraturan BKN 3/2023 (3.3) [P].
# BUP: PP 11/2017 Ps. 239, UU 20/2023 Ps. 55 (10.1) [V]. AK coefficient: Peraturan BKN 3/2023
# (3.3): Ahli Pertama and Ahli Madya [V], the others [?]. Standard competency level:
# PermenPANRB 38/2017 (7.2) [?] — so every row is "?".
#
# `tingkat` orders posts in the DUK (higher = higher post). It is a software choice, aligned
# with the penyetaraan of 3.5 and the requirements of 3.4: Ahli Utama ~ JPT Pratama,
# Ahli Madya ~ Administrator, Ahli Muda ~ Pengawas, Ahli Pertama ~ former eselon V.

_DH_STRUKTURAL = (
    "UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; "
    "PP 100/2000 jo PP 13/2002; PermenPANRB 38/2017"
)
_DH_JF = (
    "UU 5/2014 Ps. 13-19; UU 20/2023 Ps. 55; PP 11/2017 jo PP 17/2020 Ps. 239; "
    "PermenPANRB 1/2023; Peraturan BKN 3/2023; PermenPANRB 38/2017"
)
_CAT_STANDAR = "standar_kompetensi [?]: periksa Lampiran PermenPANRB 38/2017."
_CAT_AK = "ak_koefisien [?]: periksa Lampiran Peraturan BKN 3/2023."
_CAT_JF_GOL = "Rentang pangkat JF [P]."
_CAT_TINGKAT = "tingkat adalah urutan untuk DUK (pilihan aplikasi), dapat diubah."


def _jenjang(
    kode: str,
    nama: str,
    jenis: str,
    kategori_jf: str | None,
    kelompok: str,
    tingkat: int,
    gol_min: str | None,
    gol_maks: str | None,
    bup: int,
    ak: float | None,
    standar: int | None,
    urutan: int,
    catatan: str | None = None,
) -> dict[str, object]:
    notes: list[str] = []
    if catatan:
        notes.append(catatan)
    if jenis == "JF":
        notes.append(_CAT_JF_GOL)
        if kode not in ("AHLI_PERTAMA", "AHLI_MADYA"):
            notes.append(_CAT_AK)
    notes.append(_CAT_STANDAR)
    notes.append(_CAT_TINGKAT)
    return _row(
        kode,
        nama=nama,
        jenis_kode=jenis,
        kategori_jf=kategori_jf,
        kelompok=kelompok,
        tingkat=tingkat,
        gol_min_kode=gol_min,
        gol_maks_kode=gol_maks,
        bup_tahun=bup,
        ak_koefisien=ak,
        standar_kompetensi=standar,
        urutan=urutan,
        dasar_hukum=_DH_JF if jenis == "JF" else _DH_STRUKTURAL,
        status_fakta=U,
        catatan=" ".join(notes),
    )


_M = "MANAJERIAL"
_NM = "NON_MANAJERIAL"
_KA = "KEAHLIAN"
_KT = "KETERAMPILAN"

REF_JENJANG_JABATAN = _table(
    "ref_jenjang_jabatan",
    "Jenjang jabatan",
    (
        ("nama", "TEXT"),
        ("jenis_kode", "TEXT"),
        ("kategori_jf", "TEXT"),
        ("kelompok", "TEXT"),
        ("tingkat", "INTEGER"),
        ("gol_min_kode", "TEXT"),
        ("gol_maks_kode", "TEXT"),
        ("bup_tahun", "INTEGER"),
        ("ak_koefisien", "REAL"),
        ("standar_kompetensi", "INTEGER"),
    ),
    [
        # kode, nama, jenis, kategori, kelompok, tingkat, gol min, gol maks, BUP, AK, standar
        _jenjang(
            "JPT_UTAMA", "JPT Utama", "JPT", None, _M, 10, "IV/d", "IV/e", 60, None, 5, 1,
            catatan="Rentang pangkat dari eselon I.a.",
        ),
        _jenjang(
            "JPT_MADYA", "JPT Madya", "JPT", None, _M, 9, "IV/c", "IV/e", 60, None, 5, 2,
            catatan="Rentang pangkat dari eselon I.a/I.b. Standar 5 (sebagian kompetensi 4).",
        ),
        _jenjang(
            "JPT_PRATAMA", "JPT Pratama", "JPT", None, _M, 8, "IV/b", "IV/d", 60, None, 4, 3,
            catatan="Rentang pangkat dari eselon II.a/II.b.",
        ),
        _jenjang(
            "ADMINISTRATOR", "Administrator", "JA", None, _M, 7, "III/d", "IV/b", 58, None, 3, 4,
            catatan="Rentang pangkat dari eselon III.a/III.b.",
        ),
        _jenjang(
            "PENGAWAS", "Pengawas", "JA", None, _M, 6, "III/b", "III/d", 58, None, 2, 5,
            catatan="Rentang pangkat dari eselon IV.a/IV.b.",
        ),
        _jenjang(
            "PELAKSANA", "Pelaksana", "JA", None, _NM, 1, None, None, 58, None, 1, 6,
            catatan="Pelaksana tidak memiliki rentang pangkat (eselon V sudah dihapus).",
        ),
        _jenjang(
            "AHLI_UTAMA", "Ahli Utama", "JF", _KA, _NM, 8, "IV/d", "IV/e", 65, 50.0, None, 7,
            catatan=(
                "standar_kompetensi tidak tercantum untuk Ahli Utama (dikosongkan). "
                "BUP 65; JF tertentu dapat berbeda."
            ),
        ),
        _jenjang(
            "AHLI_MADYA", "Ahli Madya", "JF", _KA, _NM, 7, "IV/a", "IV/c", 60, 37.5, 3, 8,
            catatan="BUP 60; JF tertentu dapat berbeda (mis. guru, dosen).",
        ),
        _jenjang(
            "AHLI_MUDA", "Ahli Muda", "JF", _KA, _NM, 6, "III/c", "III/d", 58, 25.0, 2, 9,
            catatan="BUP 58; JF tertentu dapat berbeda (mis. guru 60 [?]).",
        ),
        _jenjang(
            "AHLI_PERTAMA", "Ahli Pertama", "JF", _KA, _NM, 5, "III/a", "III/b", 58, 12.5, 1, 10,
            catatan="BUP 58; JF tertentu dapat berbeda (mis. guru 60 [?]).",
        ),
        _jenjang(
            "PENYELIA", "Penyelia", "JF", _KT, _NM, 5, "III/c", "III/d", 58, 25.0, 1, 11,
            catatan="standar_kompetensi mungkin 2 [?].",
        ),
        _jenjang("MAHIR", "Mahir", "JF", _KT, _NM, 4, "III/a", "III/b", 58, 12.5, 1, 12),
        _jenjang("TERAMPIL", "Terampil", "JF", _KT, _NM, 3, "II/b", "II/d", 58, 5.0, 1, 13),
        _jenjang("PEMULA", "Pemula", "JF", _KT, _NM, 2, "II/a", "II/a", 58, 3.75, 1, 14),
    ],
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# ref_eselon — equivalence: UU 5/2014 Ps. 131 [V/P]; pangkat ranges: PP 100/2000 jo
# PP 13/2002 Lampiran [V] (asn-rules 3.2). Row status "P" because of the mapping.

_DH_ESELON = "UU 5/2014 Ps. 131; PP 100/2000 jo PP 13/2002"
_CAT_ESELON = "Kesetaraan jabatan [P]; rentang pangkat [V]."


def _eselon(
    kode: str,
    jenjang: str,
    gol_min: str,
    gol_maks: str,
    urutan: int,
    catatan: str | None = None,
) -> dict[str, object]:
    return _row(
        kode,
        nama=f"Eselon {kode}",
        jenjang_kode=jenjang,
        gol_min_kode=gol_min,
        gol_maks_kode=gol_maks,
        urutan=urutan,
        dasar_hukum=_DH_ESELON,
        status_fakta=P,
        catatan=f"{_CAT_ESELON} {catatan}" if catatan else _CAT_ESELON,
    )


REF_ESELON = _table(
    "ref_eselon",
    "Eselon (lama) dan kesetaraannya",
    (
        ("nama", "TEXT"),
        ("jenjang_kode", "TEXT"),
        ("gol_min_kode", "TEXT"),
        ("gol_maks_kode", "TEXT"),
    ),
    [
        _eselon(
            "I.a",
            "JPT_MADYA",
            "IV/d",
            "IV/e",
            1,
            catatan=(
                "Eselon I.a setara JPT Madya; khusus kepala LPNK setara JPT Utama "
                "(UU 5/2014 Ps. 131)."
            ),
        ),
        _eselon("I.b", "JPT_MADYA", "IV/c", "IV/e", 2),
        _eselon("II.a", "JPT_PRATAMA", "IV/c", "IV/d", 3),
        _eselon("II.b", "JPT_PRATAMA", "IV/b", "IV/c", 4),
        _eselon("III.a", "ADMINISTRATOR", "IV/a", "IV/b", 5),
        _eselon("III.b", "ADMINISTRATOR", "III/d", "IV/a", 6),
        _eselon("IV.a", "PENGAWAS", "III/c", "III/d", 7),
        _eselon("IV.b", "PENGAWAS", "III/b", "III/c", 8),
        _eselon(
            "V",
            "PELAKSANA",
            "III/a",
            "III/b",
            9,
            catatan="Eselon V sudah dihapus; disimpan untuk riwayat.",
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_agama — not in asn-rules.md. The six religions: UU 1/PNPS/1965 (Penjelasan Ps. 1) and
# the population register (UU 23/2006 jo UU 24/2013); kepercayaan: Putusan MK
# 97/PUU-XIV/2016. Secondary sources agree [P].

_DH_AGAMA = "UU 1/PNPS/1965 Penjelasan Ps. 1; UU 23/2006 jo UU 24/2013"
_CAT_AGAMA = "Tidak tercantum dalam asn-rules.md; mengikuti data kependudukan (Dukcapil)."

REF_AGAMA = _table(
    "ref_agama",
    "Agama dan kepercayaan",
    (("nama", "TEXT"),),
    [
        _row(kode, nama=nama, urutan=i, dasar_hukum=_DH_AGAMA, status_fakta=P, catatan=_CAT_AGAMA)
        for i, (kode, nama) in enumerate(
            [
                ("ISLAM", "Islam"),
                ("KRISTEN", "Kristen"),
                ("KATOLIK", "Katolik"),
                ("HINDU", "Hindu"),
                ("BUDDHA", "Buddha"),
                ("KONGHUCU", "Konghucu"),
            ],
            start=1,
        )
    ]
    + [
        _row(
            "KEPERCAYAAN",
            nama="Kepercayaan terhadap Tuhan YME",
            urutan=7,
            dasar_hukum="Putusan MK 97/PUU-XIV/2016; UU 23/2006 jo UU 24/2013",
            status_fakta=P,
            catatan=_CAT_AGAMA,
        )
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_rating — the three-point scale for hasil kerja and perilaku kerja:
# PermenPANRB 6/2022 (asn-rules 4.2) [V].

_DH_KINERJA = "PermenPANRB 6/2022"

REF_RATING = _table(
    "ref_rating",
    "Rating hasil kerja dan perilaku kerja",
    (("nama", "TEXT"), ("nilai", "INTEGER")),
    [
        _row(
            "ATAS",
            nama="Di Atas Ekspektasi",
            nilai=3,
            urutan=1,
            dasar_hukum=_DH_KINERJA,
            status_fakta=V,
        ),
        _row(
            "SESUAI",
            nama="Sesuai Ekspektasi",
            nilai=2,
            urutan=2,
            dasar_hukum=_DH_KINERJA,
            status_fakta=V,
        ),
        _row(
            "BAWAH",
            nama="Di Bawah Ekspektasi",
            nilai=1,
            urutan=3,
            dasar_hukum=_DH_KINERJA,
            status_fakta=V,
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_predikat — predikat kinerja: PermenPANRB 6/2022 (asn-rules 4.2) [V]; conversion to
# angka kredit as a percentage of the yearly coefficient: Peraturan BKN 3/2023 (3.3) [V].

_DH_PREDIKAT = "PermenPANRB 6/2022; Peraturan BKN 3/2023"


def _predikat(
    kode: str, nama: str, alternatif: str | None, urutan: int, ak_persen: int
) -> dict[str, object]:
    return _row(
        kode,
        nama=nama,
        nama_alternatif=alternatif,
        ak_persen=ak_persen,
        urutan=urutan,
        dasar_hukum=_DH_PREDIKAT,
        status_fakta=V,
    )


REF_PREDIKAT = _table(
    "ref_predikat",
    "Predikat kinerja",
    (("nama", "TEXT"), ("nama_alternatif", "TEXT"), ("ak_persen", "INTEGER")),
    [
        _predikat("SANGAT_BAIK", "Sangat Baik", None, 1, 150),
        _predikat("BAIK", "Baik", None, 2, 100),
        _predikat("BUTUH_PERBAIKAN", "Butuh Perbaikan", "Cukup", 3, 75),
        _predikat("KURANG", "Kurang/Misconduct", None, 4, 50),
        _predikat("SANGAT_KURANG", "Sangat Kurang", None, 5, 25),
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_matriks_predikat — PermenPANRB 6/2022 (asn-rules 4.2) [V]. Rows = rating hasil kerja,
# columns = rating perilaku kerja; kode "<hasil>|<perilaku>".
#
#   hasil \ perilaku   BAWAH            SESUAI            ATAS
#   ATAS               KURANG           BAIK              SANGAT_BAIK
#   SESUAI             KURANG           BAIK              BAIK
#   BAWAH              SANGAT_KURANG    BUTUH_PERBAIKAN   BUTUH_PERBAIKAN

_MATRIKS: tuple[tuple[str, str, str], ...] = (
    ("ATAS", "BAWAH", "KURANG"),
    ("ATAS", "SESUAI", "BAIK"),
    ("ATAS", "ATAS", "SANGAT_BAIK"),
    ("SESUAI", "BAWAH", "KURANG"),
    ("SESUAI", "SESUAI", "BAIK"),
    ("SESUAI", "ATAS", "BAIK"),
    ("BAWAH", "BAWAH", "SANGAT_KURANG"),
    ("BAWAH", "SESUAI", "BUTUH_PERBAIKAN"),
    ("BAWAH", "ATAS", "BUTUH_PERBAIKAN"),
)

REF_MATRIKS_PREDIKAT = _table(
    "ref_matriks_predikat",
    "Matriks predikat kinerja",
    (
        ("rating_hasil", "TEXT"),
        ("rating_perilaku", "TEXT"),
        ("predikat_kode", "TEXT"),
    ),
    [
        _row(
            f"{hasil}|{perilaku}",
            rating_hasil=hasil,
            rating_perilaku=perilaku,
            predikat_kode=predikat,
            urutan=i,
            dasar_hukum=_DH_KINERJA,
            status_fakta=V,
        )
        for i, (hasil, perilaku, predikat) in enumerate(_MATRIKS, start=1)
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_nilai_berakhlak — core values BerAKHLAK: SE MenPANRB 20/2021, used as perilaku kerja by
# PermenPANRB 6/2022 (asn-rules 4.3). Guides paraphrased; values 1–3 [V], wording of 4–7 [?].

_DH_BERAKHLAK = "SE MenPANRB 20/2021; PermenPANRB 6/2022"
_CAT_BERAKHLAK = "Rumusan panduan perilaku belum diperiksa dengan teks SE [?]."

_BERAKHLAK: tuple[tuple[str, str, str, str], ...] = (
    (
        "BERORIENTASI_PELAYANAN",
        "Berorientasi Pelayanan",
        "Memahami dan memenuhi kebutuhan masyarakat; ramah, cekatan, solutif, dan dapat "
        "diandalkan; terus-menerus melakukan perbaikan.",
        V,
    ),
    (
        "AKUNTABEL",
        "Akuntabel",
        "Bekerja dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas; memakai "
        "kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien; "
        "tidak menyalahgunakan kewenangan jabatan.",
        V,
    ),
    (
        "KOMPETEN",
        "Kompeten",
        "Terus meningkatkan kompetensi diri untuk menjawab tantangan yang berubah; membantu "
        "orang lain belajar; menyelesaikan tugas dengan mutu terbaik.",
        V,
    ),
    (
        "HARMONIS",
        "Harmonis",
        "Menghargai setiap orang apa pun latar belakangnya; suka menolong orang lain; "
        "menjaga suasana kerja yang kondusif.",
        U,
    ),
    (
        "LOYAL",
        "Loyal",
        "Memegang teguh Pancasila, UUD 1945, NKRI, dan pemerintahan yang sah; menjaga nama "
        "baik sesama ASN, pimpinan, instansi, dan negara; menjaga rahasia jabatan dan negara.",
        U,
    ),
    (
        "ADAPTIF",
        "Adaptif",
        "Cepat menyesuaikan diri menghadapi perubahan; terus berinovasi dan mengembangkan "
        "kreativitas; bertindak proaktif.",
        U,
    ),
    (
        "KOLABORATIF",
        "Kolaboratif",
        "Bersedia bekerja sama secara terbuka; memberi kesempatan kepada berbagai pihak untuk "
        "berkontribusi; menggerakkan berbagai sumber daya untuk tujuan bersama.",
        U,
    ),
)

REF_NILAI_BERAKHLAK = _table(
    "ref_nilai_berakhlak",
    "Nilai dasar BerAKHLAK",
    (("nama", "TEXT"), ("panduan", "TEXT")),
    [
        _row(
            kode,
            nama=nama,
            panduan=panduan,
            urutan=i,
            dasar_hukum=_DH_BERAKHLAK,
            status_fakta=status,
            catatan=_CAT_BERAKHLAK if status == U else None,
        )
        for i, (kode, nama, panduan, status) in enumerate(_BERAKHLAK, start=1)
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_hukuman_disiplin — PP 94/2021 Ps. 8 (asn-rules 9.1) [V]. Blocking KP and KGB while a
# sedang or berat penalty is in force: one implementation, article not located (9.3) [P].

_DH_HUKDIS = "PP 94/2021 Ps. 8; Peraturan BKN 6/2022"
_CAT_MENGHAMBAT = "menghambat_kp_kgb [P]: pasal PP 94/2021 belum ditemukan."
_CAT_TPP = "Di pemerintah daerah 'tunjangan kinerja' biasanya berarti TPP [?]."


def _hukdis(
    kode: str,
    nama: str,
    tingkat: str,
    durasi: int | None,
    potongan: int | None,
    urutan: int,
) -> dict[str, object]:
    notes = [_CAT_MENGHAMBAT]
    if potongan is not None:
        notes.append(_CAT_TPP)
    return _row(
        kode,
        nama=nama,
        tingkat=tingkat,
        durasi_bulan=durasi,
        potongan_persen=potongan,
        menghambat_kp_kgb=0 if tingkat == "RINGAN" else 1,
        urutan=urutan,
        dasar_hukum=_DH_HUKDIS,
        status_fakta=P,
        catatan=" ".join(notes),
    )


REF_HUKUMAN_DISIPLIN = _table(
    "ref_hukuman_disiplin",
    "Jenis hukuman disiplin",
    (
        ("nama", "TEXT"),
        ("tingkat", "TEXT"),
        ("durasi_bulan", "INTEGER"),
        ("potongan_persen", "INTEGER"),
        ("menghambat_kp_kgb", "INTEGER"),
    ),
    [
        _hukdis("TEGURAN_LISAN", "Teguran lisan", "RINGAN", None, None, 1),
        _hukdis("TEGURAN_TERTULIS", "Teguran tertulis", "RINGAN", None, None, 2),
        _hukdis(
            "PERNYATAAN_TIDAK_PUAS",
            "Pernyataan tidak puas secara tertulis",
            "RINGAN",
            None,
            None,
            3,
        ),
        _hukdis(
            "POTONGAN_TPP_6",
            "Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan",
            "SEDANG",
            6,
            25,
            4,
        ),
        _hukdis(
            "POTONGAN_TPP_9",
            "Pemotongan tunjangan kinerja sebesar 25% selama 9 bulan",
            "SEDANG",
            9,
            25,
            5,
        ),
        _hukdis(
            "POTONGAN_TPP_12",
            "Pemotongan tunjangan kinerja sebesar 25% selama 12 bulan",
            "SEDANG",
            12,
            25,
            6,
        ),
        _hukdis(
            "PENURUNAN_JABATAN",
            "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
            "BERAT",
            12,
            None,
            7,
        ),
        _hukdis(
            "PEMBEBASAN_JABATAN",
            "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan",
            "BERAT",
            12,
            None,
            8,
        ),
        _hukdis(
            "PDHTAPS",
            "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS",
            "BERAT",
            None,
            None,
            9,
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_alpa_hukdis — cumulative working days of unexcused absence per year → penalty:
# PP 94/2021 Ps. 9–11 (asn-rules 9.2) [V]. The separate rule "10 consecutive working days →
# PDHTAPS, salary stops the next month" (Ps. 15(2); Peraturan BKN 6/2022 Ps. 12) is not a
# cumulative range and is not a row here.

_DH_ALPA = "PP 94/2021 Ps. 9-11"

_ALPA: tuple[tuple[int, int | None, str], ...] = (
    (3, 3, "TEGURAN_LISAN"),
    (4, 6, "TEGURAN_TERTULIS"),
    (7, 10, "PERNYATAAN_TIDAK_PUAS"),
    (11, 13, "POTONGAN_TPP_6"),
    (14, 16, "POTONGAN_TPP_9"),
    (17, 20, "POTONGAN_TPP_12"),
    (21, 24, "PENURUNAN_JABATAN"),
    (25, 27, "PEMBEBASAN_JABATAN"),
    (28, None, "PDHTAPS"),
)

REF_ALPA_HUKDIS = _table(
    "ref_alpa_hukdis",
    "Hukuman disiplin karena tidak masuk kerja tanpa alasan sah",
    (
        ("hari_min", "INTEGER"),
        ("hari_maks", "INTEGER"),
        ("hukuman_kode", "TEXT"),
    ),
    [
        _row(
            f"{lo}-{'' if hi is None else hi}",
            hari_min=lo,
            hari_maks=hi,
            hukuman_kode=hukuman,
            urutan=i,
            dasar_hukum=_DH_ALPA,
            status_fakta=V,
            catatan=(
                "Terpisah dari tabel ini: 10 hari kerja berturut-turut tanpa alasan sah juga "
                "PDHTAPS (PP 94/2021 Ps. 15 ayat 2; Peraturan BKN 6/2022 Ps. 12)."
                if hi is None
                else None
            ),
        )
        for i, (lo, hi, hukuman) in enumerate(_ALPA, start=1)
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_jenis_cuti — PP 11/2017 (bab cuti); Peraturan BKN 24/2017 jo 7/2021 (asn-rules 12)
# [V unless noted]. Which kinds a PPPK gets (PP 49/2018) [?], so every row is "?".
# lama_maks_hari is filled only where the rule is a number of days (tahunan: hari kerja).

_DH_CUTI = "PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021"
_CAT_CUTI_PPPK = "berlaku_pppk [?]: periksa PP 49/2018."


def _cuti(
    kode: str,
    nama: str,
    lama_maks: str,
    lama_maks_hari: int | None,
    syarat: str,
    berlaku_pppk: int,
    urutan: int,
    catatan: str | None = None,
) -> dict[str, object]:
    return _row(
        kode,
        nama=nama,
        lama_maks=lama_maks,
        lama_maks_hari=lama_maks_hari,
        syarat=syarat,
        berlaku_pppk=berlaku_pppk,
        urutan=urutan,
        dasar_hukum=_DH_CUTI + ("; PP 49/2018" if berlaku_pppk else ""),
        status_fakta=U,
        catatan=f"{catatan} {_CAT_CUTI_PPPK}" if catatan else _CAT_CUTI_PPPK,
    )


REF_JENIS_CUTI = _table(
    "ref_jenis_cuti",
    "Jenis cuti",
    (
        ("nama", "TEXT"),
        ("lama_maks", "TEXT"),
        ("lama_maks_hari", "INTEGER"),
        ("syarat", "TEXT"),
        ("berlaku_pppk", "INTEGER"),
    ),
    [
        _cuti(
            "TAHUNAN",
            "Cuti tahunan",
            "12 hari kerja per tahun",
            12,
            "PNS dan CPNS yang telah bekerja paling singkat 1 tahun secara terus-menerus. "
            "Paling sedikit 1 hari per permohonan. Sisa cuti dapat ditangguhkan paling banyak "
            "6 hari ke tahun berikutnya; jika tidak diambil 2 tahun berturut-turut, paling "
            "banyak 24 hari termasuk cuti tahun berjalan.",
            1,
            1,
            catatan="Penangguhan sisa cuti [P]; pengurangan hak karena cuti bersama [?].",
        ),
        _cuti(
            "BESAR",
            "Cuti besar",
            "Paling lama 3 bulan",
            None,
            "Telah bekerja paling singkat 5 tahun secara terus-menerus (ibadah haji pertama "
            "dapat lebih awal). Menerima penghasilan penuh. Tidak berhak cuti tahunan pada "
            "tahun yang sama.",
            0,
            2,
        ),
        _cuti(
            "SAKIT",
            "Cuti sakit",
            "Paling lama 1 tahun, dapat ditambah paling lama 6 bulan",
            None,
            "Sakit 1 hari: memberi tahu atasan. Sampai 14 hari: surat keterangan dokter. Lebih "
            "dari 14 hari: surat keterangan dokter pemerintah. Setelah perpanjangan, diputuskan "
            "oleh tim penguji kesehatan. Gugur kandungan: paling lama 1,5 bulan.",
            1,
            3,
            catatan="Cuti gugur kandungan 1,5 bulan [P].",
        ),
        _cuti(
            "MELAHIRKAN",
            "Cuti melahirkan",
            "3 bulan",
            None,
            "Untuk kelahiran anak pertama sampai dengan ketiga. Kelahiran anak keempat dan "
            "seterusnya memakai cuti besar.",
            1,
            4,
        ),
        _cuti(
            "ALASAN_PENTING",
            "Cuti karena alasan penting",
            "Paling lama 1 bulan",
            None,
            "Anggota keluarga inti sakit keras atau meninggal dunia, melangsungkan perkawinan, "
            "istri melahirkan dengan operasi sesar, rumah tertimpa bencana, dan alasan penting "
            "lain. Lamanya ditetapkan oleh pejabat yang berwenang.",
            0,
            5,
        ),
        _cuti(
            "BERSAMA",
            "Cuti bersama",
            "Ditetapkan setiap tahun oleh Pemerintah",
            None,
            "Berlaku untuk semua pegawai.",
            1,
            6,
            catatan="Rincian cuti bersama [?].",
        ),
        _cuti(
            "CLTN",
            "Cuti di luar tanggungan negara",
            "Paling lama 3 tahun, dapat diperpanjang paling lama 1 tahun",
            None,
            "Telah bekerja paling singkat 5 tahun, karena alasan pribadi yang mendesak. Tanpa "
            "penghasilan.",
            0,
            7,
            catatan="Masa CLTN tidak dihitung sebagai masa kerja [?]; keterlibatan BKN [?].",
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_periode_kp — months of TMT kenaikan pangkat, TMT always on the 1st (asn-rules 5.1) [V].
# Until 2023-12-31: April and October (PP 99/2000). 2024-01-01 to 2025-09-30: February, April,
# June, August, October, December (Peraturan BKN 4/2023 Ps. 2). From 2025-10-01: every month
# (Peraturan BKN 4/2025, which revokes 4/2023). kode "<berlaku_mulai>|<bulan>". Changes after the
# first release reach existing databases through a migration (0011 for the 2025 rule).

_MULAI_LAMA = "1900-01-01"  # technical lower bound: old records keep validating
_CAT_LAMA = (
    "berlaku_mulai 1900-01-01 adalah batas bawah teknis agar riwayat lama tetap sah, "
    "bukan tanggal peraturan."
)
_CAT_BARU = "Tidak berlaku untuk KP anumerta dan KP pengabdian."


def _periode_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for bulan in (4, 10):
        rows.append(
            _row(
                f"{_MULAI_LAMA}|{bulan}",
                bulan=bulan,
                berlaku_mulai=_MULAI_LAMA,
                berlaku_sampai="2023-12-31",
                urutan=len(rows) + 1,
                dasar_hukum="PP 99/2000 jo PP 12/2002",
                status_fakta=V,
                catatan=_CAT_LAMA,
            )
        )
    for bulan in (2, 4, 6, 8, 10, 12):
        rows.append(
            _row(
                f"2024-01-01|{bulan}",
                bulan=bulan,
                berlaku_mulai="2024-01-01",
                berlaku_sampai="2025-09-30",
                urutan=len(rows) + 1,
                dasar_hukum="Peraturan BKN 4/2023 Ps. 2",
                status_fakta=V,
                catatan=_CAT_BARU,
            )
        )
    for bulan in range(1, 13):
        rows.append(
            _row(
                f"2025-10-01|{bulan}",
                bulan=bulan,
                berlaku_mulai="2025-10-01",
                berlaku_sampai=None,
                urutan=len(rows) + 1,
                dasar_hukum="Peraturan BKN 4/2025 tentang Periodisasi Kenaikan Pangkat PNS",
                status_fakta=V,
                catatan=_CAT_BARU,
            )
        )
    return rows


REF_PERIODE_KP = _table(
    "ref_periode_kp",
    "Periode kenaikan pangkat",
    (
        ("bulan", "INTEGER"),
        ("berlaku_mulai", "TEXT"),
        ("berlaku_sampai", "TEXT"),
    ),
    _periode_rows(),
)

# ---------------------------------------------------------------------------------------------
# ref_ujian_dinas — the promotions that ask for the ujian dinas kenaikan pangkat and who is
# exempt (asn-rules 5.2). The two crossings are PP 99/2000 Ps. 30 [V]; the exemptions (JF holders,
# the diploma of the level) are [P: several regional BKD pages]. Graduates of the matching
# leadership training and a diploma adjustment (UKPPI) also exempt, but are not in the records,
# so they stay a note "perlu diverifikasi". pendidikan_bebas / pendidikan_periksa: ref_pendidikan
# codes separated by commas; "PROFESI" covers dokter and apoteker (exempt from tingkat II) and ners
# (not), so it is checked by hand. kode "<dari>><ke>". Added by migration 12.

_CAT_UJIAN = (
    "Perlintasan golongan: PP 99/2000 Ps. 30 [V]. Pembebasan karena ijazah atau JF: [P], "
    "dari halaman BKD daerah; lulusan pelatihan kepemimpinan setara juga bebas (diperiksa manual)."
)

REF_UJIAN_DINAS = _table(
    "ref_ujian_dinas",
    "Ujian dinas kenaikan pangkat",
    (
        ("gol_dari_kode", "TEXT"),
        ("gol_ke_kode", "TEXT"),
        ("tingkat", "INTEGER"),
        ("bebas_jf", "INTEGER"),
        ("pendidikan_bebas", "TEXT"),
        ("pendidikan_periksa", "TEXT"),
        ("berlaku_mulai", "TEXT"),
        ("berlaku_sampai", "TEXT"),
    ),
    [
        _row(
            "II/d>III/a",
            gol_dari_kode="II/d",
            gol_ke_kode="III/a",
            tingkat=1,
            bebas_jf=1,
            pendidikan_bebas="D4,S1,PROFESI,S2,S3",
            pendidikan_periksa="",
            berlaku_mulai=_MULAI_LAMA,
            berlaku_sampai=None,
            urutan=1,
            dasar_hukum="PP 99/2000 jo PP 12/2002 Ps. 30",
            status_fakta=P,
            catatan=_CAT_UJIAN,
        ),
        _row(
            "III/d>IV/a",
            gol_dari_kode="III/d",
            gol_ke_kode="IV/a",
            tingkat=2,
            bebas_jf=1,
            pendidikan_bebas="S2,S3",
            pendidikan_periksa="PROFESI",
            berlaku_mulai=_MULAI_LAMA,
            berlaku_sampai=None,
            urutan=2,
            dasar_hukum="PP 99/2000 jo PP 12/2002 Ps. 30",
            status_fakta=P,
            catatan=_CAT_UJIAN,
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_batas_atasan_kp — whether a KP may not exceed the pangkat of the direct superior, by kind of
# KP and effective-dated (asn-rules 5.2, 5.3). KP reguler: capped until 19 May 2025 (PP 99/2000
# jo PP 12/2002; Keputusan Kepala BKN 12/2002) [V]; from 20 May 2025 Peraturan BKN 2/2025
# revokes KepKa BKN 12/2002 and lets it exceed the superior, up to the diploma ceiling [V: BKN
# statements on regional government pages; the date is that of the regulation as reported].
# Jabatan fungsional: may exceed the superior (PP 99/2000 Ps. 33; asn-rules 5.3) [P]. KP pilihan
# struktural is capped by the eselon range (ref_eselon), not by this table; a kind with no row in
# force has no superior cap. kode "<jenis_kp>|<berlaku_mulai>". Added by migration 14.

_CAT_ATASAN_AWAL = (
    "berlaku_mulai 1900-01-01 adalah batas bawah teknis agar periode lama tetap dinilai, "
    "bukan tanggal peraturan."
)

REF_BATAS_ATASAN_KP = _table(
    "ref_batas_atasan_kp",
    "Batas pangkat atasan langsung dalam kenaikan pangkat",
    (
        ("jenis_kp", "TEXT"),
        ("batas_atasan", "INTEGER"),
        ("berlaku_mulai", "TEXT"),
        ("berlaku_sampai", "TEXT"),
    ),
    [
        _row(
            f"reguler|{_MULAI_LAMA}",
            jenis_kp="reguler",
            batas_atasan=1,
            berlaku_mulai=_MULAI_LAMA,
            berlaku_sampai="2025-05-19",
            urutan=1,
            dasar_hukum="PP 99/2000 jo PP 12/2002; Keputusan Kepala BKN 12/2002",
            status_fakta=V,
            catatan=_CAT_ATASAN_AWAL,
        ),
        _row(
            "reguler|2025-05-20",
            jenis_kp="reguler",
            batas_atasan=0,
            berlaku_mulai="2025-05-20",
            berlaku_sampai=None,
            urutan=2,
            dasar_hukum="Peraturan BKN 2/2025 tentang Kenaikan Pangkat Reguler PNS",
            status_fakta=P,
            catatan=(
                "Boleh melebihi pangkat atasan langsung, sampai batas pangkat ijazah; mencabut "
                "Keputusan Kepala BKN 12/2002. Tanggal 20 Mei 2025 dari siaran BKN yang dikutip "
                "pemerintah daerah; periksa tanggal diundangkan di JDIH BKN [P]."
            ),
        ),
        _row(
            f"jf|{_MULAI_LAMA}",
            jenis_kp="jf",
            batas_atasan=0,
            berlaku_mulai=_MULAI_LAMA,
            berlaku_sampai=None,
            urutan=3,
            dasar_hukum="PP 99/2000 jo PP 12/2002 Ps. 13, Ps. 33",
            status_fakta=P,
            catatan="Pemangku jabatan fungsional boleh melebihi pangkat atasan langsung [P]. "
            + _CAT_ATASAN_AWAL,
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_tenggat_skp — the days of the SKP procedure. KEBERATAN: the employee may object to the
# rating within 14 days (PP 30/2019 Ps. 59(1), as the LAN module "Sistem Manajemen Kinerja ASN"
# cites it [P]); whether calendar or working days, and whether counted from the penetapan or from
# receipt, is [?] (asn-rules 4.4, appendix 6): Merit counts calendar days from the penetapan.
# Added by migration 16.

REF_TENGGAT_SKP = _table(
    "ref_tenggat_skp",
    "Tenggat prosedur SKP",
    (("nama", "TEXT"), ("hari", "INTEGER")),
    [
        _row(
            "KEBERATAN",
            nama="Masa pengajuan keberatan atas penilaian kinerja",
            hari=14,
            urutan=1,
            dasar_hukum="PP 30/2019 Ps. 59 ayat (1)",
            status_fakta=U,
            catatan=(
                "14 hari menurut modul LAN yang mengutip PP 30/2019 Ps. 59 [P]; apakah hari "
                "kalender atau hari kerja, dan dihitung sejak penetapan atau sejak diterima, "
                "belum diperiksa dengan teks PP [?]. Merit menghitung hari kalender sejak "
                "tanggal penetapan."
            ),
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_gaji_pokok — gaji pokok by golongan and masa kerja golongan (MKG, whole years), effective-
# dated (asn-rules 10.2). A value holds from its MKG row up to the next row of the same column;
# the last row of a column is the top of the table (no KGB after it). Added by migration 15.
#
# PNS: PP 5/2024 (19th amendment of PP 7/1977) Lampiran, in force from 1 January 2024. Typed
# from two independent published copies of the annex that agree on all 272 cells (a SQL seed
# "Master gaji pokok PNS ... PP Nomor 5 Tahun 2024" and a gaji-pokok calculator), and on the
# anchors of the ranges published by the press (I/a 1.685.700-2.522.600, IV/e top 6.373.200);
# not yet compared with the PP as published in JDIH, hence [P]. The previous table (PP 15/2019)
# is not here: a date before 2024 finds no table and says so ("tabel gaji belum lengkap").
#
# PPPK: Perpres 98/2020 as amended by Perpres 11/2024 (in force from January 2024 [?]), golongan
# I–XVII. Typed from ONE published copy only; no second copy was found, so every row is [?].

_GAJI_PNS_2024 = """\
mkg,I/a,I/b,I/c,I/d,II/a,II/b,II/c,II/d,III/a,III/b,III/c,III/d,IV/a,IV/b,IV/c,IV/d,IV/e
0,1.685.700,,,,2.184.000,,,,2.785.700,2.903.600,3.026.400,3.154.400,3.287.800,3.426.900,3.571.900,3.723.000,3.880.400
1,,,,,2.218.400,,,,,,,,,,,,
2,1.738.800,,,,,,,,2.873.500,2.995.000,3.121.700,3.253.700,3.391.400,3.534.800,3.684.400,3.840.200,4.002.700
3,,1.840.800,1.918.700,1.999.900,2.288.200,2.385.000,2.485.900,2.591.100,,,,,,,,,
4,1.793.500,,,,,,,,2.964.000,3.089.300,3.220.000,3.356.200,3.498.200,3.646.200,3.800.400,3.961.200,4.128.700
5,,1.898.800,1.979.100,2.062.900,2.360.300,2.460.100,2.564.200,2.672.700,,,,,,,,,
6,1.850.000,,,,,,,,3.057.300,3.186.600,3.321.400,3.461.900,3.608.400,3.761.000,3.920.100,4.085.900,4.258.700
7,,1.958.600,2.041.500,2.127.800,2.434.600,2.537.600,2.645.000,2.756.800,,,,,,,,,
8,1.908.300,,,,,,,,3.153.600,3.287.000,3.426.000,3.571.000,3.722.000,3.879.500,4.043.600,4.214.600,4.392.900
9,,2.020.300,2.105.800,2.194.800,2.511.300,2.617.500,2.728.300,2.843.700,,,,,,,,,
10,1.968.400,,,,,,,,3.252.900,3.390.500,3.533.900,3.683.400,3.839.200,4.001.600,4.170.900,4.347.300,4.531.200
11,,2.083.900,2.172.100,2.264.000,2.590.400,2.700.000,2.814.200,2.933.200,,,,,,,,,
12,2.030.400,,,,,,,,3.355.400,3.497.300,3.645.200,3.799.400,3.960.200,4.127.700,4.302.300,4.484.300,4.673.900
13,,2.149.600,2.240.500,2.335.300,2.672.000,2.785.000,2.902.800,3.025.600,,,,,,,,,
14,2.094.300,,,,,,,,3.461.100,3.607.500,3.760.100,3.919.100,4.084.900,4.257.700,4.437.800,4.625.500,4.821.100
15,,2.217.300,2.311.100,2.408.800,2.756.200,2.872.700,2.994.300,3.120.900,,,,,,,,,
16,2.160.300,,,,,,,,3.570.100,3.721.100,3.878.500,4.042.500,4.213.500,4.391.800,4.577.500,4.771.200,4.973.000
17,,2.287.100,2.383.900,2.484.700,2.843.000,2.963.200,3.088.600,3.219.200,,,,,,,,,
18,2.228.300,,,,,,,,3.682.500,3.838.300,4.000.600,4.169.900,4.346.200,4.530.100,4.721.700,4.921.400,5.129.600
19,,2.359.100,2.458.900,2.562.900,2.932.500,3.056.500,3.185.800,3.320.600,,,,,,,,,
20,2.298.500,,,,,,,,3.798.500,3.959.200,4.126.600,4.301.200,4.483.100,4.672.800,4.870.400,5.076.400,5.291.200
21,,2.433.400,2.536.400,2.643.700,3.024.900,3.152.800,3.286.200,3.425.200,,,,,,,,,
22,2.370.900,,,,,,,,3.918.100,4.083.900,4.256.600,4.436.700,4.624.300,4.819.900,5.023.800,5.236.300,5.457.800
23,,2.510.100,2.616.300,2.726.900,3.120.100,3.252.100,3.389.700,3.533.100,,,,,,,,,
24,2.445.500,,,,,,,,4.041.500,4.212.500,4.390.700,4.576.400,4.770.000,4.971.700,5.182.000,5.401.200,5.629.700
25,,2.589.100,2.698.700,2.812.800,3.218.400,3.354.500,3.496.400,3.644.300,,,,,,,,,
26,2.522.600,,,,,,,,4.168.800,4.345.100,4.528.900,4.720.500,4.920.200,5.128.300,5.345.200,5.571.400,5.807.000
27,,2.670.700,2.783.700,2.901.400,3.319.800,3.460.200,3.606.500,3.759.100,,,,,,,,,
28,,,,,,,,,4.300.100,4.482.000,4.671.600,4.869.200,5.075.200,5.289.800,5.513.600,5.746.800,5.989.900
29,,,,,3.424.300,3.569.200,3.720.100,3.877.500,,,,,,,,,
30,,,,,,,,,4.435.500,4.623.200,4.818.700,5.022.500,5.235.000,5.456.400,5.687.200,5.927.800,6.178.600
31,,,,,3.532.200,3.681.600,3.837.300,3.999.600,,,,,,,,,
32,,,,,,,,,4.575.200,4.768.800,4.970.500,5.180.700,5.399.900,5.628.300,5.866.400,6.114.500,6.373.200
33,,,,,3.643.400,3.797.500,3.958.200,4.125.600,,,,,,,,,"""

_GAJI_PPPK_2024 = """\
mkg,I,II,III,IV,V,VI,VII,VIII,IX,X,XI,XII,XIII,XIV,XV,XVI,XVII
0,1.938.500,,,,2.511.500,,,,3.203.600,3.339.100,3.480.300,3.627.500,3.781.000,3.940.900,4.107.600,4.281.400,4.462.500
1,,,,,2.551.100,,,,,,,,,,,,
2,1.999.500,,,,,,,,3.304.400,3.444.200,3.589.900,3.741.800,3.900.000,4.065.000,4.237.000,4.416.200,4.603.000
3,,2.116.900,2.206.500,2.299.800,2.631.400,2.742.800,2.858.800,2.979.700,,,,,,,,,
4,2.062.500,,,,,,,,3.408.500,3.552.700,3.703.000,3.859.600,4.022.900,4.193.000,4.370.400,4.555.300,4.748.000
5,,2.183.600,2.276.000,2.372.300,2.714.300,2.829.100,2.948.800,3.073.500,,,,,,,,,
6,2.127.500,,,,,,,,3.515.900,3.664.600,3.819.600,3.981.200,4.149.600,4.325.100,4.508.100,4.698.700,4.897.500
7,,2.252.400,2.347.700,2.447.000,2.799.800,2.918.200,3.041.700,3.170.300,,,,,,,,,
8,2.194.500,,,,,,,,3.626.600,3.780.000,3.939.900,4.106.600,4.280.300,4.461.300,4.650.000,4.846.700,5.051.800
9,,2.323.300,2.421.600,2.524.000,2.888.000,3.010.100,3.137.500,3.270.200,,,,,,,,,
10,2.263.600,,,,,,,,3.740.800,3.899.100,4.064.000,4.235.900,4.415.100,4.601.800,4.796.500,4.999.400,5.210.900
11,,2.396.500,2.497.900,2.603.500,2.978.900,3.105.000,3.236.300,3.373.200,,,,,,,,,
12,2.334.900,,,,,,,,3.858.600,4.021.900,4.192.000,4.369.300,4.554.100,4.746.800,4.947.600,5.156.800,5.375.000
13,,2.472.000,2.576.500,2.685.500,3.072.800,3.202.700,3.338.200,3.479.400,,,,,,,,,
14,2.408.400,,,,,,,,3.980.200,4.148.500,4.324.000,4.506.900,4.697.600,4.896.300,5.103.400,5.319.300,5.544.300
15,,2.549.800,2.657.700,2.770.100,3.169.500,3.303.600,3.443.400,3.589.000,,,,,,,,,
16,2.484.300,,,,,,,,4.105.500,4.279.200,4.460.200,4.648.900,4.845.500,5.050.500,5.264.100,5.486.800,5.718.900
17,,2.630.100,2.741.400,2.857.400,3.269.400,3.407.700,3.551.800,3.702.000,,,,,,,,,
18,2.562.500,,,,,,,,4.234.800,4.414.000,4.600.700,4.795.300,4.998.100,5.209.500,5.429.900,5.659.600,5.899.000
19,,2.713.000,2.827.700,2.947.400,3.372.300,3.515.000,3.663.700,3.818.600,,,,,,,,,
20,2.643.200,,,,,,,,4.368.200,4.553.000,4.745.600,4.946.300,5.155.500,5.373.600,5.600.900,5.837.800,6.084.800
21,,2.798.400,2.916.800,3.040.200,3.478.500,3.625.700,3.779.100,3.938.900,,,,,,,,,
22,2.726.500,,,,,,,,4.505.800,4.696.400,4.895.000,5.102.100,5.317.900,5.542.900,5.777.300,6.021.700,6.276.400
23,,2.886.600,3.008.700,3.135.900,3.588.100,3.739.900,3.898.100,4.063.000,,,,,,,,,
24,2.812.400,,,,,,,,4.647.700,4.844.300,5.049.200,5.262.800,5.485.400,5.717.400,5.959.300,6.211.400,6.474.100
25,,2.977.500,3.103.400,3.234.700,3.701.100,3.857.700,4.020.800,4.190.900,,,,,,,,,
26,2.900.900,,,,,,,,4.794.100,4.996.900,5.208.200,5.428.500,5.658.200,5.897.500,6.147.000,6.407.000,6.678.000
27,,3.071.200,3.201.200,3.336.600,3.817.700,3.979.200,4.147.500,4.322.900,,,,,,,,,
28,,,,,,,,,4.945.100,5.154.200,5.372.300,5.599.500,5.836.400,6.083.200,6.340.600,6.608.800,6.888.300
29,,,,,3.937.900,4.104.500,4.278.100,4.459.100,,,,,,,,,
30,,,,,,,,,5.100.800,5.316.600,5.541.500,5.775.900,6.020.200,6.274.800,6.540.300,6.816.900,7.105.300
31,,,,,4.061.900,4.233.800,4.412.800,4.599.500,,,,,,,,,
32,,,,,,,,,5.261.500,5.484.000,5.716.000,5.957.800,6.209.800,6.472.500,6.746.200,7.031.600,7.329.000
33,,,,,4.189.900,4.367.100,4.551.800,4.744.400,,,,,,,,,"""

_DH_GAJI_PNS = "PP 5/2024 Lampiran (perubahan ke-19 PP 7/1977)"
_DH_GAJI_PPPK = "Perpres 98/2020 jo Perpres 11/2024 Lampiran"
_CAT_GAJI_PNS = (
    "Diketik dari dua salinan terbitan yang sama persis; belum dibandingkan dengan Lampiran PP "
    "di JDIH [P]."
)
_CAT_GAJI_PPPK = (
    "[?] Diketik dari satu salinan terbitan saja; periksa dengan Lampiran Perpres 11/2024 "
    "sebelum dipakai untuk SK."
)


def _gaji_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for text, dasar, status, catatan in (
        (_GAJI_PNS_2024, _DH_GAJI_PNS, P, _CAT_GAJI_PNS),
        (_GAJI_PPPK_2024, _DH_GAJI_PPPK, U, _CAT_GAJI_PPPK),
    ):
        lines = text.splitlines()
        golongan = lines[0].split(",")[1:]
        cells: list[tuple[str, int, int]] = []
        for line in lines[1:]:
            baris, *values = line.split(",")
            for gol, value in zip(golongan, values, strict=True):
                if value:
                    cells.append((gol, int(baris), int(value.replace(".", ""))))
        order = {g: i for i, g in enumerate(golongan)}
        for gol, mkg, gaji in sorted(cells, key=lambda c: (order[c[0]], c[1])):
            rows.append(
                _row(
                    f"2024-01-01|{gol}|{mkg}",
                    golongan_kode=gol,
                    mkg_tahun=mkg,
                    gaji_pokok=gaji,
                    berlaku_mulai="2024-01-01",
                    berlaku_sampai=None,
                    urutan=len(rows) + 1,
                    dasar_hukum=dasar,
                    status_fakta=status,
                    catatan=catatan,
                )
            )
    return rows


REF_GAJI_POKOK = _table(
    "ref_gaji_pokok",
    "Gaji pokok menurut golongan dan masa kerja golongan",
    (
        ("golongan_kode", "TEXT"),
        ("mkg_tahun", "INTEGER"),
        ("gaji_pokok", "INTEGER"),
        ("berlaku_mulai", "TEXT"),
        ("berlaku_sampai", "TEXT"),
    ),
    _gaji_rows(),
)

# ---------------------------------------------------------------------------------------------
# ref_capaian_organisasi — the levels of capaian kinerja organisasi (PermenPANRB 6/2022
# Lampiran, asn-rules 4.5) [V: labels]. Added by migration 16.

_DH_CAPAIAN = "PermenPANRB 6/2022 Lampiran"

REF_CAPAIAN_ORGANISASI = _table(
    "ref_capaian_organisasi",
    "Capaian kinerja organisasi",
    (("nama", "TEXT"), ("nama_alternatif", "TEXT")),
    [
        _row("ISTIMEWA", nama="Istimewa", nama_alternatif=None, urutan=1,
             dasar_hukum=_DH_CAPAIAN, status_fakta=V),
        _row("BAIK", nama="Baik", nama_alternatif=None, urutan=2,
             dasar_hukum=_DH_CAPAIAN, status_fakta=V),
        _row("BUTUH_PERBAIKAN", nama="Butuh Perbaikan", nama_alternatif="Cukup", urutan=3,
             dasar_hukum=_DH_CAPAIAN, status_fakta=V),
        _row("KURANG", nama="Kurang", nama_alternatif=None, urutan=4,
             dasar_hukum=_DH_CAPAIAN, status_fakta=V),
        _row("SANGAT_KURANG", nama="Sangat Kurang", nama_alternatif=None, urutan=5,
             dasar_hukum=_DH_CAPAIAN, status_fakta=V),
    ],
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# ref_kurva_predikat — the pola distribusi predikat kinerja pegawai, one curve per level of
# capaian kinerja organisasi (asn-rules 4.5 [P]; the SE MenPANRB that turned the Lampiran's
# curve into rules is uncertain [?], one source names SE MenPANRB 3/2023). One row per rule:
# the employees rated with one of ``kelompok_predikat`` (ref_predikat codes, comma-separated)
# make at least ``persen_min`` / at most ``persen_maks`` percent, or at least ``minimal_orang``
# people. A unit breaking a rule is warned, never blocked. kode "<capaian>|<n>". Added by
# migration 16.

_DH_KURVA = "PermenPANRB 6/2022 Lampiran (kurva distribusi); SE MenPANRB pola distribusi [?]"
_CAT_KURVA = (
    "Aturan pola distribusi dari satu sumber sekunder [P]; nomor SE MenPANRB belum pasti "
    "(disebut SE 3/2023) [?]. Periksa teks SE sebelum dipakai sebagai dasar."
)

# (capaian, predikat group, persen_min, persen_maks, minimal_orang)
_KURVA: tuple[tuple[str, str, int | None, int | None, int | None], ...] = (
    ("ISTIMEWA", "SANGAT_BAIK", None, 70, None),
    ("BAIK", "BAIK", None, 70, None),
    ("BAIK", "BUTUH_PERBAIKAN,KURANG", None, None, 1),
    ("BUTUH_PERBAIKAN", "BUTUH_PERBAIKAN", 60, None, None),
    ("BUTUH_PERBAIKAN", "SANGAT_BAIK", None, 10, None),
    ("KURANG", "KURANG", 60, None, None),
    ("KURANG", "BUTUH_PERBAIKAN", 10, None, None),
    ("KURANG", "SANGAT_BAIK", None, 10, None),
    ("SANGAT_KURANG", "SANGAT_KURANG", 60, None, None),
    ("SANGAT_KURANG", "KURANG,BUTUH_PERBAIKAN", 10, None, None),
    ("SANGAT_KURANG", "SANGAT_BAIK", None, 0, None),
)


def _kurva_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    per_level: dict[str, int] = {}
    for capaian, kelompok, pmin, pmaks, orang in _KURVA:
        per_level[capaian] = per_level.get(capaian, 0) + 1
        rows.append(
            _row(
                f"{capaian}|{per_level[capaian]}",
                capaian_kode=capaian,
                kelompok_predikat=kelompok,
                persen_min=pmin,
                persen_maks=pmaks,
                minimal_orang=orang,
                urutan=len(rows) + 1,
                dasar_hukum=_DH_KURVA,
                status_fakta=P,
                catatan=_CAT_KURVA,
            )
        )
    return rows


REF_KURVA_PREDIKAT = _table(
    "ref_kurva_predikat",
    "Pola distribusi predikat menurut capaian organisasi",
    (
        ("capaian_kode", "TEXT"),
        ("kelompok_predikat", "TEXT"),
        ("persen_min", "INTEGER"),
        ("persen_maks", "INTEGER"),
        ("minimal_orang", "INTEGER"),
    ),
    _kurva_rows(),
)

# ---------------------------------------------------------------------------------------------
# ref_status_kepegawaian — UU 20/2023; PP 11/2017 jo PP 17/2020 (PNS, CPNS);
# PP 49/2018 (PPPK) (asn-rules 1, 4.1) [V].

REF_STATUS_KEPEGAWAIAN = _table(
    "ref_status_kepegawaian",
    "Status kepegawaian",
    (("nama", "TEXT"), ("jenis_asn", "TEXT")),
    [
        _row(
            "CPNS",
            nama="Calon Pegawai Negeri Sipil",
            jenis_asn="PNS",
            urutan=1,
            dasar_hukum="UU 20/2023; PP 11/2017 jo PP 17/2020",
            status_fakta=V,
        ),
        _row(
            "PNS",
            nama="Pegawai Negeri Sipil",
            jenis_asn="PNS",
            urutan=2,
            dasar_hukum="UU 20/2023; PP 11/2017 jo PP 17/2020",
            status_fakta=V,
        ),
        _row(
            "PPPK",
            nama="Pegawai Pemerintah dengan Perjanjian Kerja",
            jenis_asn="PPPK",
            urutan=3,
            dasar_hukum="UU 20/2023; PP 49/2018",
            status_fakta=V,
            catatan="PPPK paruh waktu belum dibedakan; tambahkan baris bila diperlukan.",
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_kedudukan — whether a person is still in service. An application classification of the
# events in asn-rules 10.1 (BUP) and 13.1 (removal from the DUK on dismissal, death or
# transfer out); pemberhentian: UU 20/2023; PP 11/2017 jo PP 17/2020 [P].

_DH_KEDUDUKAN = "UU 20/2023; PP 11/2017 jo PP 17/2020; PP 15/1979"
_CAT_KEDUDUKAN = "Klasifikasi aplikasi; CLTN dicatat sebagai cuti, bukan kedudukan."

REF_KEDUDUKAN = _table(
    "ref_kedudukan",
    "Kedudukan pegawai",
    (("nama", "TEXT"), ("aktif", "INTEGER")),
    [
        _row(
            kode,
            nama=nama,
            aktif=1 if kode == "AKTIF" else 0,
            urutan=i,
            dasar_hukum=_DH_KEDUDUKAN,
            status_fakta=P,
            catatan=_CAT_KEDUDUKAN,
        )
        for i, (kode, nama) in enumerate(
            [
                ("AKTIF", "Aktif"),
                ("PENSIUN", "Pensiun"),
                ("MENINGGAL", "Meninggal dunia"),
                ("PINDAH", "Pindah instansi"),
                ("BERHENTI", "Diberhentikan"),
            ],
            start=1,
        )
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_kompetensi — the competency library of PermenPANRB 38/2017 (asn-rules 7.1): 8 managerial
# competencies and 1 socio-cultural [V: names and count]; the codes M.01-M.08 [P] (M.01, M.05,
# M.06 seen in a dictionary table, the rest follow the regulation's order) and SK.01 (a code of
# this application). Technical competencies are set per post by the agency: the admin adds rows
# with jenis TEKNIS (kode of their choice). Each competency has 5 levels [V]. Added by
# migration 20.

_DH_KOMPETENSI = "PermenPANRB 38/2017 Lampiran"
_CAT_KODE_M = "Nama dan jumlah [V]; kode M.01-M.08 mengikuti urutan peraturan [P]."
_CAT_KODE_SK = "Nama [V]; kode SK.01 adalah kode aplikasi ini [P]."

_KOMPETENSI: tuple[tuple[str, str, str, str], ...] = (
    (
        "M.01",
        "Integritas",
        "MANAJERIAL",
        "Konsisten berperilaku selaras dengan nilai, norma dan etika organisasi.",
    ),
    (
        "M.02",
        "Kerja Sama",
        "MANAJERIAL",
        "Kemampuan menjalin, membina dan mempertahankan hubungan kerja yang efektif.",
    ),
    (
        "M.03",
        "Komunikasi",
        "MANAJERIAL",
        "Kemampuan menerangkan pandangan dan gagasan secara jelas, sistematis dan meyakinkan.",
    ),
    (
        "M.04",
        "Orientasi pada Hasil",
        "MANAJERIAL",
        "Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas.",
    ),
    (
        "M.05",
        "Pelayanan Publik",
        "MANAJERIAL",
        "Kemampuan melaksanakan tugas pemerintahan dan pelayanan publik secara profesional.",
    ),
    (
        "M.06",
        "Pengembangan Diri dan Orang Lain",
        "MANAJERIAL",
        "Kemampuan meningkatkan pengetahuan dan keterampilan diri dan orang lain.",
    ),
    (
        "M.07",
        "Mengelola Perubahan",
        "MANAJERIAL",
        "Kemampuan menyesuaikan diri dan mengelola perubahan organisasi.",
    ),
    (
        "M.08",
        "Pengambilan Keputusan",
        "MANAJERIAL",
        "Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan diri.",
    ),
    (
        "SK.01",
        "Perekat Bangsa",
        "SOSIAL_KULTURAL",
        "Kemampuan mempromosikan sikap toleransi, keterbukaan dan peka terhadap perbedaan.",
    ),
)

REF_KOMPETENSI = _table(
    "ref_kompetensi",
    "Kamus kompetensi",
    (("nama", "TEXT"), ("jenis", "TEXT"), ("uraian", "TEXT")),
    [
        _row(
            kode,
            nama=nama,
            jenis=jenis,
            uraian=uraian,
            urutan=i,
            dasar_hukum=_DH_KOMPETENSI,
            status_fakta=P,
            catatan=_CAT_KODE_M if jenis == "MANAJERIAL" else _CAT_KODE_SK,
        )
        for i, (kode, nama, jenis, uraian) in enumerate(_KOMPETENSI, start=1)
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_kotak_talenta — the 9-box of PermenPANRB 3/2020 (asn-rules 6.3) [P]: kinerja 1 (di bawah
# ekspektasi) .. 3 (di atas) x potensi 1 (rendah) .. 3 (tinggi) -> box number. Boxes 7-9 are
# the talent pool [P]; the follow-up per box is still to be checked in the Lampiran [?].
# kode "K<kinerja>P<potensi>". Added by migration 20.

_DH_TALENTA = "PermenPANRB 3/2020 Lampiran"
_CAT_TALENTA = "Nomor kotak [P]; tindak lanjut per kotak belum diperiksa di Lampiran [?]."
_KOTAK: tuple[tuple[int, int, int, str, str], ...] = (
    (
        1,
        1,
        1,
        "Kinerja di bawah ekspektasi, potensi rendah",
        "Konseling; pertimbangkan penempatan lain",
    ),
    (
        1,
        2,
        3,
        "Kinerja di bawah ekspektasi, potensi menengah",
        "Konseling dan pengembangan kinerja",
    ),
    (1, 3, 6, "Kinerja di bawah ekspektasi, potensi tinggi", "Pembinaan kinerja; rotasi"),
    (2, 1, 2, "Kinerja sesuai ekspektasi, potensi rendah", "Pengembangan kompetensi"),
    (2, 2, 5, "Kinerja sesuai ekspektasi, potensi menengah", "Pengembangan kompetensi; rotasi"),
    (
        2,
        3,
        8,
        "Kinerja sesuai ekspektasi, potensi tinggi",
        "Kelompok rencana suksesi; pengembangan",
    ),
    (
        3,
        1,
        4,
        "Kinerja di atas ekspektasi, potensi rendah",
        "Pertahankan di jabatan; pengembangan potensi",
    ),
    (
        3,
        2,
        7,
        "Kinerja di atas ekspektasi, potensi menengah",
        "Kelompok rencana suksesi; pengembangan",
    ),
    (
        3,
        3,
        9,
        "Kinerja di atas ekspektasi, potensi tinggi",
        "Prioritas utama kelompok rencana suksesi",
    ),
)

REF_KOTAK_TALENTA = _table(
    "ref_kotak_talenta",
    "Kotak talenta (9 kotak)",
    (
        ("kinerja", "INTEGER"),
        ("potensi", "INTEGER"),
        ("nomor", "INTEGER"),
        ("nama", "TEXT"),
        ("tindak_lanjut", "TEXT"),
        ("kelompok_suksesi", "INTEGER"),
    ),
    [
        _row(
            f"K{k}P{p}",
            kinerja=k,
            potensi=p,
            nomor=n,
            nama=nama,
            tindak_lanjut=tl,
            kelompok_suksesi=1 if n >= 7 else 0,
            urutan=n,
            dasar_hukum=_DH_TALENTA,
            status_fakta=U,
            catatan=_CAT_TALENTA,
        )
        for k, p, n, nama, tl in _KOTAK
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_talenta_kinerja — the kinerja axis of the 9-box from the SKP predikat (asn-rules 4.2, 6.3):
# Sangat Baik = di atas ekspektasi (3), Baik = sesuai (2), the rest = di bawah (1) [?]: the
# axis is named by expectation, the predikat by the matrix of PermenPANRB 6/2022; the mapping
# and taking the last two years (mean, rounded down) are this application's reading [?].
# kode = predikat kode. Added by migration 20.

_CAT_TALENTA_KINERJA = (
    "Pemetaan predikat ke sumbu kinerja dan cara menggabungkan dua predikat terakhir "
    "(rata-rata dibulatkan ke bawah) adalah tafsiran aplikasi [?]."
)

REF_TALENTA_KINERJA = _table(
    "ref_talenta_kinerja",
    "Sumbu kinerja kotak talenta",
    (("predikat_kode", "TEXT"), ("kinerja", "INTEGER")),
    [
        _row(
            kode,
            predikat_kode=kode,
            kinerja=kinerja,
            urutan=i,
            dasar_hukum="PermenPANRB 3/2020; PermenPANRB 6/2022",
            status_fakta=U,
            catatan=_CAT_TALENTA_KINERJA,
        )
        for i, (kode, kinerja) in enumerate(
            [
                ("SANGAT_BAIK", 3),
                ("BAIK", 2),
                ("BUTUH_PERBAIKAN", 1),
                ("KURANG", 1),
                ("SANGAT_KURANG", 1),
            ],
            start=1,
        )
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_kesiapan_suksesi — readiness of a successor for a key post (asn-rules 6.3; issue 15 item 7):
# "siap sekarang" when every required competency of the post is met, "1-2 tahun" when the levels
# still lacking add up to at most maks_kekurangan. PermenPANRB 3/2020 names the readiness
# categories; these thresholds are this application's choice, to be set by the agency [?].
# Added by migration 20.

_CAT_KESIAPAN = (
    "Ambang kekurangan level adalah pilihan aplikasi [?]; sesuaikan dengan kebijakan "
    "manajemen talenta instansi."
)

REF_KESIAPAN_SUKSESI = _table(
    "ref_kesiapan_suksesi",
    "Kesiapan calon suksesor",
    (("nama", "TEXT"), ("maks_kekurangan", "INTEGER")),
    [
        _row(
            "SIAP",
            nama="Siap sekarang",
            maks_kekurangan=0,
            urutan=1,
            dasar_hukum=_DH_TALENTA,
            status_fakta=U,
            catatan=_CAT_KESIAPAN,
        ),
        _row(
            "SATU_DUA_TAHUN",
            nama="Siap 1-2 tahun",
            maks_kekurangan=4,
            urutan=2,
            dasar_hukum=_DH_TALENTA,
            status_fakta=U,
            catatan=_CAT_KESIAPAN,
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# ref_aturan_cuti — the numbers of each leave kind per kind of ASN, effective-dated (asn-rules 12;
# issue 17). PNS: PP 11/2017 jo PP 17/2020 Ps. 310-341 and Peraturan BKN 24/2017 jo 7/2021.
# Cuti tahunan 12 working days after 1 year, at least 1 day per request [V]; unused days carried
# over: "paling lama 18 hari kerja termasuk cuti tahunan dalam tahun berjalan" (6 carried) and,
# not taken 2 years running or postponed by the official, "paling lama 24 hari kerja termasuk
# cuti tahunan dalam tahun berjalan" (12 carried) [P: the Perban's text quoted by BKD pages and
# a BKN statement (setkab.go.id via kontan.co.id, 17-12-2019)]. Cuti besar: no cuti tahunan in
# the same year [P, same statement]. PPPK (PP 49/2018): tahunan, sakit, melahirkan, bersama; the
# lengths and the carry-over are [?]. satuan: HARI_KERJA (working days of the agency calendar)
# or BULAN (calendar months). lampiran_lebih_dari: a supporting document is needed when the
# request is longer than this many days (0 = always). masa_kerja_dihitung: 0 when the leave is
# not counted as service: CLTN, PP 11/2017 cuti chapter ("tidak diperhitungkan sebagai masa
# kerja PNS" [P: the PP's text as quoted by hukumonline; the article number not checked]; the
# extension is Ps. 334(3), BKN approval Ps. 336(2)). Applied by app.models.rules.cuti.geser_tanggal
# to the MK golongan, the next KGB and the KP time in pangkat; the BUP is an age (PP 11/2017
# Ps. 239), so the TMT pensiun does not move (the row's note still says it does: to correct with
# the next reference migration). kode "<jenis>|<asn>|<berlaku_mulai>".
# Added by migration 21.

_DH_CUTI_PPPK = "PP 49/2018 (bab cuti PPPK)"
_CAT_CUTI_MULAI = "berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan."


def _aturan_cuti(
    jenis: str,
    asn: str,
    urutan: int,
    *,
    satuan: str,
    masa_kerja_min_tahun: int = 0,
    hak_hari: int | None = None,
    lama_min: int | None = None,
    lama_maks: int | None = None,
    bawaan_maks: int | None = None,
    bawaan_maks_dua_tahun: int | None = None,
    anak_maks: int | None = None,
    lampiran_lebih_dari: int | None = None,
    kurangi_hak_tahunan: int | None = None,
    masa_kerja_dihitung: int = 1,
    status_fakta: str,
    catatan: str,
) -> dict[str, object]:
    return _row(
        f"{jenis}|{asn}|{_MULAI_LAMA}",
        jenis_cuti_kode=jenis,
        jenis_asn=asn,
        berlaku_mulai=_MULAI_LAMA,
        berlaku_sampai=None,
        satuan=satuan,
        masa_kerja_min_tahun=masa_kerja_min_tahun,
        hak_hari=hak_hari,
        lama_min=lama_min,
        lama_maks=lama_maks,
        bawaan_maks=bawaan_maks,
        bawaan_maks_dua_tahun=bawaan_maks_dua_tahun,
        anak_maks=anak_maks,
        lampiran_lebih_dari=lampiran_lebih_dari,
        kurangi_hak_tahunan=kurangi_hak_tahunan,
        masa_kerja_dihitung=masa_kerja_dihitung,
        urutan=urutan,
        dasar_hukum=_DH_CUTI if asn == "PNS" else _DH_CUTI_PPPK,
        status_fakta=status_fakta,
        catatan=f"{catatan} {_CAT_CUTI_MULAI}",
    )


REF_ATURAN_CUTI = _table(
    "ref_aturan_cuti",
    "Aturan hak cuti",
    (
        ("jenis_cuti_kode", "TEXT"),
        ("jenis_asn", "TEXT"),
        ("berlaku_mulai", "TEXT"),
        ("berlaku_sampai", "TEXT"),
        ("satuan", "TEXT"),
        ("masa_kerja_min_tahun", "INTEGER"),
        ("hak_hari", "INTEGER"),
        ("lama_min", "INTEGER"),
        ("lama_maks", "INTEGER"),
        ("bawaan_maks", "INTEGER"),
        ("bawaan_maks_dua_tahun", "INTEGER"),
        ("anak_maks", "INTEGER"),
        ("lampiran_lebih_dari", "INTEGER"),
        ("kurangi_hak_tahunan", "INTEGER"),
        ("masa_kerja_dihitung", "INTEGER"),
    ),
    [
        _aturan_cuti(
            "TAHUNAN",
            "PNS",
            1,
            satuan="HARI_KERJA",
            masa_kerja_min_tahun=1,
            hak_hari=12,
            lama_min=1,
            bawaan_maks=6,
            bawaan_maks_dua_tahun=12,
            status_fakta=P,
            catatan="12 hari kerja, paling sedikit 1 hari [V]. Bawaan 6 hari (jumlah 18) dan "
            "12 hari bila 2 tahun berturut-turut tidak diambil atau ditangguhkan (jumlah 24) "
            "[P]. Tahun cuti besar: tidak berhak cuti tahunan [P]; sisa bawaan tetap dibawa [?].",
        ),
        _aturan_cuti(
            "BESAR",
            "PNS",
            2,
            satuan="BULAN",
            masa_kerja_min_tahun=5,
            lama_maks=3,
            status_fakta=P,
            catatan="Setelah 5 tahun terus-menerus, paling lama 3 bulan [V]. Ibadah haji pertama "
            "boleh sebelum 5 tahun (diputuskan manual) [P]. Cuti tahunan yang sudah diambil pada "
            "tahun yang sama tidak dikembalikan [?].",
        ),
        _aturan_cuti(
            "SAKIT",
            "PNS",
            3,
            satuan="BULAN",
            lama_maks=18,
            lampiran_lebih_dari=1,
            status_fakta=P,
            catatan="1 hari: memberi tahu atasan; lebih: surat dokter; lebih dari 14 hari: dokter "
            "pemerintah [V]. Paling lama 1 tahun ditambah 6 bulan [V]. Gugur kandungan 1,5 bulan "
            "[P] tidak dihitung terpisah.",
        ),
        _aturan_cuti(
            "MELAHIRKAN",
            "PNS",
            4,
            satuan="BULAN",
            lama_maks=3,
            anak_maks=3,
            status_fakta=V,
            catatan="Anak ke-1 sampai ke-3, 3 bulan; anak ke-4 dan seterusnya memakai cuti besar.",
        ),
        _aturan_cuti(
            "ALASAN_PENTING",
            "PNS",
            5,
            satuan="BULAN",
            lama_maks=1,
            lampiran_lebih_dari=0,
            status_fakta=P,
            catatan="Paling lama 1 bulan [V]. Surat keterangan pendukung selalu diminta [?].",
        ),
        _aturan_cuti(
            "BERSAMA",
            "PNS",
            6,
            satuan="HARI_KERJA",
            kurangi_hak_tahunan=0,
            status_fakta=U,
            catatan="Tanggal ditetapkan tiap tahun (kalender instansi). Apakah cuti bersama "
            "mengurangi hak cuti tahunan [?]: bawaan 0 (tidak), dapat diubah di pengaturan cuti.",
        ),
        _aturan_cuti(
            "CLTN",
            "PNS",
            7,
            satuan="BULAN",
            masa_kerja_min_tahun=5,
            lama_maks=48,
            lampiran_lebih_dari=0,
            masa_kerja_dihitung=0,
            status_fakta=P,
            catatan="Setelah 5 tahun, paling lama 3 tahun ditambah 1 tahun (PP 11/2017 Pasal "
            "334) [V]; dengan keputusan PPK setelah persetujuan Kepala BKN (Pasal 336 ayat (2)) "
            "[V]. Masa CLTN tidak diperhitungkan sebagai masa kerja PNS [V]: KGB dan KP "
            "bergeser; TMT pensiun (BUP menurut usia) tidak bergeser.",
        ),
        _aturan_cuti(
            "TAHUNAN",
            "PPPK",
            11,
            satuan="HARI_KERJA",
            masa_kerja_min_tahun=1,
            hak_hari=12,
            lama_min=1,
            bawaan_maks=0,
            bawaan_maks_dua_tahun=0,
            status_fakta=U,
            catatan="PPPK: 12 hari kerja setelah 1 tahun kontrak [?]; penangguhan sisa cuti "
            "[?] (bawaan 0).",
        ),
        _aturan_cuti(
            "SAKIT",
            "PPPK",
            12,
            satuan="BULAN",
            lama_maks=12,
            lampiran_lebih_dari=1,
            status_fakta=U,
            catatan="PPPK: lamanya cuti sakit [?] (dipakai 1 tahun).",
        ),
        _aturan_cuti(
            "MELAHIRKAN",
            "PPPK",
            13,
            satuan="BULAN",
            lama_maks=3,
            anak_maks=3,
            status_fakta=U,
            catatan="PPPK: 3 bulan, anak ke-1 sampai ke-3 [?].",
        ),
        _aturan_cuti(
            "BERSAMA",
            "PPPK",
            14,
            satuan="HARI_KERJA",
            kurangi_hak_tahunan=0,
            status_fakta=U,
            catatan="PPPK: cuti bersama sama dengan PNS [?].",
        ),
    ],
)

# ---------------------------------------------------------------------------------------------
# Integrity and public oversight (issue 16), added by migration 22.
#
# ref_kategori_pengaduan — the agency's categories of public complaints. Not a regulation table:
# SP4N-LAPOR! (Perpres 76/2013; PermenPANRB 62/2018) lets each agency keep its own categories, so
# these are a starting list the admin may edit [P].

_DH_LAPOR = "Perpres 76/2013; PermenPANRB 62/2018 (SP4N-LAPOR!)"
_CAT_KATEGORI = (
    "Daftar awal; SP4N-LAPOR! membiarkan instansi menyusun kategorinya sendiri [P]. "
    "Admin boleh mengubah atau menambah."
)

REF_KATEGORI_PENGADUAN = _table(
    "ref_kategori_pengaduan",
    "Kategori pengaduan masyarakat",
    (("nama", "TEXT"),),
    [
        _row(
            kode, nama=nama, urutan=i, dasar_hukum=_DH_LAPOR, status_fakta=P, catatan=_CAT_KATEGORI
        )
        for i, (kode, nama) in enumerate(
            [
                ("PELAYANAN", "Kualitas pelayanan"),
                ("PERILAKU", "Perilaku atau etika pegawai"),
                ("DISIPLIN", "Disiplin dan kehadiran pegawai"),
                ("PUNGLI", "Pungutan liar atau gratifikasi"),
                ("WEWENANG", "Penyalahgunaan wewenang"),
                ("ADMINISTRASI", "Administrasi kepegawaian"),
                ("LAINNYA", "Lainnya"),
            ],
            start=1,
        )
    ],
)

# ref_tenggat_pengaduan — the days allowed per stage of a complaint, counted from receipt.
# Perpres 76/2013 and PermenPANRB 62/2018 set the times of SP4N-LAPOR!; the figures below come
# from secondary summaries and are not checked against the texts [?]. Effective-dated so that a
# later rule adds rows rather than editing these.

_CAT_TENGGAT_ADU = (
    "Angka dari ringkasan sekunder, belum diperiksa dengan teks Perpres 76/2013 dan "
    "PermenPANRB 62/2018 [?]. Hari kerja = Senin-Jumat; hari libur nasional belum dihitung."
)

REF_TENGGAT_PENGADUAN = _table(
    "ref_tenggat_pengaduan",
    "Tenggat tahap pengaduan masyarakat",
    (
        ("tahap", "TEXT"),
        ("nama", "TEXT"),
        ("hari", "INTEGER"),
        ("hari_kerja", "INTEGER"),
        ("berlaku_mulai", "TEXT"),
        ("berlaku_sampai", "TEXT"),
    ),
    [
        _row(
            f"2018-01-01|{tahap}",
            tahap=tahap,
            nama=nama,
            hari=hari,
            hari_kerja=kerja,
            berlaku_mulai="2018-01-01",
            berlaku_sampai=None,
            urutan=i,
            dasar_hukum=_DH_LAPOR,
            status_fakta=status,
            catatan=catatan,
        )
        for i, (tahap, nama, hari, kerja, status, catatan) in enumerate(
            [
                ("TRIASE", "Verifikasi dan triase sejak diterima", 3, 1, U, _CAT_TENGGAT_ADU),
                (
                    "TANGGAPAN",
                    "Tanggapan pertama kepada pelapor sejak diterima",
                    5,
                    1,
                    U,
                    _CAT_TENGGAT_ADU,
                ),
                (
                    "SELESAI",
                    "Penyelesaian dan jawaban akhir sejak diterima",
                    60,
                    0,
                    P,
                    "Perpres 76/2013: selesai paling lambat 60 hari sejak berkas pengaduan "
                    "lengkap (ringkasan sekunder, pasal belum dikutip) [P]; Merit menghitung "
                    "hari kalender sejak pengaduan diterima.",
                ),
            ],
            start=1,
        )
    ],
)

# ref_tenggat_disiplin — the days of the discipline procedure (asn-rules 9.3).
# PANGGILAN_I: the written summons reaches the employee at least 7 working days before the
# examination; PANGGILAN_II: when absent, the second summons sets an examination at most 7
# working days after the date of the first (PP 94/2021 Ps. 27, the wording of PP 53/2010
# Ps. 23 carried over [P]). SERAH: the decision is handed over within 14 working days of being
# set [P]. BERLAKU: the penalty takes effect on the 15th day after receipt [V]; whether the day of
# receipt counts as day 1 is [?] (Merit: receipt + 14 days). KEBERATAN: the window for an
# administrative appeal [?] (14 working days after receipt in secondary sources).

_DH_DISIPLIN = "PP 94/2021; Peraturan BKN 6/2022"

REF_TENGGAT_DISIPLIN = _table(
    "ref_tenggat_disiplin",
    "Tenggat prosedur hukuman disiplin",
    (
        ("nama", "TEXT"),
        ("hari", "INTEGER"),
        ("hari_kerja", "INTEGER"),
        ("berlaku_mulai", "TEXT"),
        ("berlaku_sampai", "TEXT"),
    ),
    [
        _row(
            "PANGGILAN_I",
            nama="Surat panggilan I paling lambat sebelum tanggal pemeriksaan",
            hari=7,
            hari_kerja=1,
            berlaku_mulai="2021-09-14",
            berlaku_sampai=None,
            urutan=1,
            dasar_hukum="PP 94/2021 Ps. 27 ayat (2)",
            status_fakta=P,
            catatan="Bunyi pasal mengikuti PP 53/2010 Ps. 23 [P]; periksa teks PP 94/2021.",
        ),
        _row(
            "PANGGILAN_II",
            nama="Pemeriksaan panggilan II paling lama sejak tanggal pemeriksaan panggilan I",
            hari=7,
            hari_kerja=1,
            berlaku_mulai="2021-09-14",
            berlaku_sampai=None,
            urutan=2,
            dasar_hukum="PP 94/2021 Ps. 27 ayat (3)",
            status_fakta=P,
            catatan="Bunyi pasal mengikuti PP 53/2010 Ps. 23 [P]; periksa teks PP 94/2021.",
        ),
        _row(
            "SERAH",
            nama="Penyampaian keputusan hukuman disiplin sejak ditetapkan",
            hari=14,
            hari_kerja=1,
            berlaku_mulai="2021-09-14",
            berlaku_sampai=None,
            urutan=3,
            dasar_hukum="PP 94/2021 (penyampaian keputusan)",
            status_fakta=P,
            catatan="asn-rules 9.3 [P]; pasal belum dikutip.",
        ),
        _row(
            "BERLAKU",
            nama="Hukuman berlaku pada hari ke-15 sejak keputusan diterima",
            hari=15,
            hari_kerja=0,
            berlaku_mulai="2021-09-14",
            berlaku_sampai=None,
            urutan=4,
            dasar_hukum="PP 94/2021 (mulai berlakunya keputusan)",
            status_fakta=U,
            catatan=(
                "Hari ke-15 [V]; apakah tanggal diterima dihitung hari ke-1 [?]. Merit: tanggal "
                "diterima + 14 hari."
            ),
        ),
        _row(
            "KEBERATAN",
            nama="Masa pengajuan upaya administratif sejak keputusan diterima",
            hari=14,
            hari_kerja=1,
            berlaku_mulai="2021-09-14",
            berlaku_sampai=None,
            urutan=5,
            dasar_hukum="PP 94/2021 (upaya administratif)",
            status_fakta=U,
            catatan="14 hari kerja menurut sumber sekunder [?]; pasal belum diperiksa.",
        ),
    ],
)

# ref_alpa_berturut — absence without a lawful reason for a number of working days in a row:
# pemberhentian dengan hormat tidak atas permintaan sendiri, salary stopped from the next month
# (PP 94/2021 Ps. 11 ayat (2) huruf d as quoted by secondary summaries, e.g. Kompas 14-09-2021;
# the article and point not checked against the text [?]). Effective-dated so that a later rule
# adds a row. Merit applies it beside the cumulative table (ref_alpa_hukdis): the heavier wins.

REF_ALPA_BERTURUT = _table(
    "ref_alpa_berturut",
    "Hukuman disiplin karena tidak masuk kerja berturut-turut tanpa alasan sah",
    (
        ("hari", "INTEGER"),
        ("hukuman_kode", "TEXT"),
        ("berlaku_mulai", "TEXT"),
        ("berlaku_sampai", "TEXT"),
    ),
    [
        _row(
            "2021-09-14",
            hari=10,
            hukuman_kode="PDHTAPS",
            berlaku_mulai="2021-09-14",
            berlaku_sampai=None,
            urutan=1,
            dasar_hukum="PP 94/2021 Ps. 11 ayat (2) huruf d",
            status_fakta=U,
            catatan=(
                "10 hari kerja berturut-turut [V, ringkasan sekunder]; pasal dan huruf dari "
                "ringkasan sekunder, belum diperiksa dengan teks PP [?]. Gaji dihentikan sejak "
                "bulan berikutnya."
            ),
        )
    ],
)

# ref_pejabat_hukdis — who examines and who decides, by the level of the penalty, for a regional
# government (PP 94/2021 Ps. 18-25 distinguish by the post of the employee as well; the rows
# below are the common case of a pelaksana or JF in an OPD [?]). tim_pemeriksa: 0 none,
# 1 optional, 2 mandatory (asn-rules 9.3 [V]).

REF_PEJABAT_HUKDIS = _table(
    "ref_pejabat_hukdis",
    "Pemeriksa dan pejabat yang berwenang menghukum menurut tingkat hukuman",
    (
        ("tingkat", "TEXT"),
        ("pemeriksa", "TEXT"),
        ("tim_pemeriksa", "INTEGER"),
        ("pejabat", "TEXT"),
    ),
    [
        _row(
            "RINGAN",
            tingkat="RINGAN",
            pemeriksa="Atasan langsung",
            tim_pemeriksa=0,
            pejabat="Pejabat administrator atau pengawas atasan PNS yang bersangkutan",
            urutan=1,
            dasar_hukum="PP 94/2021 Ps. 18-25; Peraturan BKN 6/2022",
            status_fakta=U,
            catatan="Pejabat menurut jabatan PNS yang diperiksa belum diperiksa per pasal [?].",
        ),
        _row(
            "SEDANG",
            tingkat="SEDANG",
            pemeriksa="Atasan langsung atau tim pemeriksa",
            tim_pemeriksa=1,
            pejabat="Pejabat pimpinan tinggi pratama (kepala perangkat daerah)",
            urutan=2,
            dasar_hukum="PP 94/2021 Ps. 18-25; Peraturan BKN 6/2022",
            status_fakta=U,
            catatan="Tim pemeriksa boleh untuk sedang [V]; pejabat yang berwenang [?].",
        ),
        _row(
            "BERAT",
            tingkat="BERAT",
            pemeriksa="Tim pemeriksa (atasan langsung, unsur kepegawaian, unsur pengawasan)",
            tim_pemeriksa=2,
            pejabat="Pejabat Pembina Kepegawaian (bupati/wali kota/gubernur)",
            urutan=3,
            dasar_hukum="PP 94/2021 Ps. 18-25; Peraturan BKN 6/2022",
            status_fakta=U,
            catatan="Tim pemeriksa wajib untuk berat [V]; pejabat yang berwenang [?].",
        ),
    ],
)

# ---------------------------------------------------------------------------------------------

# ---------------------------------------------------------------------------------------------

# ref_majelis_etik — who sits on a Majelis Kode Etik (PP 42/2004 Ps. 18–19 as the domain rules
# read them [?]): one chair, one secretary and at least ``anggota_min`` further members, none
# lower in rank than the PNS examined when ``pangkat_tidak_lebih_rendah`` is 1. Effective-dated:
# a later rule adds a row. app/models/etik/kasus.py reads the row in force on the day the
# majelis is set.

REF_MAJELIS_ETIK = _table(
    "ref_majelis_etik",
    "Susunan majelis kode etik PNS",
    (
        ("anggota_min", "INTEGER"),
        ("pangkat_tidak_lebih_rendah", "INTEGER"),
        ("berlaku_mulai", "TEXT"),
        ("berlaku_sampai", "TEXT"),
    ),
    [
        _row(
            "1900-01-01",
            anggota_min=1,
            pangkat_tidak_lebih_rendah=1,
            berlaku_mulai="1900-01-01",
            berlaku_sampai=None,
            urutan=1,
            dasar_hukum="PP 42/2004 Ps. 18 dan 19",
            status_fakta=U,
            catatan=(
                "Satu ketua, satu sekretaris dan sekurang-kurangnya satu anggota (Ps. 18 [?]); "
                "pangkat dan jabatan anggota tidak boleh lebih rendah dari PNS yang diperiksa "
                "(Ps. 19 [?]). berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal "
                "peraturan."
            ),
        )
    ],
)


REFERENCE_TABLES: tuple[RefTable, ...] = (
    REF_GOLONGAN,
    REF_PENDIDIKAN,
    REF_JENIS_JABATAN,
    REF_JENJANG_JABATAN,
    REF_ESELON,
    REF_AGAMA,
    REF_RATING,
    REF_PREDIKAT,
    REF_MATRIKS_PREDIKAT,
    REF_NILAI_BERAKHLAK,
    REF_HUKUMAN_DISIPLIN,
    REF_ALPA_HUKDIS,
    REF_JENIS_CUTI,
    REF_PERIODE_KP,
    REF_UJIAN_DINAS,
    REF_BATAS_ATASAN_KP,
    REF_GAJI_POKOK,
    REF_TENGGAT_SKP,
    REF_CAPAIAN_ORGANISASI,
    REF_KURVA_PREDIKAT,
    REF_STATUS_KEPEGAWAIAN,
    REF_KEDUDUKAN,
    REF_KOMPETENSI,
    REF_KOTAK_TALENTA,
    REF_TALENTA_KINERJA,
    REF_KESIAPAN_SUKSESI,
    REF_ATURAN_CUTI,
    REF_KATEGORI_PENGADUAN,
    REF_TENGGAT_PENGADUAN,
    REF_TENGGAT_DISIPLIN,
    REF_PEJABAT_HUKDIS,
    REF_ALPA_BERTURUT,
    REF_MAJELIS_ETIK,
)

_BY_NAME: dict[str, RefTable] = {t.name: t for t in REFERENCE_TABLES}
_GOLONGAN_BY_KODE: dict[str, dict[str, object]] = {str(r["kode"]): r for r in REF_GOLONGAN.rows}


def table(name: str) -> RefTable:
    """The reference table called ``name``; ``KeyError`` if there is none."""
    return _BY_NAME[name]


def _golongan_row(kode: str) -> dict[str, object]:
    try:
        return _GOLONGAN_BY_KODE[kode]
    except KeyError:
        raise KeyError(f"golongan tidak dikenal: {kode!r}") from None


def golongan_order(kode: str) -> int:
    """Rank order of a golongan code: PNS 1..17 from I/a, PPPK 101..117. KeyError if unknown."""
    value = _golongan_row(kode)["urutan"]
    if not isinstance(value, int):  # pragma: no cover - guarded by the tests
        raise TypeError(f"urutan golongan {kode!r} bukan bilangan bulat")
    return value


def pangkat_name(kode: str) -> str | None:
    """Pangkat name of a PNS golongan ("III/b" → "Penata Muda Tingkat I"); None for PPPK."""
    value = _golongan_row(kode)["pangkat"]
    return value if isinstance(value, str) else None


def golongan_label(kode: str) -> str:
    """Display label: "Penata Muda Tingkat I (III/b)" for PNS, the code itself ("IX") for PPPK."""
    pangkat = pangkat_name(kode)
    return f"{pangkat} ({kode})" if pangkat else kode


def _predikat_matrix() -> dict[tuple[str, str], str]:
    matrix: dict[tuple[str, str], str] = {}
    for row in REF_MATRIKS_PREDIKAT.rows:
        matrix[(str(row["rating_hasil"]), str(row["rating_perilaku"]))] = str(row["predikat_kode"])
    return matrix


# (rating hasil kerja, rating perilaku kerja) -> predikat kode, e.g. ("ATAS", "BAWAH") -> "KURANG"
PREDIKAT_MATRIX: dict[tuple[str, str], str] = _predikat_matrix()
