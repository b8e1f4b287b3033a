"""``fielddoc init``, ``check``, ``passphrase change``, ``unlock-with-recovery``, ``audit``."""

from __future__ import annotations

import argparse
from pathlib import Path

from fielddoc.checks import run_checks
from fielddoc.cli.common import Context, say, warn
from fielddoc.errors import InputError
from fielddoc.exchange.identity import ensure_keys
from fielddoc.vault.vault import ROLES, create_keyfile, create_vault, open_vault


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = sub.add_parser("init", help="create a new vault and show its recovery code once")
    init.add_argument("--role", choices=ROLES, default="field")
    init.add_argument("--name", default="", help="a display name for this vault's key card")
    init.add_argument("--json", action="store_true")
    init.set_defaults(handler=cmd_init)

    check = sub.add_parser("check", help="verify encryption, database and audit-chain integrity")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=cmd_check)

    passphrase = sub.add_parser("passphrase", help="manage the vault passphrase")
    pass_sub = passphrase.add_subparsers(dest="passphrase_command", required=True)
    change = pass_sub.add_parser("change", help="set a new passphrase (needs the current one)")
    change.add_argument("--new-passphrase-file", metavar="PATH")
    change.add_argument("--json", action="store_true")
    change.set_defaults(handler=cmd_passphrase_change)

    rec = sub.add_parser(
        "unlock-with-recovery", help="set a new passphrase using the recovery code"
    )
    rec.add_argument("--recovery-code-file", metavar="PATH")
    rec.add_argument("--new-passphrase-file", metavar="PATH")
    rec.add_argument("--json", action="store_true")
    rec.set_defaults(handler=cmd_unlock_with_recovery)

    keyfile = sub.add_parser("keyfile", help="a key file as second factor (e.g. on a USB stick)")
    ksub = keyfile.add_subparsers(dest="keyfile_command", required=True)
    create = ksub.add_parser("create", help="write a new random key file")
    create.add_argument("-o", "--output", required=True, metavar="PATH")
    create.set_defaults(handler=cmd_keyfile_create, needs_vault=False)
    kset = ksub.add_parser("set", help="require this key file from now on (add or change)")
    kset.add_argument("--new-key-file", required=True, metavar="PATH")
    kset.add_argument("--json", action="store_true")
    kset.set_defaults(handler=cmd_keyfile_set)
    kremove = ksub.add_parser("remove", help="stop requiring a key file")
    kremove.add_argument("--json", action="store_true")
    kremove.set_defaults(handler=cmd_keyfile_remove)

    panic = sub.add_parser("panic", help="erase the vault's keys at once: nothing opens it again")
    panic.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    panic.add_argument("--json", action="store_true")
    panic.set_defaults(handler=cmd_panic, needs_vault=False)

    gui = sub.add_parser("gui", help="start the desktop application")
    gui.set_defaults(handler=cmd_gui, needs_vault=False)

    selftest = sub.add_parser(
        "self-test",
        help="check this installation in a temporary folder (no real vault is touched)",
    )
    selftest.set_defaults(handler=cmd_self_test, needs_vault=False)

    log = sub.add_parser("audit", help="show the audit log")
    log.add_argument("--limit", type=int, default=50)
    log.add_argument("--json", action="store_true")
    log.set_defaults(handler=cmd_audit)


def cmd_init(ctx: Context) -> int:
    passphrase = ctx.passphrase(confirm=True)
    vault, code = create_vault(ctx.vault_path, passphrase, role=ctx.args.role, name=ctx.args.name)
    path = str(vault.folder)
    ensure_keys(vault.conn)  # the signing key and the age identity exist from the start
    vault.close()

    def human() -> None:
        say(f"Created a {ctx.args.role} vault in {path}")
        say("")
        say("Recovery code (shown only now; write it on paper and keep it apart from the laptop):")
        say(f"    {code}")

    ctx.emit({"vault": path, "recovery_code": code, "role": ctx.args.role}, human)
    return 0


