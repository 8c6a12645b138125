"""The unit scope of a reader, applied in SQL: for any unit an operator is given, the list,
the count, the search and the export hold exactly the employees of that unit and the units
below it (a Hypothesis property over every unit of the demo agency)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models.access import akses, akun
from app.models.access.akses import Hak, Peran
from app.models.pegawai import read as emp
from app.models.pegawai.ekspor import employee_export_rows
from app.models.storage.db import Database

SANDI = "kopi pagi di kantor"


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        akun, "hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_operator_of_a_unit_reads_exactly_that_unit(demo_db: Database, data: st.DataObject) -> None:
    conn = demo_db.conn
    if not akun.ada_akun(demo_db):
        admin = akun.create_admin_pertama(demo_db, "admin", "Admin", SANDI)
        akun.create_akun(demo_db, "operator", "Operator", SANDI, [Hak(Peran.OPERATOR)], actor=admin)
    admin = akun.sesi_untuk(demo_db, "admin")
    units = [r[0] for r in conn.execute("SELECT id FROM unit_organisasi WHERE deleted = 0")]
    unit = data.draw(st.sampled_from(sorted(units)))
    search = data.draw(st.sampled_from(["", "a", "an", "19", "sri"]))
    op_id = akun.get_akun(demo_db, "operator").id
    akun.update_akun(demo_db, op_id, actor=admin, hak=[Hak(Peran.OPERATOR, unit)])
    op = akun.sesi_untuk(demo_db, "operator")

    flt = emp.scoped_filter(demo_db, op, emp.EmployeeFilter(search=search))
    listed = {r["id"] for r in emp.list_employees(conn, flt)}
    mine = set(akses.units_under(conn, [unit]))
    everyone = {r["id"]: r for r in emp.list_employees(conn, emp.EmployeeFilter(search=search))}
    unit_of = dict(conn.execute("SELECT pegawai_id, unit_id FROM pegawai_ringkas"))
    assert listed == {pid for pid in everyone if unit_of[pid] in mine}
    assert emp.count_employees(conn, None, flt.lingkup) == len(
        [p for p, u in unit_of.items() if u in mine and p in _live(conn)]
    )
    _, rows = employee_export_rows(conn, flt)
    assert sorted(str(r[0]) for r in rows) == sorted(str(everyone[p]["nip"]) for p in listed)


def _live(conn) -> set[str]:  # type: ignore[no-untyped-def]
    return {r[0] for r in conn.execute("SELECT pegawai_id FROM pegawai_ringkas WHERE deleted = 0")}
