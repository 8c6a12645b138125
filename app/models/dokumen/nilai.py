"""The values of the placeholders, from the records and the agency settings.

Decree-level values (:func:`naskah_values`) come from the agency settings; person values
(:func:`person_values`) from the employee's record (:func:`app.models.pegawai.read.get_employee`)
plus what the clerk gives (:data:`app.models.dokumen.isian.ISIAN`); a value the records do not
know is None, and filling a text that needs it is refused. The kop comes from the settings too
(:func:`letterhead`).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from app.i18n import tanggal, tr
from app.models.dokumen.isian import (
    PLACEHOLDER,
    PLACEHOLDER_CUTI,
    PLACEHOLDER_PESERTA,
    fill,
    parse_rupiah,
    rupiah,
    terbilang,
)
from app.models.dokumen.naskah import Letterhead
from app.models.dokumen.templat import Templat
from app.models.errors import ValidationError
from app.models.pegawai.read import EmployeeRecord
from app.models.reference.loader import Referensi
from app.models.rekap.kp import periode_kp_berikutnya
from app.models.rules import derivations as d
from app.models.rules.gaji import TabelGaji, mkg_setelah_kp
from app.models.rules.nip import format_nip
from app.models.storage.instansi import get_setting, logo_file
from app.paths import resources_dir

SETTING_ALAMAT = "alamat_instansi"  # letterhead address line(s), "\n" between lines


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
        "singkatan_instansi": get_setting(conn, "singkatan_instansi") or "",
        "ibu_kota": get_setting(conn, "ibu_kota") or "",
        "tahun": str(on.year),
        "tanggal_penetapan": tanggal(on),
        "jumlah_pegawai": str(jumlah),
    }


def letterhead(conn: sqlite3.Connection, t: Templat, values: Mapping[str, str]) -> Letterhead:
    """The kop: the kepala daerah's (emblem above the title) or the agency's (logo, names,
    address) from the agency settings."""
    logo = logo_file(conn) or resources_dir() / "logo-placeholder.png"
    if t.kop == "KEPALA_DAERAH":
        return Letterhead(
            heading=(values["kepala_daerah"] or fill(t.pejabat, values, "pejabat"),),
            logo=logo,
            logo_above=True,
            rule=False,
            emphasis=0,
        )
    alamat = get_setting(conn, SETTING_ALAMAT) or ""
    heading = tuple(
        x for x in (values["nama_pemerintah"].upper(), values["nama_instansi"].upper()) if x
    )
    return Letterhead(
        heading=heading or (values["kepala_instansi"],),
        address=tuple(line for line in alamat.splitlines() if line.strip()),
        logo=logo,
    )


def default_tmt(conn: sqlite3.Connection, t: Templat, on: date, record: EmployeeRecord) -> date:
    """TMT when none is given: the KP period on or after the decree's month (PERIODE_KP), the
    next KGB step of the gaji table on or after the decree date (KGB), or the decree date."""
    if t.tmt_bawaan == "PERIODE_KP":
        return periode_kp_berikutnya(conn, on.replace(day=1) - timedelta(days=1))
    if t.tmt_bawaan == "KGB":
        base = _mk_base(record)
        gol = record.data.get("golongan")
        if base is not None and gol:
            tabel = TabelGaji.dari_referensi(Referensi.load(conn))
            found = tabel.kgb_berikut(gol, base[1], base[0], mulai=on, tmt_pensiun=_pensiun(record))
            if found is not None:
                return found[0].tmt
    return on


def _pensiun(record: EmployeeRecord) -> date | None:
    value = record.data.get("tanggal_pensiun")
    return date.fromisoformat(value) if value else None


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


#: Given values that are parsed above, not printed as typed.
_COMPUTED = ("tmt", "golongan_baru", "gaji_pokok", "gaji_pokok_lama", "pertek_tanggal")


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
    tabel = TabelGaji.dari_referensi(ref)
    gaji: int | None = None
    kgb_lanjut: date | None = None
    if base is not None:
        y, m = d.masa_kerja(base[0], tmt, tambah_bulan=base[1])
        if gol and gol_baru and gol_baru != gol:  # crossing a golongan reduces the MKG
            y, m = mkg_setelah_kp(gol, gol_baru, y, m)
        masa_kerja = tr("{t} tahun {b} bulan", t=y, b=m)
        if gol_baru:
            gaji = tabel.cari_gaji(gol_baru, y, tmt)
            found = tabel.kgb_berikut(gol_baru, y * 12 + m, tmt, tmt_pensiun=_pensiun(record))
            kgb_lanjut = found[0].tmt if found else None
    if given.get("gaji_pokok"):
        typed = parse_rupiah(given["gaji_pokok"], "gaji_pokok", nip)
        if gaji is not None and typed != gaji:
            # The gaji pokok is looked up in the table in force, never typed over it (issue 13,
            # item 9): a typed value is accepted only where the table has none (e.g. a TMT
            # before the table's start), or when it is the table's own value.
            raise ValidationError(
                tr(
                    "NIP {nip}: gaji pokok {diketik} tidak sesuai tabel gaji yang berlaku untuk "
                    "{gol} dengan masa kerja golongan {mk} pada {tmt}: {tabel}. Kosongkan isian "
                    "gaji_pokok agar diambil dari tabel.",
                    nip=nip,
                    diketik=rupiah(typed),
                    gol=gol_baru,
                    mk=masa_kerja,
                    tmt=tanggal(tmt),
                    tabel=rupiah(gaji),
                ),
                field="gaji_pokok",
            )
        gaji = typed
    lama: int | None = None
    if given.get("gaji_pokok_lama"):
        lama = parse_rupiah(given["gaji_pokok_lama"], "gaji_pokok_lama", nip)
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
        "nip": format_nip(nip),  # printed grouped 8-6-1-3: 19660801 198803 1 001
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
        "pertek_nomor": given.get("pertek_nomor") or None,
        "pertek_tanggal": (
            tanggal(_date_value(given["pertek_tanggal"], "pertek_tanggal", nip))
            if given.get("pertek_tanggal")
            else None
        ),
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
        "kgb_berikutnya": (
            tanggal(kgb_lanjut)
            if kgb_lanjut
            else tr("tidak ada lagi")
            if base is not None and gol_baru
            else None
        ),
    }
    values.update(dict.fromkeys(PLACEHOLDER_CUTI))  # a leave letter gives them (app.jobs.cuti)
    values.update(dict.fromkeys(PLACEHOLDER_PESERTA))  # a training's documents give them
    for key, value in given.items():  # explicit values override what the records say
        if key not in _COMPUTED and value:
            values[key] = value
    return values
