"""The state changes of an SKP: submit, rate, return, approve (locking it and writing the
predikat into the employee's SKP history), reopen, and the periodic evaluations. Each is one
write transaction through :func:`app.models.skp.guard.act`; the states and who may move them
are :mod:`app.models.rules.skp`."""

from __future__ import annotations

from collections.abc import Mapping

from app.i18n import tr
from app.models.errors import ValidationError
from app.models.pegawai.history import upsert_skp
from app.models.reference.loader import Referensi, natural_id
from app.models.rules.skp import Pelaku, Transisi, predikat, rating_kode
from app.models.skp.guard import Act, act, move, skp_label, stripped
from app.models.skp.pengaturan import pola_periodik
from app.models.skp.read import orang, skp_row
from app.models.skp.write import write_perilaku
from app.models.storage.db import Database
from app.models.storage.store import Value


def ajukan(db: Database, skp_id: str, *, actor: str | Pelaku) -> None:
    """Submit the SKP for rating (draft -> diajukan). It needs at least one result with an
    indicator and a target."""

    def work(a: Act) -> None:
        row = a.conn.execute(
            "SELECT count(*) FROM skp_indikator i JOIN skp_hasil_kerja h "
            "ON h.id = i.hasil_kerja_id WHERE h.skp_id = ? AND h.deleted = 0 AND i.deleted = 0 "
            "AND coalesce(i.target, '') <> ''",
            (skp_id,),
        ).fetchone()
        if not row[0]:
            raise ValidationError(
                tr(
                    "SKP belum dapat diajukan: isi dulu sedikitnya satu rencana hasil kerja "
                    "dengan indikator dan targetnya."
                ),
                field="hasil_kerja",
            )
        if not a.info.penilai_id:
            raise ValidationError(
                tr("SKP belum dapat diajukan: pejabat penilai belum ditentukan."),
                field="penilai",
            )
        move(a, Transisi.AJUKAN, {"diajukan": a.now})

    aksi = tr("Mengajukan SKP {x}", x=skp_label(db.conn, skp_id))
    act(db, skp_id, Transisi.AJUKAN, actor, aksi, work)


def nilai(
    db: Database,
    skp_id: str,
    rating_hasil: str,
    rating_perilaku: str,
    *,
    actor: str | Pelaku,
    umpan_balik: Mapping[str, str] | None = None,
    umpan_balik_hasil: Mapping[str, str] | None = None,
    catatan: str | None = None,
) -> str:
    """The appraiser's rating (diajukan -> dinilai; a rated SKP may be rated again): ratings of
    hasil kerja and perilaku kerja, feedback per BerAKHLAK value and per result. Returns the
    predikat kode from the matrix."""
    ref = Referensi.load(db.conn)
    hasil = rating_kode(rating_hasil, "rating_hasil")
    perilaku = rating_kode(rating_perilaku, "rating_perilaku")
    kode = predikat(ref, hasil, perilaku)

    def work(a: Act) -> None:
        changes: dict[str, Value] = {
            "rating_hasil": hasil,
            "rating_perilaku": perilaku,
            "predikat_kode": kode,
            "dinilai": a.now,
        }
        if catatan is not None:
            changes["catatan_penilai"] = stripped(catatan) or None
        if umpan_balik:
            write_perilaku(a.tx, a.conn, skp_id, "umpan_balik", umpan_balik)
        if umpan_balik_hasil:
            own = {
                str(r[0])
                for r in a.conn.execute(
                    "SELECT id FROM skp_hasil_kerja WHERE skp_id = ? AND deleted = 0", (skp_id,)
                )
            }
            for hk_id, text in umpan_balik_hasil.items():
                if hk_id not in own:
                    raise ValidationError(
                        tr("Hasil kerja {id} bukan bagian SKP ini.", id=hk_id), field="umpan_balik"
                    )
                a.tx.update("skp_hasil_kerja", hk_id, {"umpan_balik": stripped(text) or None})
        note = tr("predikat {p}", p=ref.label("ref_predikat", kode))
        move(a, Transisi.NILAI, changes, note)

    aksi = tr("Menilai SKP {x}", x=skp_label(db.conn, skp_id))
    act(db, skp_id, Transisi.NILAI, actor, aksi, work)
    return kode


def _need_note(catatan: str | None, what: str) -> str:
    text = stripped(catatan)
    if not text:
        raise ValidationError(
            tr("Tulis alasan {what} pada kolom catatan.", what=what), field="catatan"
        )
    return text


