"""Documents: PDF decrees (reportlab) and Excel recaps (openpyxl). No Qt, no SQL."""
