"""Pure rules of code-of-ethics cases (kode etik PNS, PP 42/2004; asn-rules 9).

No database, no I/O: the domain module :mod:`app.models.etik.kasus` gathers the facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.i18n import tr

KETUA, SEKRETARIS, ANGGOTA = "KETUA", "SEKRETARIS", "ANGGOTA"
PERAN_MAJELIS: dict[str, str] = {KETUA: "Ketua", SEKRETARIS: "Sekretaris", ANGGOTA: "Anggota"}

# PP 42/2004 Ps. 15 ayat (3) [?]: the moral sanction is a statement made in closed session or
# in the open (Ps. 16 [?]: the open one in an official meeting, a ceremony, or other forum).
TERTUTUP, TERBUKA = "TERTUTUP", "TERBUKA"
SANKSI_MORAL: dict[str, str] = {
    TERTUTUP: "Pernyataan secara tertutup",
    TERBUKA: "Pernyataan secara terbuka",
}
TERBUKTI, TIDAK_TERBUKTI = "TERBUKTI", "TIDAK_TERBUKTI"
TEMUAN: dict[str, str] = {TERBUKTI: "Terbukti", TIDAK_TERBUKTI: "Tidak terbukti"}


@dataclass(frozen=True)
class AturanMajelis:
    """The composition rule in force (a row of ``ref_majelis_etik``)."""

    anggota_min: int  # members besides the chair and the secretary
    pangkat_tidak_lebih_rendah: bool  # no member lower in rank than the PNS examined
    dasar_hukum: str


@dataclass(frozen=True)
class Anggota:
    """One member proposed for a Majelis Kode Etik."""

    pegawai_id: str
    nama: str
    peran: str
    golongan_urutan: int | None


def check_majelis(
    anggota: Sequence[Anggota],
    *,
    terperiksa_id: str,
    terperiksa_golongan: int | None,
    aturan: AturanMajelis,
) -> list[str]:
    """Reasons the proposed majelis is not valid (empty: valid) under ``aturan``.

    One chair and one secretary, at least ``aturan.anggota_min`` further members; the accused
    sits on none; and, while ``aturan.pangkat_tidak_lebih_rendah``, no member is lower in rank
    (golongan) than the accused. A member whose golongan is unknown (PPPK without golongan PNS,
    data missing) is then refused too, since the rule cannot be checked. (The row seeded from
    PP 42/2004 Ps. 18 and 19 [?]: one further member at least, rank not lower.)
    """
    reasons: list[str] = []
    peran = [a.peran for a in anggota]
    for a in anggota:
        if a.peran not in PERAN_MAJELIS:
            reasons.append(tr("Peran '{p}' tidak dikenal: KETUA, SEKRETARIS, ANGGOTA.", p=a.peran))
    if peran.count(KETUA) != 1:
        reasons.append(tr("Majelis harus mempunyai tepat satu ketua."))
    if peran.count(SEKRETARIS) != 1:
        reasons.append(tr("Majelis harus mempunyai tepat satu sekretaris."))
    if peran.count(ANGGOTA) < aturan.anggota_min:
        reasons.append(
            tr(
                "Majelis harus mempunyai sekurang-kurangnya {n} anggota selain ketua dan "
                "sekretaris ({dasar}).",
                n=aturan.anggota_min,
                dasar=aturan.dasar_hukum,
            )
        )
    ids = [a.pegawai_id for a in anggota]
    if len(set(ids)) != len(ids):
        reasons.append(tr("Seorang pegawai tercantum lebih dari sekali dalam majelis."))
    for a in anggota:
        if a.pegawai_id == terperiksa_id:
            reasons.append(
                tr(
                    "{n} adalah pegawai yang diperiksa; tidak boleh menjadi anggota majelis.",
                    n=a.nama,
                )
            )
        elif not aturan.pangkat_tidak_lebih_rendah:
            continue
        elif a.golongan_urutan is None:
            reasons.append(
                tr(
                    "Pangkat PNS {n} tidak diketahui (atau bukan PNS); tidak dapat dibandingkan.",
                    n=a.nama,
                )
            )
        elif terperiksa_golongan is not None and a.golongan_urutan < terperiksa_golongan:
            reasons.append(
                tr("Pangkat {n} lebih rendah dari pangkat pegawai yang diperiksa.", n=a.nama)
            )
    return reasons


def check_putusan(temuan: str, pasal: Sequence[str], sanksi: str | None) -> list[str]:
    """Reasons a finding is not valid: a proven breach names the articles and a moral sanction;
    an unproven one carries neither."""
    reasons: list[str] = []
    if temuan not in TEMUAN:
        return [tr("Temuan '{t}' tidak dikenal: TERBUKTI atau TIDAK_TERBUKTI.", t=temuan)]
    if temuan == TERBUKTI:
        if not pasal:
            reasons.append(tr("Sebutkan sekurang-kurangnya satu butir kode etik yang dilanggar."))
        if sanksi not in SANKSI_MORAL:
            reasons.append(tr("Pilih sanksi moral: TERTUTUP atau TERBUKA."))
    else:
        if pasal or sanksi:
            reasons.append(tr("Pelanggaran tidak terbukti: butir dan sanksi moral tidak diisi."))
    return reasons
