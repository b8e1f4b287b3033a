"""Linux desktop integration (packaging/linux): desktop entry, AppStream, icons, install tree,
Flatpak permissions.

The validators are the freedesktop tools themselves (``desktop-file-validate``, ``appstreamcli``):
skipped without them, failing under FIELDDOC_REQUIRE_INTEROP=1 like the age / minisign tests.
``make_icons.py`` and ``install.sh`` run as the commands packaging runs, in subprocesses.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest
from PIL import Image

from fielddoc.gui.environment import APPLICATION
from tests.conftest import ROOT, require_tool

LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.fielddoc.Fielddoc"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MANIFEST = LINUX / f"{APP_ID}.yml"
INSTALL = LINUX / "install.sh"
MAKE_ICONS = LINUX / "make_icons.py"
SOURCE_SVG = ROOT / "resources" / "icons" / "app.svg"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# The whole sandbox, argued one by one in packaging/linux/README.md. Widening it must be a
# deliberate edit here, in the manifest and in the README.
FLATPAK_PERMISSIONS = {
    "--socket=wayland",
    "--socket=fallback-x11",
    "--share=ipc",
    "--env=QT_QPA_PLATFORM=wayland;xcb",
    "--filesystem=/run/media",
    "--filesystem=/media",
    "--talk-name=org.freedesktop.ScreenSaver",
    "--talk-name=org.gnome.ScreenSaver",
}


def desktop_entry() -> dict[str, str]:
    parser = ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def metainfo() -> ET.Element:
    # our own file from the checkout, not untrusted input
    return ET.parse(METAINFO).getroot()  # noqa: S314


def pyproject() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        project: dict[str, object] = tomllib.load(handle)["project"]
    return project


def finish_args(text: str) -> list[str]:
    """Items of the top-level ``finish-args:`` list (PyYAML is not a project dependency)."""
    lines = text.splitlines()
    items = []
    for line in lines[lines.index("finish-args:") + 1 :]:
        if line and not line[0].isspace() and not line.startswith("#"):
            break  # the next top-level key
        stripped = line.strip()
        if stripped.startswith("- "):
            items.append(stripped[2:].strip())
    return items


def run_make_icons(out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAKE_ICONS), str(out), *extra],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def run_install(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(INSTALL), *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHON": sys.executable},
        timeout=120,
        check=False,
    )


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if not p.is_dir()}


@pytest.fixture(scope="module")
def icons(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    result = run_make_icons(out)
    assert result.returncode == 0, result.stderr
    return out


def fake_frozen(folder: Path) -> Path:
    """A stand-in for dist/fielddoc: two scripts that say who they are, support files made
    under umask 077 as the real build may be, and a symlink as PyInstaller makes for libraries."""
    internal = folder / "_internal"
    internal.mkdir(parents=True)
    for exe in ("fielddoc-gui", "fielddoc"):
        script = folder / exe
        script.write_text(f'#!/bin/sh\necho "{exe} ran"\n', encoding="utf-8")
        script.chmod(0o700)
    (internal / "libpython3.11.so.1.0").write_bytes(b"\x7fELF fake")
    (internal / "libpython3.11.so.1.0").chmod(0o600)
    (internal / "libpython3.11.so").symlink_to("libpython3.11.so.1.0")
    (internal / "stale-next-time.txt").write_text("x", encoding="utf-8")
    return folder


# --- desktop entry ------------------------------------------------------------------------


def test_desktop_entry_passes_desktop_file_validate() -> None:
    tool = require_tool("desktop-file-validate")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    # the validator prints errors, warnings and hints; a clean file produces none of them
    assert result.returncode == 0
    assert result.stdout.strip() == ""


def test_desktop_entry_launches_the_gui_and_matches_qt() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "fielddoc-gui"
    assert entry["Icon"] == APP_ID
    # on X11, Qt sets the WM_CLASS class to the application name; docks group windows by it
    assert entry["StartupWMClass"] == APPLICATION
    # bundles are imported from inside the app; no file type should launch it
    assert "MimeType" not in entry
    assert entry["Terminal"] == "false"


@pytest.mark.parametrize("lang", ["ru", "ky"])
def test_desktop_entry_is_translated(lang: str) -> None:
    entry = desktop_entry()
    for key in ("GenericName", "Comment", "Keywords"):
        translated = entry[f"{key}[{lang}]"]
        assert translated != entry[key]
        assert re.search("[а-яёүөң]", translated.lower()), f"{key}[{lang}] is not Cyrillic"


# --- AppStream ----------------------------------------------------------------------------


def test_metainfo_passes_appstreamcli() -> None:
    tool = require_tool("appstreamcli")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    # errors (E:) fail the run anyway; warnings (W:) would fail a Flathub submission
    assert not re.search(r"^[EW]:", result.stdout, re.MULTILINE), result.stdout


def test_metainfo_agrees_with_project_and_desktop_entry() -> None:
    root = metainfo()
    project = pyproject()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert {"text": root.findtext("project_license")} == project["license"]
    releases = root.findall("releases/release")
    assert releases[0].get("version") == project["version"]
    assert {b.text for b in root.findall("provides/binary")} == {"fielddoc", "fielddoc-gui"}
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]


def test_metainfo_says_no_network_in_english_and_russian() -> None:
    items = metainfo().findall("description/ul/li")
    english = " ".join(li.text or "" for li in items if li.get(XML_LANG) is None)
    russian = " ".join(li.text or "" for li in items if li.get(XML_LANG) == "ru")
    assert "never uses the network" in english
    assert "никогда не обращается к сети" in russian
    # every English point has its Russian counterpart right after it
    langs = [li.get(XML_LANG) for li in items]
    assert langs == [None, "ru"] * (len(items) // 2)


# --- icons --------------------------------------------------------------------------------


def test_make_icons_renders_every_size(icons: Path) -> None:
    expected = {f"hicolor/{n}x{n}/apps/{APP_ID}.png" for n in SIZES}
    expected |= {f"hicolor/scalable/apps/{APP_ID}.svg", "fielddoc.ico", "fielddoc.icns"}
    assert files_under(icons) == expected
    assert (icons / f"hicolor/scalable/apps/{APP_ID}.svg").read_bytes() == SOURCE_SVG.read_bytes()
    for size in SIZES:
        with Image.open(icons / f"hicolor/{size}x{size}/apps/{APP_ID}.png") as image:
            assert image.format == "PNG"
            assert image.size == (size, size)
            rgba = image.convert("RGBA")
        alpha = rgba.getchannel("A")
        histogram = alpha.histogram()
        assert histogram[255] > 0, f"{size}: nothing opaque was drawn"
        assert histogram[0] > 0, f"{size}: the background should stay transparent"
        # drawn over the whole canvas, as the SVG's view box is (the book spans 21 of 24 units)
        _, top, _, bottom = alpha.getbbox() or (0, 0, 0, 0)
        assert bottom - top >= 0.85 * size, f"{size}: drawn at {bottom - top} px high"
        # the teal cover, the dark spine and the white shield: a real picture, not a fill
        colours = rgba.getcolors(maxcolors=size * size) or []
        opaque = {rgb for _, rgb in colours if isinstance(rgb, tuple) and rgb[3] == 255}
        assert len(opaque) >= 3, size


def test_make_icons_writes_windows_and_macos_icons(icons: Path) -> None:
    with Image.open(icons / "fielddoc.ico") as ico:
        assert ico.format == "ICO"
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(icons / "fielddoc.icns") as icns:
        assert icns.format == "ICNS"
        assert {(16, 16), (32, 32), (128, 128), (512, 512)} <= {s[:2] for s in icns.info["sizes"]}


def test_make_icons_rejects_a_bad_source(tmp_path: Path) -> None:
    bad = tmp_path / "broken.svg"
    bad.write_text("<svg", encoding="utf-8")
    result = run_make_icons(tmp_path / "out", "--source", str(bad))
    assert result.returncode == 1
    assert "make_icons: not a readable SVG" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "hicolor").exists()


# --- install tree -------------------------------------------------------------------------


def test_install_lays_out_the_tree(tmp_path: Path, icons: Path) -> None:
    frozen = fake_frozen(tmp_path / "dist" / "fielddoc")
    stage = tmp_path / "stage"
    result = run_install(frozen, stage)  # icons rendered by the script itself
    assert result.returncode == 0, result.stderr

    usr = stage / "usr"
    lib = usr / "lib" / "fielddoc"
    assert files_under(lib) == files_under(frozen)
    assert (lib / "_internal" / "libpython3.11.so").is_symlink()
    for exe in ("fielddoc-gui", "fielddoc"):
        link = usr / "bin" / exe
        assert link.is_symlink()
        assert link.readlink() == Path(f"../lib/fielddoc/{exe}")  # relative: works anywhere
        ran = subprocess.run([str(link)], capture_output=True, text=True, check=True)
        assert ran.stdout == f"{exe} ran\n"
    # program files from a umask-077 build become readable by all users, writable by none
    library = (lib / "_internal" / "libpython3.11.so.1.0").stat().st_mode & 0o777
    assert library == 0o644
    assert (lib / "fielddoc-gui").stat().st_mode & 0o777 == 0o755

    share = usr / "share"
    assert (share / "applications" / DESKTOP.name).read_bytes() == DESKTOP.read_bytes()
    assert (share / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    assert (share / "applications" / DESKTOP.name).stat().st_mode & 0o777 == 0o644
    # only the hicolor tree is installed; the .ico/.icns beside it are for Windows and macOS
    assert files_under(share / "icons") == {p for p in files_under(icons) if "/" in p}
    assert files_under(stage) - {f"usr/{p}" for p in files_under(usr)} == set()


def test_installed_tree_passes_appstreamcli_validate_tree(tmp_path: Path, icons: Path) -> None:
    # validate-tree checks the files against each other: the metainfo's launchable must find
    # the desktop entry, the entry's icon must be installed
    tool = require_tool("appstreamcli")
    stage = tmp_path / "stage"
    assert run_install("--icons", icons, fake_frozen(tmp_path / "f"), stage).returncode == 0
    result = subprocess.run(
        [tool, "validate-tree", "--no-net", str(stage)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
    assert DESKTOP.name in result.stdout or METAINFO.name in result.stdout  # it found our files
    assert not re.search(r"^\s*[EW]:", result.stdout, re.MULTILINE), result.stdout


def test_install_replaces_the_folder_and_takes_a_prefix(tmp_path: Path, icons: Path) -> None:
    frozen = fake_frozen(tmp_path / "fielddoc")
    stage = tmp_path / "stage"
    assert run_install("--icons", icons, "--prefix", "/app", frozen, stage).returncode == 0
    (frozen / "_internal" / "stale-next-time.txt").unlink()
    assert run_install("--icons", icons, "--prefix", "/app", frozen, stage).returncode == 0
    lib = stage / "app" / "lib" / "fielddoc"
    assert not (lib / "_internal" / "stale-next-time.txt").exists()
    assert (stage / "app" / "bin" / "fielddoc-gui").resolve() == (lib / "fielddoc-gui").resolve()
    assert (stage / "app" / "share" / "icons" / "hicolor" / "512x512" / "apps").is_dir()
    assert not (stage / "usr").exists()


def test_install_refuses_a_folder_without_the_executables(tmp_path: Path, icons: Path) -> None:
    frozen = fake_frozen(tmp_path / "fielddoc")
    (frozen / "fielddoc").chmod(0o600)
    result = run_install("--icons", icons, frozen, tmp_path / "stage")
    assert result.returncode == 2
    assert "fielddoc is not an executable file" in result.stderr
    assert not (tmp_path / "stage").exists()


# --- Flatpak ------------------------------------------------------------------------------


def test_flatpak_sandbox_is_exactly_the_documented_one() -> None:
    text = MANIFEST.read_text(encoding="utf-8")
    granted = finish_args(text)
    assert len(granted) == len(set(granted))
    assert set(granted) == FLATPAK_PERMISSIONS
    for forbidden in ("--share=network", "--device=all", "--socket=x11", "session-bus"):
        assert forbidden not in granted
    assert not [a for a in granted if re.match(r"--filesystem=(home|host|~)", a)]
    readme = (LINUX / "README.md").read_text(encoding="utf-8")
    for permission in FLATPAK_PERMISSIONS:
        assert f"`{permission}`" in readme, f"{permission} is not explained in the README"


def test_flatpak_manifest_builds_from_the_frozen_folder() -> None:
    text = MANIFEST.read_text(encoding="utf-8")
    assert re.search(rf"^id: {re.escape(APP_ID)}$", text, re.MULTILINE)
    assert re.search(r"^runtime: org\.freedesktop\.Platform$", text, re.MULTILINE)
    assert re.search(r"^command: fielddoc-gui$", text, re.MULTILINE)
    assert "path: ../../dist/fielddoc" in text
    assert "bash linux/install.sh --prefix /app --icons icons frozen /" in text


# --- one id everywhere --------------------------------------------------------------------


def test_one_application_id_in_every_file() -> None:
    found: dict[str, set[str]] = {}
    for path in sorted(LINUX.iterdir()):
        if path.is_file():
            ids = set(re.findall(r"org\.fielddoc\.[A-Za-z]\w*", path.read_text(encoding="utf-8")))
            found[path.name] = ids
    assert all(ids == {APP_ID} for ids in found.values()), found
    assert metainfo().findtext("id") == APP_ID


def test_gui_tells_wayland_its_desktop_entry() -> None:
    # Wayland compositors match windows to the menu entry (icon, name, grouping) by the app id
    # Qt sends, which comes from QGuiApplication.setDesktopFileName; without it Qt sends the
    # executable's name ("python3" in a checkout, "fielddoc-gui" frozen).
    sources = "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "fielddoc" / "gui").rglob("*.py")
    )
    assert f'setDesktopFileName("{APP_ID}")' in sources
