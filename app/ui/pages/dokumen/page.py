"""Dokumen SK: issue decrees (with preview and print), the numbering register, the templates and
verification, one tab each (issue.py, register.py, templates.py, verify.py). Every rule and
query is in :mod:`app.models.dokumen.core`; long work runs as tasks.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.i18n import tr
from app.jobs import dokumen as dokumen_jobs
from app.models.access.akses import allowed
from app.models.dokumen import templat, templat_bawaan
from app.models.storage.db import Database
from app.ui.pages.base import Page
from app.ui.pages.dokumen.issue import IssueTab
from app.ui.pages.dokumen.register import RegisterTab
from app.ui.pages.dokumen.templates import TemplateTab
from app.ui.pages.dokumen.verify import VerifyTab
from app.ui.tasks import TaskRunner

REGISTER_TAB, VERIFY_TAB = 1, 3


class DokumenPage(Page):
    rights = (("dokumen.terbitkan",),)
    issued = Signal(object)  # dokumen_jobs.HasilTerbit

    def __init__(
        self,
        db: Database,
        *,
        runner: TaskRunner,
        actor: str = "sistem",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, runner=runner, parent=parent)
        self.setObjectName("halamanDokumen")
        self.actor = actor
        templat_bawaan.seed_templates(db, actor="sistem")  # the system's own defaults

        title = QLabel(tr("Dokumen SK"))
        title.setObjectName("judulHalaman")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.issue_tab = IssueTab(db, runner, actor)
        self.register_tab = RegisterTab(db, actor)
        self.template_tab = TemplateTab(db, actor)
        self.verify_tab = VerifyTab(runner, actor)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.issue_tab, tr("Terbitkan"))
        self.tabs.addTab(self.register_tab, tr("Register"))
        self.tabs.addTab(self.template_tab, tr("Templat"))
        self.tabs.addTab(self.verify_tab, tr("Verifikasi"))
        # The register lists everyone a decree was issued to: only for dokumen.baca.
        self.tabs.setTabVisible(REGISTER_TAB, allowed(actor, "dokumen.baca"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

        self.issue_tab.issued.connect(self._issued)
        self.register_tab.noticed.connect(self.issue_tab.status.setText)
        self.register_tab.verifyRequested.connect(self._verify_from_register)
        self.template_tab.saved.connect(self.load_templates)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.load_templates()

    def load_templates(self) -> None:
        templates = {t.kode: t for t in templat.list_templates(self.db.conn)}
        self.issue_tab.set_templates(templates)
        self.template_tab.set_templates(templates)

    def _issued(self, result: dokumen_jobs.HasilTerbit) -> None:
        self.register_tab.load_register()
        self.issued.emit(result)

    def _verify_from_register(self, text: str, check: bool) -> None:
        self.verify_tab.verify_edit.setText(text)
        self.tabs.setCurrentIndex(VERIFY_TAB)
        if check:
            self.verify_tab.verify()

    def _tab_changed(self, index: int) -> None:
        if index == REGISTER_TAB:
            self.register_tab.load_register()
