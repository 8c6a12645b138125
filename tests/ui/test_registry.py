"""The page registry the main window builds its sidebar from, and the Page base."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.models.storage.db import Database
from app.ui.main_window import MainWindow
from app.ui.pages.base import Page
from app.ui.pages.registry import PAGES, visible_pages
from app.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]


def test_every_entry_is_a_page_with_its_own_key_and_place() -> None:
    keys = [spec.key for spec in PAGES]
    orders = [spec.order for spec in PAGES]
    assert len(set(keys)) == len(keys) and len(set(orders)) == len(orders)
    assert orders == sorted(orders)  # declared in sidebar order
    for spec in PAGES:
        page_class = spec.load()
        assert isinstance(page_class, type) and issubclass(page_class, Page), spec.key


def test_the_trusted_local_system_sees_every_page_but_the_accounts() -> None:
    titles = [spec.nav_text for spec in visible_pages("sistem")]
    assert titles == [
        "Beranda",
        "Pegawai",
        "Impor data",
        "Organisasi & Formasi",
        "Rekap Excel",
        "Kinerja (SKP)",
        "Dokumen SK",
        "Cuti",
        "Kenaikan pangkat",
        "Kompetensi & Pelatihan",
        "Pengaduan & disiplin",
        "Kalkulator kepegawaian",
        "Seleksi jabatan",
        "Penilaian panitia",
        "Jejak audit",
        "Instansi",
        "Sinkronisasi",
        "Konflik",
    ]  # "Akun pengguna" needs a signed-in admin


def test_window_is_built_from_the_registry_with_one_runner(
    qtbot: QtBot, db: Database, runner: TaskRunner
) -> None:
    window = MainWindow(db, runner, actor="sistem")
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [spec.nav_text for spec in visible_pages("sistem")]
    assert window.pages.count() == len(titles)
    for i in range(len(titles)):
        window.nav.setCurrentRow(i)
    built = [window.pages.widget(i) for i in range(window.pages.count())]
    assert all(isinstance(page, Page) for page in built)
    assert {id(page.runner) for page in built if isinstance(page, Page)} == {id(runner)}
    runner.wait()


def test_start_up_imports_no_page_but_the_first() -> None:
    """The page modules (openpyxl, reportlab, PyNaCl behind them) load when first shown."""
    code = (
        "import sys; import app.ui.main_window; "
        "print(sorted(m for m in sys.modules if m.startswith('app.ui.pages.')))"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    loaded = ast.literal_eval(out.stdout)
    # The Beranda (first page) is imported when the window builds it, not with the window.
    assert loaded == ["app.ui.pages.base", "app.ui.pages.registry"]
    assert "openpyxl" not in out.stdout and "reportlab" not in out.stdout


def test_the_first_window_imports_neither_other_pages_nor_the_write_path(
    demo_db: Database,
) -> None:
    """Cold start (issue 20): the window shown and painted on its first page (the Beranda)
    has imported no other page, nor the write path, audit, sync or PyNaCl that those need;
    the Konflik entry's count is read without building the page."""
    code = (
        "import sys; from app.ui.application import make_app; "
        "from app.models.storage.db import Database; "
        "from app.ui.main_window import MainWindow; app = make_app(); "
        f"w = MainWindow(Database({str(demo_db.path)!r})); w.show(); app.processEvents(); "
        "w.grab(); assert w.pages.currentWidget() is w.beranda; "
        "print(sorted(m for m in sys.modules if m.startswith(('app.', 'nacl')))); "
        "w.open_page('employees'); "  # built now; before the Beranda's read (it imports them)
        "print('app.models.storage.store' in sys.modules, 'nacl' in sys.modules)"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    first, pegawai = out.stdout.strip().splitlines()[-2:]
    loaded = ast.literal_eval(first)
    pages = [m for m in loaded if m.startswith("app.ui.pages.")]
    assert pages == ["app.ui.pages.base", "app.ui.pages.beranda", "app.ui.pages.registry"]
    for heavy in (
        "app.models.storage.store",
        "app.models.storage.instansi",
        "app.models.access.audit",
        "app.models.rekap.beranda",  # read in the background after the first paint
        "app.sync.conflicts",
        "nacl",
    ):
        assert heavy not in loaded, heavy
    # The Pegawai page, built on its first visit, lists units without the write path either.
    assert pegawai == "False False"
