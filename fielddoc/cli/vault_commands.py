"""``fielddoc init``, ``check``, ``passphrase change``, ``unlock-with-recovery``, ``audit``."""

from __future__ import annotations

import argparse

from fielddoc.checks import run_checks
from fielddoc.cli.common import Context, say, warn
from fielddoc.errors import InputError
from fielddoc.vault.vault import ROLES, create_vault, open_vault


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

    log = sub.add_parser("audit", help="show the audit log")
    log.add_argument("--limit", type=int, default=50)
    log.add_argument("--json", action="store_true")
    log.set_defaults(handler=cmd_audit)


def cmd_init(ctx: Context) -> int:
    passphrase = ctx.passphrase(confirm=True)
    vault, code = create_vault(ctx.vault_path, passphrase, role=ctx.args.role, name=ctx.args.name)
    path = str(vault.folder)
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
    vault = ctx.adopt(open_vault(ctx.vault_path, old))
    new = ctx.read_secret(ctx.args.new_passphrase_file, "New passphrase: ", confirm=True)
    vault.change_passphrase(old, new)
    ctx.emit({"changed": True}, lambda: say("Passphrase changed."))
    return 0


def cmd_unlock_with_recovery(ctx: Context) -> int:
    code = ctx.read_secret(ctx.args.recovery_code_file, "Recovery code: ")
    vault = ctx.adopt(open_vault(ctx.vault_path, recovery_code=code))
    new = ctx.read_secret(ctx.args.new_passphrase_file, "New passphrase: ", confirm=True)
    if not new:
        raise InputError("The new passphrase is empty.")
    vault.set_passphrase(new)
    vault.log("passphrase_change", via="recovery")
    ctx.emit(
        {"changed": True},
        lambda: warn("New passphrase set. The recovery code still works; keep it safe."),
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
