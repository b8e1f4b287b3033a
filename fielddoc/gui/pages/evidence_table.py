"""The list of evidence files on the Evidence page: :class:`EvidenceTableModel` (one row per
file, sortable by :data:`SORT_ROLE`, the evidence id under :data:`ID_ROLE`) and the words for
a failed verification (:func:`problem_text`).

The model only shows what it was given (:meth:`EvidenceTableModel.set_rows`); verification
results are kept per id until :meth:`EvidenceTableModel.clear`. :func:`problem_text` translates
in the context of the object it is given, as it always has: keep its inner ``tr`` as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from fielddoc.evidence.store import Evidence, VerifyResult
from fielddoc.gui.counts import Counts
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.models import format_time
from fielddoc.gui.viewer import base_type

translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole
SHORT_HASH = 12


KIBI = 1024


def size_text(size: int) -> str:
    """Binary units ("9.1 KiB"); under a kibibyte our plural, as ``data_size`` does."""
    if 0 <= size < KIBI:
        return Counts().byte_count(size)
    return LANGUAGE.locale().formattedDataSize(size)


def fill(text: str, *values: object) -> str:
    """Replace ``%1``, ``%2``, ... (highest first, so %1 never eats the start of %10)."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


# --- the list ----------------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceRow:
    item: Evidence
    records: tuple[str, ...]  # titles of the records it is attached to


class EvidenceTableModel(QAbstractTableModel):
    COLUMNS = ("name", "type", "size", "acquired", "sha256", "records", "state")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EvidenceRow] = []
        self.verified: dict[str, VerifyResult] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Type"),
            self.tr("Size"),
            self.tr("Acquired"),
            self.tr("SHA-256"),
            self.tr("Attached to"),
            self.tr("State"),
        ]

    def set_rows(self, rows: list[EvidenceRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])
        self.verified = {}

    def set_verified(self, results: Sequence[VerifyResult]) -> None:
        for result in results:
            self.verified[result.id] = result
        self.refresh_texts()

    def refresh_texts(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def item(self, row: int) -> Evidence:
        return self._rows[row].item

    def records(self, row: int) -> tuple[str, ...]:
        return self._rows[row].records

    def row_of(self, evidence_id: str) -> int:
        for row, entry in enumerate(self._rows):
            if entry.item.id == evidence_id:
                return row
        return -1

    def ids(self) -> list[str]:
        return [row.item.id for row in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.headers()[section]
        return None

    def state_text(self, item: Evidence) -> str:
        if item.purged:
            return self.tr("Delivered, removed here")
        result = self.verified.get(item.id)
        if result is None:
            return self.tr("Stored")
        if result.ok:
            return self.tr("Verified: intact")
        return self.tr("FAILED: %1").replace("%1", problem_text(result.problem))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        item = entry.item
        column = self.COLUMNS[index.column()]
        if role == ID_ROLE:
            return item.id
        if role == SORT_ROLE:
            sort_values: dict[str, Any] = {
                "name": item.original_name.casefold(),
                "type": item.mime_type,
                "size": item.size,
                "acquired": item.acquired_at,
                "sha256": item.sha256,
                "records": len(entry.records),
                "state": self.state_text(item),
            }
            return sort_values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "sha256":
                return item.sha256
            if column == "records":
                return "\n".join(entry.records)
            if column == "name":
                return item.original_name
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            texts = {
                "name": item.original_name,
                "type": base_type(item.mime_type),
                "size": size_text(item.size),
                "acquired": format_time(item.acquired_at),
                "sha256": item.sha256[:SHORT_HASH],
                "records": ", ".join(entry.records),
                "state": self.state_text(item),
            }
            return texts[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "size":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def problem_text(problem: str | None) -> str:
    """Why a file failed verification, in the current language. The context is written out
    ("EvidenceProblem") so lupdate and the run-time lookup agree whoever asks."""
    texts = {
        "missing": translate("EvidenceProblem", "the encrypted file is missing"),
        "damaged": translate("EvidenceProblem", "the encrypted file was altered or damaged"),
        "mismatch": translate(
            "EvidenceProblem", "the content does not match the hash taken when it was added"
        ),
        "unreadable": translate("EvidenceProblem", "the encrypted file cannot be read"),
        "purged": translate("EvidenceProblem", "delivered and removed from this laptop"),
    }
    return texts.get(problem or "", problem or "")
