"""The desktop app in a fresh home: afterwards no file exists outside the vault folder except an
explicit allow-list, and no file anywhere holds a canary.

The app runs in a child process (a QApplication decides where it writes when it starts, so it
cannot share the test process's), started as ``fielddoc-gui`` starts (environment.prepare()
with the default folders, then QApplication) with ``HOME``, ``XDG_CONFIG_HOME``,
``XDG_DATA_HOME``, ``XDG_CACHE_HOME``, ``XDG_STATE_HOME``, ``XDG_RUNTIME_DIR`` and ``TMPDIR``
all inside an empty folder. The default vault, prepared there with cheap Argon2id, is unlocked
through the unlock window; a testimony is typed into the editor key by key (autosaved drafts),
saved, an evidence file named with a canary and holding canaries is added to it and shown in
the viewer, a canary is searched for from the main window, and the vault is locked.

Allow-list (everything else outside the vault folder fails the test):
- the folders that hold the vault: ``$XDG_DATA_HOME/fielddoc/vaults``;
- fielddoc's app folder ``$XDG_DATA_HOME/fielddoc/app`` and what Qt's settings write there
  (environment.py redirects QSettings into it; dialogs.py scrubs file-dialog history).
Nothing else is expected: no fontconfig or Mesa cache, no ``QtProject.conf``, no recent files,
no thumbnails, no temp files. The harness is checked: the vault's decrypted pages hold the
typed canaries, and the search-only canary is in no page.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from fielddoc.vault.vault import open_vault
from tests.conftest import CHEAP_KDF, PASSPHRASE, ROOT, make_vault
from tests.gui.fresh_home import child_env, fresh_home
from tests.leakscan import (
    REPORT_PROPERTY,
    canary_needles,
    grep_tree,
    new_canary,
    scan,
    vault_db_key,
)

DRIVER = textwrap.dedent(
    """
    import json
    import sys
    import time
    from pathlib import Path

    from fielddoc.gui.environment import prepare

    prepare()
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    qt = QApplication(sys.argv[:1])
    from fielddoc.gui import dialogs
    from fielddoc.gui.app import Application
    from fielddoc.gui.editor import RecordEditor
    from fielddoc.gui.mainwindow import MainWindow
    from fielddoc.gui.pages.evidence import EvidencePage
    from fielddoc.gui.unlock import UnlockWindow
    from fielddoc.vault.vault import default_vault_path

    spec = json.loads(sys.argv[1])


    def wait(condition, what, timeout=60.0):
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out: {what}")
            qt.processEvents()
            time.sleep(0.01)


    def type_text(widget, text):
        # QTest types ASCII only; other letters arrive as an input method commits them
        for char in text:
            if char.isascii():
                QTest.keyClicks(widget, char)
            elif hasattr(widget, "insertPlainText"):
                widget.insertPlainText(char)
            else:
                widget.insert(char)


    controller = Application(default_vault_path())
    controller.start()
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    QTest.keyClicks(unlock.passphrase, spec["passphrase"])
    unlock.try_unlock()
    wait(lambda: isinstance(controller.window, MainWindow), "unlock")
    main = controller.main
    session = controller.session

    editor = RecordEditor(session, "testimony", None, autosave_ms=50)
    editor.show()
    drafts = []
    editor.draft_saved.connect(drafts.append)
    type_text(editor.form.row("title").widget.focus_widget(), spec["title"])
    type_text(editor.form.row("narrative").widget.focus_widget(), spec["narrative"])
    wait(lambda: drafts, "a draft")
    assert editor.save(), editor.error_label.text()
    record_id = editor.saved_id
    editor.close()

    row = main.page_of(EvidencePage)
    main.sidebar.setCurrentRow(row)
    page = main.pages[row]
    reports = []
    page.ingest_finished.connect(reports.append)
    assert page.add_files([Path(spec["evidence"])], record_id) is not None
    wait(lambda: reports, "ingest")
    (added,) = reports[0].added
    page.refresh()
    assert page.select(added.id)
    wait(lambda: page.viewer.isVisible(), "viewer")
    qt.processEvents()

    main.search.setText(spec["query"])
    main.run_search()
    main.search.setText(spec["title"].split()[-1])
    main.run_search()
    qt.processEvents()

    main.lock_action.trigger()
    wait(lambda: isinstance(controller.window, UnlockWindow), "lock")
    controller.window.close()
    qt.processEvents()
    dialogs.scrub_dialog_history()
    print("DONE", json.dumps({"record": record_id, "evidence": added.id, "drafts": len(drafts)}))
    """
)


def tree_files(root: Path) -> list[str]:
    """Every non-directory entry under ``root`` (files, links, sockets), relative."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if not p.is_dir())


