"""The demo organisation: about 40 perangkat daerah with their structural posts, schools and
puskesmas, and the JF/pelaksana formation (``jabatan.kebutuhan``), which grows with the number of
employees so that the total formation is about 1.1 x employees; then who sits where (structural
posts first, JF and pelaksana posts in proportion to their formation, some short and a few
over-filled).
"""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass

from app.demo import names as dn
from app.demo.common import (
    BUP_DEFAULT,
    BUP_JENJANG,
    EDU_ORDER,
    EDU_START,
    ESELON,
    GOL_INDEX,
    GOL_PNS,
    JF_GOL,
    JF_KELAS,
    JF_LABEL,
    KETERAMPILAN,
    P_KOSONG,
    TINGKAT,
    Row,
    allocate,
    cumulative,
    uuid4_from,
)


@dataclass(slots=True)
class Unit:
    """A demo unit (``unit_organisasi`` row) with its place in the tree."""

    idx: int
    id: str
    induk: int | None
    kode: str
    nama: str
    singkatan: str | None
    jenis: str
    eselon: str | None
    urutan: int
    alamat: str
    opd: int
    head: int | None = None
    children: int = 0


@dataclass(slots=True)
class Pos:
    """A demo position (``jabatan`` row) with what the generator needs to fill it."""

    idx: int
    id: str
    unit: int
    nama: str
    jenis: str  # JPT, JA, JF
    jenjang: str
    eselon: str | None
    kelas: int
    kebutuhan: int
    gol_min: str | None
    pend_min: str | None
    atasan: int | None
    bup_tahun: int | None  # stored override (guru 60)
    kind: str  # STRUKTURAL, JF, PELAKSANA
    family: str  # JF nama, pelaksana nama, or "" for structural
    rumpun: tuple[str, ...]
    lo: int
    hi: int
    bup: int
    rank: int
    opd: int
    group: str
    weight: float
    p_wanita: float
    edu: tuple[str, ...] = ()
    edu_cum: tuple[float, ...] = ()
    nakes: bool = False


_P_WANITA = {
    "Guru": 0.68, "Perawat": 0.72, "Bidan": 1.0, "Dokter": 0.6, "Dokter Gigi": 0.72,
    "Apoteker": 0.78, "Asisten Apoteker": 0.8, "Nutrisionis": 0.85, "Perekam Medis": 0.65,
    "Pranata Laboratorium Kesehatan": 0.72, "Polisi Pamong Praja": 0.18,
    "Pemadam Kebakaran": 0.04, "Penguji Kendaraan Bermotor": 0.1, "Teknik Jalan dan Jembatan": 0.2,
    "Teknik Pengairan": 0.25, "Operator Layanan Operasional": 0.2,
    "Pengadministrasi Perkantoran": 0.62, "Penyuluh Keluarga Berencana": 0.7,
    "Pekerja Sosial": 0.6, "Pustakawan": 0.65, "Arsiparis": 0.6,
}  # fmt: skip


_P_WANITA_STRUKTURAL = {"JPT_PRATAMA": 0.22, "ADMINISTRATOR": 0.34, "PENGAWAS": 0.45}

_JF: dict[str, dn.JenisFungsional] = {j.nama: j for j in dn.JABATAN_FUNGSIONAL}


