"""Bantuan: the short user guide (HTML pages in app/resources/bantuan, one per main
screen, shown in a
QTextBrowser; F1 opens the page of the current screen) and "Tentang Merit" (version, licences of
the bundled fonts and of the main libraries)."""

from __future__ import annotations

import html
import platform
import sqlite3
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.i18n import tr
from app.paths import resources_dir


def help_dir() -> Path:
    return resources_dir() / "bantuan"


def help_file(key: str) -> Path:
    """The guide's page of a screen (a page key of app/ui/pages/registry.py); the table of
    contents when the screen has none."""
    path = help_dir() / f"{key}.html"
    return path if path.is_file() else help_dir() / "index.html"


class BantuanDialog(QDialog):
    """The guide: a browser over the HTML pages, with back and table of contents."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialogBantuan")
        self.setWindowTitle(tr("Panduan Merit"))
        self.resize(640, 620)
        self.browser = QTextBrowser()
        self.browser.setObjectName("teksBantuan")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(help_dir())])
        self.back_button = QPushButton(tr("‹ Kembali"))
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        contents = QPushButton(tr("Daftar isi"))
        contents.clicked.connect(lambda: self.show_page("index"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("Tutup"))
        close.rejected.connect(self.close)
        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addWidget(contents)
        bar.addStretch(1)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(bar)
        self.key = ""

    def show_page(self, key: str) -> None:
        path = help_file(key)
        self.key = path.stem
        self.browser.setSource(QUrl.fromLocalFile(str(path)))


#: The main libraries Merit ships with: (name shown, distribution, licence).
PUSTAKA = (
    ("Python", None, "PSF License"),
    ("Qt / PySide6", "PySide6-Essentials", "LGPL v3"),
    ("SQLite", None, "domain publik"),
    ("reportlab", "reportlab", "BSD"),
    ("openpyxl", "openpyxl", "MIT"),
    ("pypdf", "pypdf", "BSD-3-Clause"),
    ("pypdfium2 (PDFium)", "pypdfium2", "BSD-3-Clause / Apache-2.0"),
    ("Pillow", "pillow", "MIT-CMU (HPND)"),
    ("python-calamine", "python-calamine", "MIT"),
    ("sqlite-utils", "sqlite-utils", "Apache-2.0"),
    ("PyNaCl (libsodium)", "PyNaCl", "Apache-2.0 (libsodium: ISC)"),
    ("argon2-cffi", "argon2-cffi", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
)


def _version(dist: str | None, name: str) -> str:
    if name == "Python":
        return platform.python_version()
    if name == "SQLite":
        return sqlite3.sqlite_version
    if dist == "PySide6-Essentials":
        return f"{pyside_version} (Qt {qVersion()})"
    try:
        return metadata.version(dist or name)
    except metadata.PackageNotFoundError:
        return "-"


def about_html() -> str:
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{html.escape(_version(dist, name))}</td>"
        f"<td>{html.escape(licence)}</td></tr>"
        for name, dist, licence in PUSTAKA
    )
    fonts = resources_dir() / "fonts"
    font_text = ""
    for path in sorted(fonts.glob("LICENSE-*.txt")):
        text = html.escape(path.read_text(encoding="utf-8"))
        font_text += f"<pre style='white-space: pre-wrap'>{text}</pre>"
    return tr(
        "<p>Merit {version}: aplikasi kepegawaian ASN untuk BKD/BKPSDM yang bekerja tanpa "
        "internet.</p>"
        "<h3>Huruf</h3>"
        "<p>Liberation Serif 2.1.5 (Red Hat, Inc.; data digital Google), dipakai pada SK dan "
        "laporan PDF, di bawah <b>SIL Open Font License 1.1</b>. Teks lisensinya ada di bawah "
        "dan di folder app/resources/fonts.</p>"
        "<h3>Pustaka</h3>"
        "<table cellpadding='3'><tr><th align='left'>Pustaka</th><th align='left'>Versi</th>"
        "<th align='left'>Lisensi</th></tr>{rows}</table>"
        "<p>Qt dan PySide6 dipakai di bawah GNU LGPL versi 3 sebagai pustaka terpisah yang dapat "
        "diganti dengan versi lain yang cocok; kode sumbernya tersedia di qt.io.</p>"
        "<h3>Lisensi huruf</h3>{fonts}",
        version=__version__,
        rows=rows,
        fonts=font_text,
    )


class TentangDialog(QDialog):
    """Tentang Merit: version and licences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialogTentang")
        self.setWindowTitle(tr("Tentang Merit"))
        self.resize(600, 560)
        self.title = QLabel(tr("Merit versi {v}", v=__version__))
        self.title.setObjectName("versiMerit")
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.text = QTextBrowser()
        self.text.setObjectName("teksTentang")
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Tutup"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
