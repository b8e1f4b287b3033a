"""Registering the other side's key card: fingerprints shown large and in reading groups
(:class:`FingerprintLabel`), and :class:`CardImportDialog`, which registers a card only once
the fingerprint its owner reads aloud matches (the core refuses anything else).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fielddoc.errors import FielddocError
from fielddoc.exchange import cards
from fielddoc.exchange.cards import KeyCard, StoredCard
from fielddoc.gui.exchange_format import role_text
from fielddoc.gui.messages import message_for
from fielddoc.gui.session import Session


def fingerprint_font(extra_points: int = 8) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    base = font.pointSize() if font.pointSize() > 0 else 10
    font.setPointSize(base + extra_points)
    font.setBold(True)
    return font


def fingerprint_lines(fingerprint: str) -> str:
    """8 groups of 5 digits on two lines of four, the way people read them aloud."""
    groups = fingerprint.split()
    return " ".join(groups[:4]) + "\n" + " ".join(groups[4:])


class FingerprintLabel(QLabel):
    """A fingerprint large and monospaced, selectable with mouse and keyboard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(fingerprint_font())
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fingerprint = ""

    def set_fingerprint(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.setText(fingerprint_lines(fingerprint) if fingerprint else "")
        self.setAccessibleDescription(fingerprint)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isascii() and ch.isdigit())


# --- card import ----------------------------------------------------------------------------


class CardImportDialog(QDialog):
    """Register ``card`` once the fingerprint its owner reads aloud matches.

    Typing the digits is the default (the card's own fingerprint is not shown, so it cannot be
    copied from the screen); "compare" shows it large and asks for an explicit tick. After
    ``accept``, :attr:`stored` is the registered card and :attr:`created` says whether it is
    new.
    """

    def __init__(self, session: Session, card: KeyCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.card = card
        self.stored: StoredCard | None = None
        self.created = False
        self.setObjectName("cardImportDialog")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.type_mode = QRadioButton()
        self.compare_mode = QRadioButton()
        self.type_mode.setChecked(True)
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.type_mode)
        self.modes.addButton(self.compare_mode)
        self.typed = QLineEdit()
        self.typed.setFont(fingerprint_font(6))
        self.typed.setObjectName("fingerprintInput")
        self.typed.setMaxLength(80)
        self.typed_label = QLabel()
        self.typed_label.setBuddy(self.typed)
        self.count = QLabel()
        self.shown = FingerprintLabel()
        self.shown.set_fingerprint(card.fingerprint)
        self.compared = QCheckBox()
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.typed.textChanged.connect(self._update)
        self.compared.toggled.connect(self._update)
        self.type_mode.toggled.connect(self._update)
        self._wrong_role = card.role == session.role
        self.retranslate()
        self._update()
        self.typed.setFocus()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explain)
        layout.addWidget(self.type_mode)
        layout.addWidget(self.typed_label)
        layout.addWidget(self.typed)
        layout.addWidget(self.count)
        layout.addWidget(self.compare_mode)
        layout.addWidget(self.shown)
        layout.addWidget(self.compared)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a key card"))
        heading = self.tr("Key card of <b>%1</b> (%2)")
        self.heading.setText(
            heading.replace("%1", _escape(self.card.name)).replace("%2", role_text(self.card.role))
        )
        self.explain.setText(
            self.tr(
                "Before you trust this card, ask its owner to read its fingerprint to you, in "
                "person or by a phone call: not through the channel that brought you the file."
            )
        )
        self.type_mode.setText(self.tr("&Type the 40 digits its owner reads to me"))
        self.typed_label.setText(self.tr("&Fingerprint as read aloud:"))
        self.typed.setPlaceholderText("00000 00000 00000 00000 00000 00000 00000 00000")
        self.typed.setAccessibleName(self.tr("Fingerprint as read aloud by the card's owner"))
        self.compare_mode.setText(self.tr("&Compare the digits on screen while its owner reads"))
        self.compared.setText(self.tr("Its owner read me &exactly these 40 digits"))
        self.shown.setAccessibleName(self.tr("Fingerprint of the card"))
        self.import_button.setText(self.tr("&Import card"))
        self.import_button.setAccessibleName(self.tr("Import the card"))
        self._update()

    def _update(self) -> None:
        typing = self.type_mode.isChecked()
        self.typed.setEnabled(typing)
        self.typed_label.setEnabled(typing)
        self.count.setVisible(typing)
        self.shown.setVisible(not typing)
        self.compared.setVisible(not typing)
        self.count.setText(self.tr("%1 of 40 digits").replace("%1", str(len(self._typed()))))
        if self._wrong_role:
            self.error.setText(
                self.tr("This is an HQ card; this HQ vault imports the cards of field devices.")
                if self.session.role == "hq"
                else self.tr("This is a field device's card; a field vault imports HQ cards.")
            )
        self.import_button.setEnabled(not self._wrong_role and self.ready())

    def _typed(self) -> str:
        return _digits(self.typed.text())

    def ready(self) -> bool:
        if self.type_mode.isChecked():
            return len(self._typed()) == 40
        return self.compared.isChecked()

    def fingerprint(self) -> str:
        """What the user confirmed: the typed digits, or the card's own when compared."""
        return self.typed.text() if self.type_mode.isChecked() else self.card.fingerprint

    def try_import(self) -> bool:
        """Register the card if the confirmed fingerprint matches; say why not otherwise."""
        if self._wrong_role or not self.ready():
            return False
        try:
            self.stored, self.created = cards.import_card(
                self.session.records.conn,
                self.card,
                self.fingerprint(),
                own_role=self.session.role,
                vault_id=self.session.vault_id,
                device=self.session.device_id,
            )
        except FielddocError as exc:
            if exc.code == "BAD_INPUT" and _name_taken(self.session, self.card):
                self.error.setText(
                    self.tr("Another active card is registered under the name %1.").replace(
                        "%1", self.card.name
                    )
                )
            else:
                self.error.setText(message_for(exc.code))
            return False
        self.error.clear()
        return True

    def accept(self) -> None:
        if self.try_import():
            super().accept()


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def _name_taken(session: Session, card: KeyCard) -> bool:
    return any(
        stored.card.name == card.name and stored.card.key_id != card.key_id
        for stored in cards.list_cards(session.records.conn, active=True)
    )
