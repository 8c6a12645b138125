"""The demo employees, made in seat order with one sequential random stream.

How a person is made (rules from ``shared/domain/asn-rules.md``): a seat first
(:mod:`app.demo.organisasi`), then an education that fits the post, a golongan inside the
post's range (asn-rules 2.2, 3.2, 3.3), and a promotion chain built backwards from today on the
KP periods (asn-rules 5.1). The birth date follows from the TMT CPNS and a plausible age at
appointment, and is moved so that nobody active is past their BUP (asn-rules 10.1). NIP and NI
PPPK follow asn-rules 1.1/1.2 (unique sequence per first 15 digits), the NIK 1.3. The histories
are :mod:`app.demo.histories`.
"""

from __future__ import annotations

import hashlib
import random
from bisect import bisect

from app.demo import names as dn
from app.demo.common import (
    EDU_AGE,
    EDU_CEIL,
    EDU_ORDER,
    EDU_PPPK,
    EDU_START,
    GAJI_LANGKAH,
    GAJI_MULAI,
    GOL_PNS,
    HUKUMAN,
    KETERAMPILAN,
    MK_REDUCTION,
    PREDIKAT_RATING,
    SKP_PREFIX,
    SLUG,
    UUID5_SET,
    UUID_CLEAR,
    Calendar,
    Names,
    Row,
    cumulative,
    roman_group,
    uuid4_from,
)
from app.demo.histories import S3, Histories
from app.demo.organisasi import Org, Pos


def _kgb_id(pid: str, month: int) -> str:
    """The id of a KGB row the earlier two-yearly schedule did not have: derived, so that it
    takes nothing from the random stream (see People.person)."""
    digest = hashlib.sha256(f"kgb:{pid}:{month}".encode()).digest()
    return uuid4_from(int.from_bytes(digest[:16], "big"))


_P_S2_STRUKTURAL = {"JPT_PRATAMA": 0.85, "ADMINISTRATOR": 0.5, "PENGAWAS": 0.25}


