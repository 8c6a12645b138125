"""Drafting: a template filled for the people of a request, not yet numbered.

:func:`prepare` fills every field of the template for every person now, so that anything that
cannot be filled is refused (naming the field, the placeholder and the NIP) before a number is
taken; the number goes in later (``Rancangan.decrees[i](nomor)``). A PERORANGAN template gives
one decree per person, a KOLEKTIF one decree with a lampiran row per person, a SURAT one letter
per person. The documents are :mod:`app.models.dokumen.naskah` data; laying them out is
:mod:`app.reports.pdf.decree`'s work (through :mod:`app.jobs.dokumen`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from app.i18n import tr
from app.models.dokumen.isian import PLACEHOLDER, fill, placeholders_in
from app.models.dokumen.naskah import (
    KINDS,
    Column,
    DataLine,
    Decree,
    Dictum,
    Document,
    Kind,
    Lampiran,
    LampiranRow,
    Letter,
    Letterhead,
    LineKind,
    PageSizeName,
    Penerima,
    Signatory,
    SuratTugas,
)
from app.models.dokumen.nilai import letterhead, naskah_values, person_values
from app.models.dokumen.penandatangan import apply_settings, missing_signatory
from app.models.dokumen.templat import JUDUL_FIELD, Templat, check_template, get_template
from app.models.errors import ValidationError
from app.models.pegawai.read import EmployeeRecord, get_employee
from app.models.reference.loader import Referensi
from app.models.rules.nip import format_nip
from app.models.storage.db import Database

#: A data-line label such as ``a. oleh pejabat`` is a sub-line of the numbered line above it.
SUB_LABEL = re.compile(r"^[a-z]\.\s")


@dataclass(frozen=True)
class Permintaan:
    """What to issue: a template, the people (in order), the date and kind, and the values the
    records cannot supply (``nilai`` for everyone, ``nilai_pegawai`` per NIP; keys of
    :data:`~app.models.dokumen.isian.ISIAN`, or any placeholder to override)."""

    templat: str
    nips: tuple[str, ...]
    tanggal: date
    jenis: Kind = "petikan"
    nilai: Mapping[str, str] = field(default_factory=dict)
    nilai_pegawai: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # A letter (bentuk SURAT) to someone who is not an employee (the reply to a complainant):
    # no NIP, every value from ``nilai``.
    tanpa_pegawai: bool = False


@dataclass(frozen=True)
class Rancangan:
    """Filled decrees, not yet numbered: ``build(nomor)`` gives the decree for a number."""

    templat: Templat
    tanggal: date
    decrees: tuple[Callable[[str], Document], ...]  # a letter for a SURAT template
    penerima: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (nips, names) per decree


def _signatory(t: Templat, values: Mapping[str, str | None], prefix: str) -> Signatory | None:
    nama = getattr(t, f"{prefix}_nama").strip()
    if not nama:
        return None
    varian = t.ttd_varian if prefix == "ttd" else ""
    return Signatory(
        jabatan=fill(getattr(t, f"{prefix}_jabatan"), values, tr(JUDUL_FIELD[f"{prefix}_jabatan"])),
        nama=nama,
        pangkat=getattr(t, f"{prefix}_pangkat").strip(),
        nip=format_nip(getattr(t, f"{prefix}_nip").strip()),  # printed 8-6-1-3
        varian=varian,  # type: ignore[arg-type]
        atas_nama=fill(t.ttd_atas_nama, values, tr(JUDUL_FIELD["ttd_atas_nama"]))
        if varian == "a.n."
        else "",
    )


def prepare(db: Database, req: Permintaan, *, today: date | None = None) -> Rancangan:
    """Fill the template for the people of a request (no number yet). Refuses, naming the
    field, placeholder and NIP, anything that cannot be filled."""
    conn = db.conn
    t = apply_settings(conn, get_template(conn, req.templat), today=today or req.tanggal)
    problems = check_template(t)
    if problems:
        raise ValidationError(
            tr("Templat {kode} perlu diperbaiki dulu:", kode=t.kode)
            + "\n"
            + "\n".join(f"- {p.message}" for p in problems),
            field=problems[0].field,
            reasons=[p.message for p in problems],
        )
    if req.jenis not in KINDS:
        raise ValidationError(tr("Jenis naskah harus asli, salinan atau petikan."), field="jenis")
    nips = [n.strip() for n in req.nips if n.strip()]
    tanpa_pegawai = req.tanpa_pegawai and t.surat and not nips
    if not nips and not tanpa_pegawai:
        raise ValidationError(tr("Pilih sedikitnya satu pegawai."), field="pegawai")
    if len(set(nips)) != len(nips):
        dup = sorted({n for n in nips if nips.count(n) > 1})
        raise ValidationError(
            tr("NIP {nip} dipilih lebih dari sekali.", nip=", ".join(dup)), field="pegawai"
        )
    if not t.ttd_nama.strip():
        raise ValidationError(missing_signatory(t, "ttd"), field="ttd_nama")
    if req.jenis != "asli" and not (t.surat or t.tugas) and not t.sah_nama.strip():
        raise ValidationError(missing_signatory(t, "sah"), field="sah_nama")
    ref = Referensi.load(conn)
    on = req.tanggal
    base = naskah_values(conn, on, len(nips))
    people: list[tuple[EmployeeRecord, dict[str, str | None]]] = []
    for no, nip in enumerate(nips, 1):
        record = get_employee(conn, nip, today=today or on, ref=ref)
        given = {
            **req.nilai,
            **req.nilai_pegawai.get(nip, {}),
            **req.nilai_pegawai.get(record.data["nip"], {}),
        }
        people.append((record, person_values(conn, ref, t, record, on, given, no)))
    kop = letterhead(conn, t, base)
    if t.kolektif or t.tugas:
        groups = [people]
    else:
        groups = [[p] for p in people]
    if tanpa_pegawai:
        unknown = sorted(k for k in req.nilai if k not in PLACEHOLDER)
        if unknown:
            raise ValidationError(
                tr("Nilai {names} tidak dikenal.", names=", ".join(unknown)), field=unknown[0]
            )
        base = {**base, **req.nilai}
        groups = [[]]
    builders: list[Callable[[str], Document]] = []
    penerima: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for group in groups:
        values: dict[str, str | None] = dict(base)
        nip1 = ""
        if not t.kolektif and not t.tugas and group:
            values.update(group[0][1])
            nip1 = str(group[0][0].data["nip"])
        if t.tugas:
            # The values of the occasion (the training event) hold for the whole document.
            values.update({k: v for k, v in req.nilai.items() if k in PLACEHOLDER})
            builders.append(_tugas_builder(t, values, group, kop, on))
        elif t.surat:
            builders.append(_letter_builder(t, values, group, kop, on, nip1))
        else:
            builders.append(_builder(t, values, group, kop, on, nip1))
        penerima.append(
            (
                tuple(str(r.data["nip"]) for r, _ in group),
                tuple(str(r.data["nama_lengkap"]) for r, _ in group),
            )
        )
    return Rancangan(t, on, tuple(builders), tuple(penerima))


def _builder(
    t: Templat,
    values: dict[str, str | None],
    group: list[tuple[EmployeeRecord, dict[str, str | None]]],
    kop: Letterhead,
    on: date,
    nip: str,
) -> Callable[[str], Decree]:
    """Fill every field now (errors surface before any number is taken); the number later."""

    def f(text: str, field: str) -> str:
        return fill(text, values, field, nip)

    def fl(items: Sequence[str], name: str) -> tuple[str, ...]:
        return tuple(
            f(x, tr("{field} butir {n}", field=tr(JUDUL_FIELD[name]), n=i))
            for i, x in enumerate(items, 1)
        )

    diktum = tuple(
        Dictum(
            text=f(x.teks, tr("Diktum {n}", n=i)),
            rincian=tuple((k, f(v, tr("Diktum {n} rincian {k}", n=i, k=k))) for k, v in x.rincian),
            penutup=f(x.penutup, tr("Diktum {n}", n=i)),
        )
        for i, x in enumerate(t.diktum, 1)
    )
    lampiran = None
    if t.kolektif:
        rows = []
        for record, pv in group:
            pnip = str(record.data["nip"])
            merged = {**values, **pv}
            rows.append(
                LampiranRow(
                    tuple(
                        fill(k.isi, merged, tr("Kolom lampiran {j}", j=k.judul), pnip)
                        for k in t.lampiran_kolom
                    ),
                    nip=pnip,
                )
            )
        lampiran = Lampiran(
            columns=tuple(Column(k.judul, k.lebar, k.grup, k.rata) for k in t.lampiran_kolom),
            rows=tuple(rows),
            title=fl(t.lampiran_judul, "lampiran_judul"),
            landscape=t.lampiran_mendatar,
        )
    penerima = tuple(
        Penerima(
            str(r.data["nip"]),
            str(r.data["nama_lengkap"]),
            fill(
                t.alamat_penerima,
                {**values, **pv},
                tr(JUDUL_FIELD["alamat_penerima"]),
                str(r.data["nip"]),
            ),
        )
        for r, pv in group
    )
    signer = _signatory(t, values, "ttd")
    assert signer is not None  # checked in prepare()
    fixed = Decree(
        pejabat=f(t.pejabat, tr(JUDUL_FIELD["pejabat"])),
        nomor="",
        tentang=f(t.tentang, tr(JUDUL_FIELD["tentang"])),
        tanggal=on,
        tempat=values.get("ibu_kota") or "",
        penandatangan=signer,
        menimbang=fl(t.menimbang, "menimbang"),
        mengingat=fl(t.mengingat, "mengingat"),
        memperhatikan=fl(t.memperhatikan, "memperhatikan"),
        menetapkan=f(t.menetapkan, tr(JUDUL_FIELD["menetapkan"])),
        diktum=diktum,
        tembusan=fl(t.tembusan, "tembusan"),
        letterhead=kop,
        lampiran=lampiran,
        penerima=penerima,
        pengesah=_signatory(t, values, "sah"),
        dengan_rahmat=t.dengan_rahmat,
        gaya_diktum="PERTAMA" if t.gaya_diktum == "PERTAMA" else "KESATU",
        judul=f(t.judul, tr(JUDUL_FIELD["judul"])),
    )

    def build(nomor: str) -> Decree:
        return replace(fixed, nomor=nomor)

    return build


def _letter_lines(
    t: Templat, f: Callable[[str, str], str]
) -> tuple[str, tuple[DataLine, ...], str]:
    """(opening, data lines, closing) of a letter from the template's dictum blocks.

    The first block's text opens the letter; every block's rincian are the numbered data lines
    (numbering runs on across blocks; a label like ``a. ...``, or a note in parentheses with no
    value, is an unnumbered sub-line); the text of a later block and any block's closing text
    are sentences between the lines; a last block without rincian closes the letter.
    """
    blocks = list(t.diktum)
    penutup = ""
    if len(blocks) > 1 and not blocks[-1].rincian and not blocks[-1].penutup:
        penutup = f(blocks[-1].teks, tr("Diktum {n}", n=len(blocks)))
        blocks = blocks[:-1]
    pembuka = ""
    lines: list[DataLine] = []
    for i, x in enumerate(blocks, 1):
        label = tr("Diktum {n}", n=i)
        if i == 1:
            pembuka = f(x.teks, label)
        elif x.teks:
            lines.append(DataLine(f(x.teks, label), kind="text"))
        for key, value in x.rincian:
            filled = f(value, tr("Diktum {n} rincian {k}", n=i, k=key))
            note = key.startswith("(") and not value.strip()
            kind: LineKind = "sub" if note or SUB_LABEL.match(key) else "item"
            lines.append(DataLine(key, filled, kind))
        if x.penutup:
            lines.append(DataLine(f(x.penutup, label), kind="text"))
    return pembuka, tuple(lines), penutup


def _letter_builder(
    t: Templat,
    values: dict[str, str | None],
    group: list[tuple[EmployeeRecord, dict[str, str | None]]],
    kop: Letterhead,
    on: date,
    nip: str,
) -> Callable[[str], Document]:
    """A letter (bentuk SURAT) for one person. Fields used: ``tentang`` (Hal), ``alamat_penerima``
    (the addressee after "Yth."; a last " di ..." goes on its own line, default "di Tempat"),
    ``diktum`` (opening, data lines and closing: :func:`_letter_lines`), ``tembusan``, the
    ``ttd_*`` signatory, ``kop``, ``format_nomor``. Menimbang, mengingat and the pengesah are
    not used."""

    def f(text: str, field: str) -> str:
        return fill(text, values, field, nip)

    pembuka, lines, penutup = _letter_lines(t, f)
    kepada_text = " ".join(f(t.alamat_penerima, tr(JUDUL_FIELD["alamat_penerima"])).split())
    head, sep, place = kepada_text.rpartition(" di ")
    kepada = (head, f"di {place}") if sep and head else (kepada_text, tr("di Tempat"))
    signer = _signatory(t, values, "ttd")
    assert signer is not None  # checked in prepare()
    fixed = Letter(
        nomor="",
        hal=f(t.tentang, tr(JUDUL_FIELD["tentang"])),
        tempat=values.get("ibu_kota") or "",
        tanggal=on,
        kepada=kepada,
        penandatangan=signer,
        pembuka=pembuka,
        rincian=lines,
        penutup=penutup,
        tembusan=tuple(
            f(x, tr("{field} butir {n}", field=tr(JUDUL_FIELD["tembusan"]), n=i))
            for i, x in enumerate(t.tembusan, 1)
        ),
        letterhead=kop,
        penerima=tuple(Penerima(str(r.data["nip"]), str(r.data["nama_lengkap"])) for r, _ in group),
    )

    def build(nomor: str) -> Document:
        return replace(fixed, nomor=nomor)

    return build


#: A surat tugas names up to this many people after "Kepada"; more go on a lampiran page.
BATAS_KEPADA = 4


def _tugas_builder(
    t: Templat,
    values: dict[str, str | None],
    group: list[tuple[EmployeeRecord, dict[str, str | None]]],
    kop: Letterhead,
    on: date,
) -> Callable[[str], Document]:
    """A surat tugas or a list (bentuk TUGAS) for all the people. Fields used: ``judul``,
    ``menetapkan`` (the order, e.g. "MENUGASKAN:"; empty: a list such as a daftar peserta),
    ``mengingat`` (Dasar), ``diktum`` (a surat tugas: each block's text is one "Untuk" item; a
    list: the first block's text opens it and its rincian are the data lines; any block's
    closing text closes it), ``lampiran_kolom``/``lampiran_judul`` (the people: "Kepada" inline
    for up to :data:`BATAS_KEPADA` people, their table otherwise), ``tentang``, ``tembusan``,
    the ``ttd_*`` signatory, ``kop``, ``format_nomor``."""

    def f(text: str, field: str) -> str:
        return fill(text, values, field)

    perintah = f(t.menetapkan, tr(JUDUL_FIELD["menetapkan"])).strip()
    blocks = list(t.diktum)
    untuk: tuple[str, ...] = ()
    pembuka = ""
    lines: tuple[DataLine, ...] = ()
    if perintah:
        untuk = tuple(f(x.teks, tr("Diktum {n}", n=i)) for i, x in enumerate(blocks, 1) if x.teks)
    elif blocks:
        pembuka = f(blocks[0].teks, tr("Diktum {n}", n=1))
        lines = tuple(
            DataLine(k, f(v, tr("Diktum {n} rincian {k}", n=1, k=k))) for k, v in blocks[0].rincian
        )
    penutup = " ".join(
        f(x.penutup, tr("Diktum {n}", n=i)) for i, x in enumerate(blocks, 1) if x.penutup
    )
    rows: list[LampiranRow] = []
    kepada: list[tuple[tuple[str, str], ...]] = []
    for record, pv in group:
        pnip = str(record.data["nip"])
        merged = {**values, **pv}
        cells = tuple(
            fill(k.isi, merged, tr("Kolom lampiran {j}", j=k.judul), pnip) for k in t.lampiran_kolom
        )
        rows.append(LampiranRow(cells, nip=pnip))
        kepada.append(
            tuple(
                (k.judul, cell)
                for k, cell in zip(t.lampiran_kolom, cells, strict=True)
                if placeholders_in(k.isi) != ["no"]
            )
        )
    tabel = Lampiran(
        columns=tuple(Column(k.judul, k.lebar, k.grup, k.rata) for k in t.lampiran_kolom),
        rows=tuple(rows),
        title=tuple(
            f(x, tr("{field} butir {n}", field=tr(JUDUL_FIELD["lampiran_judul"]), n=i))
            for i, x in enumerate(t.lampiran_judul, 1)
        ),
        landscape=False,
        font_size=9.5 if perintah else 9,
    )
    inline = bool(perintah) and len(kepada) <= BATAS_KEPADA
    signer = _signatory(t, values, "ttd")
    assert signer is not None  # checked in prepare()
    fixed = SuratTugas(
        judul=f(t.judul, tr(JUDUL_FIELD["judul"])),
        nomor="",
        tanggal=on,
        tempat=values.get("ibu_kota") or "",
        penandatangan=signer,
        perintah=perintah,
        dasar=tuple(
            f(x, tr("{field} butir {n}", field=tr(JUDUL_FIELD["mengingat"]), n=i))
            for i, x in enumerate(t.mengingat, 1)
        ),
        kepada=tuple(kepada) if inline else (),
        untuk=untuk,
        pembuka=pembuka,
        rincian=lines,
        tabel=None if inline else tabel,
        penutup=penutup,
        tentang=f(t.tentang, tr(JUDUL_FIELD["tentang"])),
        tembusan=tuple(
            f(x, tr("{field} butir {n}", field=tr(JUDUL_FIELD["tembusan"]), n=i))
            for i, x in enumerate(t.tembusan, 1)
        ),
        letterhead=kop,
        penerima=tuple(Penerima(str(r.data["nip"]), str(r.data["nama_lengkap"])) for r, _ in group),
    )

    def build(nomor: str) -> Document:
        return replace(fixed, nomor=nomor)

    return build


def page_size(t: Templat) -> PageSizeName:
    """The paper of a template's documents."""
    return "A4" if t.ukuran_kertas == "A4" else "F4"
