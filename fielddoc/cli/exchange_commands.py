"""``fielddoc card|keys|export|verify|import|receipt|purge|status|settings``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from fielddoc import settings
from fielddoc.cli.common import Context, say, warn
from fielddoc.errors import InputError
from fielddoc.exchange import cards
from fielddoc.exchange.context import ExchangeContext, exchange_context
from fielddoc.fsutil import write_new_file


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    card = sub.add_parser("card", help="key cards: show, export, import, list, revoke")
    csub = card.add_subparsers(dest="card_command", required=True)
    show = csub.add_parser("show", help="show this vault's card, or a card file")
    show.add_argument("file", nargs="?")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_card_show)
    export = csub.add_parser("export", help="write this vault's card to a file")
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=cmd_card_export)
    imp = csub.add_parser("import", help="register another party's card")
    imp.add_argument("file")
    imp.add_argument(
        "--fingerprint",
        required=True,
        metavar="FP",
        help="the fingerprint the card's owner read to you (40 digits)",
    )
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_card_import)
    lst = csub.add_parser("list", help="registered cards")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_card_list)
    revoke = csub.add_parser("revoke", help="stop trusting a card (lost or seized device)")
    revoke.add_argument("name")
    revoke.add_argument("--json", action="store_true")
    revoke.set_defaults(handler=cmd_card_revoke)

    _register_exchange(sub)


def _register_exchange(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keys = sub.add_parser("keys", help="export keys for reading archives with standard tools")
    ksub = keys.add_subparsers(dest="keys_command", required=True)
    ident = ksub.add_parser(
        "export-age-identity",
        help="the age identity (HQ: opens bundles; field: opens receipts) for standard tools",
    )
    ident.add_argument("-o", "--output", required=True, metavar="FILE")
    ident.set_defaults(handler=cmd_keys_age)
    pub = ksub.add_parser("export-minisign-pub", help="this vault's minisign public key")
    pub.add_argument("-o", "--output", required=True, metavar="FILE")
    pub.set_defaults(handler=cmd_keys_minisign)

    out = sub.add_parser("export", help="field: write a signed, encrypted bundle for HQ")
    out.add_argument("-o", "--output", required=True, metavar="FILE")
    out.add_argument("--to", nargs="+", metavar="CARDNAME", help="HQ cards (default: all)")
    out.add_argument("--all", action="store_true", help="everything, not only unconfirmed items")
    out.add_argument("--json", action="store_true")
    out.set_defaults(handler=cmd_export)

    ver = sub.add_parser("verify", help="HQ: check a bundle without importing it")
    ver.add_argument("bundle")
    ver.add_argument("--json", action="store_true")
    ver.set_defaults(handler=cmd_verify)

    imp_b = sub.add_parser("import", help="HQ: import bundles (each all or nothing)")
    imp_b.add_argument("bundles", nargs="+", metavar="BUNDLE")
    imp_b.add_argument("--receipts-dir", metavar="DIR", help="write a receipt per bundle here")
    imp_b.add_argument(
        "--accept-gap",
        action="store_true",
        help="import even if an earlier bundle from the device is missing",
    )
    imp_b.add_argument("--json", action="store_true")
    imp_b.set_defaults(handler=cmd_import)

    rec = sub.add_parser("receipt", help="receipts from HQ")
    rsub = rec.add_subparsers(dest="receipt_command", required=True)
    rimp = rsub.add_parser("import", help="field: mark what HQ confirmed as delivered")
    rimp.add_argument("file")
    rimp.add_argument("--json", action="store_true")
    rimp.set_defaults(handler=cmd_receipt_import)
    rwrite = rsub.add_parser("write", help="HQ: write (again) the receipt of an imported bundle")
    rwrite.add_argument("bundle_id")
    rwrite.add_argument("--receipts-dir", required=True, metavar="DIR")
    rwrite.add_argument("--json", action="store_true")
    rwrite.set_defaults(handler=cmd_receipt_write)

    _register_delivery(sub)


def _register_delivery(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    purge = sub.add_parser("purge", help="field: remove what HQ confirmed, for real")
    purge.add_argument("--delivered", action="store_true", required=True)
    purge.add_argument("--older-than", type=int, metavar="DAYS")
    purge.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    purge.add_argument("--json", action="store_true")
    purge.set_defaults(handler=cmd_purge)

    status = sub.add_parser("status", help="what HQ has not confirmed yet")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=cmd_status)

    sett = sub.add_parser("settings", help="show or change vault settings")
    ssub = sett.add_subparsers(dest="settings_command", required=True)
    sshow = ssub.add_parser("show")
    sshow.add_argument("--json", action="store_true")
    sshow.set_defaults(handler=cmd_settings_show)
    sset = ssub.add_parser("set")
    sset.add_argument("key", choices=sorted(settings.SETTINGS))
    sset.add_argument("value")
    sset.add_argument("--json", action="store_true")
    sset.set_defaults(handler=cmd_settings_set)


def _ctx(ctx: Context) -> ExchangeContext:
    return exchange_context(ctx.open())


def _card_text(card: cards.KeyCard) -> None:
    say(f"name         {card.name}")
    say(f"role         {card.role}")
    say(f"fingerprint  {card.fingerprint}")
    say(f"age          {card.age_recipient}")
    say(f"minisign     {card.minisign_public_key.to_base64()}")


def cmd_card_show(ctx: Context) -> int:
    card = cards.read_card_file(Path(ctx.args.file)) if ctx.args.file else _ctx(ctx).card
    ctx.emit(card.to_json(), lambda: _card_text(card))
    return 0


def _write_exclusive(path: Path, data: bytes) -> None:
    if path.exists():
        raise InputError("The output file already exists; choose a new name.")
    write_new_file(path, data)


def cmd_card_export(ctx: Context) -> int:
    card = _ctx(ctx).card
    _write_exclusive(Path(ctx.args.output), card.to_text().encode("utf-8"))
    ctx.emit(
        {**card.to_json(), "file": ctx.args.output},
        lambda: say(f"card written to {ctx.args.output}\nfingerprint {card.fingerprint}"),
    )
    return 0


def cmd_card_import(ctx: Context) -> int:
    ex = _ctx(ctx)
    card = cards.read_card_file(Path(ctx.args.file))
    stored, created = cards.import_card(
        ex.conn,
        card,
        ctx.args.fingerprint,
        own_role=ex.role,
        vault_id=ex.vault_id,
        device=ex.device_id,
    )
    message = "registered" if created else "already registered; nothing changed"
    ctx.emit({**stored.to_json(), "created": created}, lambda: say(f"{card.name}: {message}"))
    return 0


def cmd_card_list(ctx: Context) -> int:
    stored = cards.list_cards(_ctx(ctx).conn)

    def human() -> None:
        for item in stored:
            state = "  REVOKED" if item.revoked_at else ""
            say(f"{item.card.role:<5} {item.card.name:<30} {item.card.fingerprint}{state}")

    ctx.emit([item.to_json() for item in stored], human)
    return 0


def cmd_card_revoke(ctx: Context) -> int:
    ex = _ctx(ctx)
    stored = cards.revoke(ex.conn, ctx.args.name, vault_id=ex.vault_id, device=ex.device_id)
    ctx.emit(stored.to_json(), lambda: say(f"{stored.card.name}: revoked"))
    return 0


def cmd_keys_age(ctx: Context) -> int:
    ex = _ctx(ctx)
    opens = "every bundle sent to this HQ" if ex.role == "hq" else "this device's receipts"
    warn(
        f"warning: this file is the secret key that opens {opens}. Keep it offline (an "
        "encrypted USB stick in a safe), never on a networked machine or a field laptop."
    )
    text = (
        f"# fielddoc HQ age identity\n# public key: {ex.keys.age.recipient}\n{ex.keys.age.secret}\n"
    )
    _write_exclusive(Path(ctx.args.output), text.encode("ascii"))
    ctx.open().log("keys_export", kind="age")
    say(f"age identity written to {ctx.args.output}")
    return 0


def cmd_keys_minisign(ctx: Context) -> int:
    ex = _ctx(ctx)
    _write_exclusive(Path(ctx.args.output), ex.keys.public_key.to_file_text().encode("ascii"))
    say(f"minisign public key written to {ctx.args.output}")
    return 0


def _progress(label: str) -> Any:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        sys.stderr.write(f"\r{label}: {percent:3d}%" + ("\n" if done >= total else ""))
        sys.stderr.flush()

    return show


def cmd_export(ctx: Context) -> int:
    from fielddoc.exchange.export import write_bundle

    result = write_bundle(
        _ctx(ctx),
        Path(ctx.args.output),
        to=ctx.args.to,
        everything=ctx.args.all,
        progress=_progress("exporting"),
    )
    ctx.emit(
        result.to_json(),
        lambda: say(
            f"bundle {result.seq} written to {result.path}: {result.revisions} revisions, "
            f"{result.evidence} evidence files, for {', '.join(result.recipients)}"
        ),
    )
    return 0


def cmd_verify(ctx: Context) -> int:
    from fielddoc.exchange.importer import verify_bundle

    report = verify_bundle(_ctx(ctx), Path(ctx.args.bundle))
    ctx.emit(report.to_json(), lambda: say(report.to_text()))
    return 0 if report.ok else 1


def cmd_import(ctx: Context) -> int:
    from fielddoc.exchange.importer import import_bundle

    ex = _ctx(ctx)
    receipts = Path(ctx.args.receipts_dir) if ctx.args.receipts_dir else None
    reports = [
        import_bundle(ex, Path(name), accept_gap=ctx.args.accept_gap, receipts_dir=receipts)
        for name in ctx.args.bundles
    ]

    def human() -> None:
        for report in reports:
            say(report.to_text())

    ctx.emit([report.to_json() for report in reports], human)
    return 0 if all(report.ok for report in reports) else 1


def cmd_receipt_import(ctx: Context) -> int:
    from fielddoc.exchange.receipts import import_receipt

    result = import_receipt(_ctx(ctx), Path(ctx.args.file))

    def human() -> None:
        if result.already_imported:
            say("receipt already imported; nothing changed")
            return
        say(f"receipt from {result.hq_name}: {result.delivered} items confirmed delivered")
        if result.purged_records or result.purged_evidence:
            say(f"purged {result.purged_records} records and {result.purged_evidence} files")

    ctx.emit(result.to_json(), human)
    return 0


def cmd_receipt_write(ctx: Context) -> int:
    from fielddoc.exchange.receipts import write_receipt

    path = write_receipt(_ctx(ctx), ctx.args.bundle_id, Path(ctx.args.receipts_dir))
    ctx.emit({"receipt": str(path)}, lambda: say(f"receipt written to {path}"))
    return 0


def cmd_purge(ctx: Context) -> int:
    from fielddoc.exchange.purge import purge_delivered

    if not ctx.args.yes:
        raise InputError("Purging cannot be undone; add --yes to confirm.")
    result = purge_delivered(_ctx(ctx), older_than_days=ctx.args.older_than)
    ctx.emit(
        result.to_json(),
        lambda: say(f"purged {result.records} records and {result.evidence} evidence files"),
    )
    return 0


def cmd_status(ctx: Context) -> int:
    from fielddoc.exchange.purge import delivery_status

    status = delivery_status(_ctx(ctx))

    def human() -> None:
        say(
            f"records: {status.records_undelivered} of {status.records_total} "
            "not yet confirmed by HQ"
        )
        say(
            f"evidence: {status.evidence_undelivered} of {status.evidence_total} files "
            f"({status.evidence_bytes_undelivered} bytes) not yet confirmed"
        )
        say(
            f"purged after delivery: {status.purged_records} records, "
            f"{status.purged_evidence} files"
        )

    ctx.emit(status.to_json(), human)
    return 0


def cmd_settings_show(ctx: Context) -> int:
    values = settings.all_settings(ctx.open().conn)

    def human() -> None:
        for key, value in values.items():
            say(f"{key:<26} {value}")

    ctx.emit(values, human)
    return 0


def cmd_settings_set(ctx: Context) -> int:
    vault = ctx.open()
    value = settings.set_value(
        vault.conn,
        ctx.args.key,
        ctx.args.value,
        vault_id=vault.vault_id,
        device=vault.info.device_id,
    )
    ctx.emit({ctx.args.key: value}, lambda: say(f"{ctx.args.key} = {value}"))
    return 0
