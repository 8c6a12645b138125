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
class Anggota:
    """One member proposed for a Majelis Kode Etik."""

    pegawai_id: str
    nama: str
    peran: str
    golongan_urutan: int | None


def check_majelis(
    anggota: Sequence[Anggota], *, terperiksa_id: str, terperiksa_golongan: int | None
) -> list[str]:
    """Reasons the proposed majelis is not valid (empty: valid).

    One chair and one secretary, at least one further member (PP 42/2004 Ps. 18 [?]); the
    accused sits on none; and no member is lower in rank (golongan) than the accused: PP 42/2004
    Ps. 19 [?] says the rank and post of a member may not be lower than those of the accused.
    A member whose golongan is unknown (PPPK without golongan PNS, data missing) is refused
    too, since the rule cannot be checked.
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
    if peran.count(ANGGOTA) < 1:
        reasons.append(tr("Majelis harus mempunyai sekurang-kurangnya satu anggota."))
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
