"""The pages of the main window's sidebar: title, the rights each needs, order, and where it is.

The main window builds its navigation from :data:`PAGES`. A page's module is imported when the
page is first shown (``load``), not at start-up: together they pull in openpyxl, reportlab,
PyNaCl and the rest, which would cost the start a second. The rights are those of
:mod:`app.models.access.akses`; the sidebar only hides what the domain would refuse anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.i18n import tr
from app.models.access.akses import Sesi, allowed
from app.ui.pages.base import PageClass

if TYPE_CHECKING:
    from app.models.storage.db import Database


@dataclass(frozen=True)
class PageSpec:
    """One entry of the sidebar."""

    key: str  # the main window's attribute for the page (``window.skp``)
    title: str  # the sidebar text, before translation
    order: int  # place in the sidebar, smallest first
    load: Callable[[], PageClass]  # the page's class (imports its module)
    # Shown when the actor has every right of at least one group; no group: shown to everyone.
    rights: tuple[tuple[str, ...], ...] = ()
    session: bool = False  # only for a signed-in account, not the trusted local system
    eager: bool = False  # built at start-up rather than when first shown
    # The sidebar text read from the database while the page is not built yet (the number of
    # open clashes), so that the page need not be built at start-up to show it.
    live_title: Callable[[Database], str] | None = None

    def visible_to(self, actor: str) -> bool:
        """Whether the sidebar lists this page for ``actor``."""
        if self.session and not isinstance(actor, Sesi):
            return False
        return not self.rights or any(
            all(allowed(actor, right) for right in group) for group in self.rights
        )

    @property
    def nav_text(self) -> str:
        return tr(self.title)


def _beranda() -> PageClass:
    from app.ui.pages.beranda import BerandaPage  # lazy: it imports this registry

    return BerandaPage  # the first page: built at start-up


def _employees() -> PageClass:
    from app.ui.pages.employees import EmployeesPage  # lazy: imported on first show

    return EmployeesPage


def _importer() -> PageClass:
    from app.ui.pages.impor.page import ImportPage  # lazy: imported on first show

    return ImportPage


def _organisasi() -> PageClass:
    from app.ui.pages.organisasi import OrganisasiPage  # lazy: imported on first show

    return OrganisasiPage


def _rekap() -> PageClass:
    from app.ui.pages.rekap import RecapPage  # lazy: openpyxl (app.jobs.rekap)

    return RecapPage


def _skp() -> PageClass:
    from app.ui.pages.skp import SkpPage  # lazy: imported on first show

    return SkpPage


def _dokumen() -> PageClass:
    from app.ui.pages.dokumen.page import DokumenPage  # lazy: reportlab (app.models.dokumen)

    return DokumenPage


def _kp() -> PageClass:
    from app.ui.pages.kp import KpPage  # lazy: imported on first show

    return KpPage


def _kompetensi() -> PageClass:
    from app.ui.pages.kompetensi import KompetensiPage  # lazy: imported on first show

    return KompetensiPage


def _cuti() -> PageClass:
    from app.ui.pages.cuti import CutiPage  # lazy: imported on first show

    return CutiPage


def _integritas() -> PageClass:
    from app.ui.pages.integritas import IntegritasPage  # lazy: imported on first show

    return IntegritasPage


def _kalkulator() -> PageClass:
    from app.ui.pages.kalkulator import KalkulatorPage  # lazy: imported on first show

    return KalkulatorPage


def _seleksi() -> PageClass:
    from app.ui.pages.seleksi import SeleksiPage  # lazy: imported on first show

    return SeleksiPage


def _penilaian() -> PageClass:
    from app.ui.pages.penilaian_panitia import PenilaianPanitiaPage  # lazy: imported on first show

    return PenilaianPanitiaPage


def _akun() -> PageClass:
    from app.ui.pages.akun import AkunPage  # lazy: imported on first show

    return AkunPage


def _audit() -> PageClass:
    from app.ui.pages.audit import AuditPage  # lazy: imported on first show

    return AuditPage


def _instansi() -> PageClass:
    from app.ui.pages.instansi import InstansiPage  # lazy: imported on first show

    return InstansiPage


def _sinkron() -> PageClass:
    from app.ui.pages.sinkron.page import SinkronPage  # lazy: PyNaCl (app.sync)

    return SinkronPage


def _konflik() -> PageClass:
    from app.ui.pages.konflik import KonflikPage  # lazy: the sync layer and the write path

    return KonflikPage


def konflik_title(count: int) -> str:
    """The sidebar text of Konflik: "Konflik", or "Konflik (3)" while clashes are open."""
    return tr("Konflik ({n})", n=count) if count else tr("Konflik")


def _konflik_title(db: Database) -> str:
    from app.models.storage.sinkron import count_conflicts  # lazy: sync users only

    return konflik_title(count_conflicts(db.conn))


# The right(s) each page needs, as its class declares them (``Page.rights``; a test checks that
# the two agree): the sidebar needs them here without importing the page's module.
EMPLOYEES = (("pegawai.baca",),)
IMPORTER = (("pegawai.impor",),)
ORGANISASI = (("organisasi.ubah",), ("laporan.baca",))
REKAP = (("laporan.baca",),)
SKP = (("skp.baca",),)  # who may act: per SKP
DOKUMEN = (("dokumen.terbitkan",),)
KP = (("dokumen.terbitkan", "laporan.baca"),)
# a committee member (seleksi.baca of assigned selections only) sees no one's scores
SELEKSI = (("seleksi.kelola",), ("seleksi.baca", "laporan.baca"))
PENILAIAN = (("seleksi.nilai",),)
AKUN = (("akun.kelola",),)
AUDIT = (("audit.baca",),)
SINKRON = (("sync.baca",),)
KOMPETENSI = (("kompetensi.ubah",), ("pelatihan.kelola",))
CUTI = (("cuti.ajukan",), ("cuti.rekomendasi",), ("cuti.putus",))
INTEGRITAS = (("pengaduan.kelola",), ("pengaduan.baca",), ("disiplin.kelola",))
KONFLIK = (("sync.impor",),)

PAGES: tuple[PageSpec, ...] = (
    # The first page: what is due, each item opening its page or the person.
    PageSpec("beranda", "Beranda", 5, _beranda, eager=True),
    PageSpec("employees", "Pegawai", 10, _employees, rights=EMPLOYEES),
    PageSpec("importer", "Impor data", 20, _importer, rights=IMPORTER),
    PageSpec("organisasi", "Organisasi & Formasi", 30, _organisasi, rights=ORGANISASI),
    PageSpec("rekap", "Rekap Excel", 40, _rekap, rights=REKAP),
    PageSpec("skp", "Kinerja (SKP)", 50, _skp, rights=SKP),
    PageSpec("dokumen", "Dokumen SK", 60, _dokumen, rights=DOKUMEN),
    PageSpec("cuti", "Cuti", 65, _cuti, rights=CUTI),
    PageSpec("kp", "Kenaikan pangkat", 70, _kp, rights=KP),
    PageSpec("kompetensi", "Kompetensi & Pelatihan", 72, _kompetensi, rights=KOMPETENSI),
    PageSpec("integritas", "Pengaduan & disiplin", 74, _integritas, rights=INTEGRITAS),
    PageSpec("kalkulator", "Kalkulator kepegawaian", 75, _kalkulator),
    PageSpec("seleksi", "Seleksi jabatan", 80, _seleksi, rights=SELEKSI),
    PageSpec("penilaian", "Penilaian panitia", 90, _penilaian, rights=PENILAIAN),
    PageSpec("akun", "Akun pengguna", 100, _akun, rights=AKUN, session=True),
    PageSpec("audit", "Jejak audit", 110, _audit, rights=AUDIT),
    # The agency settings: names, logo, the signatories the templates refer to (admin only).
    PageSpec("instansi", "Instansi", 115, _instansi, rights=(("instansi.ubah",),)),
    PageSpec("sinkron", "Sinkronisasi", 120, _sinkron, rights=SINKRON),
    # Its sidebar entry shows the number of open clashes (counted without building the page).
    PageSpec("konflik", "Konflik", 130, _konflik, rights=KONFLIK, live_title=_konflik_title),
)


def visible_pages(actor: str) -> list[PageSpec]:
    """The sidebar of ``actor``, in order."""
    return sorted((p for p in PAGES if p.visible_to(actor)), key=lambda p: p.order)
