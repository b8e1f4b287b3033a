"""``fielddoc-gui`` / ``fielddoc gui`` / ``make run``: the desktop application.

Flow: environment set-up before ``QApplication`` (environment.py) -> the default vault's
unlock window, or the first-run wizard when there is none -> the main window with the
session, auto-lock and clipboard guard -> back to the unlock window on lock. Panic erase
destroys the keys and leaves the app on a calm "this vault was erased" screen.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from fielddoc import settings
from fielddoc.gui import dialogs
from fielddoc.gui.environment import prepare
from fielddoc.gui.firstrun import FirstRunWizard
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.icons import icon
from fielddoc.gui.mainwindow import MainWindow
from fielddoc.gui.passphrase_dialog import NewPassphraseDialog
from fielddoc.gui.safety import AutoLock, ClipboardGuard, PanicDialog
from fielddoc.gui.session import Session
from fielddoc.gui.unlock import UnlockWindow
from fielddoc.vault.panic import erase
from fielddoc.vault.vault import Vault, classify_folder, default_vault_path


class ErasedNotice(QLabel):
    """What is left after panic erase (or when an erased vault is opened): one calm line."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("erasedNotice")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMargin(24)
        self.resize(480, 200)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(
            self.tr("This vault was erased. Its contents can no longer be opened by anyone.")
        )
        self.setWindowTitle("fielddoc")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def system_language() -> str:
    name = QLocale.system().name()[:2]
    return name if name in ("ru", "ky") else "en"


