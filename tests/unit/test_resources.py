"""fielddoc/resources.py finds migrations/, resources/ and ui/ in a checkout and in a wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from fielddoc import resources

ROOT = Path(__file__).resolve().parents[2]


def test_checkout_layout() -> None:
    assert resources.migrations_dir() == ROOT / "migrations"
    assert resources.resource_path("templates") == ROOT / "resources" / "templates"
    assert resources.data_dir("ui") == ROOT / "ui"


def test_installed_wheel_layout(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next((tmp_path / "dist").glob("fielddoc-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "fielddoc/_data/migrations/0001_initial.sql" in names
    assert any(n.startswith("fielddoc/_data/resources/templates/") for n in names)
    # translations are compiled by the build, not committed
    assert "fielddoc/_data/resources/translations/fielddoc_ru.qm" in names
    assert "fielddoc/_data/resources/translations/qtbase_ky.qm" in names  # Qt has no ky
    assert "fielddoc/_data/resources/translations/qtbase_ru_extra.qm" in names  # Qt's gaps
    assert "fielddoc/_data/resources/icons/app.svg" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import fielddoc.resources as r, fielddoc.vault.migrations as m\n"
        "print(r.migrations_dir()); print(r.resource_path('templates')); print(r.data_dir('ui'))\n"
        "print(m.latest_version())\n"
    )
    # -I: isolated, so the checkout is not importable; only the unpacked wheel is
    out = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r})\n" + probe],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out[0] == str(site / "fielddoc" / "_data" / "migrations")
    assert out[1] == str(site / "fielddoc" / "_data" / "resources" / "templates")
    assert out[2] == str(site / "fielddoc" / "_data" / "ui")
    assert int(out[3]) >= 1
