"""Rules of positions and their holders that need no database: which levels are structural, and
what a holder lacks for a position (minimum golongan and education)."""

from __future__ import annotations

from app.i18n import tr
from app.models.reference.loader import Referensi

# D-IV is treated as S-1 and SLTP Kejuruan as SLTP when comparing with a minimum education
# ("sekurang-kurangnya S-1/D-IV", asn-rules 3.4); otherwise the reference order applies.
PENDIDIKAN_SETARA = {"D4": "S1", "SMP_KEJURUAN": "SMP"}


def is_struktural(ref: Referensi, jenjang_kode: str | None) -> bool:
    """Managerial posts (JPT, administrator, pengawas: UU 20/2023) are the ones with eselon."""
    row = ref.jenjang.get(jenjang_kode or "")
    return bool(row and row.get("kelompok") == "MANAJERIAL")


def kekurangan(
    ref: Referensi,
    *,
    gol_min_kode: str | None,
    pendidikan_min_kode: str | None,
    golongan_kode: str | None,
    pendidikan_kode: str | None,
) -> tuple[str, ...]:
    """What a holder lacks for a position: golongan below the minimum, education below the
    minimum. Unknown values are not counted against the holder. PPPK golongan (I..XVII) are
    not compared with a PNS golongan minimum (different scales)."""
    reasons: list[str] = []
    if gol_min_kode and golongan_kode:
        need = ref.golongan.get(gol_min_kode)
        have = ref.golongan.get(golongan_kode)
        if (
            need is not None
            and have is not None
            and need["jenis_asn"] == have["jenis_asn"]
            and int(have["urutan"]) < int(need["urutan"])
        ):
            reasons.append(
                tr("golongan {have} di bawah minimal {need}", have=golongan_kode, need=gol_min_kode)
            )
    if pendidikan_min_kode and pendidikan_kode:
        need_p = ref.pendidikan.get(PENDIDIKAN_SETARA.get(pendidikan_min_kode, pendidikan_min_kode))
        have_p = ref.pendidikan.get(PENDIDIKAN_SETARA.get(pendidikan_kode, pendidikan_kode))
        if need_p and have_p and int(have_p["urutan"]) < int(need_p["urutan"]):
            reasons.append(
                tr(
                    "pendidikan {have} di bawah minimal {need}",
                    have=ref.label("ref_pendidikan", pendidikan_kode),
                    need=ref.label("ref_pendidikan", pendidikan_min_kode),
                )
            )
    return tuple(reasons)
