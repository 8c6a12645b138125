"""The records of the SKP as plain dataclasses: what the queries of :mod:`app.models.skp.read`
and :mod:`app.models.skp.progress` return, what the forms hand over, and what the writers in
``app/reports`` receive."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.models.rules.skp import AturanKurva, SkpInfo


@dataclass(frozen=True)
class Orang:
    """A person on an SKP form: the appraised employee, the appraiser, the superior."""

    pegawai_id: str
    nip: str
    nama: str  # with titles
    jabatan: str
    unit: str
    golongan: str  # "Penata (III/c)"


@dataclass(frozen=True)
class Indikator:
    id: str
    indikator: str
    target: str
    realisasi: str
    bukti: str


@dataclass(frozen=True)
class HasilKerja:
    id: str
    jenis: str  # UTAMA, TAMBAHAN
    uraian: str
    hasil_kerja_atasan_id: str | None
    hasil_kerja_atasan: str  # its text, for display
    umpan_balik: str
    indikator: tuple[Indikator, ...]


@dataclass(frozen=True)
class Perilaku:
    nilai_kode: str
    nama: str
    panduan: str
    ekspektasi: str
    umpan_balik: str
    rekan: tuple[tuple[str, str], ...] = ()  # (colleague's name, text) of the answered ones


@dataclass(frozen=True)
class Rekan:
    pegawai_id: str
    nama: str
    nip: str
    dijawab: bool


@dataclass(frozen=True)
class RiwayatStatus:
    aksi: str
    dari: str
    ke: str
    pelaku: str
    waktu: str
    catatan: str


@dataclass(frozen=True)
class Evaluasi:
    jenis: str
    ke: int
    rating_hasil: str | None
    rating_perilaku: str | None
    predikat_kode: str | None
    catatan: str


@dataclass(frozen=True)
class Keberatan:
    """The employee's keberatan and, once decided, the atasan pejabat penilai's decision."""

    alasan: str
    tanggal: str
    pengaju: str
    predikat_awal: str | None
    putusan: str | None  # TETAP, UBAH, or None while pending
    predikat_akhir: str | None
    alasan_putusan: str
    tanggal_putusan: str | None
    pemutus: str


@dataclass(frozen=True)
class Skp:
    """One SKP with everything the form and the document show."""

    info: SkpInfo
    pegawai: Orang
    penilai: Orang | None
    atasan_penilai: Orang | None
    nama_jabatan: str
    rating_hasil: str | None
    rating_perilaku: str | None
    predikat_kode: str | None
    catatan_penilai: str
    ditetapkan: str | None
    hasil_kerja: tuple[HasilKerja, ...]
    perilaku: tuple[Perilaku, ...]
    rekan: tuple[Rekan, ...]
    riwayat: tuple[RiwayatStatus, ...]
    evaluasi: tuple[Evaluasi, ...]
    keberatan: Keberatan | None = None

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def status(self) -> str:
        return self.info.status

    @property
    def tahun(self) -> int:
        return self.info.tahun


@dataclass(frozen=True)
class HasilMassal:
    """What a bulk creation did."""

    dibuat: int  # new SKPs
    dilanjutkan: int  # of which the plan was carried forward from last year
    sudah_ada: int  # employees who had an SKP already


@dataclass
class IndikatorData:
    """An indicator as a form hands it over (``id`` None: new)."""

    indikator: str
    target: str = ""
    realisasi: str = ""
    bukti: str = ""
    id: str | None = None


@dataclass
class HasilKerjaData:
    """A result as a form hands it over (``id`` None: new)."""

    uraian: str
    jenis: str = "UTAMA"
    indikator: list[IndikatorData] = field(default_factory=list)
    hasil_kerja_atasan_id: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class KemajuanBaris:
    """Progress of one unit (or the agency): how many in each state, and the predikat of the
    rated ones (dinilai, ditetapkan, keberatan, final). A year known only from the employee's
    SKP history (``riwayat_skp``: imported, typed, the demo) counts as ditetapkan, and
    ``dari_riwayat`` says how many of them. ``capaian``: the unit's capaian kinerja organisasi
    of the year; ``peringatan``: the rules of its curve the distribution breaks."""

    unit_id: str | None
    unit: str
    pegawai: int
    belum: int
    draft: int
    diajukan: int
    dinilai: int
    ditetapkan: int
    predikat: dict[str, int]
    disetujui: int = 0
    keberatan: int = 0
    final: int = 0
    dari_riwayat: int = 0
    capaian: str | None = None
    peringatan: tuple[str, ...] = ()

    @property
    def dinilai_total(self) -> int:
        return sum(self.predikat.values())


@dataclass(frozen=True)
class Kemajuan:
    tahun: int
    baris: list[KemajuanBaris]
    total: KemajuanBaris
    aturan: dict[str, list[AturanKurva]]  # capaian kode -> the rules of its curve
    predikat_label: dict[str, str]
    capaian_label: dict[str, str] = field(default_factory=dict)

    @property
    def capaian(self) -> str | None:
        """The capaian of the whole view (the chosen unit's), whose curve the chart draws."""
        return self.total.capaian


@dataclass(frozen=True)
class SkpBaris:
    """One employee in the SKP list (``skp_id`` None: no SKP for the year; ``sumber``
    ``riwayat``: the year is known only from the SKP history, counted as ditetapkan)."""

    pegawai_id: str
    skp_id: str | None
    nip: str
    nama: str
    jabatan: str
    unit: str
    status: str  # draft ... final, or BELUM
    predikat_kode: str | None
    predikat: str
    penilai: str
    rating_hasil: str | None = None
    rating_perilaku: str | None = None
    sumber: str = "skp"
    batas_keberatan: str | None = None


@dataclass(frozen=True)
class DokumenEvaluasi:
    """Plain data of the Dokumen Evaluasi Kinerja Pegawai (PermenPANRB 6/2022 Lampiran)."""

    instansi: str
    pemerintah: str
    tahun: int
    periode: str  # "1 Januari s.d. 31 Desember 2026"
    pegawai: Orang
    penilai: Orang | None
    atasan_penilai: Orang | None
    hasil_kerja: tuple[HasilKerja, ...]
    perilaku: tuple[Perilaku, ...]
    rating_hasil: str  # labels
    rating_perilaku: str
    predikat: str
    catatan: str
    status: str
    tempat: str
    tanggal: str  # written the Indonesian way
    keberatan: tuple[str, ...] = ()  # the keberatan and the atasan's decision, as sentences
