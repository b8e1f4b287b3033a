"""File dialogs and confirmations that leave no trace.

Only Qt's own (non-native) file dialogs are used: native dialogs on Linux feed the desktop's
"recent files" list. Qt's dialog saves its history, its last folder and its sidebar in a
native-format ``QSettings`` ("QtProject" / "FileDialog") when it is destroyed. Three layers keep
a browsed path out of it: environment.py redirects that file into fielddoc's app folder (Linux);
before the dialog is destroyed its history and folder are reset to the home folder, so what Qt
saves names no folder a monitor browsed; and right after it is destroyed (at once, not later
through the event loop) the group is removed from both formats, so nothing is kept at all.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

OPTIONS = QFileDialog.Option.DontUseNativeDialog | QFileDialog.Option.DontUseCustomDirectoryIcons


def scrub_dialog_history() -> None:
    """Remove Qt's file-dialog state from the default-format and the native-format settings
    (the dialog writes the native one; on Windows that is the registry)."""
    for settings in (QSettings("QtProject"), QSettings(QSettings.Scope.UserScope, "QtProject")):
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
    """Run ``dialog``; the paths chosen ([] if cancelled). Whatever happens, the dialog's
    folder and history are reset, the dialog is destroyed at once (its destructor is where Qt
    saves them; deleteLater() would save after the scrub) and Qt's dialog history scrubbed."""
    try:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        return [Path(name) for name in dialog.selectedFiles()] if accepted else []
    finally:
        _forget(dialog)
        scrub_dialog_history()


def _forget(dialog: QFileDialog) -> None:
    if not shiboken6.isValid(dialog):  # already destroyed with its parent window
        return
    # setDirectory() also resets Qt's process-wide "last visited" folder, which the
    # destructor saves; the history is cleared after it because moving appends to it
    dialog.setDirectory(str(Path.home()))
    dialog.setHistory([])
    shiboken6.delete(dialog)


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
