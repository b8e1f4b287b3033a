"""Groups of fields in a titled box (:class:`GroupField`), and the testimony's consent group
framed with a plain statement of what was consented to (:class:`ConsentGroupField`).

A group with nothing filled in is absent from the record body.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from fielddoc.gui.fields.base import FieldWidget, hint_label
from fielddoc.gui.fields.form import FieldForm, FieldRow
from fielddoc.gui.fields.values import PathPart
from fielddoc.gui.i18n import LANGUAGE
from fielddoc.gui.session import Session
from fielddoc.records.templates import Field

CONSENT_STYLE = (
    "QGroupBox#consentGroup { border: 2px solid #1f6fb2; border-radius: 6px;"
    " margin-top: 1.6em; padding-top: 0.6em; }"
    " QGroupBox#consentGroup::title { subcontrol-origin: margin; left: 10px; padding: 0 6px; }"
)


class GroupField(FieldWidget):
    """A group of fields in a titled box; absent when nothing in it is filled in."""

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.box = QGroupBox()
        self.help = hint_label()
        self.form = FieldForm(field.fields, session, columns=1)
        self.form.changed.connect(self.changed)
        self.form.structure_changed.connect(self.structure_changed)
        inner = QVBoxLayout(self.box)
        inner.addWidget(self.help)
        self.add_header(inner)
        inner.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.retranslate()

    def add_header(self, layout: QVBoxLayout) -> None:
        """Subclasses put something between the help text and the fields."""

    def retranslate(self) -> None:
        self.box.setTitle(self.label())
        help_text = self.field.help_text(LANGUAGE.current)
        self.help.setText(help_text)
        self.help.setVisible(bool(help_text))
        self.form.retranslate()

    def set_accessible(self, name: str, description: str) -> None:
        self.box.setAccessibleName(name)
        self.box.setAccessibleDescription(description)

    def value(self) -> Any:
        return self.form.value() or None

    def set_value(self, value: Any) -> None:
        self.form.set_value(value if isinstance(value, dict) else {})

    def row_for(self, parts: Sequence[PathPart]) -> FieldRow | None:
        return self.form.row_for(parts)

    def clear_errors(self) -> None:
        self.form.clear_errors()

    def focus_widget(self) -> QWidget:
        return self.form.first_focus() or self


class ConsentGroupField(GroupField):
    """The structured consent of a testimony: framed, with a plain statement of what is known.

    The statement under the title says, from the fields below, whether consent was given,
    for what, and whether it was withdrawn, so that no one has to read the fields to know.
    """

    def __init__(self, field: Field, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(field, session, parent)
        self.box.setObjectName("consentGroup")
        self.box.setStyleSheet(CONSENT_STYLE)
        self.changed.connect(self.update_status)
        self.update_status()

    def add_header(self, layout: QVBoxLayout) -> None:
        self.status = QLabel()
        self.status.setObjectName("consentStatus")
        self.status.setWordWrap(True)
        font = self.status.font()
        font.setBold(True)
        self.status.setFont(font)
        layout.addWidget(self.status)

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "status"):
            self.update_status()

    def status_text(self) -> tuple[str, str]:
        """(statement, colour) for the current consent values."""
        value = self.form.value()
        given = value.get("given")
        if value.get("withdrawn") is True:
            return self.tr("Consent was WITHDRAWN. Do not use this testimony beyond that."), (
                "#b00020"
            )
        if given is False:
            return self.tr("Consent was NOT given."), "#b00020"
        if given is True:
            scope = value.get("scope")
            if isinstance(scope, list) and scope and self.field.fields:
                spec = next((f for f in self.field.fields if f.name == "scope"), None)
                if spec is not None and spec.thesaurus:
                    thesaurus = self.session.templates.thesaurus(spec.thesaurus)
                    labels = ", ".join(thesaurus.label(c, LANGUAGE.current) for c in scope)
                    return self.tr("Consent given for: %1").replace("%1", labels), "#1b5e20"
            return self.tr("Consent given; record below what it covers."), "#1b5e20"
        return self.tr("Consent not recorded yet: ask, and record the answer here."), "#8a5300"

    def update_status(self) -> None:
        text, colour = self.status_text()
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour};")
