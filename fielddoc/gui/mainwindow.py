"""The main window: side bar of pages, the page stack, global search, lock, menus.

Pages are created once per unlock and destroyed on lock, so nothing of the vault stays in
any widget after Ctrl+L; until then, the session's ``locked`` signal empties every page, the
search box and the status bar. Role decides the side bar: a field vault has an Outbox (export,
receipts, purge), an HQ vault an Inbox (import, verification reports, receipts). A field
vault's status bar also says how much HQ has not confirmed yet (records, files, bytes): that is
what a seizure would expose, so the monitor sees it at all times.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from fielddoc.exchange.purge import DeliveryStatus, delivery_status
from fielddoc.gui.counts import Counts, fill
from fielddoc.gui.exchange_format import data_size
from fielddoc.gui.i18n import LANGUAGE, LANGUAGES
from fielddoc.gui.icons import icon
from fielddoc.gui.pages.base import Page
from fielddoc.gui.pages.records import RecordsPage
from fielddoc.gui.session import Session
from fielddoc.gui.workers import Job

RECORD_TEMPLATES = (
    "testimony",
    "detention_visit",
    "incident",
    "case",
    "person",
    "facility",
    "organisation",
)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    language_requested = Signal(str)
    panic_requested = Signal()
    settings_changed = Signal()
    delivery_shown = Signal()  # the undelivered count on screen is current (tests wait on it)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("mainWindow")
        self.resize(1200, 760)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setMaximumWidth(280)  # the longest label (ru) and its 24 px icon
        self.stack = QStackedWidget()
        self.pages: list[Page] = []
        self.sidebar.setIconSize(QSize(24, 24))  # the icons' own grid: crisp at 1x and 2x
        for name in RECORD_TEMPLATES:
            self._add_page(RecordsPage(session, name), name)
        for factory, icon_name in self._extra_pages():
            self._add_page(factory(session), icon_name)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        # start the side bar at full width: a list's own size hint is narrower than icon+label
        splitter.setSizes([self.sidebar.maximumWidth(), self.width()])
        self.setCentralWidget(splitter)
        self.sidebar.currentRowChanged.connect(self.show_page)
        self.search = QLineEdit()
        self.search.setObjectName("globalSearch")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.returnPressed.connect(self.run_search)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self.search)
        self.addToolBar(self.toolbar)
        self._build_status_bar(session.role)
        self._build_actions()
        self.retranslate()
        self.sidebar.setCurrentRow(0)
        from fielddoc.gui.pages.search import SearchPage

        for page in self.pages:
            if isinstance(page, SearchPage):
                page.open_record.connect(self.open_record)
            if isinstance(page, RecordsPage):
                page.add_evidence_requested.connect(self.add_evidence_to)
        session.changed.connect(self._session_changed)
        session.locked.connect(self._clear)
        self.refresh_delivery()
        self._update_status()

    def _extra_pages(self) -> list[tuple[Callable[[Session], Page], str]]:
        """The pages after the record templates, each with its side-bar icon's name."""
        from fielddoc.gui.pages.audit import AuditPage
        from fielddoc.gui.pages.search import SearchPage

        factories: list[tuple[Callable[[Session], Page], str]] = []
        try:  # pages built by their own modules; each is optional while it is developed
            from fielddoc.gui.pages.evidence import EvidencePage

            factories.append((EvidencePage, "evidence"))
        except ImportError:
            pass
        try:
            from fielddoc.gui.pages.exchange import ExchangePage

            # the same page is the Outbox of a field vault and the Inbox of an HQ vault
            exchange_icon = "inbox" if self.session.role == "hq" else "outbox"
            factories.append((ExchangePage, exchange_icon))
        except ImportError:
            pass
        factories += [(AuditPage, "audit"), (SearchPage, "search")]
        return factories

    def _add_page(self, page: Page, icon_name: str) -> None:
        self.pages.append(page)
        self.stack.addWidget(page)
        QListWidgetItem(icon(icon_name), "", self.sidebar)

    def _build_actions(self) -> None:
        self.lock_action = QAction(icon("lock"), "", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.search_action = QAction(icon("search"), "", self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self.focus_search)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.panic_action = QAction(icon("panic"), "", self)
        self.panic_action.setShortcut(QKeySequence("Ctrl+Shift+Alt+E"))
        self.panic_action.triggered.connect(self.panic_requested)
        self.settings_action = QAction(icon("settings"), "", self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.passphrase_action = QAction(self)
        self.passphrase_action.triggered.connect(self.change_passphrase)
        self.keyfile_action = QAction(self)
        self.keyfile_action.triggered.connect(self.change_keyfile)
        self.file_menu = self.menuBar().addMenu("")
        for action in (
            self.settings_action,
            self.passphrase_action,
            self.keyfile_action,
            self.lock_action,
        ):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.panic_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = self.menuBar().addMenu("")
        self.view_menu.addAction(self.search_action)
        self.language_menu = self.view_menu.addMenu("")
        for code, name in LANGUAGES.items():
            action = self.language_menu.addAction(name)
            action.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("fielddoc — %1").replace("%1", self.session.name or ""))
        for row, page in enumerate(self.pages):
            item = self.sidebar.item(row)
            item.setText(page.title())
        self.search.setPlaceholderText(self.tr("Search all records (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search all records"))
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.lock_action.setText(self.tr("&Lock"))
        self.settings_action.setText(self.tr("S&ettings…"))
        self.passphrase_action.setText(self.tr("Change &passphrase…"))
        self.keyfile_action.setText(self.tr("&Key file…"))
        self.search_action.setText(self.tr("&Search"))
        self.quit_action.setText(self.tr("&Quit"))
        self.panic_action.setText(self.tr("&Erase vault now (panic)…"))
        self.file_menu.setTitle(self.tr("&Vault"))
        self.view_menu.setTitle(self.tr("Vi&ew"))
        self.language_menu.setTitle(self.tr("&Language"))
        self._update_status()
        self._render_delivery()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_settings(self) -> None:
        from fielddoc.gui.settings_dialog import SettingsDialog

        if SettingsDialog(self.session, self).exec():
            self.settings_changed.emit()

    def change_passphrase(self) -> None:
        from fielddoc.gui.passphrase_dialog import NewPassphraseDialog

        if self.session.vault is not None:
            NewPassphraseDialog(self.session.vault, need_old=True, parent=self).exec()

    def change_keyfile(self) -> None:
        from fielddoc.gui.passphrase_dialog import KeyFileDialog

        if self.session.vault is not None:
            KeyFileDialog(self.session.vault, parent=self).exec()

    def show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            if self.session.is_open:
                self.pages[row].refresh()

    def page_of(self, kind: type[Page]) -> int:
        for row, page in enumerate(self.pages):
            if isinstance(page, kind):
                return row
        return -1

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def run_search(self) -> None:
        from fielddoc.gui.pages.search import SearchPage

        row = self.page_of(SearchPage)
        page = self.pages[row]
        assert isinstance(page, SearchPage)  # noqa: S101 - the list holds one SearchPage
        self.sidebar.setCurrentRow(row)
        page.search(self.search.text())

    def open_record(self, template: str, record_id: str) -> None:
        for row, page in enumerate(self.pages):
            if isinstance(page, RecordsPage) and page.template_name == template:
                self.sidebar.setCurrentRow(row)
                page.select(record_id)
                return

    def add_evidence_to(self, record_id: str, title: str) -> None:
        """Switch to the evidence page with new files to be attached to this record."""
        from fielddoc.gui.pages.evidence import EvidencePage

        row = self.page_of(EvidencePage)
        if row < 0:
            return
        page = self.pages[row]
        assert isinstance(page, EvidencePage)  # noqa: S101 - page_of found this type
        self.sidebar.setCurrentRow(row)
        page.set_attach_target(record_id, title)
        page.choose_files()

    def _session_changed(self, topic: str) -> None:
        if topic in ("records", "evidence", "exchange"):
            self.refresh_delivery()
        self._update_status()

    def _build_status_bar(self, role: str) -> None:
        self.status = QLabel()
        self.status.setObjectName("vaultStatus")
        self.statusBar().addPermanentWidget(self.status)
        # field only: HQ keeps everything by design, so "undelivered" means nothing there
        self.undelivered: QLabel | None = None
        self._delivery: DeliveryStatus | None = None
        self._delivery_job: Job | None = None
        self._delivery_again = False
        if role == "field":
            self.undelivered = QLabel()
            self.undelivered.setObjectName("undeliveredStatus")
            self.statusBar().addWidget(self.undelivered, 1)

    def _clear(self) -> None:
        """The vault was locked: forget the search text and every count shown."""
        self.search.clear()
        self._delivery = None
        self._render_delivery()
        self.status.clear()

    def refresh_delivery(self) -> None:
        """Re-read what HQ has not confirmed (field role; called on every data change).

        On a worker: with 100k records the count takes most of a second, which must not hold
        up the window. One count at a time; a change during a count asks for one more."""
        if self.undelivered is None or not self.session.is_open:
            return
        if self._delivery_job is not None:
            self._delivery_again = True
            return
        session = self.session

        def count(conn: object, _progress: object, _cancel: object) -> DeliveryStatus:
            return delivery_status(session.worker_context(conn))

        job = session.run(count)
        self._delivery_job = job
        job.succeeded.connect(self._delivery_counted)
        job.failed.connect(lambda _code, _message: self._delivery_counted(None))

    def _delivery_counted(self, status: object) -> None:
        self._delivery_job = None
        if not self.session.is_open:  # locked while counting: show nothing of the vault
            status = None
        self._delivery = status if isinstance(status, DeliveryStatus) else None
        self._render_delivery()
        if self._delivery_again and self.session.is_open:
            self._delivery_again = False
            self.refresh_delivery()
            return
        self._delivery_again = False
        self.delivery_shown.emit()

    def _render_delivery(self) -> None:
        label = self.undelivered
        if label is None:
            return
        status = self._delivery
        if status is None:
            label.clear()
            label.setToolTip("")
            return
        if status.records_undelivered == 0 and status.evidence_undelivered == 0:
            label.setText(self.tr("HQ has confirmed everything on this laptop."))
        else:
            counts = Counts()
            label.setText(
                fill(
                    self.tr("Not yet confirmed by HQ: %1, %2 (%3)"),
                    counts.part_of_records(status.records_undelivered, status.records_total),
                    counts.part_of_files(status.evidence_undelivered, status.evidence_total),
                    data_size(status.evidence_bytes_undelivered),  # as the Outbox shows sizes
                )
            )
        label.setToolTip(
            self.tr(
                "This is what a seized laptop would still hold. Export it to HQ, import "
                "the receipt, then purge."
            )
        )
        label.setAccessibleName(self.tr("Not yet confirmed by HQ"))

    def _update_status(self) -> None:
        if not self.session.is_open:
            self.status.clear()
            return
        role = self.tr("field vault") if self.session.role == "field" else self.tr("HQ vault")
        self.status.setText(f"{self.session.name} · {role} · {LANGUAGES[LANGUAGE.current]}")
