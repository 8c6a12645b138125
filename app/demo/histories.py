"""The histories of a demo employee: education and gelar, jabatan, diklat and hukuman disiplin
(pangkat, KGB and SKP are written with the person, :mod:`app.demo.people`).

:class:`Histories` is a part of :class:`app.demo.people.People`: its methods draw from the same
random stream, in the same order, so the output stays the same for a seed.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable
from dataclasses import dataclass

from app.demo import names as dn
from app.demo.common import (
    ALASAN_RINGAN,
    EDU_GRAD_AGE,
    HUKUMAN,
    JF_LABEL,
    KEAHLIAN,
    KETERAMPILAN,
    RUNG_FLOOR,
    UUID4_SET,
    UUID_CLEAR,
    Calendar,
    Names,
    Row,
)
from app.demo.organisasi import Pos


@dataclass(slots=True)
class Edu:
    """One education of an employee (a riwayat_pendidikan row before it is written)."""

    level: str
    prodi: dn.Prodi | None
    institusi: str
    tahun: int


# Generic names for past structural posts that no longer exist in the formation.
_NAMA_STRUKTURAL = {
    "PENGAWAS": ("Kepala Seksi", "IV.a"),
    "ADMINISTRATOR": ("Kepala Bidang", "III.b"),
    "JPT_PRATAMA": ("Kepala Dinas", "II.b"),
}
# JF held from the first day (no pelaksana years before).
_JF_SEJAK_AWAL = ("Guru", "Dokter", "Dokter Gigi", "Apoteker", "Medik Veteriner", "Perawat",
                  "Bidan")  # fmt: skip


S3 = (
    dn.Prodi("Ilmu Administrasi Publik", "Dr.", depan=True),
    dn.Prodi("Ilmu Manajemen", "Dr.", depan=True),
    dn.Prodi("Ilmu Pemerintahan", "Dr.", depan=True),
    dn.Prodi("Ilmu Kesehatan Masyarakat", "Dr.", depan=True),
)
# Leadership training by level: new name (from 2019), old name, JP new, JP old.
_PIM = {
    "PENGAWAS": ("Pelatihan Kepemimpinan Pengawas", "Diklat Kepemimpinan Tingkat IV", 274, 285),
    "ADMINISTRATOR": ("Pelatihan Kepemimpinan Administrator", "Diklat Kepemimpinan Tingkat III",
                      401, 360),
    "JPT_PRATAMA": ("Pelatihan Kepemimpinan Nasional Tingkat II",
                    "Diklat Kepemimpinan Tingkat II", 525, 420),
}  # fmt: skip


class Histories:
    """The history rows of one employee; mixed into :class:`app.demo.people.People`, which sets
    these attributes."""

    cal: Calendar
    rng: random.Random
    kota: str
    names: Names
    pos: list[Pos]
    unit_id: list[str]
    holder: dict[int, tuple[str, str]]
    unit_kepala: dict[int, tuple[str, str]]
    kepala_daerah: str
    pel_by_opd: dict[tuple[int, int], list[int]]
    pel_by_tier: tuple[list[int], list[int], list[int]]
    pel_all: list[int]
    struct_by_jenjang: dict[str, list[int]]
    struct_by_opd: dict[tuple[int, str], list[int]]
    jf_by_unit: dict[tuple[int, str, str], int]
    jf_by_family: dict[tuple[str, str], list[int]]
    hukuman_cum: list[float]
    prodi_pool: dict[tuple[str, str], tuple[dn.Prodi, ...]]
    peny_umum: tuple[str, ...]
    peny_latsar: tuple[str, ...]
    peny_pim: tuple[str, ...]
    _bits: Callable[[int], int]
    _rnd: Callable[[], float]

    def _uuid(self) -> str:
        h = ((self._bits(128) & UUID_CLEAR) | UUID4_SET).to_bytes(16, "big").hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def _institusi(self, level: str, rumpun: dn.Rumpun, wil: int, tempat: str, jurusan: str) -> str:
        rnd = self.rng.random
        if level in ("SLTA", "SMP", "SD"):
            n = 1 + int(rnd() * 6)
            if level == "SLTA":
                kind = "SMA" if jurusan in ("IPA", "IPS", "Bahasa") else "SMK"
                return f"{kind} Negeri {n} {tempat}"
            return f"{level} Negeri {n} {tempat}"
        x = rnd()
        if level in ("D3", "D4", "S1", "PROFESI") and rumpun.institusi_khusus and x < 0.5:
            pool = rumpun.institusi_khusus
        elif level in ("S2", "S3"):
            pool = (dn.UNIVERSITAS_NASIONAL if x < 0.5 else self.names.wilayah[wil].universitas
                    if x < 0.85 else self.names.univ_setempat[:1])  # fmt: skip
        elif x < 0.75:
            pool = self.names.wilayah[wil].universitas
        elif x < 0.9:
            pool = self.names.univ_setempat
        else:
            pool = dn.UNIVERSITAS_NASIONAL
        return pool[int(rnd() * len(pool))]

    def _prodi(self, rumpun: dn.Rumpun, level: str) -> dn.Prodi | None:
        pool = self.prodi_pool.get((rumpun.kode, level))
        if not pool:
            return None
        return pool[int(self.rng.random() * len(pool))]

    def _sk(self, kode: str, year: int) -> str:
        instansi = "BKD" if year < 2017 else "BKPSDM"
        return f"{kode}/{1 + int(self._rnd() * 999):03d}/{instansi}/{year}"

    def _education(
        self,
        entry: str,
        high: str,
        rumpun: dn.Rumpun,
        wil: int,
        tempat: str,
        by: int,
        tmt_cpns: int,
        now_m: int,
        kp_months: list[int],
        gols: list[int],
        pi: bool,
        agama: str,
    ) -> list[Edu]:
        cal = self.cal
        rnd = self.rng.random
        y_cpns = cal.year[tmt_cpns]
        y_now = cal.year[now_m]

        def grad(level: str, latest: int) -> int:
            year = by + EDU_GRAD_AGE.get(level, 22) + int(rnd() * 3)
            return min(year, latest)

        def make(level: str, year: int) -> Edu:
            if level in ("SLTA", "SMP"):
                jurusan = rumpun.slta[int(rnd() * len(rumpun.slta))] if level == "SLTA" else ""
                prodi = dn.Prodi(jurusan, "") if jurusan else None
                return Edu(level, prodi, self._institusi(level, rumpun, wil, tempat, jurusan), year)
            prodi = self._prodi(rumpun, level)
            if prodi is not None:
                if prodi.jurusan.startswith("Pendidikan Agama"):
                    jurusan, gelar = dn.PRODI_AGAMA.get(agama, ("Pendidikan Matematika", "S.Pd."))
                    prodi = dn.Prodi(jurusan, gelar)
                sebelum = dn.GELAR_SEBELUM.get(prodi.gelar)
                if sebelum is not None and year < sebelum[0]:
                    prodi = prodi._replace(gelar=sebelum[1])
            return Edu(level, prodi, self._institusi(level, rumpun, wil, tempat, ""), year)

        entry_year = grad(entry, y_cpns)
        out: list[Edu] = []
        if high != entry:
            first = make(entry, entry_year)
            if pi:
                # The diploma came shortly before the penyesuaian ijazah.
                idx = next((j for j, g in enumerate(gols) if g >= 9 and j > 0), 0)
                latest = cal.year[kp_months[idx - 1]] if idx > 0 else y_now
            else:
                latest = y_now
            low = max(entry_year + 2, y_cpns + 1)
            year = min(latest, low + int(rnd() * 8))
            year = max(year, min(low, latest))
            second = make(high, year)
            if high == "S3":
                second.prodi = S3[int(rnd() * len(S3))]
            out = [first, second]
        elif entry == "PROFESI":
            s1 = make("S1", entry_year - 1 - int(rnd() * 2))
            s1.prodi = rumpun.s1[0] if rumpun.s1 else s1.prodi
            prof = make("PROFESI", entry_year)
            prof.institusi = s1.institusi
            out = [s1, prof]
        elif entry == "S2":
            out = [make("S1", entry_year - 2 - int(rnd() * 2)), make("S2", entry_year)]
        elif entry in ("S1", "D4", "D3") and rnd() < 0.3:
            out = [make("SLTA", by + 18), make(entry, entry_year)]
        elif entry == "SLTA" and rnd() < 0.2:
            out = [make("SMP", by + 15), make(entry, entry_year)]
        else:
            out = [make(entry, entry_year)]
        return out

    @staticmethod
    def _gelar(edus: list[Edu], wanita: bool) -> tuple[str, str]:
        depan: list[str] = []
        belakang: list[str] = []
        levels = [e.level for e in edus]
        top = edus[-1].level
        for e in edus:
            p = e.prodi
            if p is None or not p.gelar:
                continue
            if e.level == "D3" and top != "D3":
                continue
            if e.level in ("SLTA", "SMP"):
                continue
            if e.level == "S1" and "PROFESI" in levels:
                prof = edus[levels.index("PROFESI")].prodi
                if prof is not None and not prof.simpan_s1:
                    continue
            if p.depan:
                depan.append(p.gelar)
            elif e.level == "S1" and e.tahun <= dn.TAHUN_GELAR_LAMA and p.gelar in dn.GELAR_S1_LAMA:
                lama = dn.GELAR_S1_LAMA[p.gelar]
                depan.append("Dra." if lama == "Drs." and wanita else lama)
            else:
                belakang.append(p.gelar)
        if "Dr." in depan:
            depan.remove("Dr.")
            depan.insert(0, "Dr.")
        return " ".join(depan), ", ".join(belakang)

    def _ijazah(self, e: Edu) -> str:
        n = int(self.rng.random() * 9_000_000) + 1_000_000
        if e.level in ("SLTA", "SMP"):
            kode = "Ma" if e.level == "SLTA" else "Mp"
            return f"DN-{24 if e.tahun >= 2000 else 53} {kode} {n:07d}"
        if e.tahun >= 2019:
            return f"{n % 1000:03d}{e.tahun}{n:07d}"
        return f"{n % 100000:05d}/{e.level}/{e.tahun}"

    def _penilai(self, pos: Pos) -> tuple[str | None, str | None]:
        if pos.kind != "STRUKTURAL" and pos.unit in self.unit_kepala:
            return self.unit_kepala[pos.unit]
        a = pos.atasan
        while a is not None:
            found = self.holder.get(a)
            if found is not None:
                return found
            a = self.pos[a].atasan
        return self.kepala_daerah, None

    def _pick_struct(self, jenjang: str, opd: int, avoid: int) -> int | None:
        r = self.rng.random
        pool = self.struct_by_opd.get((opd, jenjang)) if r() < 0.65 else None
        if not pool:
            pool = self.struct_by_jenjang.get(jenjang)
        if not pool:
            return None
        for _ in range(3):
            idx = pool[int(r() * len(pool))]
            if idx != avoid:
                return idx
        return None

    def _pick_pel(self, opd: int, tier: int, avoid: int) -> int | None:
        r = self.rng.random
        pool = self.pel_by_opd.get((opd, tier)) if r() < 0.7 else None
        if not pool:
            pool = self.pel_by_tier[tier] or self.pel_by_tier[1] or self.pel_all
        if not pool:
            return None
        idx = pool[int(r() * len(pool))]
        return None if idx == avoid else idx

    def _pick_jf(self, unit: int, family: str, jenjang: str, avoid: int) -> int | None:
        found = self.jf_by_unit.get((unit, family, jenjang))
        if found is not None and found != avoid and self.rng.random() < 0.7:
            return found
        pool = self.jf_by_family.get((family, jenjang))
        if not pool:
            return found if found != avoid else None
        idx = pool[int(self.rng.random() * len(pool))]
        return None if idx == avoid else idx

    def _jabatan(
        self,
        pos: Pos,
        pid: str,
        pppk: bool,
        setara: bool,
        entry: str,
        rumpun: str,
        tmt_cpns: int,
        now_m: int,
        months_all: list[int],
        gols: list[int],
        out: dict[str, list[Row]],
    ) -> list[tuple[str, int]]:
        """Writes riwayat_jabatan rows; returns [(jenjang, month)] of the posts held."""
        cal = self.cal
        rnd = self.rng.random
        cur = pos.idx
        tier = 0 if entry == "SLTA" else 1 if entry == "D3" else 2
        # The posts before the current one: (kind, family, jenjang). kind: PEL (pelaksana),
        # STR (structural), JF, SAME (another post like the current one).
        ladder: list[tuple[str, str, str]] = []
        penyetaraan = False
        if pppk:
            if rnd() < 0.15:
                ladder = [("SAME", pos.family, pos.jenjang)]
        elif pos.kind == "STRUKTURAL":
            if entry == "PROFESI" and rumpun in ("DOKTER", "DOKTER_GIGI"):
                first = ("JF", "Dokter" if rumpun == "DOKTER" else "Dokter Gigi", "AHLI_PERTAMA")
            elif rumpun == "PENDIDIKAN" and rnd() < 0.6:
                first = ("JF", "Guru", "AHLI_PERTAMA")
            else:
                first = ("PEL", "", "PELAKSANA")
            levels = ("PENGAWAS", "ADMINISTRATOR", "JPT_PRATAMA")
            ladder = [first] + [("STR", "", lv) for lv in levels[: levels.index(pos.jenjang)]]
        elif pos.kind == "JF":
            family_levels = KETERAMPILAN if pos.jenjang in KETERAMPILAN else KEAHLIAN
            upto = family_levels.index(pos.jenjang)
            if pos.family == "Pengawas Sekolah":
                ladder = [("JF", "Guru", lv) for lv in KEAHLIAN[: upto + 1]]
            elif setara and cal.year[tmt_cpns] <= 2013:
                penyetaraan = True
                ladder = [("PEL", "", "PELAKSANA"), ("STR", "", "PENGAWAS")]
                if upto >= 2:
                    ladder.append(("STR", "", "ADMINISTRATOR"))
            else:
                first_level = 1 if family_levels is KETERAMPILAN and gols[0] >= 7 else 0
                ladder = [("JF", pos.family, lv) for lv in family_levels[first_level:upto]]
                if (family_levels is KEAHLIAN and len(ladder) < 3 and rnd() < 0.3
                        and pos.family not in _JF_SEJAK_AWAL):  # fmt: skip
                    ladder.insert(0, ("PEL", "", "PELAKSANA"))
        elif rnd() < 0.35:
            ladder = [("PEL", "", "PELAKSANA")]

        # Dates: the first post at the TMT CPNS; each next one after the KP that reached its
        # pangkat floor; the current one last.
        n = len(ladder) + 1
        months = [tmt_cpns]
        for j in range(1, n):
            jenjang = ladder[j][2] if j < n - 1 else pos.jenjang
            floor = RUNG_FLOOR.get(jenjang, 0)
            base = next((m for m, g in zip(months_all, gols, strict=False) if g >= floor), None)
            if base is None or base <= tmt_cpns:
                base = months[-1] + 12 + int(rnd() * 36)
            else:
                base += int(rnd() * 18)
            months.append(max(base, months[-1] + 6 + int(rnd() * 12)))
        if penyetaraan:
            months[-1] = cal.month(2021, 12)
        if n > 1 and months[-1] > now_m:
            months[-1] = now_m - int(rnd() * 4)
        for j in range(n - 2, 0, -1):
            if months[j] >= months[j + 1] - 3:
                months[j] = months[j + 1] - 6 - int(rnd() * 6)
        if n > 1 and months[-1] <= months[0]:
            months[-1] = min(now_m, months[0] + 1 + int(rnd() * 6))
        if n > 1 and months[-1] <= months[0]:
            ladder, months, n = [], [months[0]], 1
        keep = [j for j in range(1, n - 1) if months[0] < months[j] < months[-1]]
        if len(keep) < n - 2:
            ladder = [ladder[0]] + [ladder[j] for j in keep]
            months = [months[0]] + [months[j] for j in keep] + [months[-1]]
            n = len(months)
        # Rotation: a structural holder long at the same level moved once.
        if pos.kind == "STRUKTURAL" and months[-1] < now_m - 60 and rnd() < 0.7:
            ladder.append(("STR", "", pos.jenjang))
            months.append(now_m - int(rnd() * 54))
            n += 1
        while n > 4:
            del ladder[1]
            del months[1]
            n -= 1

        rungs: list[tuple[str, int]] = []
        unit = pos.unit
        for j in range(n):
            m = months[j]
            prev = ladder[j - 1] if j >= 1 else None
            if j == n - 1:
                target: int | None = cur
                kind, family, jenjang = (
                    "STR" if pos.kind == "STRUKTURAL" else "JF" if pos.kind == "JF" else "PEL",
                    pos.family, pos.jenjang,
                )  # fmt: skip
            else:
                kind, family, jenjang = ladder[j]
                if kind == "SAME":
                    target = (self._pick_jf(-1, family, jenjang, cur) if pos.kind == "JF"
                              else self._pick_pel(pos.opd, tier, cur))  # fmt: skip
                    kind = "JF" if pos.kind == "JF" else "PEL"
                elif kind == "PEL":
                    target = self._pick_pel(pos.opd, tier, cur)
                elif kind == "STR":
                    target = self._pick_struct(jenjang, pos.opd, cur)
                else:
                    target = self._pick_jf(
                        unit if family == pos.family else -1, family, jenjang, cur
                    )
            if j == 0:
                alasan = "PENGANGKATAN"
            elif j == n - 1 and penyetaraan:
                alasan = "PENYETARAAN"
            elif prev is not None and (
                prev[0] == "SAME" or (kind == prev[0] and jenjang == prev[2])
            ):
                alasan = "MUTASI"
            elif kind == "JF":
                alasan = ("KENAIKAN_JENJANG" if prev is not None and prev[0] == "JF"
                          and prev[1] == family else "PERPINDAHAN")  # fmt: skip
            elif kind == "STR":
                alasan = "PROMOSI"
            else:
                alasan = "MUTASI"
            if target is not None:
                t = self.pos[target]
                row_nama, jenis, jenjang, eselon = t.nama, t.jenis, t.jenjang, t.eselon
                unit_id: str | None = self.unit_id[t.unit]
                jab_id: str | None = t.id
            else:
                if kind == "JF":
                    row_nama, jenis, eselon = f"{family} {JF_LABEL[jenjang]}", "JF", None
                elif kind == "STR":
                    row_nama, eselon = _NAMA_STRUKTURAL[jenjang]
                    jenis = "JPT" if jenjang == "JPT_PRATAMA" else "JA"
                else:
                    row_nama, jenis, eselon = "Pengadministrasi Umum", "JA", None
                unit_id, jab_id = self.unit_id[unit], None
            if penyetaraan and j == n - 1:
                tmt = "2021-12-31"
            elif j == 0:
                tmt = cal.first(m)
            else:
                tmt = cal.day_str(m, 1 + int(rnd() * 28))
            out["riwayat_jabatan"].append({
                "id": self._uuid(), "pegawai_id": pid, "jabatan_id": jab_id,
                "nama_jabatan": row_nama, "jenis_kode": jenis, "jenjang_kode": jenjang,
                "eselon_kode": eselon, "unit_id": unit_id, "tmt": tmt, "alasan": alasan,
                "nomor_sk": self._sk("821.2" if not pppk else "800.1.2.5", cal.year[m]),
                "tanggal_sk": cal.day_str(m - int(rnd() * 2), 1 + int(rnd() * 20)),
            })  # fmt: skip
            rungs.append((jenjang, m))
        return rungs

    def _diklat(
        self,
        pid: str,
        pos: Pos,
        pppk: bool,
        tmt_cpns: int,
        now_m: int,
        gol0: int,
        rungs: list[tuple[str, int]],
        rumpun: str,
        out: dict[str, list[Row]],
    ) -> None:
        cal = self.cal
        rnd = self.rng.random
        rows = out["riwayat_diklat"]
        kota = self.kota

        def add(
            jenis: str,
            nama: str,
            penyelenggara: str,
            m: int,
            days: int,
            jp: int,
            sertifikat: str | None,
        ) -> None:
            d = 1 + int(rnd() * 20)
            if days <= 20:
                m2, d2 = m, min(d + days - 1, 28)
            else:
                m2, d2 = m + days // 30, 1 + int(rnd() * 28)
            if m2 > now_m:
                return
            rows.append({
                "id": self._uuid(), "pegawai_id": pid, "jenis": jenis, "nama": nama,
                "penyelenggara": penyelenggara,
                "tanggal_mulai": cal.day_str(m, d), "tanggal_selesai": cal.day_str(m2, d2),
                "jam_pelajaran": jp, "nomor_sertifikat": sertifikat,
            })  # fmt: skip

        def cert(prefix: str, m: int) -> str | None:
            if rnd() < 0.15:
                return None
            return f"{prefix}/{1 + int(rnd() * 9999):04d}/{cal.year[m]}"

        if pppk:
            m = tmt_cpns + 1 + int(rnd() * 6)
            if m <= now_m:
                add(
                    "TEKNIS",
                    "Orientasi Pegawai Pemerintah dengan Perjanjian Kerja",
                    f"BKPSDM {kota}",
                    m,
                    3,
                    24,
                    cert("ORIENTASI-PPPK", m),
                )
        else:
            m = tmt_cpns + 2 + int(rnd() * 9)
            if m <= now_m:
                group = "III" if gol0 >= 9 else "II" if gol0 >= 5 else "I"
                if cal.year[m] >= 2018:
                    nama, jp, pre = f"Pelatihan Dasar CPNS Golongan {group}", 280, "LATSAR"
                else:
                    nama, jp, pre = (
                        f"Pendidikan dan Pelatihan Prajabatan Golongan {group}",
                        216,
                        "PRAJAB",
                    )
                peny = self.peny_latsar[int(rnd() * len(self.peny_latsar))]
                add("LATSAR", nama, peny, m, 50, jp, cert(pre, m))
        trained: set[str] = set()
        for jenjang, m0 in rungs:
            name = _PIM.get(jenjang)
            m = m0 + 3 + int(rnd() * 18)
            if name is not None and m <= now_m and jenjang not in trained:
                trained.add(jenjang)
                new, old, jp_new, jp_old = name
                new_era = cal.year[m] >= 2019
                peny = self.peny_pim[int(rnd() * len(self.peny_pim))]
                add(
                    "STRUKTURAL",
                    new if new_era else old,
                    peny,
                    m,
                    90,
                    jp_new if new_era else jp_old,
                    cert("PIM", m),
                )
        if pos.kind == "JF" and rnd() < 0.6:
            first_jf = next(((j, m) for j, m in rungs if j in JF_LABEL), None)
            if first_jf is not None:
                m = first_jf[1] + 2 + int(rnd() * 12)
                if pos.family == "Guru":
                    if cal.year[m] >= 2018:
                        add(
                            "FUNGSIONAL",
                            "Pendidikan Profesi Guru Dalam Jabatan",
                            "Kementerian Pendidikan Dasar dan Menengah",
                            m,
                            120,
                            500,
                            cert("PPG", m),
                        )
                    else:
                        add(
                            "FUNGSIONAL",
                            "Pendidikan dan Latihan Profesi Guru",
                            "Kementerian Pendidikan dan Kebudayaan",
                            m,
                            10,
                            90,
                            cert("PLPG", m),
                        )
                else:
                    add(
                        "FUNGSIONAL",
                        f"Pelatihan Fungsional {pos.family} {JF_LABEL[first_jf[0]]}",
                        self.peny_umum[int(rnd() * len(self.peny_umum))],
                        m,
                        10,
                        80,
                        cert("JF", m),
                    )
        teknis = dn.DIKLAT_TEKNIS_RUMPUN.get(rumpun, ())
        start = max(tmt_cpns + 6, now_m - 120)
        if start < now_m:
            for _ in range(int(rnd() * min(4, 1 + (now_m - start) // 12))):
                pool = teknis if teknis and rnd() < 0.55 else dn.DIKLAT_TEKNIS_UMUM
                nama, jp = pool[int(rnd() * len(pool))]
                m = start + int(rnd() * (now_m - start))
                peny = self.peny_umum[int(rnd() * len(self.peny_umum))]
                add(
                    "TEKNIS",
                    nama,
                    peny,
                    m,
                    max(1, jp // 8),
                    jp,
                    cert("TEKNIS", m) if rnd() < 0.7 else None,
                )

    def _hukdis(
        self,
        pid: str,
        pos: Pos,
        tmt_cpns: int,
        now_m: int,
        months_all: list[int],
        kgb_months: list[int],
        out: dict[str, list[Row]],
    ) -> int:
        cal = self.cal
        rnd = self.rng.random
        lo = max(tmt_cpns + 12, now_m - 60)
        if lo >= now_m:
            return -1
        m = lo + int(rnd() * (now_m - lo))
        kode, _w, months, d_lo, d_hi = HUKUMAN[
            bisect(self.hukuman_cum, rnd() * self.hukuman_cum[-1])
        ]
        if months and pos.kind != "JF" and kode in ("PENURUNAN_JABATAN", "PEMBEBASAN_JABATAN"):
            kode, _w, months, d_lo, d_hi = HUKUMAN[5]
        if months:
            end = m + months
            if any(m <= x < end for x in months_all) or any(m <= x < end for x in kgb_months):
                kode, _w, months, d_lo, d_hi = HUKUMAN[int(rnd() * 3)]
        day = 1 + int(rnd() * 28)
        year = cal.year[m]
        if months or rnd() < 0.7:
            hari = d_lo + int(rnd() * (d_hi - d_lo + 1))
            alasan = (
                f"Tidak masuk kerja tanpa alasan yang sah selama {hari} hari kerja "
                f"dalam tahun {year}"
            )
        else:
            alasan = ALASAN_RINGAN[int(rnd() * len(ALASAN_RINGAN))]
        out["riwayat_hukdis"].append({
            "id": self._uuid(), "pegawai_id": pid, "hukuman_kode": kode,
            "nomor_sk": f"862.3/{1 + int(rnd() * 999):03d}/BKPSDM/{year}",
            "tanggal_sk": cal.day_str(m - 1, 1 + int(rnd() * 28)),
            "tmt_mulai": cal.day_str(m, day),
            "tmt_selesai": f"{cal.iso[m + months]}-{day:02d}" if months else None,
            "alasan": alasan,
        })  # fmt: skip
        return year if months else -1
