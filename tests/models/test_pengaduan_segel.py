"""The envelope of a confidential complainant's identity (app/models/pengaduan/segel.py)."""

from __future__ import annotations

import base64
import json

import nacl.public
from hypothesis import given, settings
from hypothesis import strategies as st

from app.models.pengaduan import segel

_KEYS = [nacl.public.PrivateKey.generate() for _ in range(4)]
_NODES = [f"node-{i}" for i in range(4)]
_teks = st.one_of(st.none(), st.text(min_size=1, max_size=40))
_identitas = st.fixed_dictionaries({k: _teks for k in segel.KOLOM})


@settings(max_examples=60, deadline=None)
@given(identitas=_identitas, untuk=st.sets(st.integers(0, 3), min_size=1))
def test_only_the_installations_it_is_sealed_for_open_it(
    identitas: dict[str, str | None], untuk: set[int]
) -> None:
    sandi = segel.tutup_untuk({_NODES[i]: bytes(_KEYS[i].public_key) for i in untuk}, identitas)
    assert segel.penerima_segel(sandi) == frozenset(_NODES[i] for i in untuk)
    for i in range(4):
        opened = segel.buka_dengan(_NODES[i], _KEYS[i], sandi)
        assert opened == (identitas if i in untuk else None)
    for value in identitas.values():
        if value and len(value) >= 4:
            assert value not in sandi
            assert value not in base64.b64decode(sandi[len(segel.AWALAN) :]).decode()


def test_a_wrong_key_or_a_damaged_envelope_opens_nothing() -> None:
    identitas = dict.fromkeys(segel.KOLOM, "Warga Pelapor")
    sandi = segel.tutup_untuk({_NODES[0]: bytes(_KEYS[0].public_key)}, identitas)
    assert segel.buka_dengan(_NODES[0], _KEYS[1], sandi) is None  # another key, same node id
    assert segel.buka_dengan(_NODES[0], None, sandi) is None
    body = json.loads(base64.b64decode(sandi[len(segel.AWALAN) :]))
    body["c"] = base64.b64encode(b"\0" * 60).decode()
    damaged = segel.AWALAN + base64.b64encode(json.dumps(body).encode()).decode()
    assert segel.buka_dengan(_NODES[0], _KEYS[0], damaged) is None
    for bad in ("", "Warga Pelapor", segel.AWALAN + "!!", segel.AWALAN + "W10="):
        assert segel.buka_dengan(_NODES[0], _KEYS[0], bad) is None
        assert segel.penerima_segel(bad) == frozenset()
