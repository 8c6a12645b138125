"""Validation of employee records and their histories against the database.

The pure rules are in :mod:`app.models.rules.pegawai`; here they meet what is stored: the NIP
taken by someone else, the employee a history belongs to, the other rows of the same history.
Each check returns every problem at once as :class:`~app.models.rules.pegawai.FieldIssue`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from app.i18n import angka, tanggal, tr
from app.models.pegawai.fields import (
    EMPLOYEE_COLUMNS,
    EMPLOYEE_DATE_FIELDS,
    EMPLOYEE_MAX_LEN,
    HistoryKind,
    employee_labels,
    history_kind,
)
from app.models.pegawai.read import employee_row
from app.models.reference.loader import Referensi
from app.models.rules.derivations import usia
from app.models.rules.gaji import TabelGaji
from app.models.rules.nip import (
    USIA_MAKSIMAL,
    check_nik,
    check_nip,
    cross_check,
    normalise_nik,
    normalise_nip,
)
from app.models.rules.pegawai import (
    HARI_KE_DEPAN,
    MASA_PERCOBAAN_HARI,
    USIA_CPNS_MAKSIMAL,
    USIA_CPNS_MINIMAL,
    USIA_CPNS_WAJAR,
    FieldIssue,
    Issues,
    Value,
    check_pangkat_sequence,
    check_skp,
    clean_text,
    date_or_none,
    jenis_asn_of,
    match_code,
    parse_jenis_kelamin,
    parse_tanggal,
)


def normalise_employee(
    data: Mapping[str, object], ref: Referensi
) -> tuple[dict[str, str | None], list[FieldIssue]]:
    """Clean the raw values (strip, empty -> None, NIP/NIK digits, dates to ISO, codes from
    names). Returns the clean values and the problems of form (bad date, unknown code)."""
    issues = Issues(employee_labels())
    out: dict[str, str | None] = {}
    for name, raw in data.items():
        if name not in EMPLOYEE_COLUMNS:
            continue
        text = clean_text(raw) if not isinstance(raw, date) else raw.isoformat()
        if text is None:
            out[name] = None
            continue
        if name == "nip":
            text = normalise_nip(text)
        elif name == "nik":
            text = normalise_nik(text)
        elif name == "nip_lama":
            text = normalise_nip(text)
        elif name in EMPLOYEE_DATE_FIELDS:
            try:
                text = parse_tanggal(text).isoformat()
            except ValueError as exc:
                issues.error(name, str(exc))
        elif name == "jenis_kelamin":
            kode = parse_jenis_kelamin(text)
            if kode is None:
                issues.error(name, tr("isi L (laki-laki) atau P (perempuan)."))
            else:
                text = kode
        elif name == "agama":
            kode = match_code(ref.table("ref_agama"), text)
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
            kode = match_code(ref.table("ref_status_kepegawaian"), text.upper()) or match_code(
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
    issues = Issues(employee_labels())
    issues.items.extend(form_issues)
    bad_form = {i.field for i in form_issues}

    def given(name: str) -> str | None:
        return None if name in bad_form else v.get(name)

    for name in ("nama", "nip", "tanggal_lahir", "jenis_kelamin", "status", "tmt_cpns"):
        if name not in bad_form and not v.get(name):
            issues.error(name, tr("wajib diisi."))
    for name, value in v.items():
        limit = EMPLOYEE_MAX_LEN.get(name, 200)
        if value and len(value) > limit:
            issues.error(name, tr("terlalu panjang (paling banyak {n} huruf).", n=limit))

    nama = given("nama")
    if nama and any(c.isdigit() for c in nama):
        issues.error("nama", tr("tidak boleh berisi angka."))

    status = given("status")
    jenis_asn = jenis_asn_of(status, ref)

    lahir = date_or_none(given("tanggal_lahir"))
    if lahir is not None:
        if lahir > today:
            issues.error("tanggal_lahir", tr("tidak boleh setelah hari ini."))
        elif usia(lahir, today) > USIA_MAKSIMAL:
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
        tmt = date_or_none(given("tmt_cpns"))
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
    tmt_cpns = date_or_none(given("tmt_cpns"))
    tmt_pns = date_or_none(given("tmt_pns"))
    batas = today + timedelta(days=HARI_KE_DEPAN)
    for name, tmt in (("tmt_cpns", tmt_cpns), ("tmt_pns", tmt_pns)):
        if tmt is not None and tmt > batas:
            issues.error(name, tr("{tgl} terlalu jauh di depan.", tgl=tanggal(tmt)))
    if tmt_cpns is not None and lahir is not None:
        umur = usia(lahir, tmt_cpns)
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


def normalise_history(
    spec: HistoryKind, data: Mapping[str, object], ref: Referensi, issues: Issues
) -> dict[str, Value]:
    """Clean the raw values of a history row (dates to ISO, numbers, codes from names); the
    problems of form go to ``issues``."""
    out: dict[str, Value] = {}
    for f in spec.fields:
        if f.name not in data:
            continue
        raw = data[f.name]
        if isinstance(raw, date):
            raw = raw.isoformat()
        text = None if raw is None else clean_text(str(raw))
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
            kode = match_code(ref.table(f.ref_table), text)
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
    issues = Issues(spec.labels())
    v = normalise_history(spec, data, ref, issues)
    bad = {i.field for i in issues.items}
    pegawai = employee_row(conn, pegawai_id)
    jenis_asn = pegawai["jenis_asn"]
    lahir = date_or_none(pegawai["tanggal_lahir"])
    tmt_cpns = date_or_none(pegawai["tmt_cpns"])

    for f in spec.fields:
        # An SKP predikat may come from the two ratings (checked in check_skp).
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
        return None if name in bad else date_or_none(str(v.get(name) or ""))

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
    if spec.name == "jabatan":
        for other in others:
            if not other.get("tmt"):
                issues.warn(
                    "tmt",
                    tr("jabatan '{nama}' belum ber-TMT dan tetap dianggap jabatan sekarang "
                       "sampai TMT-nya diisi.", nama=other.get("nama_jabatan") or ""),
                )  # fmt: skip
    if spec.name == "pangkat":
        check_pangkat_sequence(v, date_of("tmt"), others, ref, issues)
    elif spec.name == "kgb":
        _check_kgb(conn, pegawai_id, v, date_of("tmt"), others, ref, issues)
    elif spec.name == "skp":
        check_skp(v, bad, others, ref, issues, tmt_cpns, today)
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


def _check_kgb(
    conn: sqlite3.Connection,
    pegawai_id: str,
    v: Mapping[str, Value],
    tmt: date | None,
    others: list[dict[str, Any]],
    ref: Referensi,
    issues: Issues,
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
        o_tmt = date_or_none(other["tmt"])
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
        r
        for r in _live_rows(conn, "riwayat_pangkat", pegawai_id, None)
        if r["tmt"] and r["tmt"] <= str(tmt)
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
    # The gaji pokok and the MKG step come from the gaji table in force on the TMT (asn-rules
    # 10.2, 10.3): a different value is a warning (the table is editable reference data).
    if gol and mk is not None:
        tabel = TabelGaji.dari_referensi(ref)
        langkah = tabel.langkah(str(gol), tmt)
        if langkah and mk % 12 == 0 and mk // 12 not in langkah:
            issues.warn(
                "mk_tahun",
                tr("masa kerja {t} tahun bukan langkah KGB pada tabel gaji golongan {g}.",
                   t=mk // 12, g=gol),
            )  # fmt: skip
        gaji = v.get("gaji_pokok")
        tabel_gaji = tabel.cari_gaji(str(gol), mk // 12, tmt)
        if isinstance(gaji, int) and tabel_gaji is not None and gaji != tabel_gaji:
            issues.warn(
                "gaji_pokok",
                tr("menurut tabel gaji, gaji pokok {g} masa kerja {t} tahun pada {tgl} adalah "
                   "Rp{r}.", g=gol, t=mk // 12, tgl=tanggal(tmt), r=angka(tabel_gaji)),
            )  # fmt: skip
