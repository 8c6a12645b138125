"""``merit beranda [--unit U] [--tanggal D] [--bulan 1|3|12] [--batas N] [--format text|json]``:
the figures of the home screen (Beranda).

The same function as the screen (:func:`app.models.rekap.beranda.read_beranda`): active
employees, what falls due in the next 1, 3 and 12 months (KGB, pensiun, KP of the coming
periods), SKP progress of the year, employees below 20 JP, open sync clashes, the last sync per
peer and the last backup. A part the user may not see is left out (null in JSON).

JSON fields: ``tanggal``, ``unit``, ``pegawai_aktif`` {pns, cpns, pppk, jumlah},
``jatuh_tempo`` [{bulan, sampai, kgb [...], pensiun [...], kp {periode, memenuhi, pegawai
[...]}}], ``melewati_bup`` [...], ``skp`` {tahun, pegawai, belum_ada, direncanakan, draft,
diajukan, dinilai, ditetapkan}, ``diklat`` {tahun, target_jp, pegawai, di_bawah_target,
daftar [...]}, ``sinkron`` {konflik, peer [{nama, terakhir_terima, terakhir_kirim,
dipercaya}]}, ``cadangan`` {terakhir, berkas, umur_hari, peringatan}. A person:
``pegawai_id``, ``nip``, ``nama``, ``unit``, ``tanggal``, ``uraian`` (and ``status``,
``status_label`` for KGB and KP).

Exit codes: 0 printed, 2 invalid argument, 3 unit not found, 6 access refused.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TextIO

from app.cli import args as cli_args
from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import clip, write_json
from app.i18n import angka, tanggal, tr
from app.models.organisasi.units import find_unit
from app.models.rekap.beranda import (
    JANGKA_BULAN,
    Beranda,
    OrangBeranda,
    beranda_json,
    read_beranda,
)


def register(sub: Commands) -> None:
    """Add ``beranda`` to the ``merit`` sub-commands."""
    p = sub.add_parser(
        "beranda",
        aliases=["home"],
        help=tr("ringkasan beranda: pegawai aktif, jatuh tempo, SKP, diklat, sinkron, cadangan"),
    )
    p.add_argument("--unit", metavar="U", help=tr("unit (nama, singkatan, kode atau id)"))
    p.add_argument(
        "--tanggal",
        type=cli_args.tanggal,
        metavar="TTTT-BB-HH",
        help=tr("tanggal keadaan (bawaan: hari ini)"),
    )
    p.add_argument(
        "--bulan",
        type=int,
        choices=JANGKA_BULAN,
        default=3,
        metavar="1|3|12",
        help=tr("jangka daftar nama yang dicetak (bawaan: 3 bulan)"),
    )
    p.add_argument(
        "--batas",
        type=cli_args.bilangan_tak_negatif,
        default=10,
        metavar="N",
        help=tr("nama paling banyak per daftar pada keluaran teks (bawaan 10)"),
    )
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_beranda)


def cmd_beranda(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    unit_id = find_unit(db.conn, args.unit) if args.unit else None
    data = read_beranda(db, ctx.actor, unit_id=unit_id, today=args.tanggal)
    if args.format == "json":
        write_json(ctx.out, beranda_json(data))
    else:
        print_text(ctx.out, data, bulan=args.bulan, batas=args.batas)
    return ExitCode.OK


def _names(out: TextIO, people: tuple[OrangBeranda, ...], batas: int) -> None:
    for o in people[:batas]:
        when = f"{tanggal(o.tanggal)}  " if o.tanggal else ""
        status = f"  [{o.status_label}]" if o.status_label else ""
        print(f"    {o.nip}  {clip(o.nama, 34):34}  {when}{o.uraian}{status}", file=out)
    if len(people) > batas:
        print(tr("    … dan {n} lainnya", n=angka(len(people) - batas)), file=out)


def print_text(out: TextIO, b: Beranda, *, bulan: int, batas: int) -> None:
    """The home screen as text for a terminal."""
    where = b.unit_nama or tr("seluruh instansi")
    print(tr("Beranda: keadaan per {t} ({u})", t=tanggal(b.tanggal), u=where), file=out)
    if b.pegawai is None:
        print(
            tr(
                "Ringkasan kepegawaian (jatuh tempo, SKP, diklat) hanya untuk pengguna yang "
                "berhak melihat rekap dan laporan."
            ),
            file=out,
        )
    else:
        p = b.pegawai
        print(
            tr(
                "Pegawai aktif: {n} (PNS {pns}, termasuk CPNS {cpns}; PPPK {pppk})",
                n=angka(p.jumlah),
                pns=angka(p.pns),
                cpns=angka(p.cpns),
                pppk=angka(p.pppk),
            ),
            file=out,
        )
    if b.jangka is not None:
        print("", file=out)
        head = "".join(f"{tr('{n} bulan', n=j.bulan):>12}" for j in b.jangka)
        print(f"{tr('Jatuh tempo'):28}{head}", file=out)
        for label, count in (
            (tr("KGB"), lambda j: len(j.kgb)),
            (tr("Pensiun (mencapai BUP)"), lambda j: len(j.pensiun)),
            (tr("KP (calon pada periode)"), lambda j: len(j.kp)),
            (tr("  di antaranya memenuhi"), lambda j: j.kp_memenuhi),
        ):
            cells = "".join(f"{angka(count(j)):>12}" for j in b.jangka)
            print(f"{label:28}{cells}", file=out)
        chosen = b.jangka_bulan(bulan)
        if chosen is not None:
            print("", file=out)
            print(
                tr("KGB sampai {t}: {n}", t=tanggal(chosen.sampai), n=angka(len(chosen.kgb))),
                file=out,
            )
            _names(out, chosen.kgb, batas)
            print(
                tr(
                    "Pensiun sampai {t}: {n}",
                    t=tanggal(chosen.sampai),
                    n=angka(len(chosen.pensiun)),
                ),
                file=out,
            )
            _names(out, chosen.pensiun, batas)
            if chosen.periode_kp is None:
                print(tr("KP: tidak ada periode KP dalam jangka ini"), file=out)
            else:
                print(
                    tr(
                        "KP periode {t}: {n} calon, {m} memenuhi syarat",
                        t=tanggal(chosen.periode_kp),
                        n=angka(len(chosen.kp)),
                        m=angka(chosen.kp_memenuhi),
                    ),
                    file=out,
                )
                _names(out, chosen.kp, batas)
    if b.lewat_bup:
        print(
            tr(
                "Sudah melewati TMT pensiun tetapi masih aktif: {n} (periksa datanya)",
                n=angka(len(b.lewat_bup)),
            ),
            file=out,
        )
        _names(out, b.lewat_bup, batas)
    if b.skp is not None:
        s = b.skp
        print("", file=out)
        print(
            tr(
                "SKP {tahun}: {n} pegawai; belum ada SKP {belum}, rencana/draf {draft}, "
                "diajukan {diajukan}, dinilai {dinilai}, ditetapkan {ditetapkan}",
                tahun=s.tahun,
                n=angka(s.pegawai),
                belum=angka(s.belum),
                draft=angka(s.draft),
                diajukan=angka(s.diajukan),
                dinilai=angka(s.dinilai),
                ditetapkan=angka(s.ditetapkan),
            ),
            file=out,
        )
    if b.diklat is not None:
        d = b.diklat
        print(
            tr(
                "Diklat {tahun}: {n} dari {total} PNS di bawah {target} JP",
                tahun=d.tahun,
                n=angka(len(d.di_bawah)),
                total=angka(d.pegawai),
                target=d.target,
            ),
            file=out,
        )
        _names(out, d.di_bawah, batas)
    if b.sinkron is not None:
        print("", file=out)
        print(tr("Konflik sinkronisasi terbuka: {n}", n=angka(b.sinkron.konflik)), file=out)
        if not b.sinkron.peer:
            print(tr("Sinkronisasi: belum ada peer"), file=out)
        for peer in b.sinkron.peer:
            print(
                tr(
                    "Peer {nama}: terakhir diterima {t}, terakhir dikirim {k}",
                    nama=peer.nama,
                    t=_waktu(peer.terakhir_terima),
                    k=_waktu(peer.terakhir_kirim),
                ),
                file=out,
            )
    if b.cadangan is not None:
        c = b.cadangan
        print("", file=out)
        if c.terakhir is not None:
            print(
                tr(
                    "Cadangan terakhir: {t} {jam} ({berkas})",
                    t=tanggal(c.terakhir.date()),
                    jam=f"{c.terakhir:%H:%M}",
                    berkas=c.berkas,
                ),
                file=out,
            )
        if c.peringatan:
            print(tr("PERINGATAN: {p}", p=c.peringatan), file=out)


def _waktu(iso: str | None) -> str:
    if not iso:
        return tr("belum pernah")
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    return f"{tanggal(moment.date())} {moment:%H:%M}"