class People(Histories):
    """Generates employees in seat order, with one sequential random stream."""

    def __init__(self, org: Org, seed: int, employees: int, cal: Calendar, kota: str) -> None:
        self.org = org
        self.cal = cal
        self.kota = kota
        self.names = Names(kota)
        self.rng = random.Random(f"merit-demo-pegawai:{seed}:{employees}")
        self._bits = self.rng.getrandbits
        self._rnd = self.rng.random
        self.nip_seq: dict[str, int] = {}
        self.nik_seq: dict[str, int] = {}
        self.nip_lama = 0
        self.holder: dict[int, tuple[str, str]] = {}
        self.unit_kepala: dict[int, tuple[str, str]] = {}
        units = org.units
        self.unit_id = [u.id for u in units]
        self.pos = org.pos
        # Status of each seat, decided up front (deterministic, independent of chunking).
        self._plan(employees)
        # Lookups for the jabatan history.
        self.pel_by_opd: dict[tuple[int, int], list[int]] = {}
        self.pel_by_tier: tuple[list[int], list[int], list[int]] = ([], [], [])
        self.pel_all: list[int] = []
        self.struct_by_jenjang: dict[str, list[int]] = {}
        self.struct_by_opd: dict[tuple[int, str], list[int]] = {}
        self.jf_by_unit: dict[tuple[int, str, str], int] = {}
        self.jf_by_family: dict[tuple[str, str], list[int]] = {}
        for p in org.pos:
            if p.kind == "PELAKSANA":
                tier = 0 if p.pend_min == "SLTA" else 1 if p.pend_min == "D3" else 2
                self.pel_by_opd.setdefault((p.opd, tier), []).append(p.idx)
                self.pel_by_tier[tier].append(p.idx)
                self.pel_all.append(p.idx)
            elif p.kind == "STRUKTURAL":
                self.struct_by_jenjang.setdefault(p.jenjang, []).append(p.idx)
                self.struct_by_opd.setdefault((p.opd, p.jenjang), []).append(p.idx)
            else:
                self.jf_by_unit[(p.unit, p.family, p.jenjang)] = p.idx
                self.jf_by_family.setdefault((p.family, p.jenjang), []).append(p.idx)
        self.kel_by_kec: list[list[str]] = [[] for _ in dn.KECAMATAN]
        for no, unit in org.kelurahan:
            self.kel_by_kec[no - 1].append(units[unit].nama.removeprefix("Kelurahan "))
        self.kec_nama = [k.nama for k in dn.KECAMATAN]
        self.hukuman_cum = cumulative([h[1] for h in HUKUMAN])
        # The kepala daerah: penilai of the Sekda (no NIP).
        self.kepala_daerah = self.names.draw(random.Random(f"merit-demo-kada:{seed}"), False)[0]
        self.school_like = {u.idx for u in units if u.jenis in ("SEKOLAH", "PUSKESMAS")}
        fallback = self.names.rumpun["KEBIJAKAN"]
        self.prodi_pool: dict[tuple[str, str], tuple[dn.Prodi, ...]] = {}
        for kode, rum in self.names.rumpun.items():
            for level, pool, spare in (
                ("D3", rum.d3, fallback.d3), ("D4", rum.d4, fallback.d4),
                ("S1", rum.s1, fallback.s1), ("PROFESI", rum.profesi, ()),
                ("S2", rum.s2, fallback.s2), ("S3", S3, S3),
            ):  # fmt: skip
                self.prodi_pool[(kode, level)] = pool or spare
        fmt = {"kota": kota}
        self.peny_umum = tuple(x.format(**fmt) for x in dn.PENYELENGGARA_UMUM)
        self.peny_latsar = tuple(x.format(**fmt) for x in dn.PENYELENGGARA_LATSAR)
        self.peny_pim = tuple(x.format(**fmt) for x in dn.PENYELENGGARA_PIM)

    def _plan(self, employees: int) -> None:
        """Status (PNS/CPNS/PPPK) and kedudukan of every seat."""
        org = self.org
        r = random.Random(org.rng.getrandbits(64))
        seats = org.seats
        n = len(seats)
        status = ["PNS"] * n
        inactive: list[str | None] = [None] * n
        first = org.filled_struct
        # PPPK: about 20% of all employees, on entry-level JF and pelaksana seats.
        weights: list[tuple[float, int]] = []
        for i in range(first, n):
            p = self.pos[seats[i]]
            if p.jenjang in ("AHLI_PERTAMA", "TERAMPIL", "PELAKSANA"):
                w = 2.5 if p.family == "Guru" else 1.6 if p.nakes else 0.8
                weights.append((r.random() ** (1.0 / w), i))
        weights.sort(reverse=True)
        for _, i in weights[: round(employees * 0.2)]:
            status[i] = "PPPK"
        # CPNS: a few % appointed in the last year, on entry-level seats.
        entry = [i for i in range(first, n) if status[i] == "PNS"
                 and self.pos[seats[i]].jenjang in ("AHLI_PERTAMA", "TERAMPIL", "PELAKSANA",
                                                    "PEMULA")]  # fmt: skip
        r.shuffle(entry)
        for i in entry[: round(employees * 0.035)]:
            status[i] = "CPNS"
        # A few who left recently: pension, death, transfer.
        pool = [i for i in range(first, n) if status[i] != "CPNS"]
        r.shuffle(pool)
        for i in pool[: round(employees * 0.025)]:
            x = r.random()
            if status[i] == "PPPK":
                inactive[i] = "MENINGGAL" if x < 0.3 else None
            else:
                inactive[i] = "PENSIUN" if x < 0.6 else "PINDAH" if x < 0.85 else "MENINGGAL"
        self.status = status
        self.inactive = inactive

    # --- small helpers ------------------------------------------------------------------------

    def _kgb(
        self, start_m: int, end_m: int, g_code: str, mk: int, pensiun_m: int
    ) -> list[tuple[int, str, int, int | None]]:
        """KGB (month, golongan, MKG step, gaji) within one rank held from ``start_m`` (before
        ``end_m``) with MKG ``mk`` months at its start: each row of the gaji table above the MKG
        that raises the gaji (asn-rules 10.3), up to the top, never on or after the pensiun."""
        col = GAJI_LANGKAH[g_code]
        mulai = self.cal.month(*GAJI_MULAI)
        current = col[0][1]
        for step, gaji in col:
            if step * 12 <= mk:
                current = gaji
        found: list[tuple[int, str, int, int | None]] = []
        for step, gaji in col:
            if step * 12 <= mk or gaji <= current:
                continue
            m = start_m + step * 12 - mk
            if m >= end_m or m >= pensiun_m:
                break
            current = gaji
            found.append((m, g_code, step, gaji if m >= mulai else None))
        return found

    # --- one employee -------------------------------------------------------------------------

    def person(self, seat_no: int, out: dict[str, list[Row]]) -> None:
        cal = self.cal
        r = self.rng
        rnd = r.random
        pos = self.pos[self.org.seats[seat_no]]
        status = self.status[seat_no]
        keluar = self.inactive[seat_no]
        pppk = status == "PPPK"
        pid = self._uuid()
        wanita = rnd() < pos.p_wanita
        nama, agama, wil = self.names.draw(r, wanita)
        bup = pos.bup
        today_m = cal.today_m

        # Kedudukan: who left, when; histories stop the month before.
        tmt_ked: str | None = None
        birth_fixed: int | None = None
        if keluar == "PENSIUN":
            retire_m = today_m - int(rnd() * 21)
            tmt_ked = cal.first(retire_m)
            now_m = retire_m - 1
            birth_fixed = now_m - bup * 12
        elif keluar is not None:
            ked_m = today_m - int(rnd() * 24)
            tmt_ked = cal.day_str(ked_m, 1 + int(rnd() * 28))
            now_m = ked_m - 1
        else:
            now_m = today_m

        # Education: family, entry level, later study.
        rumpun = self.names.rumpun[pos.rumpun[int(rnd() * len(pos.rumpun))]]
        entry = pos.edu[bisect(pos.edu_cum, rnd() * pos.edu_cum[-1])] if pos.edu else "S1"
        if pos.kind == "STRUKTURAL":
            entry = self._struct_entry(pos, rumpun)
        if pppk and entry not in EDU_PPPK:
            entry = "SLTA" if EDU_ORDER[entry] < EDU_ORDER["SLTA"] else "S1"
        start = EDU_START[entry]
        if status == "CPNS" and start < pos.lo:
            entry = "D3" if pos.jenjang in KETERAMPILAN and pos.lo <= 7 else "S1"
            start = EDU_START[entry]
        high = entry
        if not pppk and status != "CPNS":
            x = rnd()
            if pos.kind == "STRUKTURAL":
                if entry in ("SLTA", "D3") and (x < 0.85 or pos.lo > EDU_CEIL[entry]):
                    high = "S1"
                elif entry in ("S1", "D4") and x < _P_S2_STRUKTURAL[pos.jenjang]:
                    high = "S2"
                elif entry in ("S2", "PROFESI") and pos.jenjang == "JPT_PRATAMA" and x < 0.12:
                    high = "S3"
            elif entry in ("SLTA", "D3"):
                if x < (0.2 if pos.kind == "PELAKSANA" else 0.15):
                    high = "S1"
            elif entry in ("S1", "D4"):
                if x < (0.3 if pos.jenjang == "AHLI_MADYA" else 0.08):
                    high = "S2"
            elif entry == "PROFESI" and pos.jenjang != "AHLI_PERTAMA" and x < 0.15:
                high = "S2"
        pi = high in ("S1", "D4", "S2", "S3") and entry in ("SLTA", "D3") and pos.kind != "JF"
        # Former pengawas/administrator made JF by the 2021 penyetaraan (asn-rules 3.5).
        setara = (pos.kind == "JF" and not pppk and pos.family in dn.JF_PENYETARAAN
                  and pos.jenjang in ("AHLI_MUDA", "AHLI_MADYA") and cal.today.year >= 2022
                  and rnd() < 0.6)  # fmt: skip

        # Golongan range for this person in this post.
        if pppk:
            gols = [0]
            lo = hi = g_t = 0
        else:
            if pos.kind == "PELAKSANA":
                hi = min(pos.hi, EDU_CEIL["S1" if pi else entry])
            else:
                hi = pos.hi
            hi = max(hi, start)
            lo = min(max(pos.lo, start), hi)
            if status == "CPNS":
                g_t = start
            elif lo == hi or keluar == "PENSIUN" or rnd() < 0.45:
                g_t = hi
            else:
                g_t = lo + int(rnd() * (hi - lo))
            if pi and g_t >= 9:
                pi_from = min(8, start + int(rnd() * 3))
                gols = list(range(start, pi_from + 1)) + list(range(9, g_t + 1))
            else:
                if pos.kind == "PELAKSANA":
                    g_t = min(g_t, EDU_CEIL[entry])
                gols = list(range(start, g_t + 1))
                pi = False
        steps = len(gols) - 1
        ceil_entry = EDU_CEIL[entry]

        # Promotion chain, backwards from now.
        ints: list[int] = []
        kinds: list[str] = []
        for j in range(1, steps + 1):
            g = gols[j]
            if pi and g == 9:
                kinds.append("PENYESUAIAN_IJAZAH")
                ints.append(12 + int(rnd() * 30))
            elif g > (12 if pi and g >= 9 else ceil_entry) or (
                pos.kind == "JF" and not setara and g > 8 and rnd() < 0.4
            ):
                kinds.append("PILIHAN")
                ints.append(24 + int(rnd() * 25) if pos.kind == "JF" else 48 + int(rnd() * 13))
            else:
                kinds.append("REGULER")
                x = rnd()
                ints.append(
                    48 if x < 0.55 else 54 if x < 0.75 else 60 if x < 0.87 else 66 + int(rnd() * 36)
                )
        at_top = g_t == hi
        if status == "CPNS":
            t_c = 1 + int(rnd() * 10)
        elif pppk:
            t_c = 0
        elif steps == 0:
            t_c = 13 + int(rnd() * (90 if at_top else 35))
        elif at_top:
            top = 230 if pos.kind == "PELAKSANA" else 110 if pos.kind == "JF" else 84
            t_c = int((1.0 - rnd() ** 2) * top)
        else:
            t_c = int(rnd() * 44)
        age_lo, age_hi = EDU_AGE.get(entry, (22, 35))
        age_m = age_lo * 12 + 1 + int(rnd() * ((age_hi - age_lo) * 12 + 10))

        if pppk:
            tmt_cpns, kp_months, birth_m = self._pppk_dates(now_m, bup, entry, birth_fixed)
        else:
            if birth_fixed is not None:
                # Retired this year or last: the chain fills the working life.
                age_m = max(age_m, age_lo * 12 + 24)
                t_c = now_m - birth_fixed - age_m - sum(ints)
                if t_c < 0:
                    ints = [48 if k == "REGULER" else 24 for k in kinds]
                    t_c = max(0, now_m - birth_fixed - age_m - sum(ints))
            kp_months, tmt_cpns = self._chain(now_m, ints, t_c)
            birth_m = tmt_cpns - age_m
            if birth_fixed is not None:
                birth_m = birth_fixed
            else:
                limit = now_m - bup * 12 + 1
                # Someone whose chain would put them past the BUP is made younger, to a month
                # spread over the next four years (not all onto the month after the BUP, which
                # made whole cohorts retire on one date); derived from the seat, so that the
                # random stream, and everyone generated after, stay the same.
                target = limit + (seat_no * 7919) % 48
                tries = 0
                while birth_m < limit and tries < 3:
                    over = target - birth_m
                    shrink = min(over, age_m - age_lo * 12 - 1)
                    age_m -= shrink
                    over -= shrink
                    if over > 0:
                        if tries == 0:
                            t_c = max(13 if steps == 0 else 0, t_c - over - 6)
                        else:
                            ints = [48 if k == "REGULER" else 24 for k in kinds]
                            t_c = 13 if steps == 0 else 0
                        kp_months, tmt_cpns = self._chain(now_m, ints, t_c)
                    birth_m = tmt_cpns - age_m
                    tries += 1
                if birth_m < limit:  # pragma: no cover - the minimal chain always fits
                    birth_m = limit
        by = cal.year[birth_m]
        bmo = birth_m % 12 + 1
        bday = 1 + int(rnd() * cal.days[birth_m])
        tanggal_lahir = f"{cal.iso[birth_m]}-{bday:02d}"

        # Identifiers.
        sex = "2" if wanita else "1"
        birth8 = f"{by:04d}{bmo:02d}{bday:02d}"
        if pppk:
            prefix = f"{birth8}{cal.year[tmt_cpns]:04d}21{sex}"
        else:
            prefix = f"{birth8}{cal.digits[tmt_cpns]}{sex}"
        seq = self.nip_seq.get(prefix, 0) + 1
        self.nip_seq[prefix] = seq
        nip = f"{prefix}{seq:03d}"
        kec = int(rnd() * len(self.kec_nama))
        nik_prefix = (
            f"{dn.KODE_WILAYAH_NIK}{kec + 1:02d}{bday + 40 if wanita else bday:02d}"
            f"{bmo:02d}{by % 100:02d}"
        )
        nseq = self.nik_seq.get(nik_prefix, 0) + 1
        self.nik_seq[nik_prefix] = nseq
        nik = f"{nik_prefix}{nseq:04d}"
        nip_lama = None
        if not pppk and cal.year[tmt_cpns] < 2008:
            self.nip_lama += 1
            nip_lama = f"{530000000 + self.nip_lama * 7:09d}"

        # Birth place, education rows, gelar.
        wil_spec = self.names.wilayah[wil]
        p_local = 0.6 if wil_spec.kode == "NTT" else 0.12
        if rnd() < p_local:
            tempat = self.kota
        else:
            tempat = wil_spec.tempat_lahir[int(rnd() * len(wil_spec.tempat_lahir))]
        edus = self._education(
            entry, high, rumpun, wil, tempat, by, tmt_cpns, now_m, kp_months, gols, pi, agama
        )
        gelar_depan, gelar_belakang = self._gelar(edus, wanita)
        nama_lengkap = nama
        if gelar_depan:
            nama_lengkap = f"{gelar_depan} {nama_lengkap}"
        if gelar_belakang:
            nama_lengkap = f"{nama_lengkap}, {gelar_belakang}"
        for e in edus:
            out["riwayat_pendidikan"].append({
                "id": self._uuid(),
                "pegawai_id": pid,
                "tingkat_kode": e.level,
                "jurusan": e.prodi.jurusan if e.prodi else None,
                "institusi": e.institusi,
                "tahun_lulus": e.tahun,
                "nomor_ijazah": self._ijazah(e) if rnd() < 0.75 else None,
            })  # fmt: skip

        # Pangkat history.
        months_all = [tmt_cpns, *kp_months]
        tanggal_cpns = cal.first(tmt_cpns)
        if pppk:
            gol_code = EDU_PPPK[entry]
            y0 = cal.year[tmt_cpns]
            out["riwayat_pangkat"].append({
                "id": self._uuid(), "pegawai_id": pid, "golongan_kode": gol_code,
                "tmt": tanggal_cpns, "jenis": "PPPK", "mk_tahun": 0, "mk_bulan": 0,
                "nomor_sk": f"800.1.2.5/{1 + int(rnd() * 999):03d}/BKPSDM/{y0}",
                "tanggal_sk": cal.day_str(tmt_cpns - 1, 1 + int(rnd() * 28)),
            })  # fmt: skip
        else:
            reduction = MK_REDUCTION[roman_group(gols[0])]
            for j, (m, g) in enumerate(zip(months_all, gols, strict=True)):
                mk = m - tmt_cpns - reduction[g]
                mk = max(mk, 0)
                jenis = "CPNS" if j == 0 else kinds[j - 1]
                out["riwayat_pangkat"].append({
                    "id": self._uuid(), "pegawai_id": pid, "golongan_kode": GOL_PNS[g],
                    "tmt": cal.first(m), "jenis": jenis, "mk_tahun": mk // 12,
                    "mk_bulan": mk % 12,
                    "nomor_sk": self._sk("813.3" if j == 0 else "823.3", cal.year[m]),
                    "tanggal_sk": cal.day_str(m - 1 - int(rnd() * 2), 1 + int(rnd() * 28)),
                })  # fmt: skip

        # KGB: when the MKG reaches the next step of the gaji table in each rank (PPPK too), up
        # to the top, none on or after the TMT pensiun; the last 1-3 are on record. The gaji is
        # the table's (none before the table's start: PP 15/2019 is not in the reference data).
        pensiun_m = birth_m + bup * 12 + 1
        kgb_events: list[tuple[int, str, int, int | None]] = []
        if pppk:
            kgb_events = self._kgb(tmt_cpns, now_m + 1, EDU_PPPK[entry], 0, pensiun_m)
        else:
            reduction = MK_REDUCTION[roman_group(gols[0])]
            for j, (m, g) in enumerate(zip(months_all, gols, strict=True)):
                end = months_all[j + 1] if j + 1 < len(months_all) else now_m + 1
                mk = max(m - tmt_cpns - reduction[g], 0)
                kgb_events += self._kgb(m, end, GOL_PNS[g], mk, pensiun_m)
        kgb_months = [e[0] for e in kgb_events]
        keep = 1 + int(rnd() * 3)
        # The same random draws (id, SK number, SK day per row) as the earlier two-yearly
        # schedule made, so that the people generated after this one stay the same.
        draws = [
            (self._uuid(), rnd(), rnd())
            for _ in range(min(keep, len(range(tmt_cpns + 24, now_m + 1, 24))))
        ]
        for i, (m, g_code, step, gaji) in enumerate(kgb_events[-keep:]):
            year = cal.year[m]
            row_id, x_sk, x_day = draws[i] if i < len(draws) else (_kgb_id(pid, m), 0.5, 0.5)
            instansi = "BKD" if year < 2017 else "BKPSDM"
            out["riwayat_kgb"].append({
                "id": row_id, "pegawai_id": pid, "tmt": cal.first(m),
                "golongan_kode": g_code, "mk_tahun": step, "mk_bulan": 0,
                "gaji_pokok": gaji,
                "nomor_sk": f"822.4/{1 + int(x_sk * 999):03d}/{instansi}/{year}",
                "tanggal_sk": cal.day_str(m - 2, 1 + int(x_day * 28)),
            })  # fmt: skip

        # Jabatan history.
        rungs = self._jabatan(
            pos, pid, pppk, setara, entry, rumpun.kode, tmt_cpns, now_m, months_all, gols, out
        )

        # Training.
        self._diklat(pid, pos, pppk, tmt_cpns, now_m, gols[0], rungs, rumpun.kode, out)

        # Discipline (~2.5%): never while a KP or KGB falls inside a sedang/berat penalty.
        hukdis_year = -1
        if now_m - tmt_cpns >= 24 and rnd() < 0.03:
            hukdis_year = self._hukdis(pid, pos, tmt_cpns, now_m, months_all, kgb_months, out)

        # SKP, the last 3-5 years.
        penilai = self._penilai(pos)
        y_last = cal.year[now_m] - (0 if now_m % 12 == 11 else 1)
        y_last = min(y_last, cal.today.year - 1)
        y_first = max(
            y_last - 2 - int(rnd() * 3), cal.year[tmt_cpns] + (0 if tmt_cpns % 12 < 6 else 1)
        )
        p_sb = 0.35 if rnd() < 0.12 else 0.06
        skp_rows = out["riwayat_skp"]
        skp_hash = SKP_PREFIX.copy()
        skp_hash.update(f"{pid}:".encode())
        for tahun in range(y_first, y_last + 1):
            if tahun == hukdis_year:
                predikat = "KURANG" if rnd() < 0.6 else "BUTUH_PERBAIKAN"
            else:
                x = rnd()
                predikat = (
                    "SANGAT_BAIK" if x < p_sb
                    else "BUTUH_PERBAIKAN" if x < p_sb + 0.025
                    else "KURANG" if x < p_sb + 0.032
                    else "SANGAT_KURANG" if x < p_sb + 0.034
                    else "BAIK"
                )  # fmt: skip
            pairs = PREDIKAT_RATING[predikat]
            hasil, perilaku = pairs[int(rnd() * len(pairs))]
            # skp_id(pid, tahun), with the pegawai part of the name hashed once per person.
            digest = skp_hash.copy()
            digest.update(str(tahun).encode())
            h = (
                ((int.from_bytes(digest.digest()[:16], "big") & UUID_CLEAR) | UUID5_SET)
                .to_bytes(16, "big")
                .hex()
            )
            skp_rows.append({
                "id": f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}", "pegawai_id": pid,
                "tahun": tahun, "rating_hasil": hasil, "rating_perilaku": perilaku,
                "predikat_kode": predikat,
                "penilai_nama": penilai[0], "penilai_nip": penilai[1],
            })  # fmt: skip

        # Contact details.
        kel_list = self.kel_by_kec[kec]
        kel = kel_list[int(rnd() * len(kel_list))] if kel_list else self.kec_nama[kec]
        jalan = dn.NAMA_JALAN[int(rnd() * len(dn.NAMA_JALAN))]
        alamat = (
            f"{jalan} No. {1 + int(rnd() * 150)}, RT {1 + int(rnd() * 20):03d}/RW "
            f"{1 + int(rnd() * 9):03d}, Kel. {kel}, Kec. {self.kec_nama[kec]}, {self.kota}"
        )
        telepon = None
        if rnd() < 0.92:
            op = dn.KODE_OPERATOR_HP[int(rnd() * len(dn.KODE_OPERATOR_HP))]
            telepon = f"{op}{int(rnd() * 90000000) + 10000000}"
        email = None
        if rnd() < 0.7:
            slug = ".".join(nama.lower().translate(SLUG).split()[-2:])
            domain = "gmail.com" if rnd() < 0.82 else "yahoo.co.id"
            email = f"{slug}{by % 100:02d}@{domain}" if slug else None

        if status == "PNS":
            tmt_pns: str | None = cal.first(min(tmt_cpns + 12 + int(rnd() * 10), now_m))
        else:
            tmt_pns = None
        out["pegawai"].append({
            "id": pid,
            "jenis_asn": "PPPK" if pppk else "PNS",
            "nip": nip,
            "nip_lama": nip_lama,
            "nik": nik,
            "nama": nama,
            "gelar_depan": gelar_depan or None,
            "gelar_belakang": gelar_belakang or None,
            "tempat_lahir": tempat,
            "tanggal_lahir": tanggal_lahir,
            "jenis_kelamin": "P" if wanita else "L",
            "agama_kode": agama,
            "status_kepegawaian": status,
            "kedudukan": keluar or "AKTIF",
            "tmt_kedudukan": tmt_ked,
            "tmt_cpns": tanggal_cpns,
            "tmt_pns": tmt_pns,
            "alamat": alamat,
            "telepon": telepon,
            "email": email,
        })  # fmt: skip

        # Remember heads for the SKP penilai of the people generated after them.
        if keluar is None:
            if pos.kind == "STRUKTURAL":
                self.holder[pos.idx] = (nama_lengkap, nip)
            elif (
                pos.unit in self.school_like
                and pos.unit not in self.unit_kepala
                and (pos.jenjang not in ("PELAKSANA",) and not pppk and status == "PNS")
            ):
                self.unit_kepala[pos.unit] = (nama_lengkap, nip)

    # --- parts ----------------------------------------------------------------------------------

    def _struct_entry(self, pos: Pos, rumpun: dn.Rumpun) -> str:
        x = self.rng.random()
        if pos.jenjang == "PENGAWAS":
            entry = "S1" if x < 0.72 else "D3" if x < 0.88 else "SLTA" if x < 0.95 else "S2"
        elif pos.jenjang == "ADMINISTRATOR":
            entry = "S1" if x < 0.88 else "D3" if x < 0.92 else "S2"
        else:
            entry = "S1" if x < 0.9 else "S2"
        if rumpun.profesi and entry == "S1" and rumpun.kode in ("DOKTER", "DOKTER_GIGI"):
            entry = "PROFESI"
        return entry

    def _chain(self, now_m: int, ints: list[int], t_c: int) -> tuple[list[int], int]:
        """KP months (ascending) and the TMT CPNS month, built backwards from now."""
        if not ints:
            return [], now_m - t_c
        floor = self.cal.kp_floor
        m = floor[now_m - t_c]
        months = [m]
        for j in range(len(ints) - 1, 0, -1):
            m = floor[m - ints[j]]
            months.append(m)
        months.reverse()
        return months, months[0] - ints[0]

    def _pppk_dates(
        self, now_m: int, bup: int, entry: str, birth_fixed: int | None
    ) -> tuple[int, list[int], int]:
        cal = self.cal
        rnd = self.rng.random
        x = rnd()
        year = (2019 if x < 0.03 else 2020 if x < 0.07 else 2021 if x < 0.22 else 2022 if x < 0.44
                else 2023 if x < 0.62 else 2024 if x < 0.78 else 2025)  # fmt: skip
        month = (1, 3, 4, 7, 10)[int(rnd() * 5)]
        tmt = min(cal.month(year, month), now_m - 1 - int(rnd() * 3))
        age_lo = EDU_AGE.get(entry, (22, 35))[0] + 1
        age_m = age_lo * 12 + int(rnd() * (50 - age_lo) * 12)
        birth_m = tmt - age_m
        limit = now_m - bup * 12 + 13
        if birth_m < limit:
            birth_m = limit + int(rnd() * 60)
        if birth_fixed is not None:
            birth_m = birth_fixed
        return tmt, [], birth_m
