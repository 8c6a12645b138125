"""PDF pages as images, for the preview and for printing.

The pages are drawn with pypdfium2 (PDFium, a small wheel), because Qt's own PDF module (QtPdf)
is not in PySide6-Essentials: it comes only with PySide6-Addons (about 400 MB unpacked). They
are drawn by :func:`app.jobs.dokumen.page_images`, under the lock every use of PDFium shares.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QDialog, QWidget

from app.jobs import dokumen as dokumen_jobs

PREVIEW_SCALE = 0.8  # 72 dpi x 0.8: an F4 page is about 490 x 750 px


def pdf_page_images(data: bytes, scale: float = PREVIEW_SCALE) -> list[bytes]:
    """PNG bytes of every page of a PDF (runs in a task; no Qt)."""
    return dokumen_jobs.page_images(data, scale)


def print_pdf(data: bytes, parent: QWidget) -> None:
    """Print a PDF through the print dialog."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # lazy: QtPrintSupport

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    pages = pdf_page_images(data, scale=printer.resolution() / 72.0 / 2)
    painter = QPainter(printer)
    try:
        for i, png in enumerate(pages):
            if i:
                printer.newPage()
            image = QImage.fromData(png)
            rect = painter.viewport()
            size = image.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(0, 0, image.scaled(size))
    finally:
        painter.end()
