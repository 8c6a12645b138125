"""``merit selection ...`` (alias ``seleksi``): selections for leadership posts.

Secretariat:

* ``merit selection create --judul T --jenis JPT_TERBUKA|ADMINISTRATOR|PENGAWAS
  (--jabatan ID | --nama-jabatan N) --tahap "Nama:bobot" [--tahap "Nama:bobot:tidak"] ...
  --kriteria "Tahap:Kriteria:min:maks" ... --ketua N [--sekretaris N] --anggota N ...
  [--golongan-min IV/a] [--pendidikan-min S1] [--tahun-jabatan N] [--tahun-pangkat N]
  [--usia-maks N] [--tanpa-syarat-predikat] [--tanpa-syarat-hukdis] [--tanggal-acuan D]
  [--aturan-seri bobot|tahap_akhir|nomor]``: prints the new id.
* ``merit selection list [--format json]``
* ``merit selection add-applicant ID (--nip NIP | --nama N [--golongan G] [--pendidikan P]
  [--lahir D] [--tmt-jabatan D] [--tmt-golongan D] [--predikat P1,P2] [--hukdis])``
* ``merit selection applicants ID [--format json]``: with the screening results.
* ``merit selection talent-suggestions ID [--format json]`` (alias ``saran-talenta``): the
  talent pool's ranked successors of the selection's post, a suggestion (fields: see
  :func:`app.models.seleksi.saran.saran_json`).
* ``merit selection add-from-talent ID (--peringkat 1,2 | --nip NIP ... | --semua)`` (alias
  ``tambah-talenta``): register suggested successors as applicants, marked "dari talent pool".
* ``merit selection decide ID --nomor N (--lulus|--gagal|--aturan) --alasan T``: override.
* ``merit selection conflict ID --member NAME --nomor N --alasan T``
* ``merit selection member-package ID --member NAME --out FILE``
* ``merit selection import-sheet FILE``
* ``merit selection quorum ID --catatan T`` (the chair's note; empty text withdraws it)
* ``merit selection ranking ID [--format json] [--sementara]``
* ``merit selection recap ID --out FILE.xlsx``: every sealed score per member and stage
* ``merit selection appoint ID --nomor N --tanggal D --tmt D --out FOLDER``: the SK
  Pengangkatan dalam Jabatan (decree engine) for the PPK's choice among the three proposed
* ``merit selection document ID [--jenis berita_acara|pengumuman] [--tahap NAMA] --out F.pdf``

Member installation: ``merit selection open-package FILE``, ``merit selection score PAKET
--nomor N --kriteria NAMA --nilai V``, ``merit selection seal PAKET --out FILE``.

Exit codes: 2 invalid input or refused file, 3 not found, 6 access refused.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import args as cli_args
from app.cli.args import Commands
from app.cli.context import Context
from app.cli.exitcode import ExitCode
from app.cli.output import write_json
from app.i18n import tr
from app.jobs import seleksi as seleksi_jobs
from app.models.access.akses import require
from app.models.errors import NotFoundError, ValidationError
from app.models.pegawai.read import find_pegawai_id
from app.models.seleksi import lembar as lb
from app.models.seleksi import panitia, pelamar, peringkat, saran, seleksi


def register(sub: Commands) -> None:
    """Add ``selection`` to the ``merit`` sub-commands."""
    s = sub.add_parser("selection", aliases=["seleksi"], help=tr("seleksi jabatan pimpinan"))
    s.set_defaults(creates_db=True)
    cmds = s.add_subparsers(dest="seleksi_command", metavar="PERINTAH", required=True)

    p = cmds.add_parser("create", aliases=["buat"], help=tr("buat seleksi baru"))
    p.add_argument("--judul", required=True)
    p.add_argument("--jenis", required=True, choices=("JPT_TERBUKA", "ADMINISTRATOR", "PENGAWAS"))
    p.add_argument("--jabatan", metavar="ID", help=tr("id jabatan yang diisi"))
    p.add_argument("--nama-jabatan", metavar="NAMA")
    p.add_argument(
        "--tahap",
        action="append",
        required=True,
        metavar="NAMA:BOBOT[:tidak]",
        help=tr("satu tahap dengan bobotnya (jumlah 100); ':tidak' = tidak dilaksanakan"),
    )
    p.add_argument(
        "--kriteria",
        action="append",
        default=[],
        metavar="TAHAP:NAMA:MIN:MAKS",
        help=tr("satu kriteria rubrik dengan skalanya"),
    )
    p.add_argument("--ketua", required=True, metavar="NAMA")
    p.add_argument("--sekretaris", metavar="NAMA")
    p.add_argument("--anggota", action="append", default=[], metavar="NAMA")
    p.add_argument("--golongan-min", metavar="GOL")
    p.add_argument("--pendidikan-min", metavar="KODE")
    p.add_argument("--tahun-jabatan", type=int, metavar="N")
    p.add_argument("--tahun-pangkat", type=int, metavar="N")
    p.add_argument("--usia-maks", type=int, metavar="N")
    p.add_argument("--tanpa-syarat-predikat", action="store_true")
    p.add_argument("--tanpa-syarat-hukdis", action="store_true")
    p.add_argument("--tanggal-acuan", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.add_argument("--aturan-seri", default="bobot", choices=("bobot", "tahap_akhir", "nomor"))
    p.set_defaults(handler=cmd_create)

    p = cmds.add_parser("list", aliases=["daftar"], help=tr("daftar seleksi"))
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_list)

    p = cmds.add_parser("add-applicant", aliases=["daftarkan"], help=tr("daftarkan pelamar"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--nip", help=tr("pelamar internal dari data pegawai"))
    p.add_argument("--nama", help=tr("pelamar eksternal"))
    p.add_argument("--nip-eksternal", metavar="NIP")
    p.add_argument("--instansi", metavar="NAMA")
    p.add_argument("--golongan", metavar="GOL")
    p.add_argument("--pendidikan", metavar="KODE")
    p.add_argument("--lahir", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.add_argument("--tmt-jabatan", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.add_argument("--tmt-golongan", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.add_argument("--predikat", metavar="P1,P2", help=tr("predikat tahun lalu, tahun sebelumnya"))
    p.add_argument("--hukdis", action="store_true", help=tr("sedang menjalani hukuman disiplin"))
    p.set_defaults(handler=cmd_add_applicant)

    p = cmds.add_parser("applicants", aliases=["pelamar"], help=tr("pelamar dan hasil saringan"))
    p.add_argument("seleksi", metavar="ID")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_applicants)

    p = cmds.add_parser(
        "talent-suggestions", aliases=["saran-talenta"], help=tr("saran calon dari talent pool")
    )
    p.add_argument("seleksi", metavar="ID")
    cli_args.add_format_text_json(p)
    p.set_defaults(handler=cmd_talent_suggestions)

    p = cmds.add_parser(
        "add-from-talent",
        aliases=["tambah-talenta"],
        help=tr("daftarkan calon saran talent pool sebagai pelamar"),
    )
    p.add_argument("seleksi", metavar="ID")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--peringkat", metavar="1,2", help=tr("peringkat dalam daftar saran"))
    g.add_argument("--nip", action="append", metavar="NIP")
    g.add_argument("--semua", action="store_true", help=tr("semua yang belum terdaftar"))
    p.set_defaults(handler=cmd_add_from_talent)

    p = cmds.add_parser("decide", aliases=["putuskan"], help=tr("keputusan sekretariat"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--nomor", type=int, required=True)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--lulus", action="store_const", const=True, dest="keputusan")
    g.add_argument("--gagal", action="store_const", const=False, dest="keputusan")
    g.add_argument("--aturan", action="store_const", const=None, dest="keputusan")
    p.add_argument("--alasan", default="")
    p.set_defaults(handler=cmd_decide)

    p = cmds.add_parser("conflict", aliases=["konflik"], help=tr("nyatakan konflik kepentingan"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--member", "--anggota", dest="anggota", required=True, metavar="NAMA")
    p.add_argument("--nomor", type=int, required=True)
    p.add_argument("--alasan", required=True)
    p.set_defaults(handler=cmd_conflict)

    p = cmds.add_parser("member-package", aliases=["paket"], help=tr("paket penilaian anggota"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--member", "--anggota", dest="anggota", required=True, metavar="NAMA")
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS")
    p.set_defaults(handler=cmd_member_package)

    p = cmds.add_parser("import-sheet", aliases=["impor-lembar"], help=tr("masukkan lembar nilai"))
    p.add_argument("berkas", type=Path, metavar="BERKAS")
    p.set_defaults(handler=cmd_import_sheet)

    p = cmds.add_parser("quorum", aliases=["kuorum"], help=tr("catatan kuorum ketua panitia"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--catatan", required=True)
    p.set_defaults(handler=cmd_quorum)

    p = cmds.add_parser("ranking", aliases=["peringkat"], help=tr("peringkat akhir"))
    p.add_argument("seleksi", metavar="ID")
    cli_args.add_format_text_json(p)
    p.add_argument("--sementara", action="store_true", help=tr("tampilkan walau lembar kurang"))
    p.set_defaults(handler=cmd_ranking)

    p = cmds.add_parser("recap", aliases=["rekap"], help=tr("rekap nilai per anggota (.xlsx)"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS")
    p.set_defaults(handler=cmd_recap)

    p = cmds.add_parser("document", aliases=["dokumen"], help=tr("berita acara / pengumuman (PDF)"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--jenis", choices=("berita_acara", "pengumuman"), default="berita_acara")
    p.add_argument("--tahap", metavar="NAMA", help=tr("berita acara satu tahap"))
    p.add_argument("--tanggal", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS")
    p.set_defaults(handler=cmd_document)

    p = cmds.add_parser("appoint", aliases=["angkat"], help=tr("SK pengangkatan pilihan PPK"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--nomor", type=int, required=True, help=tr("nomor pendaftaran pilihan PPK"))
    p.add_argument("--tanggal", type=cli_args.tanggal, required=True, metavar="TTTT-BB-HH")
    p.add_argument("--tmt", type=cli_args.tanggal, required=True, metavar="TTTT-BB-HH")
    p.add_argument("--jenis", choices=("petikan", "salinan", "asli"), default="petikan")
    p.add_argument("--out", type=Path, required=True, metavar="FOLDER")
    p.set_defaults(handler=cmd_appoint)

    p = cmds.add_parser("open-package", aliases=["buka-paket"], help=tr("buka paket (anggota)"))
    p.add_argument("berkas", type=Path, metavar="BERKAS")
    p.set_defaults(handler=cmd_open_package)

    p = cmds.add_parser("score", aliases=["nilai"], help=tr("isi satu nilai (anggota)"))
    p.add_argument("paket", metavar="PAKET")
    p.add_argument("--nomor", type=int, required=True)
    p.add_argument("--kriteria", required=True, metavar="NAMA")
    p.add_argument("--nilai", required=True)
    p.add_argument("--catatan")
    p.set_defaults(handler=cmd_score)

    p = cmds.add_parser("seal", aliases=["kunci"], help=tr("kunci dan kirim lembar (anggota)"))
    p.add_argument("paket", metavar="PAKET")
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS")
    p.set_defaults(handler=cmd_seal)


def _split(text: str, n_min: int, n_max: int, what: str) -> list[str]:
    parts = [p.strip() for p in text.split(":")]
    if not n_min <= len(parts) <= n_max:
        raise ValidationError(tr("{what} '{t}' tidak sah.", what=what, t=text), field=what)
    return parts


def _seleksi_id(ctx: Context, args: argparse.Namespace) -> str:
    return seleksi.find_seleksi(ctx.db.conn, args.seleksi)


def _pelamar_by_nomor(ctx: Context, seleksi_id: str, nomor: int) -> str:
    for p in pelamar.list_pelamar(ctx.db.conn, seleksi_id):
        if p.nomor == nomor:
            return p.id
    raise NotFoundError(tr("Pelamar nomor {n} tidak ada.", n=nomor))


def _paket(ctx: Context, ref: str) -> lb.LembarKerja:
    require(ctx.db, ctx.actor, "seleksi.nilai")  # the sheets are the committee member's
    found = [k for k in lb.list_paket(ctx.db.conn) if k.paket_id.startswith(ref)]
    if len(found) != 1:
        raise NotFoundError(tr("Paket penilaian '{r}' tidak ditemukan.", r=ref))
    return found[0]


def _saved(ctx: Context) -> int:
    ctx.out.write(tr("Tersimpan.") + "\n")
    return ExitCode.OK


# -- secretariat ----------------------------------------------------------------------------------


def cmd_create(ctx: Context, args: argparse.Namespace) -> int:
    """Set up a selection from ``--tahap``, ``--kriteria`` and the committee; print its id."""
    db = ctx.db
    actor = ctx.actor
    kriteria: dict[str, list[seleksi.KriteriaBaru]] = {}
    for text in args.kriteria:
        tahap, nama, lo, hi = _split(text, 4, 4, "kriteria")
        kriteria.setdefault(tahap.casefold(), []).append(seleksi.KriteriaBaru(nama, lo, hi))
    tahap_list = []
    for text in args.tahap:
        parts = _split(text, 2, 3, "tahap")
        held = len(parts) < 3 or parts[2].casefold() not in ("tidak", "no", "0")
        tahap_list.append(
            seleksi.TahapBaru(parts[0], parts[1], kriteria.pop(parts[0].casefold(), []), None, held)
        )
    if kriteria:
        raise ValidationError(
            tr("Kriteria untuk tahap yang tidak ada: {t}.", t=", ".join(kriteria)),
            field="kriteria",
        )
    anggota_panitia = [seleksi.PanitiaBaru(args.ketua, "KETUA")]
    if args.sekretaris:
        anggota_panitia.append(seleksi.PanitiaBaru(args.sekretaris, "SEKRETARIS"))
    anggota_panitia += [seleksi.PanitiaBaru(a, "ANGGOTA") for a in args.anggota]
    sid = seleksi.create_seleksi(
        db,
        judul=args.judul,
        jenis=args.jenis,
        jabatan_id=args.jabatan,
        nama_jabatan=args.nama_jabatan,
        tahap=tahap_list,
        panitia=anggota_panitia,
        syarat=seleksi.Syarat(
            args.golongan_min,
            args.pendidikan_min,
            args.tahun_jabatan,
            args.tahun_pangkat,
            args.usia_maks,
            not args.tanpa_syarat_predikat,
            not args.tanpa_syarat_hukdis,
        ),
        tanggal_acuan=args.tanggal_acuan,
        aturan_seri=args.aturan_seri,
        actor=actor,
    )
    ctx.out.write(sid + "\n")
    return ExitCode.OK


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    out = ctx.out
    require(ctx.db, ctx.actor, "seleksi.baca")
    rows = seleksi.list_seleksi(ctx.db.conn)
    if args.format == "json":
        write_json(out, [r.__dict__ for r in rows])
    else:
        for r in rows:
            out.write(f"{r.id[:8]}  {r.judul}  ({r.status}, {r.pelamar} pelamar)\n")
    return ExitCode.OK


def cmd_add_applicant(ctx: Context, args: argparse.Namespace) -> int:
    """An internal applicant (``--nip``) or an external one (``--nama`` ...); print the id."""
    db = ctx.db
    conn = db.conn
    actor = ctx.actor
    sid = _seleksi_id(ctx, args)
    if bool(args.nip) == bool(args.nama):
        raise ValidationError(tr("Sebut --nip (internal) atau --nama (eksternal)."))
    if args.nip:
        pid = pelamar.create_pelamar_internal(db, sid, find_pegawai_id(conn, args.nip), actor=actor)
    else:
        pred = (args.predikat or "").split(",")
        pid = pelamar.create_pelamar_eksternal(
            db,
            sid,
            pelamar.PelamarEksternal(
                nama=args.nama,
                nip=args.nip_eksternal,
                instansi_asal=args.instansi,
                golongan_kode=args.golongan,
                pendidikan_kode=args.pendidikan,
                tanggal_lahir=args.lahir,
                tmt_jabatan=args.tmt_jabatan,
                tmt_golongan=args.tmt_golongan,
                predikat_1=pred[0].strip() or None,
                predikat_2=pred[1].strip() or None if len(pred) > 1 else None,
                hukdis_berlaku=args.hukdis,
            ),
            actor=actor,
        )
    ctx.out.write(pid + "\n")
    return ExitCode.OK


def cmd_applicants(ctx: Context, args: argparse.Namespace) -> int:
    """The applicants with the result of the screening against the requirements."""
    db = ctx.db
    out = ctx.out
    sid = _seleksi_id(ctx, args)
    require(db, ctx.actor, "seleksi.baca")
    rows = pelamar.list_pelamar(db.conn, sid)
    if args.format == "json":
        write_json(out, [pelamar.pelamar_json(p) for p in rows])
        return ExitCode.OK
    for p in rows:
        status = tr("LULUS") if p.lulus else tr("TIDAK LULUS")
        mark = f"  [{p.tanda_talenta}]" if p.dari_talenta else ""
        out.write(f"{p.nomor:>3}. {p.nama}  {status}{mark}\n")
        for h in p.syarat:
            mark = "+" if h.lulus else "-"
            out.write(f"      {mark} {h.nama}: {h.alasan}\n")
        if p.override_lulus is not None:
            out.write("      " + tr("Keputusan sekretariat: {a}", a=p.override_alasan) + "\n")
    return ExitCode.OK


def cmd_talent_suggestions(ctx: Context, args: argparse.Namespace) -> int:
    """The talent pool's successors of the selection's post (a suggestion, not a filter)."""
    result = saran.saran_talenta(ctx.db, _seleksi_id(ctx, args), actor=ctx.actor)
    out = ctx.out
    if args.format == "json":
        write_json(out, saran.saran_json(result))
        return ExitCode.OK
    out.write(tr("Saran talent pool untuk {j}", j=result.nama_jabatan) + "\n")
    if result.alasan_kosong:
        out.write(result.alasan_kosong + "\n")
    for x in result.calon:
        c = x.calon
        sudah = tr(" [pelamar nomor {n}]", n=x.nomor_pelamar) if x.nomor_pelamar else ""
        out.write(
            f"{c.peringkat:>3}. {c.nama} ({c.nip})  "
            + tr("kotak {k}, {s}", k=c.kotak, s=c.kesiapan_nama)
            + sudah
            + "\n"
        )
        for note in c.catatan:
            out.write(f"      - {note}\n")
    return ExitCode.OK


def cmd_add_from_talent(ctx: Context, args: argparse.Namespace) -> int:
    """Register suggested successors (by rank, NIP or all not yet registered); print the ids."""
    db = ctx.db
    sid = _seleksi_id(ctx, args)
    result = saran.saran_talenta(db, sid, actor=ctx.actor)
    if args.semua:
        chosen = [x.calon.pegawai_id for x in result.calon if x.nomor_pelamar is None]
    elif args.nip:
        chosen = [find_pegawai_id(db.conn, nip) for nip in args.nip]
    else:
        by_rank = {x.calon.peringkat: x.calon.pegawai_id for x in result.calon}
        chosen = []
        for part in str(args.peringkat).split(","):
            try:
                rank = int(part.strip())
            except ValueError:
                raise ValidationError(
                    tr("--peringkat: '{v}' bukan angka.", v=part.strip()), field="peringkat"
                ) from None
            if rank not in by_rank:
                raise ValidationError(
                    tr("--peringkat: tidak ada calon peringkat {p} dalam saran.", p=rank),
                    field="peringkat",
                )
            chosen.append(by_rank[rank])
    for pid in saran.tambah_dari_talenta(db, sid, chosen, actor=ctx.actor):
        ctx.out.write(pid + "\n")
    return ExitCode.OK


def cmd_decide(ctx: Context, args: argparse.Namespace) -> int:
    """The secretariat's decision over the screening (``--aturan``: back to the rules)."""
    db = ctx.db
    sid = _seleksi_id(ctx, args)
    pid = _pelamar_by_nomor(ctx, sid, args.nomor)
    pelamar.putuskan_pelamar(db, pid, args.keputusan, args.alasan, actor=ctx.actor)
    return _saved(ctx)


