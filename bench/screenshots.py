"""``make screenshots``: the real app under Xvfb with demo vaults; PNGs of the main screens in
English and Russian (and Kyrgyz), written to ``screenshots/`` (or the folder given).

Without a DISPLAY the script re-runs itself under ``xvfb-run``. Windows are captured from the
X server (``QScreen.grabWindow``), i.e. as a person would see them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "ru", "ky")


def _capture(widget: object, target: Path) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(widget, QWidget)  # noqa: S101
    widget.show()
    widget.raise_()
    for _ in range(20):
        QApplication.processEvents()
    screen = QGuiApplication.primaryScreen()
    pixmap = screen.grabWindow(widget.winId())
    if pixmap.isNull() or pixmap.width() < 10:
        pixmap = widget.grab()
    pixmap.save(str(target))
    print(f"  {target}")


def _shoot_pages(window: Any, role: str, lang: str, out: Path) -> None:
    """Every side-bar page of ``window`` (HQ: testimony and exchange only)."""
    for row, page in enumerate(window.pages):
        window.sidebar.setCurrentRow(row)
        name = type(page).__name__.removesuffix("Page").lower()
        if name == "records":
            name = getattr(page, "template_name", name)
        if role == "hq" and name not in ("exchange", "testimony"):
            continue
        if name == "search":
            # a name in Latin letters that finds the Cyrillic spellings too
            window.search.setText("Abdullaev")
            window.run_search()
        table = getattr(page, "table", None)
        if table is not None and table.model() and table.model().rowCount():
            table.selectRow(0)
        _capture(window, out / f"{lang}-{role}-{row + 3:02d}-{name}.png")


def shoot(out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from bench.demo import PASSPHRASE, make_demo
    from fielddoc.crypto.kdf import KdfParams
    from fielddoc.gui.app import Application
    from fielddoc.gui.environment import prepare
    from fielddoc.gui.firstrun import FirstRunWizard
    from fielddoc.gui.i18n import LANGUAGE
    from fielddoc.gui.mainwindow import MainWindow
    from fielddoc.vault.vault import open_vault

    work = Path(tempfile.mkdtemp(prefix="fielddoc-shots-"))
    try:
        prepare(work / "app")
        app = QApplication([])
        field_path, hq_path = make_demo(work / "demo")
        cheap = KdfParams(64, 1, 1)
        out.mkdir(parents=True, exist_ok=True)
        for lang in LANGUAGES:
            LANGUAGE.apply(lang)
            wizard = FirstRunWizard(work / f"new-{lang}")
            wizard.resize(720, 520)
            _capture(wizard, out / f"{lang}-01-first-run.png")
            wizard.close()
            for role, path in (("field", field_path), ("hq", hq_path)):
                controller = Application(path)
                controller.start()
                if role == "field":
                    controller.window.resize(560, 320)  # type: ignore[union-attr]
                    _capture(controller.window, out / f"{lang}-02-unlock.png")
                vault = open_vault(path, PASSPHRASE, floor=cheap)
                vault.release_connection()
                controller.unlocked(vault)
                LANGUAGE.apply(lang)
                window = controller.window
                assert isinstance(window, MainWindow)  # noqa: S101
                window.resize(1280, 800)
                _shoot_pages(window, role, lang, out)
                controller.lock()
                controller.window.close()  # type: ignore[union-attr]
        app.quit()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"
    if not os.environ.get("DISPLAY") and os.environ.get("FIELDDOC_IN_XVFB") != "1":
        if not shutil.which("xvfb-run"):
            print("screenshots need Xvfb (xvfb-run); .ci/run installs it")
            return 1
        env = {**os.environ, "FIELDDOC_IN_XVFB": "1", "QT_QPA_PLATFORM": "xcb"}
        return subprocess.run(
            [
                "xvfb-run",
                "-a",
                "-s",
                "-screen 0 1400x900x24",
                sys.executable,
                "-m",
                "bench.screenshots",
                str(out),
            ],
            env=env,
            cwd=ROOT,
            check=False,
        ).returncode
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    shoot(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
