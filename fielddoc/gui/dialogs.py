"""File dialogs and confirmations that leave no trace.

Only Qt's own (non-native) file dialogs are used: native dialogs on Linux feed the desktop's
"recent files" list. Qt's dialog stores its history and last folder in ``QSettings``
("QtProject" / "FileDialog"), which environment.py redirected into fielddoc's app folder; after
every dialog that group is removed again, so no path a monitor browsed is kept anywhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

OPTIONS = QFileDialog.Option.DontUseNativeDialog | QFileDialog.Option.DontUseCustomDirectoryIcons


def scrub_dialog_history() -> None:
    settings = QSettings("QtProject")
    settings.remove("FileDialog")
    settings.remove("Qt/filedialog")
    settings.sync()


def _dialog(parent: QWidget | None, title: str, mode: QFileDialog.FileMode) -> QFileDialog:
    dialog = QFileDialog(parent, title, str(Path.home()))
    dialog.setOptions(OPTIONS)
    dialog.setFileMode(mode)
    dialog.setHistory([])
    return dialog


def _chosen(dialog: QFileDialog) -> list[Path]:
    """Run ``dialog``; the paths chosen ([] if cancelled). The dialog is deleted and Qt's
    dialog history scrubbed whatever happens."""
    try:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        return [Path(name) for name in dialog.selectedFiles()] if accepted else []
    finally:
        dialog.deleteLater()
        scrub_dialog_history()


def open_files(parent: QWidget | None, title: str) -> list[Path]:
    return _chosen(_dialog(parent, title, QFileDialog.FileMode.ExistingFiles))


def open_file(parent: QWidget | None, title: str, name_filter: str = "") -> Path | None:
    dialog = _dialog(parent, title, QFileDialog.FileMode.ExistingFile)
    if name_filter:
        dialog.setNameFilter(name_filter)
    return next(iter(_chosen(dialog)), None)


def choose_folder(parent: QWidget | None, title: str) -> Path | None:
    dialog = _dialog(parent, title, QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return next(iter(_chosen(dialog)), None)


def save_file(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    dialog = _dialog(parent, title, QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile(suggested)
    return next(iter(_chosen(dialog)), None)


def confirm(parent: QWidget | None, title: str, text: str, *, action: str) -> bool:
    """Yes/no with the safe answer as default (Escape and Enter both say no)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)
