"""Placeholders of the decree templates and the filling of a text (pure: no database).

A template text holds placeholders such as ``{nama_lengkap}`` or ``{golongan_baru}``
(:data:`PLACEHOLDER`); :func:`fill` replaces them, refusing an unknown one or one without a value
with a :class:`ValidationError` that names the template field, the placeholder and the NIP.
Numbers are formatted here too (:func:`format_nomor`), and money is written in figures and in
words (:func:`rupiah`, :func:`terbilang`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from app.i18n import angka, tr
from app.models.errors import ValidationError

#: Placeholders about the decree as a whole (usable in every field).
PLACEHOLDER_NASKAH: dict[str, str] = {
    "kepala_daerah": "Jabatan kepala daerah dalam huruf kapital, mis. BUPATI SIKKA",
    "sebutan_kepala_daerah": "Sebutan kepala daerah: Bupati, Wali Kota atau Gubernur",
    "daerah": "Nama daerah, mis. Kabupaten Sikka",
    "nama_pemerintah": "Nama pemerintah daerah (pengaturan instansi)",
    "nama_instansi": "Nama instansi (pengaturan instansi)",
    "kepala_instansi": "KEPALA <NAMA INSTANSI> dalam huruf kapital",
    "singkatan_instansi": "Singkatan instansi, mis. BKPSDM (pengaturan instansi)",
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
    "kgb_berikutnya": "Tanggal KGB berikutnya (langkah MKG berikut pada tabel gaji)",
    "jabatan_baru": "Jabatan baru",
    "unit_baru": "Unit kerja baru",
    "pertek_nomor": "Nomor pertimbangan teknis (pertek) BKN dari usulan KP",
    "pertek_tanggal": "Tanggal pertek BKN dari usulan KP",
}
#: Placeholders of a leave letter (surat izin cuti), given from the leave record by
#: :mod:`app.jobs.cuti` (app/models/cuti), not read from the employee's records.
PLACEHOLDER_CUTI: dict[str, str] = {
    "jenis_cuti": "Jenis cuti, mis. cuti tahunan",
    "tahun_cuti": "Tahun cuti",
    "lama_cuti": "Lama cuti, mis. 3 (tiga) hari kerja",
    "tanggal_mulai_cuti": "Tanggal mulai cuti",
    "tanggal_selesai_cuti": "Tanggal selesai cuti",
    "alamat_cuti": "Alamat selama menjalankan cuti",
    "alasan_cuti": "Alasan cuti",
}
PLACEHOLDER_PEGAWAI |= PLACEHOLDER_CUTI
#: Values of the letters about complaints and discipline cases (issue 16), given by the job
#: (app/jobs/integritas.py) from the complaint or the case.
PLACEHOLDER_INTEGRITAS: dict[str, str] = {
    "panggilan_ke": "Panggilan disiplin ke (I atau II)",
    "tanggal_periksa": "Hari dan tanggal pemeriksaan disiplin",
    "tempat_periksa": "Tempat pemeriksaan disiplin",
    "pemeriksa_disiplin": "Pejabat atau tim pemeriksa",
    "dugaan_pelanggaran": "Uraian dugaan pelanggaran disiplin",
    "hukuman_disiplin": "Jenis hukuman disiplin yang dijatuhkan",
    "nama_pelapor": "Nama pelapor pengaduan",
    "alamat_pelapor": "Alamat pelapor pengaduan",
    "nomor_pengaduan": "Nomor register pengaduan",
    "tanggal_pengaduan": "Tanggal pengaduan diterima",
    "perihal_pengaduan": "Perihal pengaduan",
    "hasil_pengaduan": "Hasil penanganan pengaduan",
    "jawaban_pengaduan": "Jawaban kepada pelapor",
    # The moral sanction of an ethics case (PP 42/2004; app/jobs/integritas.py).
    "sanksi_moral": "Sanksi moral: pernyataan secara tertutup atau terbuka",
    "tanggal_putusan": "Tanggal putusan majelis kode etik",
    "butir_kode_etik": "Butir kode etik yang dilanggar",
}
#: Values of the surat tugas and daftar peserta of a training event (issue 15), given by the
#: job (app/jobs/kompetensi.py) from the event: the same for the whole document.
PLACEHOLDER_PELATIHAN: dict[str, str] = {
    "nama_pelatihan": "Nama pelatihan (acara)",
    "tanggal_pelatihan": "Tanggal pelatihan, mis. 2 s.d. 4 Maret 2026",
    "penyelenggara_pelatihan": "Penyelenggara pelatihan",
    "tempat_pelatihan": "Tempat pelatihan",
    "jp_pelatihan": "Jumlah jam pelajaran (JP) pelatihan",
    "bentuk_pelatihan": "Bentuk pelatihan (klasikal atau non-klasikal)",
    "jumlah_peserta": "Jumlah peserta pelatihan",
}
#: Per participant, given by the same job from the participant's record.
PLACEHOLDER_PESERTA: dict[str, str] = {
    "nomor_sertifikat": "Nomor sertifikat pelatihan (bila sudah selesai)",
    "status_peserta": "Status peserta (terdaftar, lulus, tidak hadir)",
}
PLACEHOLDER_PEGAWAI |= PLACEHOLDER_PESERTA
PLACEHOLDER: dict[str, str] = (
    PLACEHOLDER_NASKAH | PLACEHOLDER_PEGAWAI | PLACEHOLDER_INTEGRITAS | PLACEHOLDER_PELATIHAN
)

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
    "pertek_nomor": "Nomor pertek BKN",
    "pertek_tanggal": "Tanggal pertek BKN (TTTT-BB-HH)",
}
#: The :data:`ISIAN` without a default: asked for when a template uses them.
ISIAN_WAJIB = ("gaji_pokok", "gaji_pokok_lama", "jabatan_baru", "unit_baru", "sk_lama_pejabat")

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


def placeholder_label(name: str) -> str:
    """A placeholder as people read it: "Gaji pokok baru" for ``gaji_pokok`` (its description
    without the example), the name itself when it is not known."""
    text = ISIAN.get(name) or PLACEHOLDER.get(name) or name
    return re.split(r", mis\.| \(", tr(text), maxsplit=1)[0].strip()


def fill(text: str, values: Mapping[str, str | None], field: str, nip: str = "") -> str:
    """``text`` with its placeholders replaced by ``values``. Refuses an unknown placeholder and
    one whose value is None, naming the field, the placeholder and (when given) the NIP."""

    def sub(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if name not in PLACEHOLDER:
            raise ValidationError(
                tr("{field}: isian {{{ph}}} tidak dikenal.", field=field, ph=name), field=field
            )
        value = values.get(name)
        if value is None:
            who = tr("NIP {nip}: ", nip=nip) if nip else ""
            label = placeholder_label(name)
            hint = (
                tr(" Isi kolom '{label}' untuk pegawai ini.", label=label)
                if name in ISIAN
                else tr(" Data ini belum tercatat; lengkapi data pegawai.")
            )
            # The label for people; the key (no braces) for the command line's --nilai.
            raise ValidationError(
                who
                + tr("{field}: {label} ({ph}) belum ada.", field=field, label=label, ph=name)
                + hint,
                field=name,
            )
        return value

    return _PLACEHOLDER_RE.sub(sub, text)


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


def parse_rupiah(text: str, label: str, nip: str) -> int:
    """A typed amount of rupiah ("4.699.300", "Rp4.699.300,00") as a whole number."""
    digits = re.sub(r"[^\d,]", "", text).split(",")[0]
    if not digits:
        raise ValidationError(
            tr(
                "NIP {nip}: {label} '{text}' bukan jumlah rupiah.",
                nip=nip,
                label=placeholder_label(label),
                text=text,
            ),
            field=label,
        )
    return int(digits)