def cmd_check(ctx: Context) -> int:
    vault = ctx.open()
    results = list(run_checks(vault))
    ok = all(result.ok for result in results)

    def human() -> None:
        for result in results:
            say(f"{'ok  ' if result.ok else 'FAIL'}  {result.name}: {result.detail}")
        say("vault is healthy" if ok else "vault has problems")

    ctx.emit({"ok": ok, "checks": [result.to_json() for result in results]}, human)
    return 0 if ok else 1


def cmd_passphrase_change(ctx: Context) -> int:
    old = ctx.passphrase()
    vault = ctx.adopt(open_vault(ctx.vault_path, old, keyfile=ctx.keyfile))
    new = ctx.read_secret(ctx.args.new_passphrase_file, "New passphrase: ", confirm=True)
    vault.change_passphrase(old, new)
    ctx.emit({"changed": True}, lambda: say("Passphrase changed."))
    return 0


def cmd_unlock_with_recovery(ctx: Context) -> int:
    code = ctx.read_secret(ctx.args.recovery_code_file, "Recovery code: ")
    # with --key-file the new passphrase needs that key file too; without, it opens alone
    # (the way back when the key file is lost)
    vault = ctx.adopt(open_vault(ctx.vault_path, recovery_code=code, keyfile=ctx.keyfile))
    new = ctx.read_secret(ctx.args.new_passphrase_file, "New passphrase: ", confirm=True)
    if not new:
        raise InputError("The new passphrase is empty.")
    vault.set_passphrase(new)
    vault.log("passphrase_change", via="recovery")
    needs_keyfile = ctx.keyfile is not None
    message = (
        "New passphrase set; it works only together with the key file given."
        if needs_keyfile
        else "New passphrase set; it opens the vault without a key file."
    )
    ctx.emit(
        {"changed": True, "keyfile": needs_keyfile},
        lambda: warn(f"{message} The recovery code still works; keep it safe."),
    )
    return 0


def cmd_audit(ctx: Context) -> int:
    from fielddoc import audit

    vault = ctx.open()
    rows = list(audit.entries(vault.conn, limit=ctx.args.limit))

    def human() -> None:
        for row in rows:
            target = f" {row.object_id}" if row.object_id else ""
            say(f"{row.seq:6d}  {row.at}  {row.action}{target}")

    ctx.emit(
        [
            {
                "seq": row.seq,
                "at": row.at,
                "device": row.device,
                "action": row.action,
                "object_id": row.object_id,
                "detail": row.detail,
                "hash": row.hash,
            }
            for row in rows
        ],
        human,
    )
    return 0


def cmd_gui(ctx: Context) -> int:
    from fielddoc.gui.app import main as gui_main

    return gui_main(["--vault", str(ctx.vault_path)] if ctx.args.vault else [])


def cmd_self_test(ctx: Context) -> int:
    from fielddoc.selftest import run_self_test

    del ctx
    return 0 if run_self_test(say) else 1


def cmd_keyfile_create(ctx: Context) -> int:
    path = Path(ctx.args.output).expanduser()
    create_keyfile(path)
    say(f"key file written to {path}; keep it apart from the laptop, and make a copy")
    return 0


def _change_keyfile(ctx: Context, new: Path | None) -> int:
    passphrase = ctx.passphrase()
    vault = ctx.adopt(open_vault(ctx.vault_path, passphrase, keyfile=ctx.keyfile))
    vault.change_keyfile(passphrase, new)
    message = "key file required from now on" if new else "key file no longer required"
    ctx.emit({"keyfile": new is not None}, lambda: say(message))
    return 0


def cmd_keyfile_set(ctx: Context) -> int:
    return _change_keyfile(ctx, Path(ctx.args.new_key_file).expanduser())


def cmd_keyfile_remove(ctx: Context) -> int:
    return _change_keyfile(ctx, None)


def cmd_panic(ctx: Context) -> int:
    from fielddoc.vault.panic import erase
    from fielddoc.vault.vault import classify_folder

    if not ctx.args.yes:
        raise InputError("Erasing cannot be undone; add --yes to confirm.")
    if classify_folder(ctx.vault_path) != "vault":
        raise InputError("No vault to erase in this folder (or it was erased already).")
    erase(ctx.vault_path)
    ctx.emit({"erased": True}, lambda: say("The vault's keys were erased; nothing opens it again."))
    return 0
