"""Recap sheets a BKD prints (asn-rules 13): queries only, plain data out.

* :mod:`~app.models.rekap.duk` — Daftar Urut Kepangkatan (PP 15/1979; SE Kepala BAKN
  03/SE/1980), active PNS in the fixed order of asn-rules 13.1, streamed.
* :mod:`~app.models.rekap.tabel` — unit × category cross tables (golongan, pendidikan, jenis
  kelamin, status, jenis jabatan) with a male/female split and totals (asn-rules 13.2).
* :mod:`~app.models.rekap.kp` — who reaches the time in rank for a KP period (asn-rules 5).
* :mod:`~app.models.rekap.kgb` — KGB due in a date window (asn-rules 10.3).
* :mod:`~app.models.rekap.pensiun` — who reaches BUP in the coming years (asn-rules 10.1).
* :mod:`~app.models.rekap.diklat` — training hours per employee in a year against 20 JP
  (asn-rules 8).
* :mod:`~app.models.rekap.common` — the title block and the SQL they share.

Everything is aggregated in SQL over ``pegawai_ringkas`` and the history tables, one query per
list (never one per employee); the rules come from :mod:`app.models.rules.derivations`,
:mod:`app.models.rules.kp` and the reference tables (``ref_*``), which the admin can edit. The
writers (``app/reports``) receive these dataclasses and run no SQL.
"""
