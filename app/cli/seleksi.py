"""``merit selection ...`` (alias ``seleksi``) and ``merit kp eligible``.

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

KP: ``merit kp eligible --period YYYY-MM [--unit U] [--format json]``;
``merit kp propose --period P --nip N...``, ``merit kp withdraw --period P --nip N... --alasan T``,
``merit kp pertek --period P --nip N... --nomor X --tanggal D``,
``merit kp issue --period P --nip N... --out DIR [--tanggal D] [--nilai [NIP:]gaji_pokok=...]``,
``merit kp status --period P [--unit U] [--format json]``.
Exit codes: 2 invalid input or refused file, 3 not found, 6 access refused.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from app.cli import args as cli_args
from app.i18n import tr
from app.models.errors import ValidationError
from app.models.rekap.kp import nominatif_kp, periode_kp


def register(sub: Any) -> None:
    """Add ``selection`` and ``kp`` to the ``merit`` sub-commands."""
    s = sub.add_parser("selection", aliases=["seleksi"], help=tr("seleksi jabatan pimpinan"))
    cmds = s.add_subparsers(
        dest="seleksi_command", metavar="PERINTAH", required=True, parser_class=type(s)
    )
    fmt = {"choices": ("text", "json"), "default": "text", "help": tr("format keluaran")}

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

    p = cmds.add_parser("list", aliases=["daftar"], help=tr("daftar seleksi"))
    p.add_argument("--format", **fmt)  # type: ignore[arg-type]

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

    p = cmds.add_parser("applicants", aliases=["pelamar"], help=tr("pelamar dan hasil saringan"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--format", **fmt)  # type: ignore[arg-type]

    p = cmds.add_parser("decide", aliases=["putuskan"], help=tr("keputusan sekretariat"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--nomor", type=int, required=True)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--lulus", action="store_const", const=True, dest="keputusan")
    g.add_argument("--gagal", action="store_const", const=False, dest="keputusan")
    g.add_argument("--aturan", action="store_const", const=None, dest="keputusan")
    p.add_argument("--alasan", default="")

    p = cmds.add_parser("conflict", aliases=["konflik"], help=tr("nyatakan konflik kepentingan"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--member", "--anggota", dest="anggota", required=True, metavar="NAMA")
    p.add_argument("--nomor", type=int, required=True)
    p.add_argument("--alasan", required=True)

    p = cmds.add_parser("member-package", aliases=["paket"], help=tr("paket penilaian anggota"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--member", "--anggota", dest="anggota", required=True, metavar="NAMA")
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS")

    p = cmds.add_parser("import-sheet", aliases=["impor-lembar"], help=tr("masukkan lembar nilai"))
    p.add_argument("berkas", type=Path, metavar="BERKAS")

    p = cmds.add_parser("quorum", aliases=["kuorum"], help=tr("catatan kuorum ketua panitia"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--catatan", required=True)

    p = cmds.add_parser("ranking", aliases=["peringkat"], help=tr("peringkat akhir"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--format", **fmt)  # type: ignore[arg-type]
    p.add_argument("--sementara", action="store_true", help=tr("tampilkan walau lembar kurang"))

    p = cmds.add_parser("recap", aliases=["rekap"], help=tr("rekap nilai per anggota (.xlsx)"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS")

    p = cmds.add_parser("document", aliases=["dokumen"], help=tr("berita acara / pengumuman (PDF)"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--jenis", choices=("berita_acara", "pengumuman"), default="berita_acara")
    p.add_argument("--tahap", metavar="NAMA", help=tr("berita acara satu tahap"))
    p.add_argument("--tanggal", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS")

    p = cmds.add_parser("appoint", aliases=["angkat"], help=tr("SK pengangkatan pilihan PPK"))
    p.add_argument("seleksi", metavar="ID")
    p.add_argument("--nomor", type=int, required=True, help=tr("nomor pendaftaran pilihan PPK"))
    p.add_argument("--tanggal", type=cli_args.tanggal, required=True, metavar="TTTT-BB-HH")
    p.add_argument("--tmt", type=cli_args.tanggal, required=True, metavar="TTTT-BB-HH")
    p.add_argument("--jenis", choices=("petikan", "salinan", "asli"), default="petikan")
    p.add_argument("--out", type=Path, required=True, metavar="FOLDER")

    p = cmds.add_parser("open-package", aliases=["buka-paket"], help=tr("buka paket (anggota)"))
    p.add_argument("berkas", type=Path, metavar="BERKAS")

    p = cmds.add_parser("score", aliases=["nilai"], help=tr("isi satu nilai (anggota)"))
    p.add_argument("paket", metavar="PAKET")
    p.add_argument("--nomor", type=int, required=True)
    p.add_argument("--kriteria", required=True, metavar="NAMA")
    p.add_argument("--nilai", required=True)
    p.add_argument("--catatan")

    p = cmds.add_parser("seal", aliases=["kunci"], help=tr("kunci dan kirim lembar (anggota)"))
    p.add_argument("paket", metavar="PAKET")
    p.add_argument("--out", type=Path, required=True, metavar="BERKAS")

    kp = sub.add_parser("kp", help=tr("kenaikan pangkat per periode"))
    kcmds = kp.add_subparsers(
        dest="kp_command", metavar="PERINTAH", required=True, parser_class=type(kp)
    )
    p = kcmds.add_parser("eligible", aliases=["memenuhi"], help=tr("daftar calon KP periode"))
    p.add_argument("--period", "--periode", dest="periode", required=True, metavar="TTTT-BB")
    p.add_argument("--unit", metavar="U")
    p.add_argument("--format", **fmt)  # type: ignore[arg-type]
    _register_kp_usulan(kcmds, fmt)


def _register_kp_usulan(kcmds: Any, fmt: dict[str, Any]) -> None:
    """``merit kp propose|pertek|issue|status`` (app/models/kp/usulan.py)."""

    def common(p: Any) -> None:
        p.add_argument("--period", "--periode", dest="periode", required=True, metavar="TTTT-BB")

    def nips(p: Any) -> None:
        p.add_argument("--nip", nargs="+", action="extend", required=True, metavar="NIP")

    p = kcmds.add_parser("propose", aliases=["usulkan"], help=tr("usulkan kenaikan pangkat"))
    common(p)
    nips(p)
    p = kcmds.add_parser("withdraw", aliases=["batalkan"], help=tr("batalkan usulan KP"))
    common(p)
    nips(p)
    p.add_argument("--alasan", required=True)
    p = kcmds.add_parser("pertek", help=tr("catat pertek BKN"))
    common(p)
    nips(p)
    p.add_argument("--nomor", required=True)
    p.add_argument("--tanggal", type=cli_args.tanggal, required=True, metavar="TTTT-BB-HH")
    p = kcmds.add_parser("issue", aliases=["terbitkan"], help=tr("terbitkan SK KP petikan"))
    common(p)
    nips(p)
    p.add_argument("--out", type=Path, required=True, metavar="FOLDER")
    p.add_argument("--tanggal", type=cli_args.tanggal, metavar="TTTT-BB-HH")
    p.add_argument("--nilai", action="append", default=[], metavar="[NIP:]NAMA=NILAI")
    p = kcmds.add_parser("status", help=tr("daftar KP periode dengan status usulan"))
    common(p)
    p.add_argument("--unit", metavar="U")
    p.add_argument("--format", **fmt)


def _print_json(out: TextIO, data: object) -> None:
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _split(text: str, n_min: int, n_max: int, what: str) -> list[str]:
    parts = [p.strip() for p in text.split(":")]
    if not n_min <= len(parts) <= n_max:
        raise ValidationError(tr("{what} '{t}' tidak sah.", what=what, t=text), field=what)
    return parts


def _pelamar_by_nomor(conn: Any, seleksi_id: str, nomor: int) -> str:
    from app.models.seleksi import core as sel

    for p in sel.daftar_pelamar(conn, seleksi_id):
        if p.nomor == nomor:
            return p.id
    from app.models.errors import NotFoundError

    raise NotFoundError(tr("Pelamar nomor {n} tidak ada.", n=nomor))


def cmd_selection(args: argparse.Namespace, out: TextIO) -> int:
    from app.cli.core import _actor, _open
    from app.models.seleksi import core as sel
    from app.models.seleksi import lembar as lb

    db = _open(args)
    conn = db.conn
    actor = _actor()
    c = args.seleksi_command
    if c in ("create", "buat"):
        kriteria: dict[str, list[sel.KriteriaBaru]] = {}
        for text in args.kriteria:
            tahap, nama, lo, hi = _split(text, 4, 4, "kriteria")
            kriteria.setdefault(tahap.casefold(), []).append(sel.KriteriaBaru(nama, lo, hi))
        tahap_list = []
        for text in args.tahap:
            parts = _split(text, 2, 3, "tahap")
            held = len(parts) < 3 or parts[2].casefold() not in ("tidak", "no", "0")
            tahap_list.append(
                sel.TahapBaru(parts[0], parts[1], kriteria.pop(parts[0].casefold(), []), None, held)
            )
        if kriteria:
            raise ValidationError(
                tr("Kriteria untuk tahap yang tidak ada: {t}.", t=", ".join(kriteria)),
                field="kriteria",
            )
        panitia = [sel.PanitiaBaru(args.ketua, "KETUA")]
        if args.sekretaris:
            panitia.append(sel.PanitiaBaru(args.sekretaris, "SEKRETARIS"))
        panitia += [sel.PanitiaBaru(a, "ANGGOTA") for a in args.anggota]
        sid = sel.buat_seleksi(
            db,
            judul=args.judul,
            jenis=args.jenis,
            jabatan_id=args.jabatan,
            nama_jabatan=args.nama_jabatan,
            tahap=tahap_list,
            panitia=panitia,
            syarat=sel.Syarat(
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
        out.write(sid + "\n")
        return 0
    if c in ("list", "daftar"):
        rows = sel.daftar_seleksi(conn)
        if args.format == "json":
            _print_json(out, [r.__dict__ for r in rows])
        else:
            for r in rows:
                out.write(f"{r.id[:8]}  {r.judul}  ({r.status}, {r.pelamar} pelamar)\n")
        return 0
    if c in ("open-package", "buka-paket"):
        kerja = lb.buka_paket(db, args.berkas)
        out.write(
            tr(
                "Paket {id} dibuka: {n} kandidat, seleksi {j}, anggota {a}.",
                id=kerja.paket_id,
                n=len(kerja.kandidat),
                j=kerja.judul,
                a=kerja.anggota,
            )
            + "\n"
        )
        return 0
    if c in ("score", "nilai", "seal", "kunci"):
        kerja = _paket(conn, args.paket)
        if c in ("seal", "kunci"):
            path = lb.kunci_dan_kirim(db, kerja.paket_id, args.out)
            out.write(tr("Lembar nilai dikunci dan ditulis ke {p}.", p=path) + "\n")
            return 0
        calon = next((k for k in kerja.kandidat if k.nomor == args.nomor), None)
        if calon is None:
            raise ValidationError(tr("Kandidat nomor {n} tidak ada.", n=args.nomor), field="nomor")
        key = args.kriteria.casefold()
        crit = [k for t in kerja.tahap for k in t.kriteria if k.nama.casefold() == key]
        if len(crit) != 1:
            raise ValidationError(
                tr("Kriteria '{k}' tidak ada atau ganda.", k=args.kriteria), field="kriteria"
            )
        lb.isi_nilai(db, kerja.paket_id, calon.id, crit[0].id, args.nilai, args.catatan)
        out.write(tr("Tersimpan.") + "\n")
        return 0
    if c in ("import-sheet", "impor-lembar"):
        res = lb.impor_lembar(db, args.berkas, actor=actor)
        out.write(res.teks() + "\n")
        return 0
    sid = sel.find_seleksi(conn, args.seleksi)
    if c in ("add-applicant", "daftarkan"):
        if bool(args.nip) == bool(args.nama):
            raise ValidationError(tr("Sebut --nip (internal) atau --nama (eksternal)."))
        if args.nip:
            from app.models.pegawai.read import find_pegawai_id

            pid = sel.tambah_pelamar_internal(db, sid, find_pegawai_id(conn, args.nip), actor=actor)
        else:
            pred = (args.predikat or "").split(",")
            pid = sel.tambah_pelamar_eksternal(
                db,
                sid,
                sel.PelamarEksternal(
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
        out.write(pid + "\n")
        return 0
    if c in ("applicants", "pelamar"):
        from app.models.access.akses import require

        require(db, actor, "seleksi.baca")
        rows = sel.daftar_pelamar(conn, sid)
        if args.format == "json":
            _print_json(out, [sel.pelamar_json(p) for p in rows])
            return 0
        for p in rows:
            status = tr("LULUS") if p.lulus else tr("TIDAK LULUS")
            out.write(f"{p.nomor:>3}. {p.nama}  {status}\n")
            for h in p.syarat:
                mark = "+" if h.lulus else "-"
                out.write(f"      {mark} {h.nama}: {h.alasan}\n")
            if p.override_lulus is not None:
                out.write("      " + tr("Keputusan sekretariat: {a}", a=p.override_alasan) + "\n")
        return 0
    if c in ("decide", "putuskan"):
        pid = _pelamar_by_nomor(conn, sid, args.nomor)
        sel.putuskan_pelamar(db, pid, args.keputusan, args.alasan, actor=actor)
        out.write(tr("Tersimpan.") + "\n")
        return 0
    if c in ("conflict", "konflik"):
        info = sel.get_seleksi(conn, sid)
        pid = _pelamar_by_nomor(conn, sid, args.nomor)
        sel.nyatakan_konflik(db, sid, info.anggota(args.anggota).id, pid, args.alasan, actor=actor)
        out.write(tr("Tersimpan.") + "\n")
        return 0
    if c in ("member-package", "paket"):
        path = lb.tulis_paket_anggota(db, sid, args.anggota, args.out, actor=actor)
        out.write(tr("Paket penilaian ditulis ke {p}.", p=path) + "\n")
        return 0
    if c in ("recap", "rekap"):
        counts = sel.tulis_rekap_nilai(db, sid, args.out, actor=actor)
        out.write(tr("Rekap nilai ditulis ke {p} ({n} lembar).", p=args.out, n=len(counts)) + "\n")
        return 0
    if c in ("document", "dokumen"):
        tahap_id = None
        if args.tahap:
            info = sel.get_seleksi(conn, sid)
            found = [t for t in info.tahap if t.nama.casefold() == args.tahap.casefold()]
            if not found:
                raise ValidationError(tr("Tahap '{t}' tidak ada.", t=args.tahap), field="tahap")
            tahap_id = found[0].id
        pages = sel.tulis_dokumen(
            db, sid, args.jenis, args.out, tahap_id=tahap_id, on=args.tanggal, actor=actor
        )
        out.write(tr("Dokumen ditulis ke {p} ({n} halaman).", p=args.out, n=pages) + "\n")
        return 0
    if c in ("appoint", "angkat"):
        res = sel.terbitkan_sk_pengangkatan(
            db,
            sid,
            _pelamar_by_nomor(conn, sid, args.nomor),
            args.out,
            tanggal=args.tanggal,
            tmt=args.tmt,
            jenis=args.jenis,
            actor=actor,
        )
        for nomor in res.nomor:
            out.write(tr("SK nomor {n} diterbitkan.", n=nomor) + "\n")
        return 0
    if c in ("quorum", "kuorum"):
        sel.catat_kuorum(db, sid, args.catatan, actor=actor)
        out.write(tr("Tersimpan.") + "\n")
        return 0
    # ranking
    from app.models.access.akses import require

    require(db, actor, "seleksi.baca")
    hasil = sel.peringkat(conn, sid, sementara=args.sementara)
    data = sel.peringkat_json(hasil)
    if args.format == "json":
        _print_json(out, data)
        return 0
    if not hasil.final:
        out.write(tr("SEMENTARA: lembar belum lengkap.") + "\n")
    for b in data["peringkat"]:
        out.write(f"{b['peringkat']:>3}. {b['nama']}  {b['total'] or '-'}\n")
    if data["usulan"]:
        out.write(tr("Usulan kepada PPK: {d}", d=", ".join(data["usulan"])) + "\n")
    return 0


def _paket(conn: Any, ref: str) -> Any:
    from app.models.errors import NotFoundError
    from app.models.seleksi import lembar as lb

    found = [k for k in lb.daftar_paket(conn) if k.paket_id.startswith(ref)]
    if len(found) != 1:
        raise NotFoundError(tr("Paket penilaian '{r}' tidak ditemukan.", r=ref))
    return found[0]


def cmd_kp(args: argparse.Namespace, out: TextIO) -> int:
    if args.kp_command not in ("eligible", "memenuhi"):
        return _cmd_kp_usulan(args, out)
    from app.cli.core import _actor, _open
    from app.models.access.akses import require

    db = _open(args, create=False)
    require(db, _actor(), "laporan.baca")
    conn = db.conn
    periode = periode_kp(conn, args.periode)
    unit_id = None
    if args.unit:
        from app.models.organisasi.units import find_unit

        unit_id = find_unit(conn, args.unit)
    hasil = nominatif_kp(conn, periode, unit_id=unit_id)
    if args.format == "json":
        _print_json(
            out,
            {
                "periode": periode.isoformat(),
                "melebihi_batas": hasil.melebihi_batas,
                "pegawai": [
                    {
                        "nomor": b.nomor,
                        "nip": b.nip,
                        "nama": b.nama_lengkap,
                        "golongan": b.golongan_kode,
                        "golongan_baru": b.golongan_baru,
                        "tmt_golongan": b.tmt_golongan.isoformat(),
                        "masa_tahun": b.masa_tahun,
                        "masa_bulan": b.masa_bulan,
                        "jenis_kp": b.jenis_kp,
                        "status": b.status,
                        "keterangan": list(b.keterangan),
                    }
                    for b in hasil.baris
                ],
            },
        )
        return 0
    for b in hasil.baris:
        note = "; ".join(b.keterangan)
        out.write(
            f"{b.nomor:>4}. {b.nip}  {b.nama_lengkap}  {b.golongan_kode} -> {b.golongan_baru}  "
            f"[{b.status}] {note}\n"
        )
    out.write(tr("{n} pegawai.", n=len(hasil.baris)) + "\n")
    return 0


def _nilai_kp(items: list[str]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """``NAMA=NILAI`` for everyone, ``NIP:NAMA=NILAI`` for one person."""
    common: dict[str, str] = {}
    per: dict[str, dict[str, str]] = {}
    for text in items:
        head, sep, value = text.partition("=")
        if not sep or not head.strip():
            raise ValidationError(
                tr("--nilai '{t}' tidak sah; tulis NIP:nama=nilai atau nama=nilai.", t=text),
                field="nilai",
            )
        nip, colon, name = head.rpartition(":")
        target = per.setdefault(nip.strip(), {}) if colon else common
        target[name.strip()] = value.strip()
    return common, per


def _cmd_kp_usulan(args: argparse.Namespace, out: TextIO) -> int:
    from app.cli.core import _actor, _open
    from app.models.kp import usulan as kp

    db = _open(args, create=False)
    actor = _actor()
    c = args.kp_command
    if c in ("propose", "usulkan"):
        ids = kp.usulkan(db, args.periode, args.nip, actor=actor)
        out.write(tr("{n} pegawai diusulkan.", n=len(ids)) + "\n")
    elif c in ("withdraw", "batalkan"):
        n = kp.batalkan_usulan(db, args.periode, args.nip, alasan=args.alasan, actor=actor)
        out.write(tr("{n} usulan dibatalkan.", n=n) + "\n")
    elif c == "pertek":
        n = kp.catat_pertek(db, args.periode, args.nip, args.nomor, args.tanggal, actor=actor)
        out.write(tr("Pertek dicatat untuk {n} usulan.", n=n) + "\n")
    elif c in ("issue", "terbitkan"):
        nilai, per = _nilai_kp(args.nilai)
        hasil = kp.terbitkan_sk(
            db,
            args.periode,
            args.nip,
            args.out,
            tanggal=args.tanggal or date.today(),
            nilai=nilai,
            nilai_pegawai=per,
            actor=actor,
        )
        for nomor in hasil.terbit.nomor:
            out.write(nomor + "\n")
        out.write(tr("{n} SK kenaikan pangkat terbit.", n=len(hasil.terbit.nomor)) + "\n")
    else:
        from app.models.access.akses import require

        require(db, actor, "laporan.baca")
        unit_id = None
        if args.unit:
            from app.models.organisasi.units import find_unit

            unit_id = find_unit(db.conn, args.unit)
        items = kp.list_periode(db.conn, args.periode, unit_id=unit_id)
        if args.format == "json":
            _print_json(
                out,
                {
                    "periode": args.periode,
                    "pegawai": [
                        {
                            "nip": i.nip,
                            "nama": i.nama_lengkap,
                            "golongan": i.golongan_kode,
                            "golongan_baru": i.golongan_baru,
                            "jenis_kp": i.jenis_kp,
                            "syarat": i.syarat,
                            "keterangan": list(i.keterangan),
                            "usulan": i.status_usulan,
                            "nomor_pertek": i.usulan.nomor_pertek if i.usulan else None,
                            "nomor_sk": i.usulan.nomor_sk if i.usulan else None,
                        }
                        for i in items
                    ],
                },
            )
            return 0
        for i in items:
            state = kp.status_label(i.status_usulan) or "-"
            out.write(
                f"{i.nip}  {i.nama_lengkap}  {i.golongan_kode} -> {i.golongan_baru}  "
                f"[{i.syarat or '-'}] [{state}]\n"
            )
        out.write(tr("{n} pegawai.", n=len(items)) + "\n")
    return 0
