"""Training evaluation (issue 15 item 5): a short feedback form per participant, Kirkpatrick
level 1 style — relevance to their work, usefulness, the trainer (each 1-5) and free text —
and the results per event and per provider, so that training the participants find irrelevant
can be dropped from the plan.

A result is flagged ``tinjau`` (review) when the mean relevance is below
:data:`BATAS_RELEVANSI` or at least :data:`BATAS_TIDAK_RELEVAN` of the answers rate relevance
1-2: a choice of this application, not a regulation.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.i18n import angka, tr
from app.models.access.akses import require
from app.models.errors import NotFoundError, ValidationError
from app.models.impor.normalise import BadValue, looks_like_formula, parse_int
from app.models.impor.read import read_source
from app.models.pelatihan.acara import TIDAK_HADIR, Acara, get_acara, list_acara
from app.models.reference.loader import natural_id
from app.models.storage.db import Database
from app.models.storage.store import Store, WriteTx

SKALA = (1, 5)
BATAS_RELEVANSI = 3.0
BATAS_TIDAK_RELEVAN = 0.5


def evaluasi_id(acara_id: str, pegawai_id: str) -> str:
    return natural_id("pelatihan_evaluasi", acara_id, pegawai_id)


@dataclass(frozen=True)
class Jawaban:
    pegawai_id: str
    relevansi: int
    manfaat: int
    pengajar: int
    komentar: str | None = None


def _check(j: Jawaban) -> list[str]:
    problems = []
    for name, label in (("relevansi", "Relevansi"), ("manfaat", "Manfaat"),
                        ("pengajar", "Pengajar")):  # fmt: skip
        value = getattr(j, name)
        if not isinstance(value, int) or not SKALA[0] <= value <= SKALA[1]:
            problems.append(tr("{f}: nilai {v} di luar skala 1-5.", f=label, v=value))
    return problems


def record_evaluasi(
    db: Database,
    acara_id: str,
    jawaban: Iterable[Jawaban],
    *,
    tanggal: date | None = None,
    actor: str = "sistem",
) -> int:
    """Record (or replace) the feedback of participants of an event. All or nothing."""
    conn = db.conn
    acara = get_acara(conn, acara_id)
    answers = list(jawaban)
    status = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT pegawai_id, status FROM pelatihan_peserta WHERE acara_id = ? AND deleted = 0",
            (acara_id,),
        )
    }
    problems: list[str] = []
    for j in answers:
        nip = conn.execute(
            "SELECT nip FROM pegawai_ringkas WHERE pegawai_id = ?", (j.pegawai_id,)
        ).fetchone()
        who = nip[0] if nip else j.pegawai_id
        if j.pegawai_id not in status:
            problems.append(tr("NIP {n}: bukan peserta acara {a}.", n=who, a=acara.nama))
        elif status[j.pegawai_id] == TIDAK_HADIR:
            problems.append(tr("NIP {n}: tercatat tidak hadir.", n=who))
        problems += [tr("NIP {n}: {p}", n=who, p=p) for p in _check(j)]
    if not answers:
        problems.append(tr("Tidak ada jawaban evaluasi."))
    if problems:
        raise ValidationError("\n".join(problems), field="evaluasi", reasons=problems)
    day = (tanggal or date.today()).isoformat()
    with Store(db).write(
        tr("Mencatat evaluasi acara pelatihan {n}", n=acara.nama),
        actor=actor,
        izin="pelatihan.kelola",
    ) as tx:
        for j in answers:
            _write(tx, conn, acara_id, j, day)
    return len(answers)


def _write(tx: WriteTx, conn: sqlite3.Connection, acara_id: str, j: Jawaban, day: str) -> None:
    eid = evaluasi_id(acara_id, j.pegawai_id)
    row: dict[str, str | int | None] = {
        "acara_id": acara_id,
        "pegawai_id": j.pegawai_id,
        "relevansi": j.relevansi,
        "manfaat": j.manfaat,
        "pengajar": j.pengajar,
        "komentar": (j.komentar or "").strip() or None,
        "tanggal": day,
    }
    if conn.execute("SELECT 1 FROM pelatihan_evaluasi WHERE id = ?", (eid,)).fetchone():
        tx.update("pelatihan_evaluasi", eid, {**row, "deleted": 0})
    else:
        tx.insert("pelatihan_evaluasi", {"id": eid, **row})


@dataclass(frozen=True)
class RekapEvaluasi:
    nama: str  # the event or the provider
    jawaban: int
    relevansi: float
    manfaat: float
    pengajar: float
    tidak_relevan: int  # answers rating relevance 1-2

    @property
    def tinjau(self) -> bool:
        """Worth reviewing: felt irrelevant by many."""
        return self.relevansi < BATAS_RELEVANSI or (
            self.jawaban > 0 and self.tidak_relevan / self.jawaban >= BATAS_TIDAK_RELEVAN
        )


def rekap_evaluasi(conn: sqlite3.Connection, *, per: str = "acara") -> list[RekapEvaluasi]:
    """Mean ratings per event (``per="acara"``) or per provider (``"penyelenggara"``), the
    ones most felt irrelevant first."""
    if per not in ("acara", "penyelenggara"):
        raise ValidationError(
            tr("Rekap evaluasi per '{p}' tidak dikenal: acara atau penyelenggara.", p=per),
            field="per",
        )
    group = "a.nama || ' (' || a.tanggal_mulai || ')'" if per == "acara" else (
        "COALESCE(a.penyelenggara, '-')"
    )  # fmt: skip
    rows = conn.execute(
        f"SELECT {group}, count(*), avg(e.relevansi), avg(e.manfaat), avg(e.pengajar), "
        "sum(e.relevansi <= 2) FROM pelatihan_evaluasi e "
        "JOIN pelatihan_acara a ON a.id = e.acara_id "
        "WHERE e.deleted = 0 AND a.deleted = 0 GROUP BY 1 ORDER BY 3, 1"
    )
    return [
        RekapEvaluasi(
            str(r[0]),
            int(r[1]),
            round(float(r[2]), 2),
            round(float(r[3]), 2),
            round(float(r[4]), 2),
            int(r[5]),
        )
        for r in rows
    ]


def get_evaluasi_acara(conn: sqlite3.Connection, acara_id: str) -> RekapEvaluasi:
    """The result of one event."""
    acara = get_acara(conn, acara_id)
    row = conn.execute(
        "SELECT count(*), avg(relevansi), avg(manfaat), avg(pengajar), sum(relevansi <= 2) "
        "FROM pelatihan_evaluasi WHERE acara_id = ? AND deleted = 0",
        (acara_id,),
    ).fetchone()
    if not row[0]:
        raise NotFoundError(tr("Acara {n} belum memiliki evaluasi.", n=acara.nama))
    return RekapEvaluasi(acara.nama, int(row[0]), round(float(row[1]), 2),
                         round(float(row[2]), 2), round(float(row[3]), 2), int(row[4]))  # fmt: skip


# -- the recap per event and per provider, for a period -----------------------------------------


@dataclass(frozen=True)
class RekapAcara(RekapEvaluasi):
    """One event's result (``nama`` is the event's name)."""

    acara_id: str = ""
    penyelenggara: str | None = None
    tanggal_mulai: str = ""
    tanggal_selesai: str = ""
    peserta: int = 0  # participants on the list (answers / peserta: the response rate)


@dataclass(frozen=True)
class RekapPenyelenggara(RekapEvaluasi):
    """One provider's result over its events (``nama`` is the provider)."""

    acara: int = 0


