"""Competency standards per position, assessment results, gaps and training needs, the talent
box (issue 15; asn-rules 6.3, 7, 8). Tables of migration 20; rules in
:mod:`app.models.rules.kompetensi`."""
