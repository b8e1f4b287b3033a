"""``make screenshots``: the real app under Xvfb with demo vaults.

Two sets of PNGs come out of one run:

- the main screens in English, Russian and Kyrgyz, written to ``screenshots/`` (or the folder
  given as the only argument); these are for reviewing the layout and are not committed;
- the curated set the user guides show, in English and Russian, written to
  ``docs/guide/<lang>/img/`` under the same file names in both languages (the guides and
  ``tests/unit/test_docs.py`` rely on that). These are committed, so they are saved as small
  palette PNGs.

The guide set walks through the monitor's whole cycle on a private copy of the demo vaults
for each language: unlock, the record editor, evidence, the Vault menu and its dialogs, the
export wizard writing a real bundle, the HQ inbox importing it and writing a receipt, the
receipt back on the laptop, the purge confirmation, and finally a real panic erase of that
copy. Dialogs that run their own event loop (``exec()``) are captured from inside it by a
timer and then cancelled, so the code that runs is the code a monitor runs.

Without a DISPLAY the script re-runs itself under ``xvfb-run``. Windows are captured from the
X server (``QScreen.grabWindow``), i.e. as a person would see them. A step that does not
finish within :data:`WAIT_SECONDS` stops the run with an error naming the step.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "ru", "ky")
GUIDE_LANGUAGES = ("en", "ru")
GUIDE_ROOT = ROOT / "docs" / "guide"
GUIDE_WINDOW = (1100, 700)  # readable when printed, small enough to keep each PNG compact
WAIT_SECONDS = 60.0
# the demo testimony each guide opens in the editor: one written in the guide's language
GUIDE_TESTIMONY = {"en": "Ill-treatment reported", "ru": "Обыск в редакции"}


def _settle(rounds: int = 20) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()


def _wait(condition: Callable[[], bool], what: str) -> None:
    """Run the event loop until ``condition`` holds; raise naming ``what`` after a timeout."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"screenshots: timed out waiting for {what}")
        QApplication.processEvents()
        time.sleep(0.01)
    _settle()


def _grab(widget: Any) -> Any:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)  # noqa: S101
    widget.show()
    widget.raise_()
    _settle()
    pixmap = QGuiApplication.primaryScreen().grabWindow(widget.winId())
    if pixmap.isNull() or pixmap.width() < 10:
        pixmap = widget.grab()
    return pixmap


def _capture(widget: object, target: Path) -> None:
    _grab(widget).save(str(target))
    print(f"  {target}")