class Org:
    """Builds the units and positions and decides who sits where."""

    def __init__(self, employees: int, rng: random.Random, kota: str) -> None:
        self.rng = rng
        self.kota = kota
        self.units: list[Unit] = []
        self.pos: list[Pos] = []
        self._build_structure()
        self._build_formation(employees)

    # --- helpers ------------------------------------------------------------------------------

    def _uuid(self) -> str:
        return uuid4_from(self.rng.getrandbits(128))

    def _alamat(self) -> str:
        r = self.rng
        jalan = dn.NAMA_JALAN[int(r.random() * len(dn.NAMA_JALAN))]
        return f"{jalan} No. {1 + int(r.random() * 120)}, {self.kota}"

    def _unit(
        self,
        induk: int | None,
        nama: str,
        jenis: str,
        eselon: str | None,
        singkatan: str | None = None,
    ) -> int:
        idx = len(self.units)
        if induk is None:
            urutan = sum(1 for u in self.units if u.induk is None) + 1
            kode = f"{urutan:02d}"
            opd = idx
        else:
            parent = self.units[induk]
            parent.children += 1
            urutan = parent.children
            kode = f"{parent.kode}.{urutan:02d}"
            opd = parent.opd
        self.units.append(
            Unit(
                idx=idx, id=self._uuid(), induk=induk, kode=kode, nama=nama, singkatan=singkatan,
                jenis=jenis, eselon=eselon, urutan=urutan, alamat=self._alamat(), opd=opd,
            )
        )  # fmt: skip
        return idx

    def _head_of(self, unit: int | None) -> int | None:
        while unit is not None:
            u = self.units[unit]
            if u.head is not None:
                return u.head
            unit = u.induk
        return None

    def _struct(
        self,
        unit: int,
        nama: str,
        eselon: str,
        rumpun: tuple[str, ...],
        *,
        head: bool = True,
        atasan: int | None = None,
        top: bool = False,
    ) -> int:
        jenis, jenjang, lo, hi, kelas, rank = ESELON[eselon]
        if atasan is None and not top:
            atasan = self._head_of(unit if not head else self.units[unit].induk)
            if atasan is None:
                atasan = self.sekda
        idx = len(self.pos)
        pos = Pos(
            idx=idx, id=self._uuid(), unit=unit, nama=nama, jenis=jenis, jenjang=jenjang,
            eselon=eselon, kelas=kelas, kebutuhan=1, gol_min=GOL_PNS[lo],
            pend_min="S1" if jenjang != "PENGAWAS" else "D3", atasan=atasan, bup_tahun=None,
            kind="STRUKTURAL", family="", rumpun=rumpun, lo=lo, hi=hi,
            bup=BUP_JENJANG.get(jenjang, BUP_DEFAULT), rank=rank, opd=self.units[unit].opd,
            group="STRUKTURAL", weight=0.0, p_wanita=_P_WANITA_STRUKTURAL[jenjang],
        )  # fmt: skip
        self.pos.append(pos)
        if head:
            self.units[unit].head = idx
        return idx

    # --- structure ----------------------------------------------------------------------------

    def _build_structure(self) -> None:
        self.sekda = -1
        self.opd_spec: list[
            tuple[
                int,
                float,
                tuple[tuple[str, float], ...],
                tuple[str, ...],
                float,
                tuple[str, ...],
                str,
            ]
        ] = []
        # Sekretariat Daerah
        setda = self._unit(None, dn.SETDA_NAMA, "OPD", "II.a", "Setda")
        self.sekda = self._struct(setda, "Sekretaris Daerah", "II.a", dn.SETDA_RUMPUN, top=True)
        self.pos[self.sekda].atasan = None
        for asisten_nama, bagian_list in dn.SETDA_ASISTEN:
            asisten = self._struct(
                setda, asisten_nama, "II.b", dn.SETDA_RUMPUN, head=False, atasan=self.sekda
            )
            for bagian_nama, subbagian in bagian_list:
                bagian = self._unit(setda, bagian_nama, "BAGIAN", "III.a")
                self._struct(
                    bagian, f"Kepala {bagian_nama}", "III.a", dn.SETDA_RUMPUN, atasan=asisten
                )
                for sub in subbagian:
                    unit = self._unit(bagian, sub, "SUBBAGIAN", "IV.a")
                    self._struct(unit, f"Kepala {sub}", "IV.a", dn.SETDA_RUMPUN)
        self.opd_spec.append((setda, dn.SETDA_BOBOT, dn.SETDA_JF, dn.SETDA_RUMPUN, 0.55, (), "OPD"))
        # Dinas, badan, ...
        for spec in dn.OPD:
            nama = spec.nama.format(kota=self.kota)
            root = self._unit(None, nama, "OPD", spec.eselon, spec.singkatan)
            self._struct(root, spec.kepala.format(kota=self.kota), spec.eselon, spec.rumpun)
            if spec.sekretariat:
                if spec.sekretariat_nama == "Sekretariat":
                    sek_nama, sek_kepala = f"Sekretariat {nama}", f"Sekretaris {nama}"
                else:
                    sek_nama, sek_kepala = spec.sekretariat_nama, f"Kepala {spec.sekretariat_nama}"
                sek = self._unit(root, sek_nama, "SEKRETARIAT", spec.sekretariat_eselon)
                self._struct(sek, sek_kepala, spec.sekretariat_eselon, spec.rumpun)
                for sub in spec.sekretariat:
                    unit = self._unit(sek, sub, "SUBBAGIAN", "IV.a")
                    self._struct(unit, f"Kepala {sub}", "IV.a", spec.rumpun)
            for bidang in spec.bidang:
                unit = self._unit(root, bidang, spec.bidang_jenis, spec.bidang_eselon)
                kepala = (
                    bidang.replace("Inspektorat Pembantu", "Inspektur Pembantu")
                    if bidang.startswith("Inspektorat Pembantu")
                    else f"Kepala {bidang}"
                )
                self._struct(unit, kepala, spec.bidang_eselon, spec.rumpun)
            for upt in spec.upt:
                unit = self._unit(root, upt, "UPT", "IV.a")
                self._struct(unit, f"Kepala {upt}", "IV.a", spec.rumpun)
            group = "RSUD" if spec.singkatan == dn.RSUD_SINGKATAN else "OPD"
            self.opd_spec.append(
                (
                    root,
                    spec.bobot,
                    spec.jf,
                    spec.rumpun,
                    spec.p_pelaksana,
                    spec.pelaksana_khusus,
                    group,
                )
            )
            if spec.singkatan == "Dinkes":
                self.dinkes = root
        # Kecamatan and kelurahan
        self.kelurahan: list[tuple[int, int]] = []  # (kecamatan number, unit)
        for no, kec in enumerate(dn.KECAMATAN, start=1):
            rumpun = dn.KECAMATAN_RUMPUN
            root = self._unit(None, f"Kecamatan {kec.nama}", "KECAMATAN", "III.a")
            self._struct(root, f"Camat {kec.nama}", "III.a", rumpun)
            sek = self._unit(root, f"Sekretariat Kecamatan {kec.nama}", "SEKRETARIAT", "III.b")
            self._struct(sek, f"Sekretaris Kecamatan {kec.nama}", "III.b", rumpun)
            for sub in dn.KECAMATAN_SUBBAGIAN:
                unit = self._unit(sek, sub, "SUBBAGIAN", "IV.b")
                self._struct(unit, f"Kepala {sub}", "IV.b", rumpun)
            for seksi in dn.KECAMATAN_SEKSI:
                unit = self._unit(root, seksi, "SEKSI", "IV.a")
                self._struct(unit, f"Kepala {seksi}", "IV.a", rumpun)
            for kel in kec.kelurahan:
                unit = self._unit(root, f"Kelurahan {kel}", "KELURAHAN", "IV.a")
                lurah = self._struct(unit, f"Lurah {kel}", "IV.a", rumpun)
                self._struct(
                    unit, f"Sekretaris Kelurahan {kel}", "IV.b", rumpun, head=False, atasan=lurah
                )
                for kasi in dn.KELURAHAN_KASI:
                    self._struct(unit, kasi, "IV.b", rumpun, head=False, atasan=lurah)
                self.kelurahan.append((no, unit))
            self.opd_spec.append(
                (root, dn.KECAMATAN_BOBOT, dn.KECAMATAN_JF, rumpun, 0.8, (), "OPD")
            )
        self.n_struct = len(self.pos)
        by_name = {u.nama: u.idx for u in self.units}
        self.bidang_sd = by_name["Bidang Pembinaan Sekolah Dasar"]
        self.bidang_smp = by_name["Bidang Pembinaan Sekolah Menengah Pertama"]

    # --- formation ----------------------------------------------------------------------------

    def _add(
        self,
        unit: int,
        family: str,
        jenjang: str,
        weight: float,
        group: str,
        rumpun: tuple[str, ...],
    ) -> None:
        """A JF (family in _JF) or pelaksana position, kebutuhan decided later."""
        opd = self.units[unit].opd
        atasan = self._head_of(unit)
        if jenjang == "PELAKSANA":
            spec = dn.PELAKSANA_BY_NAMA[family]
            levels = tuple(p for p, _ in spec.pendidikan)
            pend_min = min(levels, key=lambda e: EDU_ORDER[e])
            pos = Pos(
                idx=0, id="", unit=unit, nama=family, jenis="JA", jenjang="PELAKSANA",
                eselon=None, kelas=spec.kelas, kebutuhan=0, gol_min=GOL_PNS[EDU_START[pend_min]],
                pend_min=pend_min, atasan=atasan, bup_tahun=None, kind="PELAKSANA",
                family=family, rumpun=rumpun, lo=0, hi=GOL_INDEX[spec.gol_maks],
                bup=BUP_DEFAULT, rank=9, opd=opd, group=group, weight=weight,
                p_wanita=_P_WANITA.get(family, 0.5),
            )  # fmt: skip
            pos.edu = levels
            pos.edu_cum = tuple(cumulative([w for _, w in spec.pendidikan]))
        else:
            jf = _JF[family]
            lo, hi = JF_GOL[jenjang]
            if jenjang in KETERAMPILAN:
                pend_min = "SLTA" if jenjang == "PEMULA" else jf.pendidikan_min_terampil
            elif jf.rumpun in ("DOKTER", "DOKTER_GIGI", "VETERINER") or family == "Apoteker":
                pend_min = "PROFESI"
            elif jf.rumpun == "BIDAN":
                pend_min = "D4"
            else:
                pend_min = "S1"
            bup = jf.bup_tahun or BUP_JENJANG.get(jenjang, BUP_DEFAULT)
            pos = Pos(
                idx=0, id="", unit=unit, nama=f"{family} {JF_LABEL[jenjang]}", jenis="JF",
                jenjang=jenjang, eselon=None, kelas=JF_KELAS[jenjang], kebutuhan=0,
                gol_min=GOL_PNS[lo], pend_min=pend_min, atasan=atasan, bup_tahun=jf.bup_tahun,
                kind="JF", family=family, rumpun=(jf.rumpun,), lo=lo, hi=hi, bup=bup, rank=9,
                opd=opd, group=group, weight=weight, p_wanita=_P_WANITA.get(family, 0.5),
                nakes=jf.nakes,
            )  # fmt: skip
            pos.edu, cum = self._jf_edu(jf, jenjang, pend_min)
            pos.edu_cum = tuple(cumulative(cum))
        self.pos.append(pos)

    @staticmethod
    def _jf_edu(
        jf: dn.JenisFungsional, jenjang: str, pend_min: str
    ) -> tuple[tuple[str, ...], list[float]]:
        if jenjang == "PEMULA":
            return ("SLTA",), [1.0]
        if jenjang in KETERAMPILAN:
            if pend_min == "SLTA":
                return ("SLTA", "D3"), [0.7, 0.3]
            return ("D3",), [1.0]
        if pend_min == "PROFESI":
            return ("PROFESI", "S2"), [0.85, 0.15]
        if jf.rumpun == "PERAWAT":
            return ("PROFESI", "S1", "D4", "S2"), [0.72, 0.1, 0.08, 0.1]
        if jf.rumpun == "BIDAN":
            return ("D4", "S1", "PROFESI", "S2"), [0.6, 0.15, 0.1, 0.15]
        if jenjang in ("AHLI_MADYA", "AHLI_UTAMA"):
            return ("S1", "S2"), [0.65, 0.35]
        return ("S1", "S2"), [0.88, 0.12]

    def _build_formation(self, employees: int) -> None:
        r = self.rng
        n_struct = self.n_struct
        # Structural posts: a few vacant; when there are few employees, the JPT posts first,
        # then administrators and pengawas mixed. Holders are generated top-down (penilai).
        keys = [
            (0.0 if p.rank <= 1 else 1.0 + r.random() + (0.2 if p.rank >= 4 else 0.0))
            for p in self.pos[:n_struct]
        ]  # fmt: skip
        order = sorted(range(n_struct), key=lambda i: keys[i])
        candidates = [i for i in order if r.random() >= P_KOSONG[self.pos[i].rank]]
        filled_struct = candidates[: min(len(candidates), round(employees * 0.25))]
        filled_struct.sort(key=lambda i: (self.pos[i].rank, i))
        others = employees - len(filled_struct)
        ratio = 1.06 + r.random() * 0.06
        formation = round(employees * ratio) - n_struct
        if formation < others * 1.03:  # few employees: the structural posts stay mostly vacant
            formation = round(others * ratio)
        shares = {"SD": 0.30, "SMP": 0.14, "PKM": 0.10, "RSUD": 0.07, "OPD": 0.39}
        budget = allocate(formation, list(shares.values()))
        group_total = dict(zip(shares, budget, strict=True))

        # Schools and puskesmas (their number grows with the formation).
        sd_size = sum(w for _, w in dn.SD_FORMASI)
        smp_size = sum(w for _, w in dn.SMP_FORMASI)
        pkm_size = sum(w for _, w in dn.PUSKESMAS_FORMASI)
        n_sd = max(1, round(group_total["SD"] / sd_size))
        n_smp = max(1, round(group_total["SMP"] / smp_size))
        n_pkm = max(1, round(group_total["PKM"] / pkm_size))
        school_rumpun = ("KEBIJAKAN", "EKONOMI", "KOMPUTER")
        for i in range(n_sd):
            unit = self._unit(self.bidang_sd, f"SD Negeri {i + 1} {self.kota}", "SEKOLAH", None)
            self._template(unit, dn.SD_FORMASI, "SD", school_rumpun)
        for i in range(n_smp):
            unit = self._unit(self.bidang_smp, f"SMP Negeri {i + 1} {self.kota}", "SEKOLAH", None)
            self._template(unit, dn.SMP_FORMASI, "SMP", school_rumpun)
        n_kel = len(self.kelurahan)
        for i in range(n_pkm):
            kel_unit = self.kelurahan[i % n_kel][1]
            nama = self.units[kel_unit].nama.removeprefix("Kelurahan ")
            if i >= n_kel:
                nama = f"{nama} {_ROMAWI[min(i // n_kel, len(_ROMAWI) - 1)]}"
            unit = self._unit(self.dinkes, f"Puskesmas {nama}", "PUSKESMAS", None)
            self._template(unit, dn.PUSKESMAS_FORMASI, "PKM", ("KESMAS", "KEBIJAKAN"))

        # OPD-level JF and pelaksana.
        for root, bobot, jf_list, rumpun, p_pel, khusus, group in self.opd_spec:
            self._opd_positions(root, bobot, jf_list, rumpun, p_pel, khusus, group)

        # Kebutuhan per group, in proportion to the weights (noisy), zero-seat posts dropped.
        nonstruct = self.pos[n_struct:]
        for group, total in group_total.items():
            members = [p for p in nonstruct if p.group == group]
            seats = allocate(total, [p.weight * (0.75 + 0.5 * r.random()) for p in members])
            for p, k in zip(members, seats, strict=True):
                p.kebutuhan = k
        kept = [p for p in nonstruct if p.kebutuhan > 0]
        self.pos = self.pos[:n_struct] + kept
        for idx, p in enumerate(self.pos):
            p.idx = idx
            if not p.id:
                p.id = self._uuid()

        # Seats: structural holders first (by priority), then the others by unit.
        # Some posts short or vacant, a few over-filled (asn-rules 13.2 bezetting).
        filled = allocate(others, [
            p.kebutuhan * (0.75 + 0.35 * r.random()) * (1.5 if r.random() < 0.06 else 1.0)
            for p in kept
        ])  # fmt: skip
        seats_by_unit: list[tuple[int, int, float, int]] = []
        for p, n in zip(kept, filled, strict=True):
            for _ in range(n):
                seats_by_unit.append((p.unit, -TINGKAT[p.jenjang], r.random(), p.idx))
        seats_by_unit.sort()
        self.seats: list[int] = filled_struct + [s[3] for s in seats_by_unit]
        self.filled_struct = len(filled_struct)

    def _template(
        self, unit: int, formasi: tuple[tuple[str, float], ...], group: str, rumpun: tuple[str, ...]
    ) -> None:
        for family, weight in formasi:
            if family in _JF:
                for jenjang, w in _JF[family].jenjang:
                    self._add(unit, family, jenjang, weight * w, group, rumpun)
            else:
                self._add(unit, family, "PELAKSANA", weight, group, rumpun)

    def _opd_positions(
        self,
        root: int,
        bobot: float,
        jf_list: tuple[tuple[str, float], ...],
        rumpun: tuple[str, ...],
        p_pel: float,
        khusus: tuple[str, ...],
        group: str,
    ) -> None:
        r = self.rng
        units = [u for u in self.units if u.opd == root and u.jenis not in ("SEKOLAH", "PUSKESMAS")]
        if group == "RSUD":
            bobot = 1.0
        jf_units = [u.idx for u in units if u.jenis in ("BIDANG", "BAGIAN", "UPT", "SEKSI")]
        if not jf_units:
            jf_units = [root]
        jf_total = sum(w for _, w in jf_list) or 1.0
        for family, w in jf_list:
            spec = _JF[family]
            for jenjang, wj in spec.jenjang:
                unit = jf_units[int(r.random() * len(jf_units))]
                self._add(
                    unit,
                    family,
                    jenjang,
                    bobot * (1 - p_pel) * w / jf_total * wj,
                    group,
                    (spec.rumpun,),
                )
        pel_units = [
            u.idx
            for u in units
            if u.jenis in ("SUBBAGIAN", "BIDANG", "BAGIAN", "UPT", "SEKSI", "KELURAHAN")
        ]
        if not pel_units:
            pel_units = [root]
        titles = [p for p in dn.PELAKSANA if p.bobot > 0]
        cum = cumulative([p.bobot for p in titles])
        staff_rumpun = (*rumpun, "KEBIJAKAN", "EKONOMI")
        per_unit = bobot * p_pel / len(pel_units)
        for unit in pel_units:
            chosen: list[str] = []
            while len(chosen) < 3:
                title = titles[bisect(cum, r.random() * cum[-1])].nama
                if title not in chosen:
                    chosen.append(title)
            chosen.extend(khusus)
            for title in chosen:
                self._add(unit, title, "PELAKSANA", per_unit / len(chosen), group, staff_rumpun)

    # --- rows ---------------------------------------------------------------------------------

    def unit_rows(self) -> list[Row]:
        return [
            {
                "id": u.id,
                "induk_id": self.units[u.induk].id if u.induk is not None else None,
                "kode": u.kode,
                "nama": u.nama,
                "singkatan": u.singkatan,
                "jenis": u.jenis,
                "eselon_kode": u.eselon,
                "urutan": u.urutan,
                "alamat": u.alamat,
            }
            for u in self.units
        ]

    def jabatan_rows(self) -> list[Row]:
        return [
            {
                "id": p.id,
                "unit_id": self.units[p.unit].id,
                "nama": p.nama,
                "jenis_kode": p.jenis,
                "jenjang_kode": p.jenjang,
                "eselon_kode": p.eselon,
                "kelas_jabatan": p.kelas,
                "kebutuhan": p.kebutuhan,
                "gol_min_kode": p.gol_min,
                "pendidikan_min_kode": p.pend_min,
                "atasan_jabatan_id": self.pos[p.atasan].id if p.atasan is not None else None,
                "bup_tahun": p.bup_tahun,
            }
            for p in self.pos
        ]


_ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
