"""Keeping employee records: the rules and the writes for employees and their histories.

Every write goes through :meth:`Store.write` (one transaction, one batch, one audit entry; the
derived ``pegawai_ringkas`` is refreshed by the write path itself). Validation runs inside the
same transaction, so a NIP taken by someone else a moment ago is still seen.

Field names are the JSON names of :mod:`app.models.pegawai.read` (``nip``, ``nama``, ``agama``,
``status``, ``tmt_cpns`` ...); history fields are the column names of the ``riwayat_*`` tables.

Validation returns every problem at once as :class:`FieldIssue` (an Indonesian message that
names the field by its label; warnings do not block). Saving raises :class:`ValidationError`
for the blocking ones. On an *update* only problems that involve a changed field block, so an
old imperfect record never stops a clerk from correcting its telephone number; the screen
still shows the old problems.

Rules and sources (``shared/domain/asn-rules.md``):

* NIP / NI PPPK and NIK: :mod:`app.models.rules.nip` (1.1-1.3). A NIK that disagrees with the NIP is
  a warning only: the population register is itself often wrong [P].
* Age at TMT CPNS below 18 is a warning only (1.1 rule 6: old and converted records break it);
  below 14 or above 70 is taken as a typing error.
* CPNS probation lasts at least one year (PP 11/2017): a TMT PNS less than a year after the
  TMT CPNS is a warning only.
* Golongan sequence: a pangkat never goes down with a later TMT, and the same golongan is not
  recorded twice. PNS golongan for PNS/CPNS, PPPK golongan for PPPK (2.1, 2.3).
* SKP: one predikat per year; rating hasil and perilaku give the predikat through the matrix
  of ``ref_matriks_predikat`` (4.2).
* Codes (golongan, agama, pendidikan, hukuman disiplin, predikat, kedudukan, jenis/jenjang
  jabatan, eselon) are read from the reference tables, never hard-coded.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.i18n import BULAN, tanggal, tr
from app.models.errors import NotFoundError, ValidationError
from app.models.pegawai.read import PEGAWAI_KOLOM
from app.models.reference.loader import Referensi
from app.models.rules.nip import (
    USIA_MAKSIMAL,
    check_nik,
    check_nip,
    cross_check,
    normalise_nik,
    normalise_nip,
    parse_nip,
)
from app.models.storage.db import Database
from app.models.storage.store import Store, WriteTx

# Plausibility bounds (software choices, see the module docstring).
USIA_CPNS_MINIMAL = 14  # below: a typing error
USIA_CPNS_WAJAR = 18  # below: warning (asn-rules 1.1 rule 6)
USIA_CPNS_MAKSIMAL = 70  # above: a typing error
MASA_PERCOBAAN_HARI = 365  # CPNS probation, PP 11/2017 jo PP 17/2020 (warning only)
HARI_KE_DEPAN = 366  # a TMT may be set up to a year ahead (SK signed before the TMT)

Value = str | int | None


# -- issues ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldIssue:
    """One problem of one field. ``message`` names the field by its label; ``reason`` does not
    (for a label shown next to the field). ``related`` lists other fields the rule involves."""

    field: str
    message: str
    reason: str = ""
    warning: bool = False
    related: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.field, *self.related)


class _Issues:
    def __init__(self, labels: Mapping[str, str]) -> None:
        self.labels = labels
        self.items: list[FieldIssue] = []

    def _add(self, name: str, reason: str, warning: bool, related: tuple[str, ...]) -> None:
        label = self.labels.get(name, name)
        self.items.append(
            FieldIssue(
                name, tr("{label}: {alasan}", label=label, alasan=reason), reason, warning, related
            )
        )

    def error(self, name: str, reason: str, *related: str) -> None:
        self._add(name, reason, False, related)

    def warn(self, name: str, reason: str, *related: str) -> None:
        self._add(name, reason, True, related)

    def has_error(self, name: str) -> bool:
        return any(i.field == name and not i.warning for i in self.items)


def errors(issues: Iterable[FieldIssue]) -> list[FieldIssue]:
    return [i for i in issues if not i.warning]


def blocking(
    issues: Iterable[FieldIssue], changed: Iterable[str] | None = None
) -> list[FieldIssue]:
    """The errors that refuse a save: all of them for a new record, and for an update those
    that involve a changed field (``changed``)."""
    if changed is None:
        return errors(issues)
    names = set(changed)
    return [i for i in errors(issues) if names.intersection(i.fields)]


def raise_for(issues: Iterable[FieldIssue], changed: Iterable[str] | None = None) -> None:
    """Raise :class:`ValidationError` naming every blocking field, or return."""
    bad = blocking(issues, changed)
    if not bad:
        return
    lines = [i.message for i in bad]
    raise ValidationError(
        tr("Data belum dapat disimpan:") + "\n" + "\n".join(f"- {line}" for line in lines),
        field=bad[0].field,
        reasons=lines,
    )


# -- dates ----------------------------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DMY_PENDEK = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2})")
_DIGITS8 = re.compile(r"(\d{2})(\d{2})(\d{4})")
_TEKS = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})")


def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    english = (
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    )  # fmt: skip
    for number, (nama, eng) in enumerate(zip(BULAN, english, strict=True), start=1):
        for word in (nama.casefold(), eng):
            names[word] = number
            names[word[:3]] = number
    names.update({"agt": 8, "agu": 8, "peb": 2, "nop": 11, "sept": 9})
    return names


_BULAN_KE = _month_names()


def parse_tanggal(value: object) -> date:
    """A date as a clerk types it: ``26-09-1986``, ``26/09/1986``, ``26.09.1986``, ``26091986``,
    ``1986-09-26`` or ``26 September 1986``. Raises ``ValueError`` with an Indonesian reason."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    match = _ISO.fullmatch(text)
    if match:
        year, month, day = (int(x) for x in match.groups())
    elif (match := _DMY.fullmatch(text)) or (match := _DIGITS8.fullmatch(text)):
        day, month, year = (int(x) for x in match.groups())
    elif match := _TEKS.fullmatch(text):
        month_no = _BULAN_KE.get(match.group(2).casefold())
        if month_no is None:
            raise ValueError(tr("nama bulan '{bulan}' tidak dikenal.", bulan=match.group(2)))
        day, month, year = int(match.group(1)), month_no, int(match.group(3))
    elif _DMY_PENDEK.fullmatch(text):
        raise ValueError(tr("tulis tahun dengan 4 angka, mis. 26-09-1986."))
    else:
        raise ValueError(
            tr("'{nilai}' bukan tanggal; tulis hh-bb-tttt, mis. 26-09-1986.", nilai=text[:30])
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(tr("'{nilai}' bukan tanggal yang ada.", nilai=text[:30])) from None


def _years_between(start: date, end: date) -> int:
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


# -- employee fields ------------------------------------------------------------------------------

# JSON name -> column of ``pegawai``. jenis_asn follows from status; kedudukan changes only
# through leave_service / reactivate.
EMPLOYEE_COLUMNS: dict[str, str] = {
    name: column for name, column in PEGAWAI_KOLOM.items() if name not in ("jenis_asn", "kedudukan")
}
EMPLOYEE_FIELDS: tuple[str, ...] = tuple(EMPLOYEE_COLUMNS)
_DATE_FIELDS = ("tanggal_lahir", "tmt_cpns", "tmt_pns")
_MAX_LEN = {"alamat": 500, "nama": 120}


def employee_labels() -> dict[str, str]:
    """Indonesian label of each employee field."""
    return {
        "nip": tr("NIP / NI PPPK"),
        "nip_lama": tr("NIP lama"),
        "nik": tr("NIK"),
        "nama": tr("Nama"),
        "gelar_depan": tr("Gelar depan"),
        "gelar_belakang": tr("Gelar belakang"),
        "tempat_lahir": tr("Tempat lahir"),
        "tanggal_lahir": tr("Tanggal lahir"),
        "jenis_kelamin": tr("Jenis kelamin"),
        "agama": tr("Agama"),
        "status": tr("Status kepegawaian"),
        "tmt_cpns": tr("TMT CPNS / awal kontrak"),
        "tmt_pns": tr("TMT PNS"),
        "alamat": tr("Alamat"),
        "telepon": tr("Telepon"),
        "email": tr("Email"),
    }


def _clean_text(value: object) -> str | None:
    if value is None:
        return None
    # Doubled and surrounding spaces (pasted text) are never meaningful in these fields.
    text = " ".join(str(value).split())
    return text or None


def _match_code(table: Mapping[str, Mapping[str, Any]], value: str) -> str | None:
    """A reference code from its code or name, case-insensitively."""
    if value in table:
        return value
    folded = value.casefold()
    for kode, row in table.items():
        if kode.casefold() == folded or str(row.get("nama") or "").casefold() == folded:
            return kode
    return None


def _jenis_kelamin(value: str) -> str | None:
    kode = value.strip().upper().replace(" ", "-")
    if kode in ("L", "LAKI-LAKI", "PRIA", "1"):
        return "L"
    if kode in ("P", "PEREMPUAN", "WANITA", "2"):
        return "P"
    return None


def normalise_employee(
    data: Mapping[str, object], ref: Referensi
) -> tuple[dict[str, str | None], list[FieldIssue]]:
    """Clean the raw values (strip, empty -> None, NIP/NIK digits, dates to ISO, codes from
    names). Returns the clean values and the problems of form (bad date, unknown code)."""
    issues = _Issues(employee_labels())
    out: dict[str, str | None] = {}
    for name, raw in data.items():
        if name not in EMPLOYEE_COLUMNS:
            continue
        text = _clean_text(raw) if not isinstance(raw, date) else raw.isoformat()
        if text is None:
            out[name] = None
            continue
        if name == "nip":
            text = normalise_nip(text)
        elif name == "nik":
            text = normalise_nik(text)
        elif name == "nip_lama":
            text = normalise_nip(text)
        elif name in _DATE_FIELDS:
            try:
                text = parse_tanggal(text).isoformat()
            except ValueError as exc:
                issues.error(name, str(exc))
        elif name == "jenis_kelamin":
            kode = _jenis_kelamin(text)
            if kode is None:
                issues.error(name, tr("isi L (laki-laki) atau P (perempuan)."))
            else:
                text = kode
        elif name == "agama":
            kode = _match_code(ref.table("ref_agama"), text)
            if kode is None:
                issues.error(
                    name,
                    tr(
                        "'{nilai}' tidak ada di tabel referensi; pilih salah satu: {pilihan}.",
                        nilai=text,
                        pilihan=", ".join(r["nama"] for r in ref.table("ref_agama").values()),
                    ),
                )
            else:
                text = kode
        elif name == "status":
            kode = _match_code(ref.table("ref_status_kepegawaian"), text.upper()) or _match_code(
                ref.table("ref_status_kepegawaian"), text
            )
            if kode is None:
                issues.error(
                    name,
                    tr(
                        "'{nilai}' tidak dikenal; pilih salah satu: {pilihan}.",
                        nilai=text,
                        pilihan=", ".join(ref.table("ref_status_kepegawaian")),
                    ),
                )
            else:
                text = kode
        out[name] = text
    return out, issues.items


def jenis_asn_of(status: str | None, ref: Referensi) -> str | None:
    """PNS or PPPK for a status code, from ``ref_status_kepegawaian``."""
    row = ref.table("ref_status_kepegawaian").get(status or "")
    return str(row["jenis_asn"]) if row and row.get("jenis_asn") else None


def _date_or_none(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_TELEPON = re.compile(r"[0-9+()\-. ]+")


def check_employee(
    conn: sqlite3.Connection,
    data: Mapping[str, object],
    *,
    pegawai_id: str | None = None,
    ref: Referensi | None = None,
    today: date | None = None,
) -> list[FieldIssue]:
    """Every problem of an employee record given with all its fields (JSON names).

    ``pegawai_id`` is the record being edited (excluded from the NIP uniqueness check).
    """
    ref = ref or Referensi.load(conn)
    today = today or date.today()
    v, form_issues = normalise_employee(data, ref)
    issues = _Issues(employee_labels())
    issues.items.extend(form_issues)
    bad_form = {i.field for i in form_issues}

    def given(name: str) -> str | None:
        return None if name in bad_form else v.get(name)

    for name in ("nama", "nip", "tanggal_lahir", "jenis_kelamin", "status", "tmt_cpns"):
        if name not in bad_form and not v.get(name):
            issues.error(name, tr("wajib diisi."))
    for name, value in v.items():
        limit = _MAX_LEN.get(name, 200)
        if value and len(value) > limit:
            issues.error(name, tr("terlalu panjang (paling banyak {n} huruf).", n=limit))

    nama = given("nama")
    if nama and any(c.isdigit() for c in nama):
        issues.error("nama", tr("tidak boleh berisi angka."))

    status = given("status")
    jenis_asn = jenis_asn_of(status, ref)

    lahir = _date_or_none(given("tanggal_lahir"))
    if lahir is not None:
        if lahir > today:
            issues.error("tanggal_lahir", tr("tidak boleh setelah hari ini."))
        elif _years_between(lahir, today) > USIA_MAKSIMAL:
            issues.error(
                "tanggal_lahir",
                tr("{tgl} berarti berusia lebih dari {n} tahun; periksa tahunnya.",
                   tgl=tanggal(lahir), n=USIA_MAKSIMAL),
            )  # fmt: skip

    # NIP / NI PPPK
    nip = given("nip")
    info = None
    if nip:
        result = check_nip(nip, jenis_asn=jenis_asn, today=today)
        for reason in result.kesalahan:
            issues.error("nip", reason, "status")
        for reason in result.peringatan:
            issues.warn("nip", reason)
        info = result.info
        if result.valid:
            row = conn.execute(
                "SELECT id, nama FROM pegawai WHERE nip = ? AND deleted = 0 AND id != ? LIMIT 1",
                (nip, pegawai_id or ""),
            ).fetchone()
            if row is not None:
                issues.error(
                    "nip",
                    tr("NIP {nip} sudah dipakai oleh {nama}; satu NIP hanya untuk satu pegawai.",
                       nip=nip, nama=row[1]),
                )  # fmt: skip
    if info is not None:
        if lahir is not None:
            for reason in cross_check(info, tanggal_lahir=lahir):
                issues.error("tanggal_lahir", reason, "nip")
        kelamin = given("jenis_kelamin")
        if kelamin:
            for reason in cross_check(info, jenis_kelamin=kelamin):
                issues.error("jenis_kelamin", reason, "nip")
        tmt = _date_or_none(given("tmt_cpns"))
        if tmt is not None and info.jenis_asn == "PNS":
            for reason in cross_check(info, tmt_cpns=tmt):
                issues.error("tmt_cpns", reason, "nip")

    nik = given("nik")
    if nik:
        nik_info, nik_errors = check_nik(nik)
        for reason in nik_errors:
            issues.error("nik", reason)
        if nik_info is not None and info is not None:
            for reason in cross_check(info, nik=nik):
                issues.warn("nik", reason, "nip")
    nip_lama = given("nip_lama")
    if nip_lama and not re.fullmatch(r"\d{9}", nip_lama):
        issues.error("nip_lama", tr("NIP lama terdiri dari 9 angka."))

    # TMT CPNS and TMT PNS
    tmt_cpns = _date_or_none(given("tmt_cpns"))
    tmt_pns = _date_or_none(given("tmt_pns"))
    batas = today + timedelta(days=HARI_KE_DEPAN)
    for name, tmt in (("tmt_cpns", tmt_cpns), ("tmt_pns", tmt_pns)):
        if tmt is not None and tmt > batas:
            issues.error(name, tr("{tgl} terlalu jauh di depan.", tgl=tanggal(tmt)))
    if tmt_cpns is not None and lahir is not None:
        umur = _years_between(lahir, tmt_cpns)
        if umur < USIA_CPNS_MINIMAL or umur > USIA_CPNS_MAKSIMAL:
            issues.error(
                "tmt_cpns",
                tr("berarti berusia {n} tahun saat diangkat; periksa tanggal lahir dan TMT.",
                   n=umur),
                "tanggal_lahir",
            )  # fmt: skip
        elif umur < USIA_CPNS_WAJAR:
            issues.warn(
                "tmt_cpns",
                tr("berarti berusia {n} tahun saat diangkat (di bawah 18 tahun).", n=umur),
                "tanggal_lahir",
            )
    if tmt_pns is not None and status in ("CPNS", "PPPK"):
        issues.error(
            "tmt_pns",
            tr("harus kosong untuk status {status}.", status=status),
            "status",
        )
    elif status == "PNS" and tmt_pns is None and "tmt_pns" not in bad_form:
        issues.warn("tmt_pns", tr("belum diisi untuk seorang PNS."), "status")
    if tmt_pns is not None and tmt_cpns is not None:
        if tmt_pns < tmt_cpns:
            issues.error(
                "tmt_pns",
                tr("{pns} tidak boleh sebelum TMT CPNS {cpns}.",
                   pns=tanggal(tmt_pns), cpns=tanggal(tmt_cpns)),
                "tmt_cpns",
            )  # fmt: skip
        elif (tmt_pns - tmt_cpns).days < MASA_PERCOBAAN_HARI:
            issues.warn(
                "tmt_pns",
                tr("kurang dari 1 tahun setelah TMT CPNS {cpns} (masa percobaan CPNS).",
                   cpns=tanggal(tmt_cpns)),
                "tmt_cpns",
            )  # fmt: skip

    email = given("email")
    if email and not _EMAIL.fullmatch(email):
        issues.error("email", tr("'{nilai}' bukan alamat email.", nilai=email[:40]))
    telepon = given("telepon")
    if telepon:
        digits = sum(c.isdigit() for c in telepon)
        if not _TELEPON.fullmatch(telepon) or not 6 <= digits <= 15:
            issues.error("telepon", tr("isi 6–15 angka, mis. 0812-3456-7890."))
    return issues.items


def nip_defaults(nip: str, *, today: date | None = None) -> dict[str, str]:
    """What a valid NIP says (birth date, sex, TMT CPNS, status), to prefill a new form."""
    try:
        info = parse_nip(nip, today=today)
    except ValidationError:
        return {}
    out = {"tanggal_lahir": info.tanggal_lahir.isoformat(), "jenis_kelamin": info.jenis_kelamin}
    if info.tmt_cpns is not None:
        out["tmt_cpns"] = info.tmt_cpns.isoformat()
    else:
        out["status"] = "PPPK"
    return out


def _employee_row(conn: sqlite3.Connection, pegawai_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM pegawai WHERE id = ?", (pegawai_id,)).fetchone()
    if row is None:
        raise NotFoundError(tr("Pegawai dengan id {id} tidak ditemukan.", id=pegawai_id))
    return row


def _live_employee(conn: sqlite3.Connection, pegawai_id: str) -> sqlite3.Row:
    row = _employee_row(conn, pegawai_id)
    if row["deleted"]:
        raise NotFoundError(
            tr("Pegawai {nama} sudah dihapus; pulihkan dulu bila perlu.", nama=row["nama"])
        )
    return row


def employee_form_data(conn: sqlite3.Connection, pegawai_id: str) -> dict[str, str | None]:
    """The stored values of an employee in JSON names (for a form's ``load()``)."""
    row = _employee_row(conn, pegawai_id)
    return {name: row[column] for name, column in EMPLOYEE_COLUMNS.items()}


def _unknown_fields(names: Iterable[str], valid: Sequence[str], where: str) -> None:
    unknown = [n for n in names if n not in valid]
    if not unknown:
        return
    hint = ""
    if any(n in ("kedudukan", "tmt_kedudukan") for n in unknown):
        hint = " " + tr("Kedudukan diubah lewat 'keluar dari dinas', bukan diisi langsung.")
    raise ValidationError(
        tr(
            "Kolom {kolom} tidak dikenal untuk {where}. Kolom yang dapat diisi: {valid}.",
            kolom=", ".join(unknown),
            where=where,
            valid=", ".join(valid),
        )
        + hint,
        field=unknown[0],
    )


def _employee_columns(v: Mapping[str, str | None], ref: Referensi) -> dict[str, Value]:
    cols: dict[str, Value] = {EMPLOYEE_COLUMNS[k]: val for k, val in v.items()}
    if "status" in v:
        cols["jenis_asn"] = jenis_asn_of(v["status"], ref)
    return cols


def create_employee(
    db: Database, data: Mapping[str, object], *, actor: str, today: date | None = None
) -> str:
    """Record a new employee (active). Returns the new id. Raises ValidationError."""
    _unknown_fields(data, EMPLOYEE_FIELDS, tr("data pegawai"))
    conn = db.conn
    ref = Referensi.load(conn)
    full = {name: data.get(name) for name in EMPLOYEE_FIELDS}
    with Store(db).write(tr("Menambah pegawai"), actor=actor) as tx:
        issues = check_employee(conn, full, ref=ref, today=today)
        raise_for(issues)
        v, _ = normalise_employee(full, ref)
        row = _employee_columns(v, ref)
        row["kedudukan"] = "AKTIF"
        return tx.insert("pegawai", row)


def update_employee(
    db: Database,
    pegawai_id: str,
    changes: Mapping[str, object],
    *,
    actor: str,
    today: date | None = None,
) -> list[str]:
    """Change fields of an employee. Only values that really change are written. Returns the
    JSON names of the changed fields (empty when nothing changed)."""
    _unknown_fields(changes, EMPLOYEE_FIELDS, tr("data pegawai"))
    conn = db.conn
    ref = Referensi.load(conn)
    with Store(db).write(tr("Mengubah data pegawai"), actor=actor) as tx:
        current = employee_form_data(conn, pegawai_id)
        if _employee_row(conn, pegawai_id)["deleted"]:
            raise NotFoundError(tr("Pegawai ini sudah dihapus; pulihkan dulu bila perlu."))
        merged = {**current, **changes}
        new, _ = normalise_employee(merged, ref)
        changed = [k for k in changes if new.get(k) != current.get(k)]
        if not changed:
            return []
        issues = check_employee(conn, merged, pegawai_id=pegawai_id, ref=ref, today=today)
        raise_for(issues, changed)
        tx.update("pegawai", pegawai_id, _employee_columns({k: new[k] for k in changed}, ref))
        return changed


# -- set FIELD=VALUE (command line) ---------------------------------------------------------------


def parse_assignments(items: Sequence[str]) -> dict[str, str]:
    """``["telepon=0812", "nama=Budi Santoso"]`` -> a dict. Raises ValidationError."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip().lower()
        if not sep or not name:
            raise ValidationError(
                tr("'{item}' bukan KOLOM=NILAI, mis. telepon=081234567890.", item=item),
                field=name or None,
            )
        if name in out:
            raise ValidationError(tr("Kolom {kolom} diisi dua kali.", kolom=name), field=name)
        out[name] = value
    if not out:
        raise ValidationError(tr("Tidak ada kolom yang diubah; tulis KOLOM=NILAI."))
    return out


def set_fields(
    db: Database,
    nip: str,
    assignments: Mapping[str, str],
    *,
    actor: str,
    today: date | None = None,
) -> list[str]:
    """Set fields of the employee with this NIP (``merit employees set``). An empty value
    clears the field. Returns the changed field names. Unknown names list the valid ones."""
    from app.models.pegawai.read import find_pegawai_id

    _unknown_fields(assignments, EMPLOYEE_FIELDS, tr("data pegawai"))
    pegawai_id = find_pegawai_id(db.conn, nip)
    return update_employee(db, pegawai_id, dict(assignments), actor=actor, today=today)


# -- leaving service, deletion --------------------------------------------------------------------


def kedudukan_options(ref: Referensi) -> list[tuple[str, str]]:
    """The ways of leaving service (kedudukan that are not active), from ``ref_kedudukan``."""
    return [
        (kode, str(row["nama"]))
        for kode, row in ref.table("ref_kedudukan").items()
        if not row.get("aktif")
    ]


def _active_kode(ref: Referensi) -> str:
    for kode, row in ref.table("ref_kedudukan").items():
        if row.get("aktif"):
            return kode
    return "AKTIF"


def leave_service(
    db: Database,
    pegawai_id: str,
    kedudukan: str,
    tmt: object,
    *,
    actor: str,
    keterangan: str | None = None,
    today: date | None = None,
) -> None:
    """Record that an employee left service (pensiun, meninggal, pindah, berhenti) from ``tmt``.

    A dated status change: the record and its histories stay. Refused when the employee is not
    active, when the kedudukan is unknown, or when the date is implausible.
    """
    conn = db.conn
    ref = Referensi.load(conn)
    today = today or date.today()
    labels = {"kedudukan": tr("Kedudukan"), "tmt": tr("TMT")}
    issues = _Issues(labels)
    options = dict(kedudukan_options(ref))
    kode = _match_code({k: {"nama": v} for k, v in options.items()}, str(kedudukan).strip().upper())
    kode = kode or _match_code({k: {"nama": v} for k, v in options.items()}, str(kedudukan))
    if kode is None:
        issues.error(
            "kedudukan",
            tr("'{nilai}' tidak dikenal; pilih salah satu: {pilihan}.",
               nilai=kedudukan, pilihan=", ".join(k.lower() for k in options)),
        )  # fmt: skip
    when: date | None = None
    try:
        when = parse_tanggal(tmt)
    except ValueError as exc:
        issues.error("tmt", str(exc))
    with Store(db).write(tr("Mencatat pegawai keluar dari dinas"), actor=actor,
                         keterangan=keterangan) as tx:  # fmt: skip
        row = _live_employee(conn, pegawai_id)
        if row["kedudukan"] != _active_kode(ref):
            raise ValidationError(
                tr("{nama} sudah tidak aktif ({kedudukan} sejak {tgl}).",
                   nama=row["nama"], kedudukan=ref.label("ref_kedudukan", row["kedudukan"]),
                   tgl=tanggal(row["tmt_kedudukan"])),
                field="kedudukan",
            )  # fmt: skip
        if when is not None:
            if when > today:
                issues.error(
                    "tmt", tr("tidak boleh setelah hari ini; catat pada tanggal berlakunya.")
                )
            start = _date_or_none(row["tmt_cpns"]) or _date_or_none(row["tanggal_lahir"])
            if start is not None and when < start:
                issues.error("tmt", tr("tidak boleh sebelum {tgl}.", tgl=tanggal(start)))
        raise_for(issues.items)
        assert kode is not None and when is not None
        tx.update("pegawai", pegawai_id, {"kedudukan": kode, "tmt_kedudukan": when.isoformat()})


def reactivate(db: Database, pegawai_id: str, *, actor: str, keterangan: str | None = None) -> None:
    """Undo :func:`leave_service` (recorded by mistake): the employee is active again."""
    conn = db.conn
    ref = Referensi.load(conn)
    with Store(db).write(tr("Mengaktifkan kembali pegawai"), actor=actor,
                         keterangan=keterangan) as tx:  # fmt: skip
        row = _live_employee(conn, pegawai_id)
        active = _active_kode(ref)
        if row["kedudukan"] == active:
            raise ValidationError(tr("{nama} masih aktif.", nama=row["nama"]), field="kedudukan")
        tx.update("pegawai", pegawai_id, {"kedudukan": active, "tmt_kedudukan": None})


def _history_tables() -> tuple[str, ...]:
    return tuple(k.table for k in (history_kind(n) for n in HISTORY_KIND_NAMES))


def delete_employee(db: Database, pegawai_id: str, *, actor: str) -> int:
    """Soft-delete a record created by mistake, with its histories (replicated as deleted=1).

    For people who left service use :func:`leave_service`. Returns how many rows were deleted.
    """
    conn = db.conn
    with Store(db).write(tr("Menghapus pegawai"), actor=actor,
                         keterangan=f"pegawai {pegawai_id}") as tx:  # fmt: skip
        _live_employee(conn, pegawai_id)
        count = 0
        for table in _history_tables():
            ids = [
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM {table} WHERE pegawai_id = ? AND deleted = 0 ORDER BY id",
                    (pegawai_id,),
                )
            ]
            for row_id in ids:
                count += tx.delete(table, row_id)
        count += tx.delete("pegawai", pegawai_id)
        return count


def _deleted_together(conn: sqlite3.Connection, pegawai_id: str) -> set[tuple[str, str]] | None:
    """The (table, id) rows soft-deleted with the employee, from the batch of the deletion
    recorded on this installation; None when it is not found (deleted elsewhere)."""
    audit = conn.execute(
        "SELECT batch_origin, batch_seq FROM lokal_audit WHERE keterangan LIKE ? "
        "AND batch_origin IS NOT NULL ORDER BY no DESC LIMIT 1",
        (f"pegawai {pegawai_id}%",),
    ).fetchone()
    if audit is None:
        return None
    rows: set[tuple[str, str]] = set()
    found = False
    for (blob,) in conn.execute(
        "SELECT ops FROM lokal_batch WHERE origin = ? AND seq >= ? ORDER BY seq LIMIT 50",
        (audit[0], audit[1]),
    ):
        for table, row_id, fields in json.loads(zlib.decompress(blob)):
            if fields.get("deleted") == 1 and len(fields) == 1:
                rows.add((table, row_id))
                if table == "pegawai" and row_id == pegawai_id:
                    found = True
        if found:
            return rows
    return None


def undelete_employee(db: Database, pegawai_id: str, *, actor: str) -> int:
    """Restore an employee deleted by :func:`delete_employee`, with the histories deleted at
    the same time (all deleted histories when the deletion came from another installation)."""
    conn = db.conn
    with Store(db).write(tr("Memulihkan pegawai"), actor=actor) as tx:
        row = _employee_row(conn, pegawai_id)
        if not row["deleted"]:
            raise ValidationError(tr("{nama} tidak dalam keadaan terhapus.", nama=row["nama"]))
        other = conn.execute(
            "SELECT nama FROM pegawai WHERE nip = ? AND deleted = 0 AND id != ?",
            (row["nip"], pegawai_id),
        ).fetchone()
        if other is not None:
            raise ValidationError(
                tr("NIP {nip} sekarang dipakai oleh {nama}; pegawai ini tidak dapat dipulihkan.",
                   nip=row["nip"], nama=other[0]),
                field="nip",
            )  # fmt: skip
        together = _deleted_together(conn, pegawai_id)
        count = int(tx.undelete("pegawai", pegawai_id))
        for table in _history_tables():
            ids = [
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM {table} WHERE pegawai_id = ? AND deleted = 1 ORDER BY id",
                    (pegawai_id,),
                )
            ]
            for row_id in ids:
                if together is None or (table, row_id) in together:
                    count += tx.undelete(table, row_id)
        return count


# -- histories ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryField:
    """One field of a history form. ``kind``: text, date, int, ref (code of ``ref_table``),
    choice (one of ``choices``; another value only warns), unit (an organisation unit)."""

    name: str
    label: str
    kind: str = "text"
    required: bool = False
    ref_table: str | None = None
    choices: tuple[tuple[str, str], ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    future_days: int | None = HARI_KE_DEPAN  # dates: how far ahead a date may be


@dataclass(frozen=True)
class HistoryKind:
    name: str  # key of employees.RIWAYAT_TABLES
    table: str
    title: str
    fields: tuple[HistoryField, ...]

    def labels(self) -> dict[str, str]:
        return {f.name: f.label for f in self.fields}

    def field(self, name: str) -> HistoryField:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


HISTORY_KIND_NAMES = (
    "pangkat",
    "jabatan",
    "pendidikan",
    "diklat",
    "hukuman_disiplin",
    "skp",
    "kgb",
)
_TABLE_TO_KIND = {
    "riwayat_pangkat": "pangkat",
    "riwayat_jabatan": "jabatan",
    "riwayat_pendidikan": "pendidikan",
    "riwayat_diklat": "diklat",
    "riwayat_hukdis": "hukuman_disiplin",
    "hukdis": "hukuman_disiplin",
    "riwayat_skp": "skp",
    "riwayat_kgb": "kgb",
}


def _sk() -> tuple[HistoryField, HistoryField]:
    return (
        HistoryField("nomor_sk", tr("Nomor SK")),
        HistoryField("tanggal_sk", tr("Tanggal SK"), "date", future_days=0),
    )


def _mk() -> tuple[HistoryField, HistoryField]:
    return (
        HistoryField("mk_tahun", tr("Masa kerja (tahun)"), "int", minimum=0, maximum=60),
        HistoryField("mk_bulan", tr("Masa kerja (bulan)"), "int", minimum=0, maximum=11),
    )


def history_kind(kind: str) -> HistoryKind:
    """The description of one kind of history (``pangkat``, ``riwayat_pangkat`` ...)."""
    name = _TABLE_TO_KIND.get(kind, kind)
    if name == "pangkat":
        # Kinds of kenaikan pangkat: PP 99/2000 jo PP 12/2002 (asn-rules 5.2, 5.3); an
        # application classification, so another value only warns.
        return HistoryKind(name, "riwayat_pangkat", tr("Pangkat"), (
            HistoryField("golongan_kode", tr("Golongan/ruang"), "ref", True, "ref_golongan"),
            HistoryField("tmt", tr("TMT golongan"), "date", True),
            HistoryField("jenis", tr("Jenis kenaikan"), "choice", choices=(
                ("CPNS", tr("Pengangkatan CPNS")),
                ("PNS", tr("Pengangkatan PNS")),
                ("REGULER", tr("Reguler")),
                ("PILIHAN", tr("Pilihan")),
                ("PENYESUAIAN_IJAZAH", tr("Penyesuaian ijazah")),
                ("PENGABDIAN", tr("Pengabdian")),
                ("ANUMERTA", tr("Anumerta")),
                ("PPPK", tr("Pengangkatan PPPK")),
            )),
            *_mk(),
            *_sk(),
        ))  # fmt: skip
    if name == "jabatan":
        return HistoryKind(name, "riwayat_jabatan", tr("Jabatan"), (
            HistoryField("nama_jabatan", tr("Nama jabatan"), required=True),
            HistoryField("jenis_kode", tr("Jenis jabatan"), "ref", True, "ref_jenis_jabatan"),
            HistoryField("jenjang_kode", tr("Jenjang"), "ref", ref_table="ref_jenjang_jabatan"),
            HistoryField("eselon_kode", tr("Eselon"), "ref", ref_table="ref_eselon"),
            HistoryField("unit_id", tr("Unit kerja"), "unit"),
            HistoryField("tmt", tr("TMT jabatan"), "date", True),
            HistoryField("alasan", tr("Alasan"), "choice", choices=(
                ("PENGANGKATAN", tr("Pengangkatan")),
                ("MUTASI", tr("Mutasi")),
                ("PROMOSI", tr("Promosi")),
                ("KENAIKAN_JENJANG", tr("Kenaikan jenjang")),
                ("PERPINDAHAN", tr("Perpindahan jabatan")),
                ("PENYETARAAN", tr("Penyetaraan")),
            )),
            *_sk(),
        ))  # fmt: skip
    if name == "pendidikan":
        return HistoryKind(name, "riwayat_pendidikan", tr("Pendidikan"), (
            HistoryField("tingkat_kode", tr("Tingkat pendidikan"), "ref", True, "ref_pendidikan"),
            HistoryField("jurusan", tr("Jurusan")),
            HistoryField("institusi", tr("Institusi")),
            HistoryField("tahun_lulus", tr("Tahun lulus"), "int", minimum=1940, maximum=2100),
            HistoryField("nomor_ijazah", tr("Nomor ijazah")),
        ))  # fmt: skip
    if name == "diklat":
        # Forms of development: Perlan 10/2018 (asn-rules 8); an application grouping.
        return HistoryKind(name, "riwayat_diklat", tr("Diklat"), (
            HistoryField("jenis", tr("Jenis diklat"), "choice", True, choices=(
                ("LATSAR", tr("Pelatihan dasar CPNS")),
                ("STRUKTURAL", tr("Kepemimpinan (struktural)")),
                ("FUNGSIONAL", tr("Fungsional")),
                ("TEKNIS", tr("Teknis")),
                ("SEMINAR", tr("Seminar / lokakarya")),
                ("LAINNYA", tr("Lainnya")),
            )),
            HistoryField("nama", tr("Nama diklat"), required=True),
            HistoryField("penyelenggara", tr("Penyelenggara")),
            HistoryField("tanggal_mulai", tr("Tanggal mulai"), "date"),
            HistoryField("tanggal_selesai", tr("Tanggal selesai"), "date"),
            HistoryField("jam_pelajaran", tr("Jam pelajaran (JP)"), "int", minimum=1,
                         maximum=5000),
            HistoryField("nomor_sertifikat", tr("Nomor sertifikat")),
        ))  # fmt: skip
    if name == "hukuman_disiplin":
        return HistoryKind(name, "riwayat_hukdis", tr("Hukuman disiplin"), (
            HistoryField("hukuman_kode", tr("Jenis hukuman"), "ref", True,
                         "ref_hukuman_disiplin"),
            HistoryField("tmt_mulai", tr("TMT mulai"), "date", True),
            HistoryField("tmt_selesai", tr("TMT selesai"), "date", future_days=None),
            HistoryField("alasan", tr("Alasan")),
            *_sk(),
        ))  # fmt: skip
    if name == "skp":
        return HistoryKind(name, "riwayat_skp", tr("SKP"), (
            HistoryField("tahun", tr("Tahun penilaian"), "int", True, minimum=1950,
                         maximum=2100),
            HistoryField("rating_hasil", tr("Rating hasil kerja"), "ref", ref_table="ref_rating"),
            HistoryField("rating_perilaku", tr("Rating perilaku kerja"), "ref",
                         ref_table="ref_rating"),
            HistoryField("predikat_kode", tr("Predikat kinerja"), "ref", True, "ref_predikat"),
            HistoryField("penilai_nama", tr("Nama pejabat penilai")),
            HistoryField("penilai_nip", tr("NIP pejabat penilai")),
        ))  # fmt: skip
    if name == "kgb":
        return HistoryKind(name, "riwayat_kgb", tr("KGB"), (
            HistoryField("tmt", tr("TMT KGB"), "date", True),
            HistoryField("golongan_kode", tr("Golongan/ruang"), "ref", True, "ref_golongan"),
            *_mk(),
            HistoryField("gaji_pokok", tr("Gaji pokok (Rp)"), "int", minimum=0,
                         maximum=100_000_000),
            *_sk(),
        ))  # fmt: skip
    raise ValidationError(
        tr("Jenis riwayat '{kind}' tidak dikenal. Pilih salah satu: {pilihan}.",
           kind=kind, pilihan=", ".join(HISTORY_KIND_NAMES)),
        field="riwayat",
    )  # fmt: skip


def field_options(
    conn: sqlite3.Connection,
    ref: Referensi,
    kind: str,
    name: str,
    *,
    jenis_asn: str | None = None,
) -> list[tuple[str, str]]:
    """(code, label) choices of a history field for a combo box. Golongan are limited to the
    employee's ``jenis_asn``; jenjang and eselon come from the reference tables."""
    spec = history_kind(kind).field(name)
    if spec.kind == "choice":
        return list(spec.choices)
    if spec.kind == "unit":
        from app.models.organisasi.units import unit_options

        return [(o.id, "    " * o.depth + o.nama) for o in unit_options(conn, max_depth=9)]
    if spec.kind != "ref" or spec.ref_table is None:
        return []
    rows = ref.table(spec.ref_table)
    if spec.ref_table == "ref_golongan":
        return [
            (k, ref.golongan_label(k))
            for k, r in rows.items()
            if jenis_asn is None or r.get("jenis_asn") == jenis_asn
        ]
    return [(k, str(r.get("nama") or k)) for k, r in rows.items()]


def employee_options(ref: Referensi) -> dict[str, list[tuple[str, str]]]:
    """(code, label) choices of the employee form's combo boxes, from the reference tables."""
    return {
        "agama": [(k, str(r["nama"])) for k, r in ref.table("ref_agama").items()],
        "status": [(k, k) for k in ref.table("ref_status_kepegawaian")],
        "jenis_kelamin": [("L", tr("Laki-laki")), ("P", tr("Perempuan"))],
    }


def _normalise_history(
    spec: HistoryKind, data: Mapping[str, object], ref: Referensi, issues: _Issues
) -> dict[str, Value]:
    out: dict[str, Value] = {}
    for f in spec.fields:
        if f.name not in data:
            continue
        raw = data[f.name]
        if isinstance(raw, date):
            raw = raw.isoformat()
        text = None if raw is None else _clean_text(str(raw))
        if text is None:
            out[f.name] = None
            continue
        value: Value = text
        if f.kind == "date":
            try:
                value = parse_tanggal(text).isoformat()
            except ValueError as exc:
                issues.error(f.name, str(exc))
        elif f.kind == "int":
            digits = text.replace(".", "").replace(" ", "") if f.name == "gaji_pokok" else text
            try:
                number = int(digits)
            except ValueError:
                issues.error(f.name, tr("'{nilai}' bukan bilangan bulat.", nilai=text[:20]))
            else:
                value = number
                if f.minimum is not None and number < f.minimum:
                    issues.error(f.name, tr("tidak boleh kurang dari {n}.", n=f.minimum))
                elif f.maximum is not None and number > f.maximum:
                    issues.error(f.name, tr("tidak boleh lebih dari {n}.", n=f.maximum))
        elif f.kind == "ref" and f.ref_table:
            kode = _match_code(ref.table(f.ref_table), text)
            if kode is None:
                issues.error(
                    f.name,
                    tr("'{nilai}' tidak ada di tabel referensi {tabel}.",
                       nilai=text[:40], tabel=f.ref_table),
                )  # fmt: skip
            else:
                value = kode
        elif f.kind == "choice":
            codes = [c for c, _ in f.choices]
            upper = text.upper().replace(" ", "_")
            if upper in codes:
                value = upper
            else:
                issues.warn(
                    f.name,
                    tr("'{nilai}' bukan pilihan biasa ({pilihan}).",
                       nilai=text[:40], pilihan=", ".join(codes)),
                )  # fmt: skip
        elif len(text) > 300:
            issues.error(f.name, tr("terlalu panjang (paling banyak {n} huruf).", n=300))
        out[f.name] = value
    return out


def _live_rows(
    conn: sqlite3.Connection, table: str, pegawai_id: str, exclude: str | None
) -> list[dict[str, Any]]:
    cur = conn.execute(
        f"SELECT * FROM {table} WHERE pegawai_id = ? AND deleted = 0 AND id != ?",
        (pegawai_id, exclude or ""),
    )
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur]


def _mk_months(row: Mapping[str, Any]) -> int | None:
    if row.get("mk_tahun") is None:
        return None
    return int(row["mk_tahun"]) * 12 + int(row.get("mk_bulan") or 0)


def check_history(
    conn: sqlite3.Connection,
    pegawai_id: str,
    kind: str,
    data: Mapping[str, object],
    *,
    row_id: str | None = None,
    ref: Referensi | None = None,
    today: date | None = None,
) -> list[FieldIssue]:
    """Every problem of a history row (all its fields), against the employee and the other
    rows of the same kind (``row_id``: the row being edited, left out of the comparison)."""
    spec = history_kind(kind)
    ref = ref or Referensi.load(conn)
    today = today or date.today()
    issues = _Issues(spec.labels())
    v = _normalise_history(spec, data, ref, issues)
    bad = {i.field for i in issues.items}
    pegawai = _employee_row(conn, pegawai_id)
    jenis_asn = pegawai["jenis_asn"]
    lahir = _date_or_none(pegawai["tanggal_lahir"])
    tmt_cpns = _date_or_none(pegawai["tmt_cpns"])

    for f in spec.fields:
        # An SKP predikat may come from the two ratings (checked in _check_skp).
        optional = spec.name == "skp" and f.name == "predikat_kode"
        if f.required and not optional and f.name not in bad and v.get(f.name) in (None, ""):
            issues.error(f.name, tr("wajib diisi."))
        if f.kind == "date" and f.name not in bad and v.get(f.name):
            when = date.fromisoformat(str(v[f.name]))
            if f.future_days is not None and when > today + timedelta(days=f.future_days):
                issues.error(
                    f.name,
                    tr("tidak boleh setelah hari ini.") if f.future_days == 0
                    else tr("{tgl} terlalu jauh di depan.", tgl=tanggal(when)),
                )  # fmt: skip
            elif lahir is not None and when <= lahir:
                issues.error(
                    f.name, tr("tidak boleh sebelum tanggal lahir ({tgl}).", tgl=tanggal(lahir))
                )

    def date_of(name: str) -> date | None:
        return None if name in bad else _date_or_none(str(v.get(name) or ""))

    # The main TMT of a service event is never before the TMT CPNS (start of the contract).
    main = {"pangkat": "tmt", "jabatan": "tmt", "kgb": "tmt", "hukuman_disiplin": "tmt_mulai"}
    if spec.name in main and tmt_cpns is not None:
        start = date_of(main[spec.name])
        if start is not None and start < tmt_cpns:
            issues.error(
                main[spec.name],
                tr("{tgl} tidak boleh sebelum TMT CPNS/awal kontrak ({cpns}).",
                   tgl=tanggal(start), cpns=tanggal(tmt_cpns)),
            )  # fmt: skip

    others = _live_rows(conn, spec.table, pegawai_id, row_id)
    if spec.name in ("pangkat", "kgb"):
        gol = None if "golongan_kode" in bad else v.get("golongan_kode")
        gol_row = ref.golongan.get(str(gol or ""))
        if gol_row is not None and jenis_asn and gol_row.get("jenis_asn") != jenis_asn:
            issues.error(
                "golongan_kode",
                tr("{gol} adalah golongan {jenis}, sedangkan pegawai ini {asn}.",
                   gol=gol, jenis=gol_row.get("jenis_asn"), asn=jenis_asn),
            )  # fmt: skip
    if spec.name == "pangkat":
        _check_pangkat_sequence(v, date_of("tmt"), others, ref, issues)
    elif spec.name == "kgb":
        _check_kgb(conn, pegawai_id, v, date_of("tmt"), others, ref, issues)
    elif spec.name == "skp":
        _check_skp(v, bad, others, ref, issues, tmt_cpns, today)
    elif spec.name == "hukuman_disiplin":
        mulai, selesai = date_of("tmt_mulai"), date_of("tmt_selesai")
        if mulai and selesai and selesai < mulai:
            issues.error(
                "tmt_selesai",
                tr("{selesai} tidak boleh sebelum TMT mulai {mulai}.",
                   selesai=tanggal(selesai), mulai=tanggal(mulai)),
                "tmt_mulai",
            )  # fmt: skip
    elif spec.name == "diklat":
        mulai, selesai = date_of("tanggal_mulai"), date_of("tanggal_selesai")
        if mulai and selesai and selesai < mulai:
            issues.error(
                "tanggal_selesai",
                tr("{selesai} tidak boleh sebelum tanggal mulai {mulai}.",
                   selesai=tanggal(selesai), mulai=tanggal(mulai)),
                "tanggal_mulai",
            )  # fmt: skip
    elif spec.name == "pendidikan":
        tahun = v.get("tahun_lulus")
        if isinstance(tahun, int) and "tahun_lulus" not in bad:
            if tahun > today.year:
                issues.error("tahun_lulus", tr("tidak boleh setelah tahun ini."))
            elif lahir is not None and tahun < lahir.year + 5:
                issues.error(
                    "tahun_lulus",
                    tr("terlalu dekat dengan tahun lahir ({tahun}).", tahun=lahir.year),
                )
    elif spec.name == "jabatan":
        jenis, jenjang = v.get("jenis_kode"), v.get("jenjang_kode")
        row = ref.table("ref_jenjang_jabatan").get(str(jenjang or ""))
        if row is not None and jenis and row.get("jenis_kode") != jenis:
            issues.error(
                "jenjang_kode",
                tr("{jenjang} bukan jenjang {jenis}.",
                   jenjang=row.get("nama"), jenis=ref.label("ref_jenis_jabatan", str(jenis))),
                "jenis_kode",
            )  # fmt: skip
        unit = v.get("unit_id")
        if (
            unit
            and not conn.execute(
                "SELECT 1 FROM unit_organisasi WHERE id = ? AND deleted = 0", (unit,)
            ).fetchone()
        ):
            issues.error("unit_id", tr("unit kerja tidak ditemukan."))
    return issues.items


def _check_pangkat_sequence(
    v: Mapping[str, Value],
    tmt: date | None,
    others: list[dict[str, Any]],
    ref: Referensi,
    issues: _Issues,
) -> None:
    """PP 99/2000: pangkat only rises. With a later TMT the golongan must be higher; the same
    golongan is not recorded twice; two pangkat on one TMT contradict each other."""
    gol = v.get("golongan_kode")
    urutan = ref.golongan_urutan(str(gol or ""))
    if urutan is None:
        return
    for other in sorted(others, key=lambda r: (r["tmt"], r["golongan_kode"])):
        o_urutan = ref.golongan_urutan(other["golongan_kode"])
        o_tmt = _date_or_none(other["tmt"])
        if o_urutan is None:
            continue
        if issues.has_error("golongan_kode") or issues.has_error("tmt"):
            break  # one conflict is enough to explain the refusal
        where = tr("{gol} TMT {tgl}", gol=other["golongan_kode"], tgl=tanggal(o_tmt))
        if o_urutan == urutan:
            issues.error("golongan_kode", tr("sudah tercatat ({ada}).", ada=where), "tmt")
        elif tmt is None or o_tmt is None:
            continue
        elif o_tmt == tmt:
            issues.error("tmt", tr("sudah ada pangkat lain dengan TMT sama ({ada}).", ada=where),
                         "golongan_kode")  # fmt: skip
        elif o_tmt < tmt and o_urutan > urutan:
            issues.error(
                "golongan_kode",
                tr("{gol} lebih rendah dari pangkat sebelumnya ({ada}); pangkat tidak turun.",
                   gol=gol, ada=where),
                "tmt",
            )  # fmt: skip
        elif o_tmt > tmt and o_urutan < urutan:
            issues.error(
                "golongan_kode",
                tr("{gol} lebih tinggi dari pangkat sesudahnya ({ada}); periksa TMT.",
                   gol=gol, ada=where),
                "tmt",
            )  # fmt: skip


def _check_kgb(
    conn: sqlite3.Connection,
    pegawai_id: str,
    v: Mapping[str, Value],
    tmt: date | None,
    others: list[dict[str, Any]],
    ref: Referensi,
    issues: _Issues,
) -> None:
    """KGB in order: one per TMT, masa kerja growing with the TMT; the golongan should be the
    pangkat in force on that TMT (a warning: the pangkat history may be incomplete)."""
    if tmt is None:
        return
    mk = _mk_months(v)
    gol = v.get("golongan_kode")

    def group(kode: object) -> object:
        return ref.golongan.get(str(kode or ""), {}).get("golongan")

    for other in others:
        o_tmt = _date_or_none(other["tmt"])
        if o_tmt is None:
            continue
        if o_tmt == tmt:
            issues.error("tmt", tr("sudah ada KGB dengan TMT {tgl}.", tgl=tanggal(tmt)))
            continue
        o_mk = _mk_months(other)
        # Moving up a golongan group (II -> III) cuts the masa kerja golongan (asn-rules
        # 10.2), so masa kerja is compared only within one group.
        if mk is None or o_mk is None or group(other["golongan_kode"]) != group(gol):
            continue
        if (o_tmt < tmt and o_mk > mk) or (o_tmt > tmt and o_mk < mk):
            issues.error(
                "mk_tahun",
                tr("masa kerja tidak urut dengan KGB TMT {tgl} ({t} tahun {b} bulan).",
                   tgl=tanggal(o_tmt), t=o_mk // 12, b=o_mk % 12),
                "tmt", "mk_bulan",
            )  # fmt: skip
    pangkat = [
        r for r in _live_rows(conn, "riwayat_pangkat", pegawai_id, None) if r["tmt"] <= str(tmt)
    ]
    if gol and pangkat:
        current = max(pangkat, key=lambda r: (r["tmt"], ref.golongan_urutan(r["golongan_kode"])))
        if current["golongan_kode"] != gol:
            issues.warn(
                "golongan_kode",
                tr("pangkat yang berlaku pada {tgl} adalah {gol}.",
                   tgl=tanggal(tmt), gol=current["golongan_kode"]),
                "tmt",
            )  # fmt: skip


def predikat_from_ratings(ref: Referensi, hasil: str, perilaku: str) -> str | None:
    """The predikat for two ratings, from ``ref_matriks_predikat`` (PermenPANRB 6/2022)."""
    row = ref.table("ref_matriks_predikat").get(f"{hasil}|{perilaku}")
    return str(row["predikat_kode"]) if row else None


def _check_skp(
    v: dict[str, Value],
    bad: set[str],
    others: list[dict[str, Any]],
    ref: Referensi,
    issues: _Issues,
    tmt_cpns: date | None,
    today: date,
) -> None:
    tahun = v.get("tahun")
    if isinstance(tahun, int) and "tahun" not in bad:
        if tahun > today.year:
            issues.error("tahun", tr("tidak boleh setelah tahun ini."))
        elif tmt_cpns is not None and tahun < tmt_cpns.year:
            issues.error("tahun", tr("sebelum TMT CPNS/awal kontrak ({tahun}).",
                                     tahun=tmt_cpns.year))  # fmt: skip
        if any(int(o["tahun"]) == tahun for o in others):
            issues.error("tahun", tr("SKP tahun {tahun} sudah tercatat; ubah yang ada.",
                                     tahun=tahun))  # fmt: skip
    hasil, perilaku = v.get("rating_hasil"), v.get("rating_perilaku")
    predikat = v.get("predikat_kode")
    if hasil and perilaku and not {"rating_hasil", "rating_perilaku"} & bad:
        derived = predikat_from_ratings(ref, str(hasil), str(perilaku))
        if derived and not predikat and "predikat_kode" not in bad:
            v["predikat_kode"] = derived
        elif derived and predikat and predikat != derived:
            issues.error(
                "predikat_kode",
                tr("menurut matriks predikat, hasil '{h}' dan perilaku '{p}' memberi '{d}'.",
                   h=ref.label("ref_rating", str(hasil)), p=ref.label("ref_rating", str(perilaku)),
                   d=ref.label("ref_predikat", derived)),
                "rating_hasil", "rating_perilaku",
            )  # fmt: skip
    elif bool(hasil) != bool(perilaku):
        missing = "rating_perilaku" if hasil else "rating_hasil"
        issues.error(missing, tr("isi kedua rating, atau kosongkan keduanya."))
    if not v.get("predikat_kode") and "predikat_kode" not in bad:
        issues.error("predikat_kode", tr("wajib diisi (atau isi kedua rating)."))


def skp_id(pegawai_id: str, tahun: int) -> str:
    """Natural id of an SKP row (one per employee per year), as the demo generator makes it,
    so that two installations entering the same year meet as one row."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"merit:riwayat_skp:{pegawai_id}:{tahun}"))


def history_row(conn: sqlite3.Connection, kind: str, row_id: str) -> dict[str, Any]:
    """A stored history row (for a form's ``load()``). Raises NotFoundError."""
    spec = history_kind(kind)
    cur = conn.execute(f"SELECT * FROM {spec.table} WHERE id = ?", (row_id,))
    row = cur.fetchone()
    if row is None or row["deleted"]:
        raise NotFoundError(tr("Riwayat {judul} ini tidak ditemukan.", judul=spec.title.lower()))
    return dict(row)


def history_summary(kind: str, row: Mapping[str, Any], ref: Referensi) -> str:
    """A short description of a history row, for confirmations ("Pangkat III/b TMT ...")."""
    spec = history_kind(kind)
    parts = [spec.title]
    for f in spec.fields[:3]:
        value = row.get(f.name)
        if value in (None, ""):
            continue
        if f.kind == "date":
            parts.append(tanggal(str(value)))
        elif f.kind == "ref" and f.ref_table:
            parts.append(ref.label(f.ref_table, str(value)))
        else:
            parts.append(str(value))
    return " · ".join(parts)


def upsert_skp(tx: WriteTx, conn: sqlite3.Connection, pegawai_id: str,
                row: dict[str, Value]) -> str:  # fmt: skip
    new_id = skp_id(pegawai_id, int(str(row["tahun"])))
    existing = conn.execute("SELECT deleted FROM riwayat_skp WHERE id = ?", (new_id,)).fetchone()
    if existing is None:
        return tx.insert("riwayat_skp", {"id": new_id, "pegawai_id": pegawai_id, **row})
    # The year was recorded before and deleted: the natural id comes back to life.
    tx.update("riwayat_skp", new_id, {**row, "deleted": 0})
    return new_id


def add_history(
    db: Database,
    pegawai_id: str,
    kind: str,
    data: Mapping[str, object],
    *,
    actor: str,
    today: date | None = None,
) -> str:
    """Add a history row to an employee. Returns its id. Raises ValidationError."""
    spec = history_kind(kind)
    _unknown_fields(data, [f.name for f in spec.fields], tr("riwayat {judul}", judul=spec.title))
    conn = db.conn
    ref = Referensi.load(conn)
    full = {f.name: data.get(f.name) for f in spec.fields}
    aksi = tr("Menambah riwayat {judul}", judul=spec.title.lower())
    with Store(db).write(aksi, actor=actor) as tx:
        _live_employee(conn, pegawai_id)
        issues = check_history(conn, pegawai_id, spec.name, full, ref=ref, today=today)
        raise_for(issues)
        row = _normalise_history(spec, full, ref, _Issues({}))
        if spec.name == "skp":
            _fill_predikat(row, ref)
            return upsert_skp(tx, conn, pegawai_id, row)
        return tx.insert(spec.table, {"pegawai_id": pegawai_id, **row})


def _fill_predikat(row: dict[str, Value], ref: Referensi) -> None:
    if not row.get("predikat_kode") and row.get("rating_hasil") and row.get("rating_perilaku"):
        row["predikat_kode"] = predikat_from_ratings(
            ref, str(row["rating_hasil"]), str(row["rating_perilaku"])
        )


def update_history(
    db: Database,
    kind: str,
    row_id: str,
    changes: Mapping[str, object],
    *,
    actor: str,
    today: date | None = None,
) -> list[str]:
    """Change fields of a history row. Returns the changed field names."""
    spec = history_kind(kind)
    _unknown_fields(changes, [f.name for f in spec.fields], tr("riwayat {judul}", judul=spec.title))
    conn = db.conn
    ref = Referensi.load(conn)
    aksi = tr("Mengubah riwayat {judul}", judul=spec.title.lower())
    with Store(db).write(aksi, actor=actor) as tx:
        current = history_row(conn, spec.name, row_id)
        pegawai_id = str(current["pegawai_id"])
        _live_employee(conn, pegawai_id)
        stored = {f.name: current.get(f.name) for f in spec.fields}
        merged = {**stored, **changes}
        new = _normalise_history(spec, merged, ref, _Issues({}))
        if spec.name == "skp":
            _fill_predikat(new, ref)
        changed = [f.name for f in spec.fields if new.get(f.name) != stored.get(f.name)]
        if not changed:
            return []
        issues = check_history(conn, pegawai_id, spec.name, merged, row_id=row_id, ref=ref,
                               today=today)  # fmt: skip
        raise_for(issues, changed)
        if spec.name == "skp" and "tahun" in changed:
            # The id follows the year: the old year's row is deleted, the new year's written.
            tx.delete("riwayat_skp", row_id)
            upsert_skp(tx, conn, pegawai_id, new)
        else:
            tx.update(spec.table, row_id, {k: new.get(k) for k in changed})
        return changed


def delete_history(db: Database, kind: str, row_id: str, *, actor: str) -> None:
    """Soft-delete a history row (replicated as deleted=1)."""
    spec = history_kind(kind)
    aksi = tr("Menghapus riwayat {judul}", judul=spec.title.lower())
    with Store(db).write(aksi, actor=actor) as tx:
        history_row(db.conn, spec.name, row_id)
        tx.delete(spec.table, row_id)


__all__ = [
    "EMPLOYEE_FIELDS",
    "HISTORY_KIND_NAMES",
    "FieldIssue",
    "HistoryField",
    "HistoryKind",
    "add_history",
    "blocking",
    "check_employee",
    "check_history",
    "create_employee",
    "delete_employee",
    "delete_history",
    "employee_form_data",
    "employee_labels",
    "employee_options",
    "field_options",
    "history_kind",
    "history_row",
    "history_summary",
    "kedudukan_options",
    "leave_service",
    "nip_defaults",
    "parse_assignments",
    "parse_tanggal",
    "predikat_from_ratings",
    "raise_for",
    "reactivate",
    "set_fields",
    "skp_id",
    "undelete_employee",
    "update_employee",
]
