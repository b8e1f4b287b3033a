"""Item models over the vault that stay smooth at 100k records: rows are fetched lazily
(``canFetchMore``/``fetchMore`` in pages of :data:`PAGE`), sorting is done by SQL."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.session import Session
from fielddoc.records.store import RecordSummary

PAGE = 500
Index = QModelIndex | QPersistentModelIndex


def format_time(text: str) -> str:
    """An ISO UTC time from the core in the user's locale and time zone."""
    moment = QDateTime.fromString(text, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        return text
    return LANGUAGE.locale().toString(moment.toLocalTime(), "dd MMM yyyy HH:mm")


class RecordTableModel(QAbstractTableModel):
    COLUMNS = ("title", "updated_at", "created_at", "sensitivity", "revision_count")

    def __init__(
        self, session: Session, template: str | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.template = template
        self._rows: list[RecordSummary] = []
        self._total = 0
        self._order = "updated_at"
        self._descending = True
        self.reload()

    def headers(self) -> list[str]:
        return [
            self.tr("Title"),
            self.tr("Updated"),
            self.tr("Created"),
            self.tr("Sensitivity"),
            self.tr("Revisions"),
        ]

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._total = self.session.records.count(self.template) if self.session.is_open else 0
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._total = [], 0
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self.session.is_open:
            return
        page = self.session.records.list(
            self.template,
            limit=PAGE,
            offset=len(self._rows),
            newest_first=self._descending,
            order_by=self._order,
        )
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return row.title or self.tr("(untitled)")
            if column in ("updated_at", "created_at"):
                return format_time(getattr(row, column))
            if column == "sensitivity":
                return self.sensitivity_text(row.sensitivity)
            return str(getattr(row, column))
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def sensitivity_text(self, level: str) -> str:
        texts = {
            "public": self.tr("Public"),
            "internal": self.tr("Internal"),
            "confidential": self.tr("Confidential"),
            "restricted": self.tr("Restricted"),
        }
        return texts.get(level, level)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = (self.COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted == (self._order, self._descending):
            return  # the view asks again when sorting is switched on: the rows are in order
        self._order, self._descending = wanted
        self.reload()

    def record_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int:
        for index, summary in enumerate(self._rows):
            if summary.id == record_id:
                return index
        return -1
