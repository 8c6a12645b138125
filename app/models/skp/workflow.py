"""The state changes of an SKP: the penilai's approval of the plan, submit, rate, return, the
penilai's penetapan (locking it and writing the predikat into the employee's SKP history), the
keberatan and the atasan's decision (final), a paper result keyed in, reopen, and the periodic
evaluations. Each is one write transaction through :func:`app.models.skp.guard.act`; the states
and who may move them are :mod:`app.models.rules.skp`."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import date

from app.i18n import tanggal, tr
from app.models.errors import ValidationError
from app.models.pegawai.history import upsert_skp
from app.models.reference.loader import Referensi, natural_id
from app.models.rules.skp import (
    BELUM,
    Pelaku,
    SkpInfo,
    Status,
    Transisi,
    batas_keberatan,
    may,
    predikat,
    rating_kode,
)
from app.models.skp.guard import (
    Act,
    Refused,
    act,
    check_pegawai,
    move,
    pelaku_dari,
    refused_outside,
    skp_label,
    stripped,
)
from app.models.skp.pengaturan import pola_periodik
from app.models.skp.penilai import Positions
from app.models.skp.read import (
    hari_keberatan,
    orang,
    skp_id_for,
    skp_info,
    skp_row,
    unit_path,
)
from app.models.skp.write import write_perilaku
from app.models.storage.db import Database, utc_now
from app.models.storage.store import Store, Value, WriteTx


def _check_siap(a: Act, skp_id: str, what: str) -> None:
    """A plan with at least one result with an indicator and a target, and a penilai."""
    row = a.conn.execute(
        "SELECT count(*) FROM skp_indikator i JOIN skp_hasil_kerja h "
        "ON h.id = i.hasil_kerja_id WHERE h.skp_id = ? AND h.deleted = 0 AND i.deleted = 0 "
        "AND coalesce(i.target, '') <> ''",
        (skp_id,),
    ).fetchone()
    if not row[0]:
        raise ValidationError(
            tr(
                "SKP belum dapat {what}: isi dulu sedikitnya satu rencana hasil kerja "
                "dengan indikator dan targetnya.",
                what=what,
            ),
            field="hasil_kerja",
        )
    if not a.info.penilai_id:
        raise ValidationError(
            tr("SKP belum dapat {what}: pejabat penilai belum ditentukan.", what=what),
            field="penilai",
        )


def setujui_rencana(db: Database, skp_id: str, *, actor: str | Pelaku) -> None:
    """The pejabat penilai approves the plan at the start of the year (draft -> disetujui,
    PermenPANRB 6/2022 Ps. 14). The plan is then fixed; the realisation is filled in."""

    def work(a: Act) -> None:
        _check_siap(a, skp_id, tr("disetujui"))
        move(a, Transisi.SETUJUI_RENCANA, {"rencana_disetujui": a.now})

    aksi = tr("Menyetujui rencana SKP {x}", x=skp_label(db.conn, skp_id))
    act(db, skp_id, Transisi.SETUJUI_RENCANA, actor, aksi, work)


def ajukan(db: Database, skp_id: str, *, actor: str | Pelaku) -> None:
    """Submit the SKP with its realisation for rating (disetujui -> diajukan)."""

    def work(a: Act) -> None:
        _check_siap(a, skp_id, tr("diajukan"))
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
    """Return one step, with the reason, by the pejabat penilai: disetujui -> draft (the plan
    is to be changed), diajukan -> disetujui (the realisation is to be corrected), dinilai ->
    diajukan (the rating withdrawn before penetapan). Returns the new state."""
    note = _need_note(catatan, tr("pengembalian"))

    def work(a: Act) -> str:
        return move(a, Transisi.KEMBALIKAN, {}, note)

    aksi = tr("Mengembalikan SKP {x} untuk diperbaiki", x=skp_label(db.conn, skp_id))
    result: str = act(db, skp_id, Transisi.KEMBALIKAN, actor, aksi, work, keterangan=note)
    return result


def _tulis_riwayat(
    tx: WriteTx,
    conn: sqlite3.Connection,
    pegawai_id: str,
    tahun: int,
    values: Mapping[str, str | int | None],
) -> None:
    """The year's predikat into the employee's SKP history (``riwayat_skp``, natural id of
    :func:`app.models.pegawai.write.skp_id`, merging with an imported or typed row)."""
    row: dict[str, str | int | None] = {"tahun": tahun, **values}
    upsert_skp(tx, conn, pegawai_id, row)


def _penilai_values(conn: sqlite3.Connection, penilai_id: str | None) -> dict[str, str | None]:
    penilai = orang(conn, penilai_id)
    return {
        "penilai_nama": penilai.nama if penilai else None,
        "penilai_nip": penilai.nip if penilai else None,
    }


def tetapkan(
    db: Database, skp_id: str, *, actor: str | Pelaku, hari_ini: date | None = None
) -> str:
    """The pejabat penilai ditetapkan the rating (dinilai -> ditetapkan, locked; PermenPANRB
    6/2022 Ps. 14, no second approval). The predikat lands in the employee's SKP history and
    the keberatan window opens (``ref_tenggat_skp``). Returns the last day of the window."""
    days = hari_keberatan(db.conn)

    def work(a: Act) -> str:
        row = skp_row(a.conn, skp_id)
        if not (row["rating_hasil"] and row["rating_perilaku"] and row["predikat_kode"]):
            raise ValidationError(tr("SKP belum dinilai lengkap."), field="rating_hasil")
        batas = batas_keberatan(a.hari_ini, days).isoformat()
        move(
            a,
            Transisi.TETAPKAN,
            {"terkunci": 1, "ditetapkan": a.now, "batas_keberatan": batas},
            tr("masa keberatan sampai {t}", t=tanggal(batas)),
        )
        _tulis_riwayat(
            a.tx,
            a.conn,
            a.info.pegawai_id,
            a.info.tahun,
            {
                "rating_hasil": row["rating_hasil"],
                "rating_perilaku": row["rating_perilaku"],
                "predikat_kode": row["predikat_kode"],
                **_penilai_values(a.conn, row["penilai_id"]),
            },
        )
        return batas

    aksi = tr("Menetapkan SKP {x}", x=skp_label(db.conn, skp_id))
    result: str = act(db, skp_id, Transisi.TETAPKAN, actor, aksi, work, hari_ini=hari_ini)
    return result


def ajukan_keberatan(
    db: Database,
    skp_id: str,
    alasan: str,
    *,
    actor: str | Pelaku,
    hari_ini: date | None = None,
) -> None:
    """The employee (or the operator on their behalf) objects to the rating, with the reasons,
    within the window after penetapan (ditetapkan -> keberatan; PP 30/2019 Ps. 59(1)). The
    atasan pejabat penilai decides it (:func:`putus_keberatan`)."""
    note = _need_note(alasan, tr("keberatan"))

    def work(a: Act) -> None:
        if not a.info.atasan_penilai_id:
            raise ValidationError(
                tr(
                    "Keberatan tidak dapat diajukan: SKP ini belum mencatat atasan pejabat "
                    "penilai yang akan memutusnya. Minta operator mengisinya dulu."
                ),
                field="atasan_penilai",
            )
        row = skp_row(a.conn, skp_id)
        move(a, Transisi.KEBERATAN, {}, note)
        a.tx.insert(
            "skp_keberatan",
            {
                "id": natural_id("skp_keberatan", skp_id),
                "skp_id": skp_id,
                "alasan": note,
                "tanggal": a.hari_ini.isoformat(),
                "diajukan": a.now,
                "pengaju": a.pelaku.nama,
                "pengaju_pegawai_id": a.pelaku.pegawai_id,
                "rating_hasil_awal": row["rating_hasil"],
                "rating_perilaku_awal": row["rating_perilaku"],
                "predikat_awal": row["predikat_kode"],
            },
        )

    aksi = tr("Mengajukan keberatan atas SKP {x}", x=skp_label(db.conn, skp_id))
    act(db, skp_id, Transisi.KEBERATAN, actor, aksi, work, keterangan=note, hari_ini=hari_ini)


def putus_keberatan(
    db: Database,
    skp_id: str,
    rating_hasil: str,
    rating_perilaku: str,
    alasan: str,
    *,
    actor: str | Pelaku,
    hari_ini: date | None = None,
) -> str:
    """The atasan pejabat penilai decides the keberatan: the rating kept or changed (hasil kerja
    and perilaku kerja), with the reasons (keberatan -> final; PP 30/2019 Ps. 59(4): final). A
    changed predikat replaces the one in the SKP history. Returns the predikat kode."""
    note = _need_note(alasan, tr("putusan keberatan"))
    ref = Referensi.load(db.conn)
    hasil = rating_kode(rating_hasil, "rating_hasil")
    perilaku = rating_kode(rating_perilaku, "rating_perilaku")
    kode = predikat(ref, hasil, perilaku)

    def work(a: Act) -> None:
        row = skp_row(a.conn, skp_id)
        changed = (row["rating_hasil"], row["rating_perilaku"]) != (hasil, perilaku)
        putusan = "UBAH" if changed else "TETAP"
        label = ref.label("ref_predikat", kode)
        summary = (
            tr("penilaian diubah menjadi predikat {p}: {a}", p=label, a=note)
            if changed
            else tr("penilaian tetap, predikat {p}: {a}", p=label, a=note)
        )
        move(
            a,
            Transisi.PUTUS_KEBERATAN,
            {
                "rating_hasil": hasil,
                "rating_perilaku": perilaku,
                "predikat_kode": kode,
                "terkunci": 1,
            },
            summary,
        )
        keberatan_id = natural_id("skp_keberatan", skp_id)
        a.tx.update(
            "skp_keberatan",
            keberatan_id,
            {
                "putusan": putusan,
                "rating_hasil_akhir": hasil,
                "rating_perilaku_akhir": perilaku,
                "predikat_akhir": kode,
                "alasan_putusan": note,
                "tanggal_putusan": a.hari_ini.isoformat(),
                "diputus": a.now,
                "pemutus": a.pelaku.nama,
                "pemutus_pegawai_id": a.pelaku.pegawai_id,
            },
        )
        if changed:
            _tulis_riwayat(
                a.tx,
                a.conn,
                a.info.pegawai_id,
                a.info.tahun,
                {
                    "rating_hasil": hasil,
                    "rating_perilaku": perilaku,
                    "predikat_kode": kode,
                    **_penilai_values(a.conn, row["penilai_id"]),
                },
            )

    aksi = tr("Memutus keberatan atas SKP {x}", x=skp_label(db.conn, skp_id))
    act(db, skp_id, Transisi.PUTUS_KEBERATAN, actor, aksi, work, keterangan=note,
        hari_ini=hari_ini)  # fmt: skip
    return kode


def catat_hasil(
    db: Database,
    pegawai_id: str,
    tahun: int,
    *,
    actor: str | Pelaku,
    rating_hasil: str | None = None,
    rating_perilaku: str | None = None,
    predikat_kode: str | None = None,
    penilai_id: str | None = None,
    penilai_nama: str | None = None,
    penilai_nip: str | None = None,
    tanggal_penetapan: date | None = None,
    catatan: str | None = None,
    hari_ini: date | None = None,
) -> str:
    """Key in an SKP result made on paper (an operator of the employee's unit): the ratings
    (the predikat follows the matrix) or the predikat alone, the penilai, the date of penetapan
    (today when None). The SKP of the year (created when missing, or closing one still in
    progress) becomes ditetapkan and the predikat lands in the SKP history. Returns the SKP
    id."""
    pelaku = pelaku_dari(db, actor)
    conn = db.conn
    today = hari_ini or date.today()
    ref = Referensi.load(conn)
    hasil = rating_kode(rating_hasil, "rating_hasil") if rating_hasil else None
    perilaku = rating_kode(rating_perilaku, "rating_perilaku") if rating_perilaku else None
    if (hasil is None) != (perilaku is None):
        raise ValidationError(
            tr("Isi rating hasil kerja dan rating perilaku kerja bersama-sama, atau keduanya "
               "kosong bila kertas hanya memuat predikat."),
            field="rating_perilaku" if perilaku is None else "rating_hasil",
        )  # fmt: skip
    given = (predikat_kode or "").strip().upper().replace(" ", "_") or None
    if given is not None and given not in ref.table("ref_predikat"):
        raise ValidationError(
            tr(
                "Predikat '{p}' tidak dikenal; pilih salah satu: {daftar}.",
                p=predikat_kode,
                daftar=", ".join(ref.table("ref_predikat")),
            ),
            field="predikat",
        )
    kode = predikat(ref, hasil, perilaku) if hasil and perilaku else given
    if kode is None:
        raise ValidationError(
            tr("Isi predikat, atau rating hasil kerja dan rating perilaku kerja."),
            field="predikat",
        )
    if given is not None and given != kode:
        raise ValidationError(
            tr(
                "Predikat {p} tidak sesuai dengan rating hasil {h} dan perilaku {r}: menurut "
                "matriks predikatnya {m}.",
                p=ref.label("ref_predikat", given),
                h=ref.label("ref_rating", hasil),
                r=ref.label("ref_rating", perilaku),
                m=ref.label("ref_predikat", kode),
            ),
            field="predikat",
        )
    when = tanggal_penetapan or today
    if when > today:
        raise ValidationError(
            tr("Tanggal penetapan {t} belum lewat.", t=tanggal(when)), field="tanggal"
        )
    check_pegawai(conn, pegawai_id, "pegawai")
    check_pegawai(conn, penilai_id, "penilai")
    if penilai_id == pegawai_id:
        raise ValidationError(
            tr("Pegawai tidak dapat menjadi pejabat penilai SKP-nya sendiri."), field="penilai"
        )
    skp_id = skp_id_for(pegawai_id, tahun)
    aksi = tr("Mencatat hasil SKP kertas {x}", x=f"{tahun} {_nip(conn, pegawai_id)}")
    note = stripped(catatan) or tr("hasil penilaian kertas")
    try:
        with Store(db).write(aksi, actor=pelaku.nama, keterangan=note) as tx:
            exists = conn.execute(
                "SELECT 1 FROM skp WHERE id = ? AND deleted = 0", (skp_id,)
            ).fetchone()
            info = skp_info(conn, skp_id) if exists else _probe(conn, skp_id, pegawai_id, tahun)
            verdict = may(pelaku, info, Transisi.CATAT_HASIL, today)
            if not verdict:
                raise Refused(verdict)
            off_record = not penilai_id and bool(stripped(penilai_nama) or stripped(penilai_nip))
            penilai = None if off_record else penilai_id or info.penilai_id
            atasan = None if off_record else info.atasan_penilai_id
            if penilai and penilai != info.penilai_id:
                atasan = Positions.load(conn).superior(penilai)
            now = utc_now()
            batas = batas_keberatan(when, hari_keberatan(conn)).isoformat()
            values: dict[str, Value] = {
                "status": Status.DITETAPKAN,
                "terkunci": 1,
                "rating_hasil": hasil,
                "rating_perilaku": perilaku,
                "predikat_kode": kode,
                "penilai_id": penilai,
                "atasan_penilai_id": atasan if atasan != pegawai_id else None,
                "ditetapkan": f"{when.isoformat()}T00:00:00Z",
                "batas_keberatan": batas,
            }
            if exists:
                tx.update("skp", skp_id, values)
            else:
                tx.insert(
                    "skp",
                    {"id": skp_id, "pegawai_id": pegawai_id, "tahun": tahun, "dibuat": now,
                     **values},
                )  # fmt: skip
            tx.insert(
                "skp_transisi",
                {
                    "skp_id": skp_id,
                    "aksi": Transisi.CATAT_HASIL.value,
                    "dari": info.status,
                    "ke": Status.DITETAPKAN,
                    "pelaku": pelaku.nama,
                    "pelaku_pegawai_id": pelaku.pegawai_id,
                    "waktu": now,
                    "catatan": tr("{c}; ditetapkan {t}", c=note, t=tanggal(when)),
                },
            )
            history = _penilai_values(conn, penilai) if penilai else {}
            if not penilai:
                history = {
                    "penilai_nama": stripped(penilai_nama) or None,
                    "penilai_nip": stripped(penilai_nip) or None,
                }
            _tulis_riwayat(
                tx,
                conn,
                pegawai_id,
                tahun,
                {
                    "rating_hasil": hasil,
                    "rating_perilaku": perilaku,
                    "predikat_kode": kode,
                    **history,
                },
            )
    except Refused as exc:
        denied = refused_outside(db, pelaku, "skp.catat_hasil", exc.putusan.alasan, skp_id)
        if exc.putusan.jenis == "status":
            raise ValidationError(exc.putusan.alasan, field="status") from exc
        raise denied from exc
    return skp_id


def _nip(conn: sqlite3.Connection, pegawai_id: str) -> str:
    row = conn.execute(
        "SELECT nip FROM pegawai_ringkas WHERE pegawai_id = ?", (pegawai_id,)
    ).fetchone()
    return str(row[0]) if row else pegawai_id


def _probe(conn: sqlite3.Connection, skp_id: str, pegawai_id: str, tahun: int) -> SkpInfo:
    """The rules' view of a year without an SKP (state ``belum``), for :func:`catat_hasil`."""
    unit = conn.execute(
        "SELECT unit_id FROM pegawai_ringkas WHERE pegawai_id = ?", (pegawai_id,)
    ).fetchone()
    penilai = Positions.load(conn).superior(pegawai_id)
    return SkpInfo(
        id=skp_id,
        pegawai_id=pegawai_id,
        tahun=tahun,
        status=BELUM,
        terkunci=False,
        penilai_id=penilai,
        atasan_penilai_id=Positions.load(conn).superior(penilai),
        unit_path=unit_path(conn, unit[0] if unit else None),
    )


def buka_kembali(db: Database, skp_id: str, catatan: str, *, actor: str | Pelaku) -> None:
    """Reopen a ditetapkan SKP (ditetapkan -> dinilai, unlocked), by the admin, with the reason.
    The predikat already in the SKP history stays until the SKP is ditetapkan again. A SKP with a
    keberatan (lodged or decided) is not reopened: the atasan's decision is final."""
    note = _need_note(catatan, tr("membuka kembali"))

    def work(a: Act) -> None:
        move(a, Transisi.BUKA_KEMBALI, {"terkunci": 0, "batas_keberatan": None}, note)

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
