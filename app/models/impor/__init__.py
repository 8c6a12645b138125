"""Importing employees from spreadsheets: SIASN exports and office files (no Qt).

The steps, each callable from a screen (in a background task) and from ``merit import``:

1. :func:`read_source` reads an .xlsx, .xls or .csv file safely into a :class:`SourceTable`;
2. :func:`detect_siasn` / :func:`guess_mapping` / :func:`apply_preset` map its columns to
   :data:`FIELDS`;
3. :func:`plan_import` validates, normalises and compares every row with the database and
   writes nothing (the preview);
4. :func:`apply_import` writes the plan in one transaction, all or nothing.
"""

from __future__ import annotations

from app.models.errors import Cancelled
from app.models.impor.apply import apply_import
from app.models.impor.fields import (
    FIELD_BY_NAME,
    FIELDS,
    REQUIRED_FIELDS,
    ImportField,
    detect_siasn,
    guess_field,
    guess_mapping,
)
from app.models.impor.plan import (
    BARU,
    BERUBAH,
    DILEWATI,
    DITOLAK,
    KESALAHAN,
    PERINGATAN,
    SAMA,
    STATUSES,
    ImportPlan,
    Issue,
    RowResult,
    check_mapping,
    plan_import,
)
from app.models.impor.presets import (
    Preset,
    apply_preset,
    delete_preset,
    get_preset,
    list_presets,
    mapping_by_header,
    save_preset,
)
from app.models.impor.read import MAX_FILE_BYTES, SourceTable, UnreadableFile, read_source

__all__ = [
    "BARU",
    "BERUBAH",
    "DILEWATI",
    "DITOLAK",
    "FIELDS",
    "FIELD_BY_NAME",
    "KESALAHAN",
    "MAX_FILE_BYTES",
    "PERINGATAN",
    "REQUIRED_FIELDS",
    "SAMA",
    "STATUSES",
    "Cancelled",
    "ImportField",
    "ImportPlan",
    "Issue",
    "Preset",
    "RowResult",
    "SourceTable",
    "UnreadableFile",
    "apply_import",
    "apply_preset",
    "check_mapping",
    "delete_preset",
    "detect_siasn",
    "get_preset",
    "guess_field",
    "guess_mapping",
    "list_presets",
    "mapping_by_header",
    "plan_import",
    "read_source",
    "save_preset",
]
