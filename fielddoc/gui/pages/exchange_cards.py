"""The key cards part of the exchange page: this vault's own card (fingerprint large, copy,
export to a new file) and the other side's cards (import with fingerprint confirmation, list,
revoke after a confirmation).

Texts use the translation context ``"ExchangePage"``, the class users see.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from fielddoc.errors import FielddocError
from fielddoc.exchange import cards
from fielddoc.fsutil import write_new_file
from fielddoc.gui import dialogs
from fielddoc.gui.card_import import CardImportDialog, FingerprintLabel
from fielddoc.gui.exchange_format import role_text
from fielddoc.gui.models import format_time
from fielddoc.gui.pages.exchange_base import ExchangePageBase, mono_font, new_table, table_item

translate = QCoreApplication.translate


def _card_file_name(name: str) -> str:
    safe = re.sub(r"[^\w.-]+", "-", name, flags=re.UNICODE).strip("-.") or "fielddoc"
    return f"{safe}.card"


class CardsPart(ExchangePageBase):
    def _build_own_card(self) -> None:
        self.own_box = QGroupBox()
        self.own_name = QLabel()
        self.own_name.setWordWrap(True)
        self.own_fingerprint = FingerprintLabel()
        self.own_fingerprint.setObjectName("ownFingerprint")
        self.own_hint = QLabel()
        self.own_hint.setWordWrap(True)
        self.copy_button = QPushButton()
        self.export_card_button = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.export_card_button)
        row.addStretch()
        layout = QVBoxLayout(self.own_box)
        layout.addWidget(self.own_name)
        layout.addWidget(self.own_fingerprint)
        layout.addWidget(self.own_hint)
        layout.addLayout(row)
        self.body.addWidget(self.own_box)
        self.copy_button.clicked.connect(self.copy_fingerprint)
        self.export_card_button.clicked.connect(self.export_card_clicked)

    def _build_cards(self) -> None:
        self.cards_box = QGroupBox()
        self.cards_table = new_table(4)
        self.cards_table.setObjectName("cardsTable")
        self.import_card_button = QPushButton()
        self.revoke_button = QPushButton()
        self.revoke_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.import_card_button)
        row.addWidget(self.revoke_button)
        row.addStretch()
        layout = QVBoxLayout(self.cards_box)
        layout.addWidget(self.cards_table)
        layout.addLayout(row)
        self.body.addWidget(self.cards_box)
        self.import_card_button.clicked.connect(self.import_card_clicked)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.cards_table.itemSelectionChanged.connect(self._card_selected)

    def _render_own_card(self) -> None:
        if not self._own_fingerprint:
            self.own_name.clear()
            return
        text = translate("ExchangePage", "%1 (%2). Fingerprint:")
        self.own_name.setText(
            text.replace("%1", self._own_name).replace("%2", role_text(self._own_role))
        )
        self.own_fingerprint.set_fingerprint(self._own_fingerprint)

    def _fill_cards(self, conn: Any) -> None:
        role = "field" if self.hq else "hq"
        stored = cards.list_cards(conn, role=role)
        self.cards_table.setRowCount(len(stored))
        for row, item in enumerate(stored):
            state = (
                translate("ExchangePage", "revoked %1").replace("%1", format_time(item.revoked_at))
                if item.revoked_at
                else translate("ExchangePage", "active")
            )
            fingerprint = table_item(item.card.fingerprint)
            fingerprint.setFont(mono_font())
            self.cards_table.setItem(row, 0, table_item(item.card.name, item.card.name))
            self.cards_table.setItem(row, 1, fingerprint)
            self.cards_table.setItem(row, 2, table_item(format_time(item.imported_at)))
            self.cards_table.setItem(
                row, 3, table_item(state, "revoked" if item.revoked_at else "")
            )
        self._card_selected()

    # --- my card --------------------------------------------------------------------------

    def copy_fingerprint(self) -> None:
        """Put the fingerprint on the clipboard (the app's ClipboardGuard clears it later)."""
        if self._own_fingerprint:
            QGuiApplication.clipboard().setText(self._own_fingerprint)
            self._show_result(lambda: translate("ExchangePage", "Fingerprint copied."))

    def export_card_clicked(self) -> None:
        if not self.session.is_open:
            return
        name = _card_file_name(self.session.exchange().card.name)
        path = dialogs.save_file(self, translate("ExchangePage", "Save my key card"), name)
        if path is not None:
            self.export_card_to(path)

    def export_card_to(self, path: Path) -> bool:
        """Write this vault's card to a new file ``path``."""
        try:
            card = self.session.exchange().card
            write_new_file(path, card.to_text().encode("utf-8"))
        except FileExistsError:
            self._show_result(
                lambda: translate(
                    "ExchangePage", "A file with this name exists already; choose another name."
                ),
                error=True,
            )
            return False
        except OSError:
            self._show_error("STORAGE_FAILED", "")
            return False
        except FielddocError as exc:
            self._show_error(exc.code, exc.message)
            return False
        shown = str(path)
        self._show_result(
            lambda: translate(
                "ExchangePage",
                "Card written to %1. Read the fingerprint to the other side so they can check it.",
            ).replace("%1", shown)
        )
        return True

    # --- other cards ----------------------------------------------------------------------

    def import_card_clicked(self) -> None:
        path = dialogs.open_file(
            self,
            translate("ExchangePage", "Import a key card"),
            translate("ExchangePage", "Key cards (*.card);;All files (*)"),
        )
        if path is None:
            return
        dialog = self.card_dialog_for(path)
        if dialog is not None:
            dialog.exec()
            self.card_dialog_done(dialog)
            dialog.deleteLater()

    def card_dialog_for(self, path: Path) -> CardImportDialog | None:
        """Read the card file and build the confirmation dialog (None: not a card)."""
        try:
            card = cards.read_card_file(path)
        except FielddocError as exc:
            self._show_error(exc.code, exc.message)
            return None
        return CardImportDialog(self.session, card, self)

    def card_dialog_done(self, dialog: CardImportDialog) -> None:
        stored = dialog.stored
        if stored is None:
            return
        name = stored.card.name
        if dialog.created:
            self._show_result(
                lambda: translate("ExchangePage", "Card of %1 registered.").replace("%1", name)
            )
        else:
            self._show_result(
                lambda: translate(
                    "ExchangePage", "The card of %1 was registered already; nothing changed."
                ).replace("%1", name)
            )
        self._finish("card_import", True, ("cards",))

    def selected_card(self) -> tuple[str, bool] | None:
        """(name, revoked) of the selected card."""
        rows = self.cards_table.selectionModel().selectedRows()
        if not rows:
            return None
        name = self.cards_table.item(rows[0].row(), 0)
        state = self.cards_table.item(rows[0].row(), 3)
        if name is None or state is None:
            return None
        revoked = state.data(Qt.ItemDataRole.UserRole) == "revoked"
        return str(name.data(Qt.ItemDataRole.UserRole)), revoked

    def _card_selected(self) -> None:
        selected = self.selected_card()
        self.revoke_button.setEnabled(selected is not None and not selected[1])

    def revoke_selected(self) -> None:
        selected = self.selected_card()
        if selected is None or selected[1]:
            return
        name = selected[0]
        text = translate(
            "ExchangePage",
            "Revoke the card of %1? From now on, bundles or receipts signed with it are "
            "refused. Do this when a device or key is lost or seized. It cannot be undone: "
            "the owner will need a new vault and card.",
        ).replace("%1", name)
        if dialogs.confirm(
            self,
            translate("ExchangePage", "Revoke a key card"),
            text,
            action=translate("ExchangePage", "Revoke"),
        ):
            self.revoke_card(name)

    def revoke_card(self, name: str) -> bool:
        try:
            cards.revoke(
                self.session.records.conn,
                name,
                vault_id=self.session.vault_id,
                device=self.session.device_id,
            )
        except FielddocError as exc:
            self._show_error(exc.code, exc.message)
            return False
        self._show_result(
            lambda: translate("ExchangePage", "The card of %1 is revoked.").replace("%1", name)
        )
        self._finish("card_revoke", True, ("cards",))
        return True