def _periode(tahun: int | None) -> tuple[str, list[object]]:
    if tahun is None:
        return "", []
    return " AND substr(a.tanggal_selesai, 1, 4) = ?", [f"{tahun:04d}"]


def rekap_per_acara(conn: sqlite3.Connection, *, tahun: int | None = None) -> list[RekapAcara]:
    """Each evaluated event (ending in ``tahun`` when given), the ones most felt irrelevant
    first."""
    where, params = _periode(tahun)
    rows = conn.execute(
        "SELECT a.id, a.nama, a.penyelenggara, a.tanggal_mulai, a.tanggal_selesai, count(*), "
        "avg(e.relevansi), avg(e.manfaat), avg(e.pengajar), sum(e.relevansi <= 2), "
        "(SELECT count(*) FROM pelatihan_peserta p WHERE p.acara_id = a.id AND p.deleted = 0) "
        "FROM pelatihan_evaluasi e JOIN pelatihan_acara a ON a.id = e.acara_id "
        f"WHERE e.deleted = 0 AND a.deleted = 0{where} GROUP BY a.id "
        "ORDER BY avg(e.relevansi), a.tanggal_mulai, a.nama",
        params,
    )
    return [
        RekapAcara(
            str(r[1]), int(r[5]), round(float(r[6]), 2), round(float(r[7]), 2),
            round(float(r[8]), 2), int(r[9]), str(r[0]), r[2], str(r[3]), str(r[4]), int(r[10]),
        )
        for r in rows
    ]  # fmt: skip