def test_app_in_a_fresh_home_writes_only_into_the_vault(
    tmp_path: Path, record_property: Any
) -> None:
    tree = tmp_path / "fresh"
    env_dirs = fresh_home(tree)
    home = env_dirs["HOME"]
    data = env_dirs["XDG_DATA_HOME"] / "fielddoc"
    vault_folder = data / "vaults" / "default"
    make_vault(vault_folder).vault.close()  # where platformdirs puts the default vault
    before = tree_files(tree)

    canaries = [new_canary(i) for i in range(8)]
    sources = tmp_path / "sources"
    sources.mkdir()
    evidence = sources / f"Показания {canaries[3]}.txt"
    text = f"{canaries[4]} свидетель рассказал {canaries[5]}\n" * 50
    evidence.write_bytes(text.encode("utf-8") + text.encode("utf-16-le"))
    spec = {
        "passphrase": PASSPHRASE,
        "title": f"Обыск {canaries[0]}",
        "narrative": f"Со слов {canaries[1]} и {canaries[2]}",
        "evidence": str(evidence),
        "query": canaries[6],
    }
    env = child_env(env_dirs)
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, json.dumps(spec, ensure_ascii=False)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    stderr = result.stderr.decode(errors="replace")
    assert result.returncode == 0, stderr
    done = result.stdout.decode().splitlines()[-1]
    assert done.startswith("DONE"), result.stdout
    outcome = json.loads(done.split(" ", 1)[1])
    assert outcome["drafts"] >= 1

    allowed = [
        (data / "vaults").relative_to(tree).as_posix() + "/",
        (data / "app").relative_to(tree).as_posix() + "/",
    ]
    files = tree_files(tree)
    outside = [name for name in files if not any(name.startswith(a) for a in allowed)]
    assert outside == [], outside
    app_files = [name for name in files if name.startswith(allowed[1])]
    for name in app_files:  # Qt's settings file: no path, no name, no content in it
        content = (tree / name).read_bytes()
        assert b"sources" not in content and str(home).encode() not in content, name
    assert all(needle not in stderr for c in canaries for needle in canary_needles(c)), stderr

    needles = [n for c in canaries for n in canary_needles(c)]
    everything = grep_tree([tree], needles)
    assert everything.found() == set(), [str(h) for hits in everything.hits.values() for h in hits]

    # harness: the typed text is in the vault, decrypted; the search-only canary is not
    vault = open_vault(vault_folder, PASSPHRASE, floor=CHEAP_KDF)
    try:
        inside = scan(vault_folder, vault_db_key(vault), needles).found()
        record = vault.conn.execute(
            "SELECT count(*) FROM records WHERE id = ?", (outcome["record"],)
        ).fetchone()[0]
    finally:
        vault.close()
    assert record == 1
    assert {canaries[0], canaries[1], canaries[2], canaries[3]} <= inside
    assert canaries[6] not in inside and canaries[6][-12:] not in inside
    assert not {canaries[4], canaries[5]} & inside  # evidence content: only in its blob
    record_property(
        REPORT_PROPERTY,
        f"GUI fresh home: {len(canaries)} canaries; unlock, editor ({outcome['drafts']} drafts), "
        f"evidence + viewer, search, lock; {len(files)} files in the tree "
        f"({len(before)} before), {everything.stats.raw_bytes} bytes grepped; outside the vault: "
        f"{app_files or 'nothing'} (allow-listed app folder); 0 canary hits",
    )
