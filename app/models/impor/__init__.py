"""Importing employees from spreadsheets: SIASN exports and office files (no Qt).

The steps, each callable from a screen (in a background task) and from ``merit import``:

1. :func:`app.models.impor.read.read_source` reads an .xlsx, .xls or .csv file safely into a
   :class:`~app.models.impor.read.SourceTable`;
2. :mod:`app.models.impor.fields` (``detect_siasn``, ``guess_mapping``) and
   :mod:`app.models.impor.presets` (``apply_preset``) map its columns to the import fields;
3. :func:`app.models.impor.plan.plan_import` validates, normalises and compares every row with
   the database and writes nothing (the preview, an :class:`~app.models.impor.result.ImportPlan`);
4. :func:`app.models.impor.apply.apply_import` writes the plan in one transaction, all or nothing.
"""