def rekap_per_penyelenggara(
    conn: sqlite3.Connection, *, tahun: int | None = None
) -> list[RekapPenyelenggara]:
    """Each provider's evaluated events together (ending in ``tahun`` when given)."""
    where, params = _periode(tahun)
    rows = conn.execute(
        "SELECT COALESCE(a.penyelenggara, '-'), count(DISTINCT a.id), count(*), "
        "avg(e.relevansi), avg(e.manfaat), avg(e.pengajar), sum(e.relevansi <= 2) "
        "FROM pelatihan_evaluasi e JOIN pelatihan_acara a ON a.id = e.acara_id "
        f"WHERE e.deleted = 0 AND a.deleted = 0{where} GROUP BY 1 ORDER BY 4, 1",
        params,
    )
    return [
        RekapPenyelenggara(
            str(r[0]), int(r[2]), round(float(r[3]), 2), round(float(r[4]), 2),
            round(float(r[5]), 2), int(r[6]), int(r[1]),
        )
        for r in rows
    ]  # fmt: skip


# -- import of the forms (.xlsx/.csv) -------------------------------------------------------------

MAX_BARIS_IMPOR = 20_000
MAX_KOMENTAR = 2_000

_KOLOM: dict[str, tuple[str, ...]] = {
    "nip": ("nip", "nip baru", "nomor induk pegawai"),
    "acara": ("acara", "acara pelatihan", "pelatihan", "id acara", "kode acara"),
    "relevansi": ("relevansi", "relevansi dengan pekerjaan", "relevan"),
    "manfaat": ("manfaat", "kebermanfaatan", "kegunaan"),
    "pengajar": ("pengajar", "narasumber", "fasilitator", "widyaiswara"),
    "komentar": ("komentar", "saran", "catatan", "komentar/saran", "masukan"),
}
_DIABAIKAN = ("no", "no.", "nomor", "nama", "nama pegawai", "jabatan", "unit", "unit kerja",
              "tanggal", "timestamp", "waktu")  # fmt: skip
_LABEL = {"nip": "NIP", "acara": "Acara", "relevansi": "Relevansi", "manfaat": "Manfaat",
          "pengajar": "Pengajar", "komentar": "Komentar"}  # fmt: skip


@dataclass(frozen=True)
class BarisEvaluasi:
    baris: int  # the row number in the file
    nip: str
    nama: str
    acara_id: str
    acara_nama: str
    jawaban: Jawaban


@dataclass
class RencanaEvaluasi:
    """The preview of an evaluation sheet: rows understood, and problems naming row, column
    and reason. Saved only when there is no problem (all or nothing)."""

    berkas: str
    rows: list[BarisEvaluasi] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)


