"""Dokumen SK: the page (page.py) with one module per tab, and the PDF pages drawn for the
preview and for printing (pdf_view.py)."""
