"""The wheel carries its resources: built, installed non-editable into a fresh venv (reusing the
installed dependencies, no network), it prints its version and renders an SK petikan with the
bundled Liberation Serif, from outside the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

SNIPPET = """
import sys
import tarfile
from pathlib import Path
import app
from app.paths import resources_dir
from app.reports.pdf import fonts
src = Path(sys.argv[1]).resolve()
assert src not in Path(app.__file__).resolve().parents, app.__file__
assert (fonts.fonts_dir() / "LiberationSerif-Regular.ttf").is_file()
assert (resources_dir() / "bantuan" / "index.html").is_file()
from app.models.storage.migrations.steps import LATEST_VERSION, MIGRATIONS
from app.reports.pdf import decree_samples
from app.reports.pdf.decree import render_bytes
import io, pypdf
pdf = pypdf.PdfReader(io.BytesIO(render_bytes(decree_samples.promotion(), kind="petikan")))
fonts_used = {
    str(f["/BaseFont"]) for p in pdf.pages for f in p["/Resources"]["/Font"].values()
}
assert any("LiberationSerif" in f for f in fonts_used), fonts_used
assert "PETIKAN" in pdf.pages[0].extract_text().upper()
print("OK", LATEST_VERSION, len(MIGRATIONS))
"""


def source_copy(tmp_path: Path) -> Path:
    """What a build reads, copied: building leaves build/ and merit.egg-info in its folder."""
    source = tmp_path / "source"
    shutil.copytree(ROOT / "app", source / "app", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    return source


def test_wheel_carries_resources_and_runs_installed(tmp_path: Path) -> None:
    # Without PYTHONPATH (the source tree, as the developers' test command sets it): pip would
    # take the source tree's merit.egg-info for an installed merit and skip the wheel. Built from
    # a copy, so that no build/ or merit.egg-info is left in the source tree.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["MERIT_HOME"] = str(tmp_path / "home")
    source = source_copy(tmp_path)
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(source)],
        check=True,
        cwd=tmp_path,
        env=env,
    )
    (wheel,) = dist.glob("merit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "app/resources/fonts/LiberationSerif-Regular.ttf",
        "app/resources/fonts/LICENSE-LiberationSerif.txt",
        "app/resources/logo-placeholder.png",
        "app/resources/bantuan/index.html",
        "app/models/storage/migrations/0001_dasar.sql",
    ):
        assert needed in names, needed
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=env)
    py = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    # Reuse this environment's dependencies (no network): its site-packages as a plain path
    # after the new venv's own, so the installed wheel's ``app`` wins over any editable one.
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        cwd=tmp_path,
        env=env,
    )
    # After the install, so that pip does not see this environment's (editable) merit.
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "zz-deps.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    out = subprocess.run(
        [str(py), "-c", SNIPPET, str(ROOT)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("OK ")
    merit = venv / "bin" / "merit"
    ver = subprocess.run(
        [str(merit), "--version"], capture_output=True, text=True, env=env, cwd=tmp_path, check=True
    )
    assert "skema basis data" in ver.stdout


def test_sdist_carries_resources(tmp_path: Path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from setuptools import build_meta as b; print(b.build_sdist(sys.argv[1]))",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=source_copy(tmp_path),
        check=True,
    )
    name = out.stdout.strip().splitlines()[-1]
    with tarfile.open(tmp_path / name) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for needed in (
        "app/resources/fonts/LiberationSerif-Bold.ttf",
        "app/resources/lambang-demo.png",
        "app/resources/bantuan/index.html",
        "app/models/storage/migrations/0001_dasar.sql",
    ):
        assert needed in names, needed
