"""The one door to PDFium (pypdfium2): a process-wide lock, and pages drawn as images.

PDFium is not thread-safe: no two threads may call it at once. Issuing draws every page for the
register's fingerprints in the bulk pool while a screen may preview, print or verify in another
thread, so every use of PDFium in Merit holds :data:`LOCK` (verification's page renderer, and the
page images of the preview and of printing below).
"""

from __future__ import annotations

import io
import threading

#: Held around every PDFium call (re-entrant: a holder may call a helper that takes it too).
LOCK = threading.RLock()


def page_images(data: bytes, scale: float) -> list[bytes]:
    """PNG bytes of every page of a PDF (``scale`` 1 = 72 dpi)."""
    import pypdfium2 as pdfium  # lazy: pypdfium2

    with LOCK:
        doc = pdfium.PdfDocument(data)
        out: list[bytes] = []
        try:
            for i in range(len(doc)):
                page = doc[i]
                try:
                    image = page.render(scale=scale).to_pil()
                finally:
                    page.close()
                buffer = io.BytesIO()
                image.save(buffer, format="PNG")
                out.append(buffer.getvalue())
        finally:
            doc.close()
        return out