def cmd_conflict(ctx: Context, args: argparse.Namespace) -> int:
    """A member declares a conflict of interest with one applicant."""
    db = ctx.db
    sid = _seleksi_id(ctx, args)
    info = seleksi.get_seleksi(db.conn, sid)
    pid = _pelamar_by_nomor(ctx, sid, args.nomor)
    panitia.nyatakan_konflik(
        db, sid, info.anggota(args.anggota).id, pid, args.alasan, actor=ctx.actor
    )
    return _saved(ctx)


def cmd_member_package(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    sid = _seleksi_id(ctx, args)
    path = lb.write_paket_anggota(db, sid, args.anggota, args.out, actor=ctx.actor)
    ctx.out.write(tr("Paket penilaian ditulis ke {p}.", p=path) + "\n")
    return ExitCode.OK


def cmd_import_sheet(ctx: Context, args: argparse.Namespace) -> int:
    """Take in a member's sealed score sheet."""
    db = ctx.db
    res = lb.impor_lembar(db, args.berkas, actor=ctx.actor)
    ctx.out.write(res.teks() + "\n")
    return ExitCode.OK


def cmd_quorum(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    sid = _seleksi_id(ctx, args)
    panitia.catat_kuorum(db, sid, args.catatan, actor=ctx.actor)
    return _saved(ctx)


def cmd_ranking(ctx: Context, args: argparse.Namespace) -> int:
    """The final ranking (``--sementara``: also while sheets are missing) and the three
    proposed to the PPK."""
    db = ctx.db
    out = ctx.out
    sid = _seleksi_id(ctx, args)
    require(db, ctx.actor, "seleksi.baca")
    hasil = peringkat.get_peringkat(db.conn, sid, sementara=args.sementara)
    data = peringkat.peringkat_json(hasil)
    if args.format == "json":
        write_json(out, data)
        return ExitCode.OK
    if not hasil.final:
        out.write(tr("SEMENTARA: lembar belum lengkap.") + "\n")
    for b in data["peringkat"]:
        out.write(f"{b['peringkat']:>3}. {b['nama']}  {b['total'] or '-'}\n")
    if data["usulan"]:
        out.write(tr("Usulan kepada PPK: {d}", d=", ".join(data["usulan"])) + "\n")
    return ExitCode.OK


def cmd_recap(ctx: Context, args: argparse.Namespace) -> int:
    db = ctx.db
    sid = _seleksi_id(ctx, args)
    counts = seleksi_jobs.write_rekap_nilai(
        db, ctx.actor, seleksi_jobs.RekapNilaiRequest(sid, args.out)
    )
    ctx.out.write(tr("Rekap nilai ditulis ke {p} ({n} lembar).", p=args.out, n=len(counts)) + "\n")
    return ExitCode.OK


def cmd_document(ctx: Context, args: argparse.Namespace) -> int:
    """The minutes (of the whole selection or of one stage) or the announcement, as PDF."""
    db = ctx.db
    sid = _seleksi_id(ctx, args)
    tahap_id = None
    if args.tahap:
        info = seleksi.get_seleksi(db.conn, sid)
        found = [t for t in info.tahap if t.nama.casefold() == args.tahap.casefold()]
        if not found:
            raise ValidationError(tr("Tahap '{t}' tidak ada.", t=args.tahap), field="tahap")
        tahap_id = found[0].id
    pages = seleksi_jobs.write_dokumen(
        db,
        ctx.actor,
        seleksi_jobs.DokumenRequest(sid, args.jenis, args.out, tahap_id, args.tanggal),
    )
    ctx.out.write(tr("Dokumen ditulis ke {p} ({n} halaman).", p=args.out, n=pages) + "\n")
    return ExitCode.OK


def cmd_appoint(ctx: Context, args: argparse.Namespace) -> int:
    """The SK of appointment for the applicant the PPK chose."""
    db = ctx.db
    sid = _seleksi_id(ctx, args)
    request = seleksi_jobs.SkPengangkatanRequest(
        sid,
        _pelamar_by_nomor(ctx, sid, args.nomor),
        args.out,
        args.tanggal,
        args.tmt,
        args.jenis,
    )
    terbit = seleksi_jobs.issue_sk_pengangkatan(db, ctx.actor, request)
    for nomor in terbit.nomor:
        ctx.out.write(tr("SK nomor {n} diterbitkan.", n=nomor) + "\n")
    return ExitCode.OK


# -- a committee member's installation ------------------------------------------------------------


def cmd_open_package(ctx: Context, args: argparse.Namespace) -> int:
    kerja = lb.buka_paket(ctx.db, args.berkas, actor=ctx.actor)
    ctx.out.write(
        tr(
            "Paket {id} dibuka: {n} kandidat, seleksi {j}, anggota {a}.",
            id=kerja.paket_id,
            n=len(kerja.kandidat),
            j=kerja.judul,
            a=kerja.anggota,
        )
        + "\n"
    )
    return ExitCode.OK


def cmd_score(ctx: Context, args: argparse.Namespace) -> int:
    """One score: candidate ``--nomor``, criterion ``--kriteria`` (by name), ``--nilai``."""
    db = ctx.db
    kerja = _paket(ctx, args.paket)
    calon = next((k for k in kerja.kandidat if k.nomor == args.nomor), None)
    if calon is None:
        raise ValidationError(tr("Kandidat nomor {n} tidak ada.", n=args.nomor), field="nomor")
    key = args.kriteria.casefold()
    crit = [k for t in kerja.tahap for k in t.kriteria if k.nama.casefold() == key]
    if len(crit) != 1:
        raise ValidationError(
            tr("Kriteria '{k}' tidak ada atau ganda.", k=args.kriteria), field="kriteria"
        )
    lb.isi_nilai(
        db, kerja.paket_id, calon.id, crit[0].id, args.nilai, args.catatan, actor=ctx.actor
    )
    return _saved(ctx)


def cmd_seal(ctx: Context, args: argparse.Namespace) -> int:
    """Seal the sheet and write it for the secretariat."""
    db = ctx.db
    kerja = _paket(ctx, args.paket)
    path = lb.kunci_dan_kirim(db, kerja.paket_id, args.out, actor=ctx.actor)
    ctx.out.write(tr("Lembar nilai dikunci dan ditulis ke {p}.", p=path) + "\n")
    return ExitCode.OK
