"""Desktop app figures (issue 5): process start to unlock window, unlock to main window with
100k records, and scrolling the whole list. Run offscreen unless DISPLAY is set.

There is no standard tool to run beside a GUI, so each figure is printed with its target;
the start-up time is also printed next to a bare PySide6 window in the same run, which is the
floor any Qt application pays on this machine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import heading

RECORDS = 100_000
ENV = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}

START = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from fielddoc.gui.app import Application, system_language
from fielddoc.gui.environment import prepare
from fielddoc.gui.i18n import LANGUAGE
prepare(Path(sys.argv[2]))
app = QApplication([])
LANGUAGE.apply(system_language())
controller = Application(Path(sys.argv[1]))
QTimer.singleShot(0, controller.start)
def probe():
    if controller.window is not None and controller.window.isVisible():
        print(time.time())
        app.quit()
    else:
        QTimer.singleShot(1, probe)
QTimer.singleShot(0, probe)
app.exec()
"""

BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("x")
label.show()
QTimer.singleShot(0, lambda: (print(time.time()), app.quit()))
app.exec()
"""

MAIN = """
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from fielddoc.crypto.kdf import KdfParams
from fielddoc.gui.app import Application
from fielddoc.gui.environment import prepare
from fielddoc.gui.mainwindow import MainWindow
from fielddoc.vault.vault import open_vault
prepare(Path(sys.argv[2]))
app = QApplication([])
cheap = KdfParams(64, 1, 1)
vault = open_vault(Path(sys.argv[1]), 'benchmark passphrase', floor=cheap)
vault.release_connection()
controller = Application(Path(sys.argv[1]))
start = time.perf_counter()
controller.unlocked(vault)
app.processEvents()
shown = time.perf_counter() - start
window = controller.window
assert isinstance(window, MainWindow)
page = window.pages[0]
start = time.perf_counter()
while page.model.canFetchMore(page.model.index(-1, -1)):
    page.table.scrollToBottom()
    app.processEvents()
scrolled = time.perf_counter() - start
print(json.dumps({"shown": shown, "scrolled": scrolled, "rows": page.model.rowCount()}))
controller.lock()
"""


def spawn_time(script: str, *args: str) -> float:
    began = time.time()
    out = subprocess.run(
        [sys.executable, "-c", script, *args], check=True, capture_output=True, text=True, env=ENV
    ).stdout
    return float(out.strip().splitlines()[-1]) - began


def build_vault(path: Path, records: int) -> None:
    """A vault of ``records`` testimonies, built in its own process."""
    script = "import sys; from bench.bench_gui import fill; fill(sys.argv[1], sys.argv[2])"
    subprocess.run(
        [sys.executable, "-c", script, str(path), str(records)],
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )


def fill(folder: str, count: str) -> None:
    from bench.common import sample_records
    from fielddoc.crypto.kdf import KdfParams
    from fielddoc.records.store import RecordStore
    from fielddoc.vault.vault import create_vault

    cheap = KdfParams(64, 1, 1)  # the KDF is not what this benchmark measures
    vault, _ = create_vault(Path(folder), "benchmark passphrase", kdf=cheap, floor=cheap)
    store = RecordStore(vault.conn, vault_id=vault.vault_id, device_id=vault.info.device_id)
    items = [
        {"title": body.get("title") or body.get("name"), "narrative": body.get("narrative", "")}
        for _, body in sample_records(int(count), seed=4)
    ]
    for start in range(0, len(items), 5000):
        with store.batch():
            for body in items[start : start + 5000]:
                store.create("testimony", body)
    vault.close()


def main() -> None:
    heading("Desktop application")
    work = Path(tempfile.mkdtemp(prefix="fielddoc-bench-gui-"))
    try:
        app_dir = work / "app"
        app_dir.mkdir()
        empty = work / "empty-vault"
        build_vault(empty, 0)
        starts = [spawn_time(START, str(empty), str(app_dir)) for _ in range(5)]
        bare = [spawn_time(BARE) for _ in range(5)]
        starts.sort()
        bare.sort()
        print(
            f"  process start to unlock window: {starts[2] * 1000:6.0f} ms median "
            f"(target < 1000 ms); a bare Qt window: {bare[2] * 1000:6.0f} ms"
        )
        big = work / "big-vault"
        started = time.perf_counter()
        build_vault(big, RECORDS)
        print(
            f"  (built a vault of {RECORDS} testimonies in {time.perf_counter() - started:.0f} s)"
        )
        out = subprocess.run(
            [sys.executable, "-c", MAIN, str(big), str(app_dir)],
            check=True,
            capture_output=True,
            text=True,
            env=ENV,
        ).stdout
        report = json.loads(out.strip().splitlines()[-1])
        print(
            f"  unlock to main window with {RECORDS} records: {report['shown'] * 1000:6.0f} ms "
            "(KDF excluded)"
        )
        print(
            f"  scrolling the whole list ({report['rows']} rows, fetched lazily): "
            f"{report['scrolled']:.2f} s"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
