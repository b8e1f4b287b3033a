"""Pickers used by the record editor: thesaurus terms and references to other records.

:class:`ThesaurusPicker` shows a thesaurus as a tree labelled in the current language; the
filter box matches a term's label in any of the languages it is labelled in (and its code), so
a monitor typing Russian finds terms while the interface is in English. With ``multiple`` the
terms are checkable.

:class:`RecordPicker` finds records of the field's target templates: with no words it lists
the most recently changed ones, with words it runs the vault's full-text search
(:func:`fielddoc.records.search.search`, which also matches names across scripts) once per
target template. Results show titles, never ids. A search is a few milliseconds (DESIGN.md
target: p95 under 30 ms at 100k records), so it runs on the GUI thread, debounced while typing.
"New record…" opens an editor for a target template and picks what it saved.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from fielddoc.errors import FielddocError
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.session import Session
from fielddoc.records.search import search
from fielddoc.records.thesauri import Term, Thesaurus

translate = QCoreApplication.translate

CODE_ROLE = Qt.ItemDataRole.UserRole
RESULT_LIMIT = 100
SEARCH_DELAY_MS = 200


def record_title(session: Session, record_id: str) -> str:
    """The title of a record for display; a placeholder when it is untitled or not here."""
    try:
        title = session.records.get(record_id).summary.title
    except FielddocError:
        return translate("pickers", "(record not on this laptop)")
    return title or translate("pickers", "(untitled)")


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = (item.child(index) for index in range(item.childCount()))
    return [child for child in found if child is not None]


class ThesaurusPicker(QDialog):
    """Choose one term (or several, with ``multiple``) from a thesaurus tree."""

    def __init__(
        self,
        thesaurus: Thesaurus,
        *,
        multiple: bool,
        selected: Iterable[str] = (),
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.thesaurus = thesaurus
        self.multiple = multiple
        self._title = title
        chosen = set(selected)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(self._activated)
        self.none_label = QLabel()
        self.none_label.hide()
        self._add_terms(self.tree.invisibleRootItem(), thesaurus.terms, chosen)
        self.tree.expandAll()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        layout.addWidget(self.none_label)
        layout.addWidget(self.buttons)
        self.filter.installEventFilter(self)
        self.resize(420, 480)
        self.retranslate()
        if not multiple and chosen:
            item = self.item_for(next(iter(chosen)))
            if item is not None:
                self.tree.setCurrentItem(item)
        self.filter.setFocus()

    def _add_terms(
        self, parent: QTreeWidgetItem, terms: tuple[Term, ...], chosen: set[str]
    ) -> None:
        for term in terms:
            item = QTreeWidgetItem(parent)
            item.setData(0, CODE_ROLE, term.code)
            if self.multiple:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                state = Qt.CheckState.Checked if term.code in chosen else Qt.CheckState.Unchecked
                item.setCheckState(0, state)
            self._add_terms(item, term.children, chosen)

    def retranslate(self) -> None:
        self.setWindowTitle(self._title or self.tr("Choose a term"))
        self.filter.setPlaceholderText(self.tr("Type to filter (any language)"))
        self.filter.setAccessibleName(self.tr("Filter terms"))
        self.tree.setAccessibleName(self._title or self.tr("Terms"))
        self.none_label.setText(self.tr("No term matches."))
        for item in self._items():
            item.setText(0, self.thesaurus.label(str(item.data(0, CODE_ROLE)), LANGUAGE.current))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down in the filter box moves into the tree, so the keyboard never has to Tab around
        down = (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        )
        if watched is self.filter and down:
            self.tree.setFocus()
            first = self._first_visible()
            if first is not None and self.tree.currentItem() is None:
                self.tree.setCurrentItem(first)
            return True
        return super().eventFilter(watched, event)

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value() is not None:
            found.append(iterator.value())
            iterator += 1
        return found

    def _first_visible(self) -> QTreeWidgetItem | None:
        return next((item for item in self._items() if not item.isHidden()), None)

    def item_for(self, code: str) -> QTreeWidgetItem | None:
        return next((item for item in self._items() if item.data(0, CODE_ROLE) == code), None)

    def apply_filter(self, text: str) -> None:
        """Show terms whose label (in any language) or code contains ``text``, with their
        broader terms for context; the first matching term becomes the current one."""
        needle = text.strip().casefold()
        matches: list[QTreeWidgetItem] = []

        def visit(item: QTreeWidgetItem) -> bool:
            code = str(item.data(0, CODE_ROLE))
            labels = [code, *self.thesaurus.labels(code).values()]
            own = not needle or any(needle in label.casefold() for label in labels)
            if own:
                matches.append(item)
            children = [visit(child) for child in _children(item)]
            visible = own or any(children)
            item.setHidden(not visible)
            return visible

        for child in _children(self.tree.invisibleRootItem()):
            visit(child)
        self.tree.expandAll()
        self.none_label.setVisible(not matches)
        current = self.tree.currentItem()
        if matches and (current is None or current not in matches):
            self.tree.setCurrentItem(matches[0])

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if self.multiple:
            checked = item.checkState(0) == Qt.CheckState.Checked
            item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
        else:
            self.tree.setCurrentItem(item)
            self.accept()

    def set_checked(self, code: str, checked: bool = True) -> None:
        """Check or uncheck ``code`` (multiple), or make it the current term (single)."""
        item = self.item_for(code)
        if item is None:
            return
        if self.multiple:
            item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        else:
            self.tree.setCurrentItem(item)

    def selected_codes(self) -> list[str]:
        """Chosen codes in thesaurus order."""
        if self.multiple:
            return [
                str(item.data(0, CODE_ROLE))
                for item in self._items()
                if item.checkState(0) == Qt.CheckState.Checked
            ]
        current = self.tree.currentItem()
        if current is None or current.isHidden():
            return []
        return [str(current.data(0, CODE_ROLE))]


class RecordPicker(QDialog):
    """Find records of the ``targets`` templates by words in their titles and text."""

    def __init__(
        self,
        session: Session,
        targets: tuple[str, ...],
        *,
        multiple: bool,
        exclude: Iterable[str] = (),
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.targets = targets
        self.multiple = multiple
        self.exclude = set(exclude)
        self._title = title
        self.created_ids: list[str] = []
        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        mode = (
            QAbstractItemView.SelectionMode.ExtendedSelection
            if multiple
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.results.setSelectionMode(mode)
        self.results.itemActivated.connect(self._activated)
        self.summary = QLabel()
        self.new_button = QPushButton()
        if len(targets) > 1:
            menu = QMenu(self.new_button)
            for target in targets:
                action = menu.addAction(session.templates.get(target).label(LANGUAGE.current))
                action.triggered.connect(lambda _=False, t=target: self.new_record(t))
            self.new_button.setMenu(menu)
        else:
            self.new_button.clicked.connect(lambda: self.new_record(targets[0]))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._search_now)
        self.query.installEventFilter(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addStretch()
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_button.click)
        self.resize(520, 480)
        session.locked.connect(self.reject)  # titles are record content: gone on lock
        self.retranslate()
        self.run_search()
        self.query.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self._title or self.tr("Choose a record"))
        kinds = ", ".join(
            self.session.templates.get(t).label(LANGUAGE.current) for t in self.targets
        )
        self.query.setPlaceholderText(self.tr("Search %1 by name or words").replace("%1", kinds))
        self.query.setAccessibleName(self.tr("Search records"))
        self.results.setAccessibleName(self.tr("Matching records"))
        self.new_button.setText(self.tr("&New record…"))
        self.new_button.setAccessibleName(self.tr("Create a new record and choose it"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and isinstance(event, QKeyEvent):
            down = event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down
            if down and self.results.count():
                self.results.setFocus()
                if self.results.currentRow() < 0:
                    self.results.setCurrentRow(0)
                return True
        return super().eventFilter(watched, event)

    def _search_now(self) -> None:
        self._timer.stop()
        self.run_search()

    def _hits(self, text: str) -> list[tuple[str, str, str, str]]:
        """``(updated_at, id, template, title)`` matching ``text`` in the target templates."""
        found: dict[str, tuple[str, str, str, str]] = {}
        records = self.session.records
        for target in self.targets:
            if text.strip():
                try:
                    hits = search(records.conn, text, template=target, limit=RESULT_LIMIT)
                except FielddocError:
                    hits = []
                for hit in hits:
                    found.setdefault(hit.id, (hit.updated_at, hit.id, hit.template, hit.title))
            else:
                for summary in records.list(target, limit=RESULT_LIMIT):
                    found.setdefault(
                        summary.id,
                        (summary.updated_at, summary.id, summary.template, summary.title),
                    )
        rows = [row for row in found.values() if row[1] not in self.exclude]
        if not text.strip():
            rows.sort(reverse=True)
        return rows[:RESULT_LIMIT]

    def run_search(self) -> None:
        self.results.clear()
        if not self.session.is_open:
            return
        text = self.query.text()
        rows = self._hits(text)
        for _updated, record_id, template, title in rows:
            kind = self.session.templates.get(template).label(LANGUAGE.current)
            shown = title or self.tr("(untitled)")
            item = QListWidgetItem(
                self.tr("%1 — %2").replace("%1", shown).replace("%2", kind)
                if len(self.targets) > 1
                else shown
            )
            item.setData(CODE_ROLE, record_id)
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)
            if self.multiple:
                self.results.clearSelection()
        if not rows and text.strip():
            self.summary.setText(self.tr("No record matches. Create one with “New record…”."))
        elif not text.strip():
            self.summary.setText(self.tr("Most recently changed records:"))
        else:
            self.summary.setText(self.tr("%n record(s) found", "", len(rows)))

    def _activated(self, item: QListWidgetItem) -> None:
        if not self.multiple:
            self.results.setCurrentItem(item)
            self.accept()
        else:
            item.setSelected(True)

    def select_id(self, record_id: str) -> bool:
        """Select the result for ``record_id`` (added to the selection with ``multiple``)."""
        for row in range(self.results.count()):
            item = self.results.item(row)
            if item.data(CODE_ROLE) == record_id:
                if not self.multiple:
                    self.results.setCurrentItem(item)
                item.setSelected(True)
                return True
        return False

    def selected_ids(self) -> list[str]:
        if not self.multiple and self.created_ids:
            return self.created_ids[-1:]
        chosen = [str(item.data(CODE_ROLE)) for item in self.results.selectedItems()]
        if not chosen and not self.multiple and self.results.currentItem() is not None:
            chosen = [str(self.results.currentItem().data(CODE_ROLE))]
        for record_id in self.created_ids:
            if record_id not in chosen:
                chosen.append(record_id)
        return chosen

    def new_record(self, template: str) -> None:
        """Create a record of ``template`` in a nested editor; it is chosen when saved."""
        from fielddoc.gui.editor import RecordEditor

        editor = RecordEditor(self.session, template, None, self)
        if editor.exec() and editor.saved_id:
            self.session.notify("records")
            if not self.multiple:
                self.created_ids = [editor.saved_id]
                self.accept()
                return
            self.created_ids.append(editor.saved_id)
            self.run_search()
            self.select_id(editor.saved_id)