class Application(QObject):
    """Owns the top-level windows and the session; one per process."""

    def __init__(self, vault_path: Path, *, clock: object = None) -> None:
        super().__init__()
        self.vault_path = vault_path
        self.session: Session | None = None
        self.window: QWidget | None = None
        self.main: MainWindow | None = None
        self.autolock: AutoLock | None = None
        self.clipboard = ClipboardGuard(30, self)
        self.panic_dialog: PanicDialog | None = None  # while it is open (tests drive it)
        self._clock = clock
        # every top-level window (unlock, wizard, main, erased notice) inherits this icon
        QApplication.setWindowIcon(icon("app"))

    # --- windows --------------------------------------------------------------------------

    def start(self) -> None:
        kind = classify_folder(self.vault_path)
        if kind == "missing":
            self.show_wizard()
        elif kind == "erased":
            self.show_erased()
        else:
            self.show_unlock()

    def _replace(self, widget: QWidget) -> None:
        old = self.window
        self.window = widget
        widget.show()
        if old is not None and old is not widget:
            old.close()
            old.deleteLater()

    def show_unlock(self) -> None:
        unlock = UnlockWindow(self.vault_path)
        unlock.unlocked.connect(self.unlocked)
        unlock.language_chosen.connect(self.set_language)
        self._replace(unlock)

    def show_wizard(self) -> None:
        wizard = FirstRunWizard(self.vault_path)
        wizard.created.connect(self.unlocked)
        wizard.rejected.connect(QApplication.quit)
        self._replace(wizard)

    def show_erased(self) -> None:
        self._replace(ErasedNotice())

    # --- session ------------------------------------------------------------------------------

    def unlocked(self, vault: object) -> None:
        assert isinstance(vault, Vault)  # noqa: S101 - signal payload type
        from_recovery = self._last_unlock_was_recovery(vault)
        keyfile_kept = isinstance(self.window, UnlockWindow) and self.window.keyfile is not None
        # the unlock window may have opened another folder: lock and panic act on this one
        self.vault_path = vault.folder
        self.session = Session(vault)  # owned by Python: dropped (and deleted) on lock
        self.set_language(str(settings.get(vault.conn, "language")), store=False)
        self.main = MainWindow(self.session)
        self.main.lock_requested.connect(self.lock)
        self.main.language_requested.connect(self.set_language)
        self.main.panic_requested.connect(self.panic)
        # settings may change from the settings dialog or a page: all take effect at once
        self.session.changed.connect(self._session_changed)
        minutes = settings.get_int(vault.conn, "autolock_minutes")
        kwargs = {"clock": self._clock} if self._clock is not None else {}
        self.autolock = AutoLock(self.lock, minutes, **kwargs)  # type: ignore[arg-type]
        self.autolock.start()
        self.clipboard.seconds = settings.get_int(vault.conn, "clipboard_clear_seconds")
        self._replace(self.main)
        self._run_purge_policy()
        if from_recovery:
            NewPassphraseDialog(
                vault, need_old=False, parent=self.main, keyfile_kept=keyfile_kept
            ).exec()

    def _run_purge_policy(self) -> None:
        """ "Keep nothing older than N days that HQ confirmed" runs at every unlock too."""
        from fielddoc.gui.pages.exchange import ExchangePage

        if self.main is None:
            return
        row = self.main.page_of(ExchangePage)
        if row >= 0:
            page = self.main.pages[row]
            assert isinstance(page, ExchangePage)  # noqa: S101 - page_of found this type
            page.run_purge_policy()

    def _session_changed(self, topic: str) -> None:
        if topic == "settings":
            self.apply_settings()

    def apply_settings(self) -> None:
        """Take changed vault settings into effect without losing work."""
        if self.session is None or self.session.vault is None:
            return
        conn = self.session.vault.conn
        LANGUAGE.apply(str(settings.get(conn, "language")))
        if self.autolock is not None:
            self.autolock.minutes = settings.get_int(conn, "autolock_minutes")
        self.clipboard.seconds = settings.get_int(conn, "clipboard_clear_seconds")

    @staticmethod
    def _last_unlock_was_recovery(vault: Vault) -> bool:
        from fielddoc import audit

        last = list(audit.entries(vault.conn, limit=1))
        return bool(last) and last[-1].action == "recovery_unlock"

    def lock(self) -> None:
        if self.autolock is not None:
            self.autolock.dispose()
            self.autolock = None
        self.clipboard.clear()
        if self.session is not None:
            self.session.lock()
            self.session = None
        self.main = None
        self.show_unlock()

    def set_language(self, language: str, *, store: bool = True) -> None:
        LANGUAGE.apply(language)
        if store and self.session is not None and self.session.vault is not None:
            vault = self.session.vault
            settings.set_value(
                vault.conn,
                "language",
                language,
                vault_id=vault.vault_id,
                device=vault.info.device_id,
            )

    def panic(self) -> None:
        """Ask for the typed confirmation; erase only if it was given."""
        if self.panic_dialog is not None:  # the shortcut pressed again while it is open
            return
        self.panic_dialog = PanicDialog(self.main)
        try:
            accepted = self.panic_dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.panic_dialog.deleteLater()
            self.panic_dialog = None
        if accepted:
            self.erase_now()

    def erase_now(self) -> None:
        """Destroy the keys, drop the session and show the erased notice (no questions)."""
        session = self.session
        vault = session.vault if session is not None else None
        erase(vault.folder if vault is not None else self.vault_path, vault)
        self.clipboard.clear()
        if self.autolock is not None:
            self.autolock.dispose()
            self.autolock = None
        if session is not None:
            session.lock()
        self.session = None
        self.main = None
        self.show_erased()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fielddoc-gui")
    parser.add_argument("--vault", metavar="DIR", help="vault folder (default: the default vault)")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary folder (no real vault is touched), then exit",
    )
    args = parser.parse_args(list(argv) if argv is not None else sys.argv[1:])
    prepare()
    # fractional scales (125 %, 150 %) stay fractional; the SVG icons render sharp at any of
    # them. Qt reads this only before the QApplication exists.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("fielddoc")
    # Wayland docks find the icon and group windows through the desktop entry's name, the one
    # under packaging/linux
    app.setDesktopFileName("org.fielddoc.Fielddoc")
    if args.self_test:
        from fielddoc.gui import selftest

        return selftest.run(app)
    LANGUAGE.apply(system_language())
    path = Path(args.vault).expanduser() if args.vault else default_vault_path()
    controller = Application(path)
    QTimer.singleShot(0, controller.start)
    code = app.exec()
    dialogs.scrub_dialog_history()
    if controller.session is not None:
        controller.session.lock()
    return int(code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
