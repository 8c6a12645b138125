"""One row of an import file: its cells parsed, normalised and checked on their own.

Each problem is an :class:`~app.models.impor.result.Issue` naming the row, the column (the
file's own header), the value and the reason. The comparison with what is stored is
:mod:`app.models.impor.compare`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from app.i18n import tanggal, tr
from app.models.impor import normalise as n
from app.models.impor.fields import FIELD_BY_NAME
from app.models.impor.result import KESALAHAN, PERINGATAN, Issue
from app.models.reference.loader import Referensi
from app.models.rules import derivations as d
from app.models.rules.nip import (
    USIA_MAKSIMAL,
    NikInfo,
    check_nik,
    check_nip,
    cross_check,
    normalise_nip,
)

USIA_MINIMAL = 18


DATE_FIELDS = ("tanggal_lahir", "tmt_cpns", "tmt_pns", "tmt_golongan", "tmt_jabatan")


class Row:
    """Collects the cells, parsed values and issues of one row."""

    def __init__(
        self,
        number: int,
        cells: list[str | None],
        by_field: dict[str, int],
        headers: list[str],
        memo: dict[tuple[str, ...], Any] | None = None,
    ) -> None:
        self.memo = memo if memo is not None else {}
        self.number = number
        self.cells = cells
        self.by_field = by_field
        self.headers = headers
        self.issues: list[Issue] = []
        self.data: dict[str, Any] = {}
        self._texts: dict[str, str | None] = {}
        self.formulas: set[str] = set()
        self.nik_info: NikInfo | None = None  # check_nik's answer for the NIK kept

    def column(self, name: str) -> str:
        index = self.by_field.get(name)
        if index is None:
            return FIELD_BY_NAME[name].label
        return self.headers[index]

    def raw(self, name: str) -> str | None:
        index = self.by_field.get(name)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def text(self, name: str) -> str | None:
        """The cleaned cell text; a formula is reported (once) and treated as empty."""
        texts = self._texts
        if name in texts:
            return texts[name]
        # n.clean_text(self.raw(name)), inlined: 35 cells a row, 100,000 rows.
        index = self.by_field.get(name)
        cells = self.cells
        raw = None if index is None or index >= len(cells) else cells[index]
        if raw is None:
            texts[name] = None
            return None
        text = " ".join(raw.split())  # every Unicode space, NBSP included
        value = None if len(text) <= 4 and text.upper() in n.EMPTY_TEXTS else text
        texts[name] = value
        if value is not None and value[0] in "=+-@" and n.looks_like_formula(value):
            texts[name] = None
            self.formulas.add(name)
            self.error(
                name,
                value,
                tr(
                    "Sel berisi rumus; Merit tidak menjalankan rumus. Ganti dengan nilainya "
                    "(salin, lalu Tempel Khusus > Nilai)."
                ),
            )
            return None
        return value

    def error(self, name: str, value: object, reason: str) -> None:
        self.issues.append(Issue(self.number, self.column(name), _show(value), reason, KESALAHAN))

    def warn(self, name: str, value: object, reason: str) -> None:
        self.issues.append(Issue(self.number, self.column(name), _show(value), reason, PERINGATAN))

    def parse(self, name: str, parser: Callable[[str], Any]) -> Any:
        """The cell parsed by ``parser``; a BadValue becomes an error of this row. Results are
        shared between rows (files repeat the same golongan, dates and names of levels),
        remembered by the cell as written with its cleaned text, so that a repeated cell is
        neither cleaned nor parsed again; empty and formula cells take :meth:`text` each time
        (a formula is reported on every row that has one)."""
        index = self.by_field.get(name)
        cells = self.cells
        raw = None if index is None or index >= len(cells) else cells[index]
        if raw is None:
            self._texts[name] = None
            return None
        key = (_PARSED, name, raw)
        hit = self.memo.get(key)
        if hit is None:
            value = self.text(name)
            if value is None:
                return None
            try:
                result = parser(value)
            except n.BadValue as exc:
                result = exc
            self.memo[key] = (value, result)
        else:
            value, result = hit
            self._texts[name] = value
        if isinstance(result, n.BadValue):
            self.error(name, value, str(result))
            return None
        return result

    @property
    def has_errors(self) -> bool:
        return any(i.level == KESALAHAN for i in self.issues)


_MISSING = object()
_PARSED = "parsed"  # the memo's keys of parse(): (_PARSED, field, cell as written)


def _show(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _split_ttl(text: str) -> tuple[str | None, str | None]:
    """ "Kupang, 12-01-1980" -> ("Kupang", "12-01-1980")."""
    if "," in text:
        tempat, _, tgl = text.rpartition(",")
        return tempat.strip() or None, tgl.strip() or None
    m = re.match(r"^(.*?)[\s/]+(\d.*)$", text)
    if m:
        return m[1].strip() or None, m[2].strip()
    return text.strip() or None, None


class RowChecker:
    """Parses the cells of each row and checks them on their own and against each other (the
    NIP against the birth date and sex, dates in order). Reads no database."""

    def __init__(self, ref: Referensi, by_field: dict[str, int], today: date) -> None:
        self.by_field = by_field
        self.today = today
        self.ref = ref
        self.split_titles = not ({"gelar_depan", "gelar_belakang"} & set(by_field))
        # Per file, not per row (100,000 rows).
        self.year_ahead = today + timedelta(days=366)
        self.tmt_labels = {
            "tmt_cpns": tr("TMT CPNS"),
            "tmt_pns": tr("TMT PNS"),
            "tmt_golongan": tr("TMT golongan"),
            "tmt_jabatan": tr("TMT jabatan"),
        }
        self.parsers: dict[str, Callable[[str], Any]] = {
            "jenis_kelamin": n.parse_jenis_kelamin,
            "jenis_asn": n.parse_jenis_asn,
            "status": n.parse_status,
            "kedudukan": lambda t: n.parse_kedudukan(t, ref),
            "golongan_awal": lambda t: n.parse_golongan(t, ref),
            "golongan": lambda t: n.parse_golongan(t, ref),
            "eselon": lambda t: n.parse_eselon(t, ref) or "",
            "jenis_jabatan": lambda t: n.parse_jenis_jabatan(t, ref),
            "pendidikan": lambda t: n.parse_pendidikan(t, ref),
            "mk_tahun": lambda t: n.parse_int(t, 0, 60),
            "mk_bulan": lambda t: n.parse_int(t, 0, 11),
            "tahun_lulus": lambda t: n.parse_int(t, 1900, self.today.year),
        }

    # -- parsing -------------------------------------------------------------------------------

    def normalise(self, r: Row) -> None:
        ref, data = self.ref, r.data
        data["nip"] = normalise_nip(r.text("nip") or "")
        nama = r.text("nama")
        if nama:
            try:
                if self.split_titles:
                    depan, nama_saja, belakang = n.split_name(nama)
                    data["nama"] = nama_saja
                    data["gelar_depan"], data["gelar_belakang"] = depan, belakang
                else:
                    data["nama"] = n.clean_name(nama)
            except n.BadValue as exc:
                r.error("nama", nama, str(exc))
        for name in (
            "gelar_depan",
            "gelar_belakang",
            "tempat_lahir",
            "alamat",
            "telepon",
            "jabatan",
            "unit",
            "unit_induk",
            "pendidikan_nama",
            "institusi",
        ):
            value = r.text(name)
            if value is not None:
                data[name] = value
        ttl = r.text("tempat_tanggal_lahir")
        if ttl:
            tempat, tgl = _split_ttl(ttl)
            if tempat and "tempat_lahir" not in data:
                data["tempat_lahir"] = tempat
            if tgl and r.text("tanggal_lahir") is None:
                try:
                    data["tanggal_lahir"] = n.parse_date(tgl)
                except n.BadValue as exc:
                    r.error("tempat_tanggal_lahir", ttl, str(exc))
        for name in DATE_FIELDS:
            value = r.parse(name, n.parse_date)
            if value is not None:
                data[name] = value
        for name, parser in self.parsers.items():
            value = r.parse(name, parser)
            if value is not None and value != "":
                data[name] = value
        agama = r.text("agama")
        if agama:
            kode = r.memo.get(("agama", agama), _MISSING)
            if kode is _MISSING:
                try:
                    kode = n.parse_agama(agama, ref)
                except n.BadValue as exc:
                    kode = exc
                r.memo[("agama", agama)] = kode
            if isinstance(kode, n.BadValue):
                r.warn("agama", agama, str(kode) + " " + tr("Agama tidak disimpan."))
            else:
                data["agama"] = kode
        email = r.text("email")
        if email:
            if n.looks_like_email(email):
                data["email"] = email
            else:
                r.warn("email", email, tr("Bukan alamat email; tidak disimpan."))
        nik = r.text("nik")
        if nik:
            info, errors = check_nik(nik)
            if info is None:
                r.error("nik", nik, " ".join(errors))
            else:
                data["nik"] = info.nik
                r.nik_info = info
        nip_lama = r.text("nip_lama")
        if nip_lama:
            data["nip_lama"] = normalise_nip(nip_lama)

    # -- rules ---------------------------------------------------------------------------------

    def check(self, r: Row) -> None:
        data, today = r.data, self.today
        nip_text = r.text("nip") or ""
        if not data["nip"]:
            if "nip" not in r.formulas:
                r.error("nip", nip_text, tr("NIP kosong."))
            return
        jenis_hint = data.get("jenis_asn")
        if jenis_hint is None and data.get("status"):
            jenis_hint = "PPPK" if data["status"] == "PPPK" else "PNS"
        result = check_nip(data["nip"], jenis_asn=jenis_hint, today=today)
        for reason in result.kesalahan:
            r.error("nip", nip_text, reason)
        for reason in result.peringatan:
            r.warn("nip", nip_text, reason)
        info = result.info
        if info is not None:
            lahir = data.get("tanggal_lahir")
            if lahir is not None and lahir != info.tanggal_lahir:
                r.error(
                    "tanggal_lahir",
                    lahir,
                    tr(
                        "NIP menyatakan lahir {nip}, kolom {kolom} berisi {data}.",
                        nip=tanggal(info.tanggal_lahir),
                        kolom=r.column("tanggal_lahir")
                        if "tanggal_lahir" in self.by_field
                        else r.column("tempat_tanggal_lahir"),
                        data=tanggal(lahir),
                    ),
                )
            data.setdefault("tanggal_lahir", info.tanggal_lahir)
            kelamin = data.get("jenis_kelamin")
            if kelamin is not None and kelamin != info.jenis_kelamin:
                r.error(
                    "jenis_kelamin",
                    r.text("jenis_kelamin"),
                    tr(
                        "NIP (digit 15) menyatakan {nip}, kolom {kolom} berisi {data}.",
                        nip=tr("laki-laki") if info.jenis_kelamin == "L" else tr("perempuan"),
                        kolom=r.column("jenis_kelamin"),
                        data=tr("laki-laki") if kelamin == "L" else tr("perempuan"),
                    ),
                )
            data.setdefault("jenis_kelamin", info.jenis_kelamin)
            data.setdefault("jenis_asn", info.jenis_asn)
            if data.get("tmt_cpns") is not None:
                for reason in cross_check(info, tmt_cpns=data["tmt_cpns"]):
                    r.warn("tmt_cpns", data["tmt_cpns"], reason)
            if data.get("nik"):
                for reason in cross_check(info, nik=data["nik"], nik_info=r.nik_info):
                    r.warn("nik", data["nik"], reason)
        jenis = data.get("jenis_asn")
        status = data.get("status")
        if status is not None and jenis is not None and (jenis == "PPPK") != (status == "PPPK"):
            r.error(
                "status",
                status,
                tr(
                    "Status {status} tidak cocok dengan jenis pegawai {jenis}.",
                    status=status,
                    jenis=jenis,
                ),
            )
        for name in ("golongan", "golongan_awal"):
            kode = data.get(name)
            if kode and jenis:
                gol_jenis = self.ref.golongan.get(kode, {}).get("jenis_asn")
                if gol_jenis and gol_jenis != jenis:
                    r.error(
                        name,
                        kode,
                        tr(
                            "Golongan {kode} adalah golongan {gol}, padahal pegawai ini {jenis}.",
                            kode=kode,
                            gol=gol_jenis,
                            jenis=jenis,
                        ),
                    )
        self.check_dates(r)

    def check_dates(self, r: Row) -> None:
        data, today = r.data, self.today
        lahir: date | None = data.get("tanggal_lahir")
        if lahir is not None:
            if lahir > today:
                r.error(
                    "tanggal_lahir",
                    lahir,
                    tr("Tanggal lahir {t} masih di masa depan.", t=tanggal(lahir)),
                )
            elif d.usia(lahir, today) > USIA_MAKSIMAL:
                r.error(
                    "tanggal_lahir",
                    lahir,
                    tr(
                        "Tanggal lahir {t} lebih dari {n} tahun yang lalu.",
                        t=tanggal(lahir),
                        n=USIA_MAKSIMAL,
                    ),
                )
            elif d.usia(lahir, today) < USIA_MINIMAL:
                r.warn(
                    "tanggal_lahir",
                    lahir,
                    tr(
                        "Pegawai baru berusia {n} tahun; periksa tanggal lahir.",
                        n=d.usia(lahir, today),
                    ),
                )
        for name, label in self.tmt_labels.items():
            tmt: date | None = data.get(name)
            if tmt is None:
                continue
            if lahir is not None and tmt <= lahir:
                r.error(
                    name,
                    tmt,
                    tr(
                        "{label} {t} tidak mungkin sebelum tanggal lahir {lahir}.",
                        label=label,
                        t=tanggal(tmt),
                        lahir=tanggal(lahir),
                    ),
                )
            elif tmt > self.year_ahead:
                r.warn(
                    name,
                    tmt,
                    tr("{label} {t} lebih dari setahun ke depan.", label=label, t=tanggal(tmt)),
                )
        cpns, pns = data.get("tmt_cpns"), data.get("tmt_pns")
        if cpns is not None and pns is not None and cpns > pns:
            r.error(
                "tmt_pns",
                pns,
                tr(
                    "TMT PNS {pns} lebih awal dari TMT CPNS {cpns}; TMT CPNS harus lebih dulu.",
                    pns=tanggal(pns),
                    cpns=tanggal(cpns),
                ),
            )
        gol_tmt = data.get("tmt_golongan")
        if cpns is not None and gol_tmt is not None and gol_tmt < cpns:
            r.warn(
                "tmt_golongan",
                gol_tmt,
                tr(
                    "TMT golongan {g} lebih awal dari TMT CPNS {c}.",
                    g=tanggal(gol_tmt),
                    c=tanggal(cpns),
                ),
            )
        tahun = data.get("tahun_lulus")
        if tahun is not None and lahir is not None and tahun < lahir.year + 5:
            r.error(
                "tahun_lulus",
                tahun,
                tr("Tahun lulus {t} terlalu dekat dengan tahun lahir {l}.", t=tahun, l=lahir.year),
            )
