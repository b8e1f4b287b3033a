"""The frozen Linux build (``make package``): its self-test, and what went into the folder."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import tarfile
from pathlib import Path

import pytest

import fielddoc

# libraries a Linux desktop provides and the build host may lack; Qt loads the plugins that
# need them only on such a desktop (Wayland session)
SYSTEM_ONLY = re.compile(r"^lib(wayland-[a-z]+|gtk-3|gdk-3|xkbcommon-x11|EGL|GL)\.so")


def _env(tmp_path: Path) -> dict[str, str]:
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "TMPDIR": str(temp),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }


def _run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def _files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


def test_gui_self_test_passes_and_leaves_nothing(frozen: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    result = _run([str(frozen / "fielddoc-gui"), "--self-test"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "all checks passed"
    assert not [line for line in lines if line.startswith("FAIL")]
    # every pipeline step and every Qt check reported success
    assert sum(line.startswith("ok ") for line in lines) == 12 + 6
    assert list(Path(env["TMPDIR"]).iterdir()) == []  # the temporary vaults are gone
    # the app's private settings folder is all it keeps under $HOME
    outside = [p for p in _files(Path(env["HOME"])) if "fielddoc" not in p.parts]
    assert outside == []


def test_cli_self_test_and_version(frozen: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    result = _run([str(frozen / "fielddoc"), "self-test"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("self-test passed")
    version = _run([str(frozen / "fielddoc"), "--version"], env)
    assert version.stdout.strip() == f"fielddoc {fielddoc.__version__}"


def test_cli_reports_errors_without_a_traceback(frozen: Path, tmp_path: Path) -> None:
    env = _env(tmp_path)
    result = _run([str(frozen / "fielddoc"), "--vault", str(tmp_path / "none"), "check"], env)
    assert result.returncode == 1
    assert result.stderr.startswith("fielddoc: error [")
    assert "Traceback" not in result.stderr


def test_every_bundled_library_resolves(frozen: Path) -> None:
    internal = frozen / "_internal"
    env = {"LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    missing: set[str] = set()
    for path in _files(internal):
        if ".so" not in path.name:
            continue
        out = _run(["ldd", str(path)], env).stdout
        for line in out.splitlines():
            if "not found" in line:
                name = line.split()[0]
                if not SYSTEM_ONLY.match(name):
                    missing.add(f"{path.name}: {name}")
    assert sorted(missing) == []


def test_trimmed_to_what_the_app_uses(frozen: Path) -> None:
    names = {path.relative_to(frozen).as_posix() for path in _files(frozen)}
    qt = "_internal/PySide6/Qt/"
    plugins = {n.removeprefix(qt + "plugins/") for n in names if n.startswith(qt + "plugins/")}
    # no network-facing plugin (fielddoc has no network code): VNC, TLS backends, network info
    assert not [p for p in plugins if re.search(r"vnc|tls/|networkinformation", p)]
    assert "iconengines/libqsvgicon.so" in plugins  # the icons are SVG
    assert "imageformats/libqsvg.so" in plugins
    assert "imageformats/libqjpeg.so" in plugins  # photos in the evidence viewer
    assert "platforms/libqxcb.so" in plugins
    libraries = {Path(n).name for n in names if n.startswith(qt + "lib/")}
    assert not [n for n in libraries if re.match(r"libQt6(Quick|Qml|WebEngine|Multimedia)", n)]
    translations = {Path(n).name for n in names if n.startswith(qt + "translations/")}
    assert translations == {"qtbase_ru.qm"}
    # test-only and build-only packages stay out of the build
    for package in ("pytest", "hypothesis", "pyrage", "bagit", "mypy", "PyInstaller"):
        assert not any(f"/{package}/" in f"/{n}" for n in names), package
    # translation sources are not shipped, their compiled forms are
    data = "_internal/fielddoc/_data/"
    assert not [n for n in names if n.startswith(data) and n.endswith(".ts")]
    for language in ("ru", "ky"):
        assert f"{data}resources/translations/fielddoc_{language}.qm" in names
    assert f"{data}resources/translations/qtbase_ru_extra.qm" in names  # gaps in Qt's Russian
    assert any(n.startswith(f"{data}migrations/0001_") for n in names)


@pytest.mark.parametrize("program", ["fielddoc-gui", "fielddoc"])
def test_programs_are_executable_and_not_writable_by_others(frozen: Path, program: str) -> None:
    mode = (frozen / program).stat().st_mode
    assert mode & 0o111  # executable
    assert not mode & 0o022  # nobody else may replace the program


def test_tarball_unpacks_to_a_working_install_tree(frozen: Path, tmp_path: Path) -> None:
    version = fielddoc.__version__
    tarball = frozen.parent / f"fielddoc-{version}-linux-{os.uname().machine}.tar.gz"
    digest = tarball.with_name(tarball.name + ".sha256").read_text().split()[0]
    assert hashlib.sha256(tarball.read_bytes()).hexdigest() == digest
    with tarfile.open(tarball) as archive:
        members = archive.getmembers()
        # one top folder, no absolute paths, no names climbing out of it
        assert {m.name.split("/")[0] for m in members} == {f"fielddoc-{version}"}
        assert not [m for m in members if m.name.startswith("/") or ".." in m.name.split("/")]
        assert {(m.uid, m.gid) for m in members} == {(0, 0)}
        archive.extractall(tmp_path, filter="data")
    top = tmp_path / f"fielddoc-{version}"
    result = _run([str(top / "bin" / "fielddoc"), "--version"], _env(tmp_path))
    assert result.stdout.strip() == f"fielddoc {version}"  # through the bin/ symlink
    share = top / "share"
    assert (share / "applications" / "org.fielddoc.Fielddoc.desktop").is_file()
    assert (share / "metainfo" / "org.fielddoc.Fielddoc.metainfo.xml").is_file()
    for size in (16, 32, 48, 128, 256, 512):
        assert (share / f"icons/hicolor/{size}x{size}/apps/org.fielddoc.Fielddoc.png").is_file()
