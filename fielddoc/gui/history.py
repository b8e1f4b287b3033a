"""A record's revisions, and any two of them side by side.

``HistoryDialog(session, record_id, parent)`` lists every revision (number, time, device,
sensitivity), oldest first, so the record as first recorded is always the first row (and one
button away: "First version"). Below, two revisions are shown side by side, each rendered with
:func:`fielddoc.gui.render.record_html`; top-level fields whose value differs between the two
sides are highlighted on both, and a line above names every changed field (down to nested
fields such as "Consent › Scope"), so the difference is also readable without colour.

Opening compares the first version (left) with the newest (right). Choosing a row in the list
shows that revision on the right; both sides can also be chosen with the two combo boxes. The
two views scroll together.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollBar,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fielddoc.errors import FielddocError
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.messages import message_for
from fielddoc.gui.models import format_time
from fielddoc.gui.pickers import record_title
from fielddoc.gui.render import record_html
from fielddoc.gui.session import Session
from fielddoc.records.store import Revision
from fielddoc.records.templates import Field, Template

CHANGED_BACKGROUND = "#fff1a8"
_TABLE_OPEN = "<table cellspacing='4'>"


def _empty(value: object) -> bool:
    return value is None or value in ("", [])


def changed_paths(fields: tuple[Field, ...], left: Any, right: Any, prefix: str = "") -> list[str]:
    """Dotted paths (no indexes) of fields whose values differ, in template order.

    Groups and entries are compared field by field, so a change inside them names the inner
    field; a change in the number of entries names the entries field itself.
    """
    left = left if isinstance(left, dict) else {}
    right = right if isinstance(right, dict) else {}
    found: list[str] = []
    for spec in fields:
        path = f"{prefix}.{spec.name}" if prefix else spec.name
        a, b = left.get(spec.name), right.get(spec.name)
        if a == b or (_empty(a) and _empty(b)):
            continue
        if spec.type == "group" and isinstance(a, dict | None) and isinstance(b, dict | None):
            found += changed_paths(spec.fields, a, b, path) or [path]
        elif spec.type == "entries" and isinstance(a, list | None) and isinstance(b, list | None):
            items_a, items_b = a or [], b or []
            if len(items_a) != len(items_b):
                found.append(path)
                continue
            inner: list[str] = []
            for one, two in zip(items_a, items_b, strict=True):
                inner += [p for p in changed_paths(spec.fields, one, two, path) if p not in inner]
            found += inner or [path]
        else:
            found.append(path)
    return found


class HistoryDialog(QDialog):
    def __init__(self, session: Session, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.record_id = record_id
        self.revisions: list[Revision] = []
        self.template: Template | None = None
        self.load_error: str | None = None
        try:
            self.revisions = session.records.revisions(record_id)
            self.template = session.templates.get(self.revisions[-1].template)
        except (FielddocError, IndexError) as err:
            self.load_error = getattr(err, "code", "RECORD_NOT_FOUND")
        self.setObjectName("historyDialog")
        self.setSizeGripEnabled(True)
        self.resize(1100, 760)
        self._build()
        self._fill()
        self.left_combo.currentIndexChanged.connect(lambda _index: self.compare())
        self.right_combo.currentIndexChanged.connect(lambda _index: self.compare())
        self.table.itemSelectionChanged.connect(self._row_chosen)
        self.retranslate()
        if self.revisions:
            self.set_sides(0, len(self.revisions) - 1)
        self.table.setFocus()

    def _build(self) -> None:
        self.table = QTableWidget(0, 4)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(180)
        self.left_label = QLabel()
        self.left_combo = QComboBox()
        self.left_label.setBuddy(self.left_combo)
        self.right_label = QLabel()
        self.right_combo = QComboBox()
        self.right_label.setBuddy(self.right_combo)
        self.first_button = QPushButton()
        self.first_button.setAutoDefault(False)
        self.first_button.clicked.connect(self.show_first_version)
        self.changes = QLabel()
        self.changes.setObjectName("historyChanges")
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.PlainText)
        self.left_view = QTextBrowser()
        self.right_view = QTextBrowser()
        for view in (self.left_view, self.right_view):
            view.setOpenLinks(False)
        self._sync_scrolling()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        chooser = QHBoxLayout()
        chooser.addWidget(self.left_label)
        chooser.addWidget(self.left_combo, 1)
        chooser.addWidget(self.first_button)
        chooser.addSpacing(24)
        chooser.addWidget(self.right_label)
        chooser.addWidget(self.right_combo, 1)
        sides = QSplitter(Qt.Orientation.Horizontal)
        sides.addWidget(self.left_view)
        sides.addWidget(self.right_view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(chooser)
        layout.addWidget(self.changes)
        layout.addWidget(sides, 1)
        layout.addWidget(self.buttons)

    # --- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        title = ""
        if self.template is not None and self.revisions:
            title = self.template.title(self.revisions[-1].body) or self.tr("(untitled)")
        self.setWindowTitle(self.tr("History — %1").replace("%1", title))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Version"), self.tr("Saved"), self.tr("Device"), self.tr("Sensitivity")]
        )
        self.table.setAccessibleName(self.tr("Versions of the record"))
        self.left_label.setText(self.tr("&Compare"))
        self.left_combo.setAccessibleName(self.tr("Version shown on the left"))
        self.right_label.setText(self.tr("&with"))
        self.right_combo.setAccessibleName(self.tr("Version shown on the right"))
        self.first_button.setText(self.tr("&First version"))
        self.first_button.setAccessibleName(self.tr("Show the version as first recorded"))
        self.left_view.setAccessibleName(self.tr("Left version"))
        self.right_view.setAccessibleName(self.tr("Right version"))
        for row, revision in enumerate(self.revisions):
            device = self.table.item(row, 2)
            if device is not None:
                device.setText(self.device_name(revision.author_device))
            self.left_combo.setItemText(row, self.version_name(revision))
            self.right_combo.setItemText(row, self.version_name(revision))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.table.resizeColumnToContents(3)
        if self.load_error is not None:
            self.changes.setText(message_for(self.load_error))
        else:
            self.compare()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self.retranslate()
        super().changeEvent(event)

    def device_name(self, device: str) -> str:
        if device == self.session.device_id:
            return self.tr("this laptop")
        return self.tr("device %1").replace("%1", device[:8])

    def version_name(self, revision: Revision) -> str:
        first = revision.seq == 1
        text = self.tr("%1 · %2 (as first recorded)") if first else self.tr("%1 · %2")
        return text.replace("%1", str(revision.seq)).replace("%2", format_time(revision.created_at))

    # --- filling ------------------------------------------------------------------------------

    def _fill(self) -> None:
        self.table.setRowCount(len(self.revisions))
        for row, revision in enumerate(self.revisions):
            cells = [
                str(revision.seq),
                format_time(revision.created_at),
                "",
                revision.sensitivity,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(revision.sha256)
                self.table.setItem(row, column, item)
            self.left_combo.addItem("", row)
            self.right_combo.addItem("", row)

    def _sync_scrolling(self) -> None:
        """The two sides scroll together (proportionally: the sides differ in length)."""
        self._syncing = False

        def link(source: QScrollBar, target: QScrollBar) -> None:
            def move(value: int) -> None:
                if self._syncing or source.maximum() <= 0:
                    return
                self._syncing = True
                try:
                    target.setValue(round(value * target.maximum() / source.maximum()))
                finally:
                    self._syncing = False

            source.valueChanged.connect(move)

        left, right = self.left_view.verticalScrollBar(), self.right_view.verticalScrollBar()
        link(left, right)
        link(right, left)

    # --- choosing -----------------------------------------------------------------------------

    def set_sides(self, left: int, right: int) -> None:
        """Show revision ``left`` (list index, 0 = first version) beside ``right``."""
        with QSignalBlocker(self.left_combo), QSignalBlocker(self.right_combo):
            self.left_combo.setCurrentIndex(left)
            self.right_combo.setCurrentIndex(right)
        self.compare()

    def show_first_version(self) -> None:
        if self.revisions:
            self.set_sides(0, max(self.right_combo.currentIndex(), 0))

    def _row_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.set_sides(max(self.left_combo.currentIndex(), 0), rows[0].row())

    def sides(self) -> tuple[Revision, Revision] | None:
        if not self.revisions:
            return None
        left = self.revisions[max(self.left_combo.currentIndex(), 0)]
        right = self.revisions[max(self.right_combo.currentIndex(), 0)]
        return left, right

    # --- comparing ----------------------------------------------------------------------------

    def _title_of(self, record_id: str) -> str:
        return record_title(self.session, record_id)

    def changed_fields(self) -> list[str]:
        """Dotted paths of the fields that differ between the two sides."""
        pair = self.sides()
        if pair is None or self.template is None:
            return []
        return changed_paths(self.template.fields, pair[0].body, pair[1].body)

    def compare(self) -> None:
        pair = self.sides()
        if pair is None or self.template is None or not self.session.is_open:
            return
        left, right = pair
        changed = self.changed_fields()
        top = {path.split(".")[0] for path in changed}
        if left.sensitivity != right.sensitivity:
            changed = [*changed, "sensitivity"]
        if left.seq == right.seq:
            summary = self.tr("The same version is shown on both sides.")
        elif not changed:
            summary = self.tr("No field differs between these versions.")
        else:
            names = ", ".join(self._path_label(path) for path in changed)
            summary = self.tr("Changed: %1").replace("%1", names)
        self.changes.setText(summary)
        self.left_view.setHtml(self.side_html(left, right, top))
        self.right_view.setHtml(self.side_html(right, left, top))

    def _path_label(self, path: str) -> str:
        if path == "sensitivity":
            return self.tr("Sensitivity")
        assert self.template is not None  # noqa: S101 - checked by the caller
        parts = path.split(".")
        labels = []
        for depth in range(len(parts)):
            spec = self.template.field(".".join(parts[: depth + 1]))
            labels.append(spec.label(LANGUAGE.current))
        return " › ".join(labels)

    def side_html(self, shown: Revision, other: Revision, changed_top: set[str]) -> str:
        """``shown`` rendered with :func:`record_html`, changed fields highlighted.

        Each top-level field is rendered on its own (record_html of a body with only that
        field) and its rows are put into one table, the rows of changed fields with a
        highlight colour; a field present only on the other side gets an "(empty)" row so
        that both sides list the same fields.
        """
        assert self.template is not None  # noqa: S101 - checked by the caller
        template, templates, lang = self.template, self.session.templates, LANGUAGE.current
        heading = self.version_name(shown)
        head = record_html(template, {}, templates, lang, self._title_of, heading=heading)
        if not head.endswith(_TABLE_OPEN + "</table>"):  # render changed shape: plain view
            return record_html(template, shown.body, templates, lang, self._title_of)
        parts = [head[: -len(_TABLE_OPEN + "</table>")], _TABLE_OPEN]
        for spec in template.fields:
            mine, theirs = shown.body.get(spec.name), other.body.get(spec.name)
            if _empty(mine) and _empty(theirs):
                continue
            if _empty(mine):
                label = html.escape(spec.label(lang))
                empty = html.escape(self.tr("(empty)"))  # not in the f-string: lupdate skips those
                rows = f"<tr><td valign='top'><b>{label}</b></td><td><i>{empty}</i></td></tr>"
            else:
                single = record_html(
                    template, {spec.name: mine}, templates, lang, self._title_of, heading="-"
                )
                start = single.find(_TABLE_OPEN)
                rows = single[start + len(_TABLE_OPEN) : -len("</table>")]
            if spec.name in changed_top:
                rows = rows.replace("<tr>", f"<tr bgcolor='{CHANGED_BACKGROUND}'>")
            parts.append(rows)
        parts.append("</table>")
        return "".join(parts)
