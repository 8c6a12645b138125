"""Deterministic demo data: a believable *kota* government and its employees, as plain rows.

Pure Python: no SQL, no Qt. :func:`generate` yields :class:`~app.demo.common.DemoChunk` objects:
first the organisation (every ``unit_organisasi`` and ``jabatan`` row), then chunks of employees,
each with their ``pegawai`` row and all their history rows. The same ``(employees, seed,
today)`` always gives exactly the same rows, ids included, whatever the ``chunk_size``.

How a person is made (rules from ``shared/domain/asn-rules.md``):

* The organisation is fixed (about 40 perangkat daerah with their structural posts); the number
  of schools and puskesmas and the JF/pelaksana formation (``jabatan.kebutuhan``) grow with the
  number of employees so that the total formation is about 1.1 x employees.
* Every employee is given a seat first (structural posts: JPT first, then administrator and
  pengawas; then JF and pelaksana posts in proportion to their formation, some short and a few
  over-filled), then an education that fits the post, a golongan inside the
  post's range (asn-rules 2.2, 3.2, 3.3), and a promotion chain built backwards from today on the
  KP periods (asn-rules 5.1). The birth date follows from the TMT CPNS and a plausible age at
  appointment, and is moved so that nobody active is past their BUP (asn-rules 10.1).
* NIP and NI PPPK follow asn-rules 1.1/1.2 (unique sequence per first 15 digits), the NIK 1.3.

The parts: :mod:`app.demo.organisasi` (units, positions, seats), :mod:`app.demo.people` (the
person, pangkat, KGB, SKP), :mod:`app.demo.histories` (education, jabatan, diklat, discipline),
:mod:`app.demo.common` (codes, ids, calendar, names).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date

from app.demo.common import TABLES_PEGAWAI, Calendar, DemoChunk, Row
from app.demo.organisasi import Org
from app.demo.people import People


def generate(
    employees: int,
    seed: int,
    *,
    today: date = date(2026, 11, 22),
    chunk_size: int = 1000,
    agency: str = "Kota Nusa Indah",
) -> Iterator[DemoChunk]:
    """Yield the demo data set: first the organisation, then chunks of employees.

    Deterministic for the same ``(employees, seed, today, agency)``; ``chunk_size`` only decides
    how the employees are cut into chunks.
    """
    if employees < 0:
        raise ValueError(f"employees must be >= 0, not {employees}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be >= 1, not {chunk_size}")
    kota = agency.removeprefix("Kota ").removeprefix("Kabupaten ").strip() or agency
    org = Org(employees, random.Random(f"merit-demo-org:{seed}:{employees}"), kota)
    yield DemoChunk({"unit_organisasi": org.unit_rows(), "jabatan": org.jabatan_rows()}, 0)
    cal = Calendar(today)
    people = People(org, seed, employees, cal, kota)
    for start in range(0, employees, chunk_size):
        end = min(employees, start + chunk_size)
        rows: dict[str, list[Row]] = {t: [] for t in TABLES_PEGAWAI}
        for i in range(start, end):
            people.person(i, rows)
        yield DemoChunk(rows, end - start)
