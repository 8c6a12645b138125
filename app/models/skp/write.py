"""Editing an SKP in draft: the appraiser, the plan (results, indicators, targets, the expected
behaviours), the realisation with its evidence, and the peer feedback (rekan kerja). Every
change goes through :func:`app.models.skp.guard.act`."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence

from app.i18n import tr
from app.models.errors import ValidationError
from app.models.reference.loader import natural_id
from app.models.rules.skp import Pelaku, Pihak, Putusan, SkpInfo, Transisi, pihak
from app.models.skp.guard import (
    Act,
    Refused,
    act,
    check_pegawai,
    pelaku_dari,
    skp_label,
    stripped,
)
from app.models.skp.penilai import Positions
from app.models.skp.read import hasil_kerja_atasan
from app.models.skp.types import HasilKerjaData
from app.models.storage.db import Database
from app.models.storage.store import Value, WriteTx

# -- planning -------------------------------------------------------------------------------------


def ganti_penilai(
    db: Database,
    skp_id: str,
    penilai_id: str | None,
    atasan_penilai_id: str | None = None,
    *,
    actor: str | Pelaku,
) -> None:
    """Change the appraiser (and the appraiser's superior; derived from the tree when None)."""

    def work(a: Act) -> None:
        check_pegawai(a.conn, penilai_id, "penilai")
        check_pegawai(a.conn, atasan_penilai_id, "atasan_penilai")
        if penilai_id == a.info.pegawai_id or atasan_penilai_id == a.info.pegawai_id:
            raise ValidationError(
                tr("Pegawai tidak dapat menjadi pejabat penilai SKP-nya sendiri."),
                field="penilai",
            )
        atasan = atasan_penilai_id
        if atasan is None and penilai_id:
            atasan = Positions.load(a.conn).superior(penilai_id)
        if atasan is not None and atasan == penilai_id:
            raise ValidationError(
                tr("Atasan pejabat penilai harus orang lain daripada pejabat penilai."),
                field="atasan_penilai",
            )
        a.tx.update("skp", skp_id, {"penilai_id": penilai_id, "atasan_penilai_id": atasan})

    aksi = tr("Mengganti pejabat penilai SKP {x}", x=skp_label(db.conn, skp_id))
    act(db, skp_id, Transisi.GANTI_PENILAI, actor, aksi, work)


def _check_rencana(
    conn: sqlite3.Connection, info: SkpInfo, rencana: Sequence[HasilKerjaData]
) -> None:
    reasons: list[str] = []
    allowed_links = {i for i, _ in hasil_kerja_atasan(conn, info.id)}
    for n, hk in enumerate(rencana, start=1):
        if not stripped(hk.uraian):
            reasons.append(tr("Hasil kerja {n}: rencana hasil kerja wajib diisi.", n=n))
        if hk.jenis not in ("UTAMA", "TAMBAHAN"):
            reasons.append(tr("Hasil kerja {n}: jenis harus UTAMA atau TAMBAHAN.", n=n))
        if hk.hasil_kerja_atasan_id and hk.hasil_kerja_atasan_id not in allowed_links:
            reasons.append(
                tr(
                    "Hasil kerja {n}: hasil kerja atasan yang didukung tidak ada di SKP pejabat "
                    "penilai tahun ini.",
                    n=n,
                )
            )
        for m, ind in enumerate(hk.indikator, start=1):
            if not stripped(ind.indikator):
                reasons.append(
                    tr("Hasil kerja {n}, indikator {m}: uraian indikator wajib diisi.", n=n, m=m)
                )
    if reasons:
        raise ValidationError(reasons[0], field="hasil_kerja", reasons=reasons)


def update_rencana(
    db: Database,
    skp_id: str,
    rencana: Sequence[HasilKerjaData],
    perilaku: Mapping[str, str] | None = None,
    *,
    actor: str | Pelaku,
) -> None:
    """Save the plan as the form holds it: results and indicators (with targets, realisations
    and evidence), the expected behaviour per BerAKHLAK value. Rows left out are deleted. Only
    in draft; the appraiser may change the plan, the realisation is the employee's side."""

    def work(a: Act) -> None:
        conn, tx = a.conn, a.tx
        _check_rencana(conn, a.info, rencana)
        kinds = pihak(a.pelaku, a.info)
        may_realise = bool(kinds & {Pihak.SISTEM, Pihak.OPERATOR, Pihak.PEMILIK})
        old_hk = {
            str(r[0]): dict(r)
            for r in conn.execute(
                "SELECT id, urutan, jenis, uraian, hasil_kerja_atasan_id FROM skp_hasil_kerja "
                "WHERE skp_id = ? AND deleted = 0",
                (skp_id,),
            )
        }
        old_ind = {
            str(r[0]): dict(r)
            for r in conn.execute(
                "SELECT i.id, i.hasil_kerja_id, i.urutan, i.indikator, i.target, i.realisasi, "
                "i.bukti FROM skp_indikator i JOIN skp_hasil_kerja h ON h.id = i.hasil_kerja_id "
                "WHERE h.skp_id = ? AND i.deleted = 0",
                (skp_id,),
            )
        }
        kept_hk: set[str] = set()
        kept_ind: set[str] = set()
        for n, hk in enumerate(rencana, start=1):
            values: dict[str, Value] = {
                "urutan": n,
                "jenis": hk.jenis,
                "uraian": stripped(hk.uraian),
                "hasil_kerja_atasan_id": hk.hasil_kerja_atasan_id or None,
            }
            if hk.id and hk.id in old_hk:
                hk_id = hk.id
                tx.update("skp_hasil_kerja", hk_id, values)
            else:
                hk_id = tx.insert("skp_hasil_kerja", {"skp_id": skp_id, **values})
            kept_hk.add(hk_id)
            for m, ind in enumerate(hk.indikator, start=1):
                iv: dict[str, Value] = {
                    "hasil_kerja_id": hk_id,
                    "urutan": m,
                    "indikator": stripped(ind.indikator),
                    "target": stripped(ind.target) or None,
                }
                old = old_ind.get(ind.id or "")
                realised = {
                    "realisasi": stripped(ind.realisasi) or None,
                    "bukti": stripped(ind.bukti) or None,
                }
                if may_realise:
                    iv.update(realised)
                elif (old is None and any(realised.values())) or (
                    old is not None
                    and (old["realisasi"] or None, old["bukti"] or None)
                    != (realised["realisasi"], realised["bukti"])
                ):
                    raise Refused(
                        Putusan(
                            False,
                            tr(
                                "Akses ditolak: realisasi dan bukti diisi oleh pegawai atau "
                                "operatornya, bukan oleh {nama}.",
                                nama=a.pelaku.nama,
                            ),
                            "peran",
                        )
                    )
                if old is not None:
                    tx.update("skp_indikator", str(ind.id), iv)
                    kept_ind.add(str(ind.id))
                else:
                    kept_ind.add(tx.insert("skp_indikator", iv))
        for ind_id in old_ind:
            if ind_id not in kept_ind:
                tx.delete("skp_indikator", ind_id)
        for hk_id in old_hk:
            if hk_id not in kept_hk:
                tx.delete("skp_hasil_kerja", hk_id)
        if perilaku is not None:
            write_perilaku(tx, conn, skp_id, "ekspektasi", perilaku)

    aksi = tr("Menyimpan rencana SKP {x}", x=skp_label(db.conn, skp_id))
    act(db, skp_id, Transisi.UBAH_RENCANA, actor, aksi, work)


def write_perilaku(
    tx: WriteTx, conn: sqlite3.Connection, skp_id: str, column: str, texts: Mapping[str, str]
) -> None:
    """Write one text column (``ekspektasi`` or ``umpan_balik``) of the behaviours, per
    BerAKHLAK value, inside a write."""
    known = {
        str(r[0]) for r in conn.execute("SELECT kode FROM ref_nilai_berakhlak WHERE deleted = 0")
    }
    bad = [k for k in texts if k not in known]
    if bad:
        raise ValidationError(
            tr("Nilai BerAKHLAK {k} tidak dikenal.", k=", ".join(bad)), field="perilaku"
        )
    for kode, text in texts.items():
        row_id = natural_id("skp_perilaku", skp_id, kode)
        value = stripped(text) or None
        if conn.execute("SELECT 1 FROM skp_perilaku WHERE id = ?", (row_id,)).fetchone():
            tx.update("skp_perilaku", row_id, {column: value, "deleted": 0})
        elif value:
            tx.insert(
                "skp_perilaku",
                {"id": row_id, "skp_id": skp_id, "nilai_kode": kode, column: value},
            )


def isi_realisasi(
    db: Database,
    skp_id: str,
    realisasi: Mapping[str, tuple[str, str]],
    *,
    actor: str | Pelaku,
) -> None:
    """Record the realisation and the evidence note per indicator (indicator id ->
    (realisasi, bukti)). In draft, by the employee or the operator."""

    def work(a: Act) -> None:
        own = {
            str(r[0])
            for r in a.conn.execute(
                "SELECT i.id FROM skp_indikator i JOIN skp_hasil_kerja h "
                "ON h.id = i.hasil_kerja_id WHERE h.skp_id = ? AND i.deleted = 0",
                (skp_id,),
            )
        }
        for ind_id, (value, bukti) in realisasi.items():
            if ind_id not in own:
                raise ValidationError(
                    tr("Indikator {id} bukan bagian SKP ini.", id=ind_id), field="realisasi"
                )
            a.tx.update(
                "skp_indikator",
                ind_id,
                {"realisasi": stripped(value) or None, "bukti": stripped(bukti) or None},
            )

    aksi = tr("Mengisi realisasi SKP {x}", x=skp_label(db.conn, skp_id))
    act(db, skp_id, Transisi.REALISASI, actor, aksi, work)


# -- peer feedback --------------------------------------------------------------------------------


def minta_umpan_balik(
    db: Database, skp_id: str, rekan_ids: Sequence[str], *, actor: str | Pelaku
) -> int:
    """Ask colleagues for feedback on the employee's behaviour (one row per value, empty until
    answered). Returns how many colleagues were newly asked."""

    def work(a: Act) -> int:
        values = [
            str(r[0])
            for r in a.conn.execute(
                "SELECT kode FROM ref_nilai_berakhlak WHERE deleted = 0 ORDER BY urutan"
            )
        ]
        added = 0
        for rid in dict.fromkeys(rekan_ids):
            check_pegawai(a.conn, rid, "rekan")
            if rid in (a.info.pegawai_id, a.info.penilai_id):
                raise ValidationError(
                    tr("Rekan kerja harus orang lain daripada pegawai dan pejabat penilainya."),
                    field="rekan",
                )
            if rid in a.info.rekan_ids:
                continue
            added += 1
            a.tx.insert_many(
                "skp_umpan_balik_rekan",
                [
                    {
                        "id": natural_id("skp_umpan_balik_rekan", skp_id, rid, kode),
                        "skp_id": skp_id,
                        "rekan_id": rid,
                        "nilai_kode": kode,
                        "diminta": a.now,
                    }
                    for kode in values
                ],
            )
        return added

    aksi = tr("Meminta umpan balik rekan untuk SKP {x}", x=skp_label(db.conn, skp_id))
    result: int = act(db, skp_id, Transisi.MINTA_REKAN, actor, aksi, work)
    return result


def isi_umpan_balik_rekan(
    db: Database,
    skp_id: str,
    rekan_id: str,
    umpan_balik: Mapping[str, str],
    *,
    actor: str | Pelaku,
) -> None:
    """A colleague's answer, text per BerAKHLAK value (by the colleague, or the operator typing
    a paper answer)."""
    pelaku = pelaku_dari(db, actor)

    def work(a: Act) -> None:
        if rekan_id not in a.info.rekan_ids:
            raise ValidationError(
                tr("Rekan ini tidak diminta memberi umpan balik untuk SKP ini."), field="rekan"
            )
        kinds = pihak(a.pelaku, a.info)
        if not (kinds & {Pihak.SISTEM, Pihak.OPERATOR}) and a.pelaku.pegawai_id != rekan_id:
            raise Refused(
                Putusan(
                    False,
                    tr("Akses ditolak: {nama} hanya dapat mengisi umpan baliknya sendiri.",
                       nama=a.pelaku.nama),
                    "peran",
                )
            )  # fmt: skip
        for kode, text in umpan_balik.items():
            row_id = natural_id("skp_umpan_balik_rekan", skp_id, rekan_id, kode)
            if not a.conn.execute(
                "SELECT 1 FROM skp_umpan_balik_rekan WHERE id = ?", (row_id,)
            ).fetchone():
                raise ValidationError(
                    tr("Nilai BerAKHLAK {k} tidak dikenal.", k=kode), field="umpan_balik"
                )
            a.tx.update(
                "skp_umpan_balik_rekan",
                row_id,
                {"umpan_balik": stripped(text) or None, "dijawab": a.now},
            )

    aksi = tr("Mengisi umpan balik rekan untuk SKP {x}", x=skp_label(db.conn, skp_id))
    act(db, skp_id, Transisi.JAWAB_REKAN, pelaku, aksi, work)