def _save_compact(pixmap: Any, target: Path) -> None:
    """Save as a 256-colour PNG: user-interface pictures lose nothing visible, and the files
    are a third of the size, which matters because the guide images are committed."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.toImage().save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(target, "PNG", optimize=True)
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


def shoot(out: Path, work: Path) -> None:
    """The review set: every main screen in every language, into ``out``."""
    from bench.demo import PASSPHRASE, make_demo
    from fielddoc.crypto.kdf import KdfParams
    from fielddoc.gui.app import Application
    from fielddoc.gui.firstrun import FirstRunWizard
    from fielddoc.gui.i18n import LANGUAGE
    from fielddoc.gui.mainwindow import MainWindow
    from fielddoc.vault.vault import open_vault

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


# --- the guide set ---------------------------------------------------------------------------


def _enrich(field_path: Path) -> None:
    """Give the testimonies the guides open a filled-in interview header and consent, the
    way a monitor would record them (the demo itself keeps only title and narrative)."""
    from bench.demo import CHEAP, PASSPHRASE
    from fielddoc.exchange.context import exchange_context
    from fielddoc.vault.vault import open_vault

    vault = open_vault(field_path, PASSPHRASE, floor=CHEAP)
    try:
        records = exchange_context(vault).records
        for summary in records.list(template="testimony"):
            record = records.get(summary.id)
            language = "english" if summary.title.isascii() else "russian"
            body = {
                **record.body,
                "interview_date": "2024-03-18",
                "interview_start_time": "14:30",
                "interview_mode": "in_person",
                "interviewer": "Aigul",
                "language": language,
                "source_connection": "victim",
                "consent": {
                    "given": True,
                    "method": "oral",
                    "scope": ["internal_documentation", "anonymised_publication"],
                    "recorded_by": "Aigul",
                    "recorded_at": "2024-03-18",
                },
                "anonymity": "pseudonym",
                "risk_level": "high",
            }
            records.edit(summary.id, body, base_revision=record.summary.head_revision)
    finally:
        vault.close()


class GuideShots:
    """One language's guide pictures, on a private copy of the demo vaults."""

    def __init__(self, lang: str, field_path: Path, hq_path: Path, work: Path) -> None:
        self.lang = lang
        self.field_path = field_path
        self.hq_path = hq_path
        self.work = work
        self.out = GUIDE_ROOT / lang / "img"
        self.stick = work / "USB-stick"  # stands in for the monitor's USB stick
        self.controller: Any = None

    # --- plumbing -----------------------------------------------------------------------

    def save(self, widget: Any, name: str) -> None:
        _save_compact(_grab(widget), self.out / f"{name}.png")

    def save_area(self, window: Any, name: str) -> None:
        """The screen under ``window``, pop-up menus included (they are windows of their own)."""
        from PySide6.QtGui import QGuiApplication

        _settle()
        frame = window.frameGeometry()
        pixmap = QGuiApplication.primaryScreen().grabWindow(
            0, frame.x(), frame.y(), frame.width(), frame.height()
        )
        _save_compact(pixmap, self.out / f"{name}.png")

    def save_modal(self, trigger: Callable[[], object], name: str) -> None:
        """Call ``trigger``, which opens a dialog with ``exec()``; picture it, then cancel it."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QDialog

        seen: list[bool] = []

        def shoot_and_cancel() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:  # not up yet: try again shortly
                QTimer.singleShot(100, shoot_and_cancel)
                return
            self.save(dialog, name)
            seen.append(True)
            if isinstance(dialog, QDialog):  # a message box or another dialog: cancel it
                dialog.reject()

        QTimer.singleShot(200, shoot_and_cancel)
        trigger()
        if not seen:
            raise RuntimeError(f"screenshots: no dialog appeared for {name}")

    def open(self, path: Path, unlock_picture: str | None = None) -> Any:
        """Start the app on ``path`` and unlock it as the unlock window would (picturing that
        window first under the name ``unlock_picture``, if given)."""
        from bench.demo import CHEAP, PASSPHRASE
        from fielddoc.gui.app import Application
        from fielddoc.vault.vault import open_vault

        self.controller = Application(path)
        self.controller.start()
        if unlock_picture is not None:
            self.controller.window.resize(560, 320)
            self.save(self.controller.window, unlock_picture)
        vault = open_vault(path, PASSPHRASE, floor=CHEAP)
        vault.release_connection()
        self.controller.unlocked(vault)
        # stored in the vault as a monitor's choice would be, so Settings shows it too
        self.controller.set_language(self.lang)
        window = self.controller.window
        window.move(0, 0)
        window.resize(*GUIDE_WINDOW)
        _settle()
        return window

    def close(self) -> None:
        self.controller.lock()
        self.controller.window.close()
        _settle()

    @staticmethod
    def page(window: Any, kind: type) -> Any:
        row = window.page_of(kind)
        window.sidebar.setCurrentRow(row)
        _settle()
        return window.pages[row]

    @staticmethod
    def scroll_to(page: Any, widget: Any) -> None:
        from PySide6.QtWidgets import QScrollArea

        area = page.findChild(QScrollArea)
        _settle()
        area.ensureWidgetVisible(widget, 0, 0)
        area.verticalScrollBar().setValue(widget.y())
        _settle()

    # --- the walk -----------------------------------------------------------------------

    def run(self) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        for old in self.out.glob("*.png"):  # the folder holds exactly the current set
            old.unlink()
        self.stick.mkdir()
        self.first_run()
        bundle = self.field_before_export()
        self.hq_import(bundle)
        self.field_after_receipt()

    def first_run(self) -> None:
        from fielddoc.gui.firstrun import FirstRunWizard

        wizard = FirstRunWizard(self.work / "new-vault")
        wizard.resize(720, 520)
        self.save(wizard, "first-run")
        wizard.close()

    def field_before_export(self) -> Path:
        from fielddoc.gui.pages.records import RecordsPage

        window = self.open(self.field_path, unlock_picture="unlock")
        testimonies = self.page(window, RecordsPage)
        record_id = self.select_testimony(testimonies)
        self.save(window, "main-window")
        self.vault_menu(window)
        self.editor(window, record_id)
        self.evidence(window)
        self.dialogs(window)
        bundle = self.outbox_and_export(window)
        self.close()
        return bundle

    def select_testimony(self, page: Any) -> str:
        wanted = GUIDE_TESTIMONY[self.lang]
        for row in range(page.model.rowCount()):
            record_id = page.model.record_id(row)
            if page.session.records.get(record_id).summary.title.startswith(wanted):
                page.select(record_id)
                _settle()
                return str(record_id)
        raise RuntimeError(f"screenshots: no demo testimony starting with {wanted!r}")

    def editor(self, window: Any, record_id: str) -> None:
        from fielddoc.gui.editor import RecordEditor

        editor = RecordEditor(window.session, "testimony", record_id, window)
        editor.resize(900, 680)
        self.save(editor, "editor")
        editor.abandon()

    def evidence(self, window: Any) -> None:
        from fielddoc.gui.pages.evidence import EvidencePage

        page = self.page(window, EvidencePage)
        page.table.selectRow(0)
        page.tabs.setCurrentIndex(1)  # Details: hash, custody; the preview is a drawn shape
        self.save(window, "evidence")

    def vault_menu(self, window: Any) -> None:
        menu = window.file_menu
        bar = window.menuBar()
        menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft()))
        _wait(menu.isVisible, "the Vault menu")
        menu.setActiveAction(window.panic_action)
        self.save_area(window, "vault-menu")
        menu.hide()

    def dialogs(self, window: Any) -> None:
        from fielddoc.exchange.context import exchange_context
        from fielddoc.gui.card_import import CardImportDialog
        from fielddoc.gui.passphrase_dialog import KeyFileDialog
        from fielddoc.gui.safety import PanicDialog
        from fielddoc.gui.settings_dialog import SettingsDialog
        from fielddoc.vault.vault import open_vault

        session = window.session
        for dialog, name in (
            (SettingsDialog(session, window), "settings"),
            (KeyFileDialog(session.vault, window), "keyfile"),
            (PanicDialog(window), "panic"),
        ):
            dialog.resize(max(dialog.sizeHint().width(), 560), dialog.sizeHint().height())
            self.save(dialog, name)
            dialog.reject()
        from bench.demo import CHEAP, PASSPHRASE

        hq = open_vault(self.hq_path, PASSPHRASE, floor=CHEAP)
        try:
            card = exchange_context(hq).card
        finally:
            hq.close()
        importer = CardImportDialog(session, card, window)
        importer.typed.setText(card.fingerprint)
        importer.resize(620, importer.sizeHint().height())
        self.save(importer, "card-import")
        importer.reject()

    def outbox_and_export(self, window: Any) -> Path:
        from PySide6.QtWidgets import QWizard

        from fielddoc.gui.pages.exchange import ExchangePage

        page = self.page(window, ExchangePage)
        self.save(window, "outbox")
        wizard = page.make_export_wizard()
        wizard.show()
        _wait(wizard.contents.isComplete, "the export counts")
        self.save(wizard, "export-wizard")
        wizard.next()  # to whom
        wizard.next()  # where
        wizard.set_output(self.stick / wizard.suggested())
        wizard.next()  # the commit page starts the export
        _wait(lambda: wizard.finished_export, "the export")
        if wizard.export_result is None:
            raise RuntimeError(f"screenshots: the export failed: {wizard.failure}")
        self.save(wizard, "export-done")
        wizard.button(QWizard.WizardButton.FinishButton).click()
        _settle()
        return Path(wizard.export_result.path)

    def hq_import(self, bundle: Path) -> None:
        from fielddoc.gui.pages.exchange import ExchangePage

        window = self.open(self.hq_path)
        page = self.page(window, ExchangePage)
        page.set_receipts_dir(self.stick)
        done: list[bool] = []
        page.operation_finished.connect(lambda _kind, ok: done.append(ok))
        page.import_bundles([bundle])
        _wait(lambda: bool(done), "the HQ import")
        if not done[0]:
            raise RuntimeError("screenshots: the demo bundle was not imported")
        self.scroll_to(page, page.in_box)
        self.save(window, "hq-inbox")
        self.close()

    def field_after_receipt(self) -> None:
        from fielddoc.gui.pages.exchange import ExchangePage

        window = self.open(self.field_path)
        page = self.page(window, ExchangePage)
        receipt = next(self.stick.glob("*.fdreceipt"))
        done: list[bool] = []
        page.operation_finished.connect(lambda _kind, ok: done.append(ok))
        page.import_receipt_file(receipt)
        _wait(lambda: bool(done), "the receipt import")
        if not done[0]:
            raise RuntimeError("screenshots: the demo receipt was not accepted")
        self.scroll_to(page, page.send_box)
        self.save(window, "outbox-receipt")
        self.save_modal(page.purge_clicked, "purge-confirm")
        self.controller.erase_now()  # this copy only: the picture of what panic leaves
        self.controller.window.resize(480, 200)
        self.save(self.controller.window, "erased")
        self.controller.window.close()


def shoot_guides(work: Path) -> None:
    """The guide set, each language on its own copy of one enriched pair of demo vaults."""
    from bench.demo import make_demo
    from fielddoc.gui.i18n import LANGUAGE

    field_path, hq_path = make_demo(work / "guide-demo")
    _enrich(field_path)
    for lang in GUIDE_LANGUAGES:
        # the folder names show in the pictures (unlock window, export result)
        copy = work / lang
        shutil.copytree(work / "guide-demo", copy / "vaults")
        LANGUAGE.apply(lang)
        vaults = copy / "vaults"
        GuideShots(lang, vaults / field_path.name, vaults / hq_path.name, copy).run()


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
    from PySide6.QtWidgets import QApplication

    from fielddoc.gui.environment import prepare

    work = Path(tempfile.mkdtemp(prefix="fielddoc-shots-"))
    try:
        prepare(work / "app")
        app = QApplication([])
        shoot(out, work)
        shoot_guides(work)
        app.quit()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