def _key(text: str | None) -> str:
    return " ".join((text or "").strip().casefold().split())


def _acara_index(conn: sqlite3.Connection) -> tuple[dict[str, Acara], dict[str, list[Acara]]]:
    events = list_acara(conn)
    by_id = {a.id: a for a in events}
    by_name: dict[str, list[Acara]] = {}
    for a in events:
        by_name.setdefault(_key(a.nama), []).append(a)
        by_name.setdefault(_key(f"{a.nama} ({a.tanggal_mulai})"), []).append(a)
    return by_id, by_name


def plan_impor_evaluasi(
    db: Database, path: Path | str, *, acara_id: str | None = None, actor: str = "sistem"
) -> RencanaEvaluasi:
    """Read an evaluation sheet (columns NIP, Acara, Relevansi, Manfaat, Pengajar, Komentar;
    without an Acara column every row is for the event ``acara_id``) through the import
    engine's reader (size, zip-bomb, formula and encryption checks) and check every cell;
    nothing is written. Needs ``pelatihan.kelola``."""
    require(db, actor, "pelatihan.kelola")
    conn = db.conn
    plan = RencanaEvaluasi(berkas=str(path))
    fixed: Acara | None = get_acara(conn, acara_id) if acara_id else None
    source = read_source(path)
    columns: dict[str, int] = {}
    for index, header in enumerate(source.headers):
        key = _key(header)
        if not key:
            continue
        name = next((n for n, aliases in _KOLOM.items() if key in aliases), None)
        if name is not None and name not in columns:
            columns[name] = index
        elif name is not None:
            plan.problems.append(tr("Kolom '{h}' muncul dua kali.", h=header))
        elif key not in _DIABAIKAN:
            plan.problems.append(
                tr(
                    "Kolom '{h}' tidak dikenal. Kolom yang dipakai: NIP, Acara, Relevansi, "
                    "Manfaat, Pengajar, Komentar.",
                    h=header,
                )
            )
    if "acara" in columns:
        fixed = None  # the sheet says, row by row
    needed = ["nip", "relevansi", "manfaat", "pengajar"] + ([] if fixed else ["acara"])
    for name in needed:
        if name not in columns:
            plan.problems.append(
                tr("Kolom {k} tidak ditemukan di baris judul.", k=_LABEL[name])
                + (tr(" (atau pilih acaranya untuk seluruh berkas)") if name == "acara" else "")
            )
    if plan.problems:
        return plan
    if len(source.rows) > MAX_BARIS_IMPOR:
        plan.problems.append(
            tr(
                "Berkas berisi {n} baris; paling banyak {m} baris sekali impor.",
                n=len(source.rows),
                m=MAX_BARIS_IMPOR,
            )
        )
        return plan
    nips = {
        r[0]: (r[1], r[2])
        for r in conn.execute(
            "SELECT nip, pegawai_id, nama_lengkap FROM pegawai_ringkas WHERE deleted = 0"
        )
    }
    by_id, by_name = _acara_index(conn)
    status = {
        (r[0], r[1]): r[2]
        for r in conn.execute(
            "SELECT acara_id, pegawai_id, status FROM pelatihan_peserta WHERE deleted = 0"
        )
    }
    seen: dict[tuple[str, str], int] = {}

    def cell(row: list[str | None], name: str) -> str:
        index = columns.get(name)
        if index is None or index >= len(row):
            return ""
        return (row[index] or "").strip()

    for row, baris in zip(source.rows, source.row_numbers, strict=True):
        errors: list[str] = []

        def bad(kolom: str, reason: object, baris: int = baris, errors: list[str] = errors) -> None:
            errors.append(tr("Baris {b}, kolom {k}: {r}", b=baris, k=kolom, r=reason))

        for name, index in columns.items():
            text = (row[index] or "") if index < len(row) else ""
            if looks_like_formula(text):
                bad(_LABEL[name], tr("berisi rumus ('{t}'); isi dengan teks atau angka saja.",
                                     t=text.strip()[:40]))  # fmt: skip
        if errors:
            plan.problems.extend(errors)
            continue
        nip = cell(row, "nip").replace(" ", "")
        found = nips.get(nip)
        if not nip:
            bad("NIP", tr("kosong."))
        elif found is None:
            bad("NIP", tr("NIP {n} tidak ada di data pegawai.", n=nip))
        acara = fixed
        if acara is None:
            text = cell(row, "acara")
            matches = [by_id[text]] if text in by_id else by_name.get(_key(text), [])
            if not text:
                bad("Acara", tr("kosong."))
            elif not matches:
                bad("Acara", tr("acara '{a}' tidak ditemukan.", a=text))
            elif len({a.id for a in matches}) > 1:
                bad(
                    "Acara",
                    tr(
                        "ada {n} acara bernama '{a}'; tulis nama dengan tanggal mulainya, mis. "
                        "'{a} ({t})', atau id acaranya.",
                        n=len({a.id for a in matches}),
                        a=text,
                        t=matches[0].tanggal_mulai,
                    ),
                )
            else:
                acara = matches[0]
        scores: dict[str, int] = {}
        for name in ("relevansi", "manfaat", "pengajar"):
            try:
                scores[name] = parse_int(cell(row, name), SKALA[0], SKALA[1])
            except BadValue as exc:
                bad(_LABEL[name], exc if cell(row, name) else tr("kosong."))
        komentar = cell(row, "komentar")
        if len(komentar) > MAX_KOMENTAR:
            bad("Komentar", tr("lebih dari {m} karakter.", m=angka(MAX_KOMENTAR)))
        if found is not None and acara is not None:
            st = status.get((acara.id, found[0]))
            if st is None:
                bad("NIP", tr("NIP {n} bukan peserta acara {a}.", n=nip, a=acara.nama))
            elif st == TIDAK_HADIR:
                bad("NIP", tr("NIP {n} tercatat tidak hadir di acara {a}.", n=nip, a=acara.nama))
            dup = (acara.id, nip)
            if dup in seen:
                bad("NIP", tr("NIP {n} sudah ada di baris {b} untuk acara yang sama.", n=nip,
                              b=seen[dup]))  # fmt: skip
            seen.setdefault(dup, baris)
        if errors:
            plan.problems.extend(errors)
            continue
        assert found is not None and acara is not None
        plan.rows.append(
            BarisEvaluasi(
                baris, nip, found[1], acara.id, acara.nama,
                Jawaban(found[0], scores["relevansi"], scores["manfaat"], scores["pengajar"],
                        komentar or None),
            )
        )  # fmt: skip
    if not plan.rows and not plan.problems:
        plan.problems.append(tr("Berkas tidak berisi baris data."))
    return plan


def apply_impor_evaluasi(
    db: Database, plan: RencanaEvaluasi, *, tanggal: date | None = None, actor: str = "sistem"
) -> int:
    """Write a clean preview in ONE transaction; a preview with any problem is refused whole."""
    if plan.problems:
        raise ValidationError(
            tr("Impor evaluasi ditolak: {n} masalah.", n=len(plan.problems))
            + "\n"
            + "\n".join(plan.problems[:20]),
            field="berkas",
            reasons=plan.problems,
        )
    if not plan.rows:
        raise ValidationError(tr("Berkas tidak berisi baris data."), field="berkas")
    conn = db.conn
    day = (tanggal or date.today()).isoformat()
    with Store(db).write(
        tr("Mengimpor evaluasi pelatihan dari {f}", f=Path(plan.berkas).name),
        actor=actor,
        izin="pelatihan.kelola",
    ) as tx:
        for r in plan.rows:
            _write(tx, conn, r.acara_id, r.jawaban, day)
    return len(plan.rows)
