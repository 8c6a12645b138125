"""``merit instansi show|set`` (issue 14 item 1), and an SK issued on a fresh demo without
touching a template."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from app.cli.main import main
from app.models.storage.db import Database
from tests.helpers.kp import PERIODE, two_due


def run(db: Path, *argv: str) -> int:
    return main(["--db", str(db), *argv])


def show(db: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    capsys.readouterr()
    assert run(db, "instansi", "show", "--format", "json") == 0
    data: dict[str, dict[str, object]] = json.loads(capsys.readouterr().out)
    return data


def test_show_and_set(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_db.path
    demo_db.close()
    data = show(path, capsys)
    assert set(data) == {"pengaturan", "judul", "penandatangan"}
    logo = data["pengaturan"]["logo"]
    assert isinstance(logo, dict) and logo["ada"] is True and logo["format"] == "PNG"
    kepala = data["penandatangan"]["kepala_bkpsdm"]
    assert isinstance(kepala, dict) and len(str(kepala["nip"])) == 18

    lambang = tmp_path / "lambang.png"
    Image.new("RGB", (100, 120), "blue").save(lambang)
    assert (
        run(
            path,
            "instansi",
            "set",
            "ibu_kota=Maumere",
            "alamat_instansi=Jalan A 1\\nTelepon 2",
            "kepala_daerah.nama=Drs. Uji, M.Si.",
            f"logo={lambang}",
        )
        == 0
    )
    assert "disimpan" in capsys.readouterr().out
    data = show(path, capsys)
    values = data["pengaturan"]
    assert values["ibu_kota"] == "Maumere" and values["alamat_instansi"] == "Jalan A 1\nTelepon 2"
    assert values["logo"] == {"ada": True, "format": "PNG", "lebar": 100, "tinggi": 120} | {
        "byte": values["logo"]["byte"]  # type: ignore[index]
    }
    people = data["penandatangan"]
    assert people["kepala_daerah"]["nama"] == "Drs. Uji, M.Si."  # type: ignore[index]

    capsys.readouterr()
    assert run(path, "instansi", "show") == 0
    text = capsys.readouterr().out
    assert "ibu_kota" in text and "Maumere" in text and "Penandatangan:" in text
    assert "PNG 100×120 piksel" in text


@pytest.mark.parametrize(
    ("arg", "words"),
    [
        ("warna=merah", ["'warna'", "tidak dikenal"]),
        ("kepala_bkpsdm.nip=12345678901234567", ["kepala_bkpsdm.nip", "17 angka"]),
        ("ukuran_kertas=B5", ["ukuran_kertas", "F4 atau A4"]),
        ("ibu_kota", ["KUNCI=NILAI"]),
        ("logo=/tidak/ada.png", ["logo", "tidak dapat dibaca"]),
        ("sekda.nip=196805121994031004", ["sekda.nip", "tidak ada di data pegawai"]),
    ],
)
def test_a_bad_key_or_value_exits_2_naming_it(
    demo_db: Database, capsys: pytest.CaptureFixture[str], arg: str, words: list[str]
) -> None:
    path = demo_db.path
    demo_db.close()
    before = show(path, capsys)
    extra = ("sekda.sumber=PEGAWAI",) if arg.startswith("sekda.nip") else ()
    assert run(path, "instansi", "set", "ibu_kota=Berubah", *extra, arg) == 2
    err = capsys.readouterr().err
    for word in words:
        assert word in err
    assert show(path, capsys) == before  # nothing written


def test_fresh_demo_issues_an_sk_kp_petikan_without_touching_a_template(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = two_due(demo_db)[0].nip
    path = demo_db.path
    demo_db.close()
    assert run(path, "kp", "propose", "--period", PERIODE, "--nip", a) == 0
    pertek = ("--nomor", "PT-7/BKN/2026", "--tanggal", "2026-11-20")
    assert run(path, "kp", "pertek", "--period", PERIODE, "--nip", a, *pertek) == 0
    data = show(path, capsys)
    out = tmp_path / "sk"
    issue = ("kp", "issue", "--period", PERIODE, "--out", str(out), "--tanggal", "2026-11-22")
    assert run(path, *issue, "--nip", a) == 0, capsys.readouterr().err
    assert "1 SK kenaikan pangkat terbit" in capsys.readouterr().out
    pdf = next(out.glob(f"{a}*.pdf"))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    people = data["penandatangan"]
    sekda, kepala = people["sekda"], people["kepala_bkpsdm"]
    assert isinstance(sekda, dict) and isinstance(kepala, dict)
    assert str(sekda["nama"]) in text  # signs a.n. the kepala daerah
    assert str(kepala["nama"]) in text  # authenticates the petikan
    assert "a.n." in text and "Nusa Indah" in text
    reader = PdfReader(pdf)
    images = [img for page in reader.pages for img in page.images]
    assert images  # the configured logo
    with Image.open(io.BytesIO(images[0].data)) as img:
        assert img.size[0] >= 16