def kembalikan(db: Database, skp_id: str, catatan: str, *, actor: str | Pelaku) -> str:
    """Return for correction, with the reason: diajukan -> draft (the appraiser), dinilai ->
    diajukan (the appraiser's superior, or the appraiser). Returns the new state."""
    note = _need_note(catatan, tr("pengembalian"))

    def work(a: Act) -> str:
        return move(a, Transisi.KEMBALIKAN, {}, note)

    aksi = tr("Mengembalikan SKP {x} untuk diperbaiki", x=skp_label(db.conn, skp_id))
    result: str = act(db, skp_id, Transisi.KEMBALIKAN, actor, aksi, work, keterangan=note)
    return result


def tetapkan(db: Database, skp_id: str, *, actor: str | Pelaku) -> None:
    """Approve and lock the SKP (dinilai -> ditetapkan, by the appraiser's superior). The
    annual predikat lands in the employee's SKP history (``riwayat_skp``, natural id of
    :func:`app.models.pegawai.write.skp_id`, merging with an imported or typed row of that year)."""

    def work(a: Act) -> None:
        row = skp_row(a.conn, skp_id)
        if not (row["rating_hasil"] and row["rating_perilaku"] and row["predikat_kode"]):
            raise ValidationError(tr("SKP belum dinilai lengkap."), field="rating_hasil")
        penilai = orang(a.conn, row["penilai_id"])
        move(a, Transisi.TETAPKAN, {"terkunci": 1, "ditetapkan": a.now})
        upsert_skp(
            a.tx,
            a.conn,
            a.info.pegawai_id,
            {
                "tahun": a.info.tahun,
                "rating_hasil": row["rating_hasil"],
                "rating_perilaku": row["rating_perilaku"],
                "predikat_kode": row["predikat_kode"],
                "penilai_nama": penilai.nama if penilai else None,
                "penilai_nip": penilai.nip if penilai else None,
            },
        )

    aksi = tr("Menetapkan SKP {x}", x=skp_label(db.conn, skp_id))
    act(db, skp_id, Transisi.TETAPKAN, actor, aksi, work)


def buka_kembali(db: Database, skp_id: str, catatan: str, *, actor: str | Pelaku) -> None:
    """Reopen an approved SKP (ditetapkan -> dinilai, unlocked), by the admin, with the reason.
    The predikat already in the SKP history stays until the SKP is approved again."""
    note = _need_note(catatan, tr("membuka kembali"))

    def work(a: Act) -> None:
        move(a, Transisi.BUKA_KEMBALI, {"terkunci": 0}, note)

    aksi = tr("Membuka kembali SKP {x}", x=skp_label(db.conn, skp_id))
    act(db, skp_id, Transisi.BUKA_KEMBALI, actor, aksi, work, keterangan=note)


def nilai_periodik(
    db: Database,
    skp_id: str,
    ke: int,
    rating_hasil: str,
    rating_perilaku: str,
    *,
    actor: str | Pelaku,
    catatan: str | None = None,
) -> str:
    """A periodic (monthly or quarterly, as the year's period says) evaluation by the
    appraiser. Returns its predikat."""
    conn = db.conn
    tahun = int(skp_row(conn, skp_id)["tahun"])
    pola = pola_periodik(conn, tahun)
    jenis, last = ("TRIWULAN", 4) if pola == "TRIWULANAN" else ("BULAN", 12)
    if not 1 <= ke <= last:
        raise ValidationError(
            tr(
                "Periode ke-{ke} tidak ada; pola {pola} punya 1 sampai {n}.",
                ke=ke,
                pola=pola,
                n=last,
            ),
            field="ke",
        )
    ref = Referensi.load(conn)
    kode = predikat(ref, rating_hasil, rating_perilaku)

    def work(a: Act) -> None:
        row_id = natural_id("skp_evaluasi", skp_id, jenis, ke)
        values: dict[str, Value] = {
            "rating_hasil": rating_kode(rating_hasil),
            "rating_perilaku": rating_kode(rating_perilaku),
            "predikat_kode": kode,
            "catatan": stripped(catatan) or None,
        }
        if a.conn.execute("SELECT 1 FROM skp_evaluasi WHERE id = ?", (row_id,)).fetchone():
            a.tx.update("skp_evaluasi", row_id, {**values, "deleted": 0})
        else:
            a.tx.insert(
                "skp_evaluasi", {"id": row_id, "skp_id": skp_id, "jenis": jenis, "ke": ke, **values}
            )

    aksi = tr("Evaluasi periodik SKP {x}", x=skp_label(conn, skp_id))
    act(db, skp_id, Transisi.NILAI_PERIODIK, actor, aksi, work)
    return kode
