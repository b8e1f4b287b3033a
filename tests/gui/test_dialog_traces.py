"""Qt's file dialog keeps no folder a monitor browsed, in a fresh home, chosen or cancelled.

Qt's QFileDialog saves its history, last folder and sidebar when it is destroyed, through a
native-format QSettings ("QtProject"), which the default-format redirect alone does not move:
before the fix a chosen file's folder was left in ``~/.config/QtProject.conf``. Each case runs
in a child process (QSettings paths are fixed when the app starts) started as ``fielddoc-gui``
starts, with ``HOME`` and the XDG folders inside an empty folder, and picks or cancels a file in
a folder whose name is a canary. The layers of dialogs.py are checked one by one: with the
scrub on, nothing outside fielddoc's app folder and no canary anywhere; with the scrub switched
off (standing for Windows and macOS, where Qt's native settings cannot be moved), what Qt saved
names the home folder only.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.conftest import ROOT
from tests.gui.conftest import APP_FOLDER
from tests.gui.fresh_home import child_env, fresh_home
from tests.leakscan import canary_needles, grep_tree, new_canary

DRIVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from fielddoc.gui.environment import prepare

    prepare()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

    qt = QApplication(sys.argv[:1])
    from fielddoc.gui import dialogs

    target, answer, scrub = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "scrub"
    if not scrub:
        dialogs.scrub_dialog_history = lambda: None


    def answer_dialog():
        for dialog in QApplication.topLevelWidgets():
            if isinstance(dialog, QFileDialog) and dialog.isVisible():
                if dialog.directory().absolutePath() != str(target.parent):
                    dialog.setDirectory(str(target.parent))  # as a monitor browses there
                dialog.findChild(QLineEdit, "fileNameEdit").setText(target.name)
                if dialog.selectedFiles() == [str(target)]:
                    dialog.accept() if answer == "choose" else dialog.reject()
                    return
        QTimer.singleShot(20, answer_dialog)


    QTimer.singleShot(20, answer_dialog)
    chosen = dialogs.open_file(None, "Evidence")
    QTimer.singleShot(100, qt.quit)  # deferred deletions and timers get their turn
    qt.exec()
    print("CHOSEN", chosen)
    """
)


@pytest.mark.parametrize("answer", ["choose", "cancel"])
@pytest.mark.parametrize("scrub", ["scrub", "no-scrub"])
def test_file_dialog_leaves_no_browsed_folder(tmp_path: Path, answer: str, scrub: str) -> None:
    tree = tmp_path / "fresh"
    env_dirs = fresh_home(tree)
    home = env_dirs["HOME"]
    canary = new_canary(0)
    folder = tmp_path / f"Обыск {canary}"
    folder.mkdir()
    target = folder / "photo.jpg"
    target.write_bytes(b"\xff\xd8not really a photo")

    env = child_env(env_dirs)
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(target), answer, scrub],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    expected = str(target) if answer == "choose" else "None"
    assert result.stdout.decode().splitlines()[-1] == f"CHOSEN {expected}"

    app = env_dirs["XDG_DATA_HOME"] / "fielddoc" / "app"
    files = [p for p in tree.rglob("*") if not p.is_dir()]
    assert [p for p in files if not p.is_relative_to(app)] == []  # no ~/.config/QtProject.conf
    hits = grep_tree([tree], canary_needles(canary))
    assert hits.found() == set()
    saved = b"".join(p.read_bytes() for p in files)
    for form in (str(folder), folder.as_uri(), folder.name):
        assert form.encode() not in saved, form
    if scrub == "scrub":
        assert b"FileDialog" not in saved  # the whole group is gone
    else:
        # the harness: Qt did save its state, and all it names is the home folder
        assert b"lastVisited=" + home.as_uri().encode() in saved
        assert b"FileDialog" in saved


def test_native_settings_land_in_the_app_folder() -> None:
    """In this process too (conftest prepares as the app does): the settings Qt's dialogs
    write are in the throw-away app folder, not in the developer's ``~/.config``."""
    for settings in (QSettings("QtProject"), QSettings(QSettings.Scope.UserScope, "QtProject")):
        assert Path(settings.fileName()).is_relative_to(APP_FOLDER), settings.fileName()
