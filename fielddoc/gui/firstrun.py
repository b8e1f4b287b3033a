"""The first-run wizard: role and name, a passphrase (with strength feedback and a suggested
random passphrase), then the recovery code, shown once, with a check that it was written down.

Creating the vault (calibrating Argon2id, several seconds) runs on a worker thread. The
wizard emits ``created`` with the open vault (connection released for the GUI thread).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fielddoc.crypto import recovery
from fielddoc.exchange.identity import ensure_keys
from fielddoc.gui import dialogs
from fielddoc.gui.messages import message_for
from fielddoc.gui.workers import Job
from fielddoc.passphrases import strength, suggest
from fielddoc.vault.vault import MIN_PASSPHRASE_CHARS, Vault, create_vault

CHECKED_GROUPS = (2, 6)  # 0-based: the 3rd and 7th groups of the recovery code


class RolePage(QWizardPage):
    def __init__(self, default_path: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Who will use this vault?"))
        self.field_button = QRadioButton(
            self.tr("A &monitor in the field (records, evidence, exports to HQ)")
        )
        self.hq_button = QRadioButton(self.tr("&Headquarters (imports bundles from monitors)"))
        self.field_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.field_button)
        group.addButton(self.hq_button)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name on your key card"))
        self.name.setPlaceholderText(self.tr("e.g. Aigul, laptop 2"))
        self.path = QLineEdit(str(default_path))
        self.path.setAccessibleName(self.tr("Vault folder"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&Name on your key card"), self.name)
        # a row holding a layout gets no buddy from QFormLayout, so its '&' would show as text
        folder_label = QLabel(self.tr("Vault &folder"))
        folder_label.setBuddy(self.path)
        form.addRow(folder_label, row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field_button)
        layout.addWidget(self.hq_button)
        layout.addLayout(form)
        self.name.textChanged.connect(self.completeChanged)

    def _browse(self) -> None:
        folder = dialogs.choose_folder(self, self.tr("Where should the vault be kept?"))
        if folder is not None:
            self.path.setText(str(folder / "fielddoc-vault"))

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())

    @property
    def role(self) -> str:
        return "hq" if self.hq_button.isChecked() else "field"


class PassphrasePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(
            self.tr(
                "Several words are easier to remember and harder to guess than a short password. "
                "Nobody, not even HQ, can recover the vault without it or the recovery code."
            )
        )
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("Passphrase"))
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Repeat passphrase"))
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._show)
        suggest_button = QPushButton(self.tr("&Suggest a passphrase"))
        suggest_button.clicked.connect(self._suggest)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase"), self.first)
        form.addRow(self.tr("&Repeat"), self.second)
        form.addRow(self.tr("Strength"), self.meter)
        buttons = QHBoxLayout()
        buttons.addWidget(suggest_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addLayout(buttons)
        for edit in (self.first, self.second):
            edit.textChanged.connect(self._changed)
        self._changed()

    def _show(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def _suggest(self) -> None:
        phrase = suggest()
        self.show_button.setChecked(True)
        self.first.setText(phrase)
        self.second.setText(phrase)

    def _changed(self) -> None:
        text = self.first.text()
        score = strength(text).score
        self.meter.setValue(score)
        if len(text) < MIN_PASSPHRASE_CHARS:
            verdict = self.tr("Too short: at least %n character(s).", "", MIN_PASSPHRASE_CHARS)
        elif score < 3:
            verdict = self.tr("Weak: this could be guessed. Add words.")
        elif text != self.second.text():
            verdict = self.tr("The two entries differ.")
        else:
            verdict = self.tr("Good.")
        self.verdict.setText(verdict)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        text = self.first.text()
        return (
            len(text) >= MIN_PASSPHRASE_CHARS
            and text == self.second.text()
            and strength(text).score >= 3
        )


class RecoveryPage(QWizardPage):
    """Creates the vault, shows the recovery code once, asks for two of its groups back."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wizard_ref = wizard
        self.setTitle(self.tr("Your recovery code"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.code = QLabel()
        font = QFont("monospace")
        font.setPointSize(16)
        self.code.setFont(font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.check = QLineEdit()
        self.check.setAccessibleName(self.tr("Groups 3 and 7 of the recovery code"))
        self.check.setEnabled(False)
        self.check.textChanged.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.code)
        layout.addWidget(
            QLabel(self.tr("To confirm you wrote it down, type its 3rd and 7th groups:"))
        )
        layout.addWidget(self.check)
        self.recovery_code = ""
        self.vault: Vault | None = None
        self._job: Job | None = None

    def initializePage(self) -> None:
        if self.vault is not None:
            return
        wizard = self.wizard_ref
        self.status.setText(
            self.tr(
                "Creating the vault and tuning its encryption to this "
                "computer. This takes a few seconds…"
            )
        )
        role_page, pass_page = wizard.role_page, wizard.pass_page
        path = Path(role_page.path.text()).expanduser()
        role, name, secret = role_page.role, role_page.name.text().strip(), pass_page.first.text()

        def job(_conn: object, _progress: object, _cancel: object) -> tuple[Vault, str]:
            vault, code = create_vault(path, secret, role=role, name=name)  # type: ignore[arg-type]
            ensure_keys(vault.conn)
            vault.release_connection()
            return vault, code

        self._job = Job(job, lambda: None, self)
        self._job.succeeded.connect(self._created)
        self._job.failed.connect(self._failed)
        self._job.start()

    def _created(self, result: object) -> None:
        assert isinstance(result, tuple)  # noqa: S101 - the job's return type
        vault, code = result
        assert isinstance(vault, Vault)  # noqa: S101
        self.vault, self.recovery_code = vault, str(code)
        self.status.setText(
            self.tr(
                "Write this code on paper and keep it away from this laptop. It opens the vault if "
                "the passphrase is forgotten. It is shown only now."
            )
        )
        self.code.setText(self.recovery_code)
        self.check.setEnabled(True)
        self.check.setFocus()

    def _failed(self, code: str, message: str) -> None:
        self.status.setText(message_for(code, message if code == "INTERNAL" else ""))

    def isComplete(self) -> bool:
        if not self.recovery_code:
            return False
        groups = self.recovery_code.split("-")
        typed = self.check.text().replace("-", " ").split()
        wanted = [groups[i] for i in CHECKED_GROUPS]
        return [recovery.normalise_group(t) for t in typed] == wanted


class FirstRunWizard(QWizard):
    created = Signal(object)  # Vault

    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to fielddoc"))
        self.setObjectName("firstRunWizard")
        self.role_page = RolePage(default_path)
        self.pass_page = PassphrasePage()
        self.recovery_page = RecoveryPage(self)
        for page in (self.role_page, self.pass_page, self.recovery_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.accepted.connect(self._finish)

    def _finish(self) -> None:
        if self.recovery_page.vault is not None:
            self.recovery_page.code.clear()
            self.created.emit(self.recovery_page.vault)
