"""``fielddoc evidence add|list|show|verify|extract``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from fielddoc.cli.common import Context, say, warn
from fielddoc.errors import FielddocError, InputError
from fielddoc.evidence.store import EvidenceStore


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    evidence = sub.add_parser("evidence", help="add, list, show, verify and extract evidence")
    esub = evidence.add_subparsers(dest="evidence_command", required=True)

    add = esub.add_parser("add", help="hash and encrypt files into the vault (one read each)")
    add.add_argument("files", nargs="+", metavar="FILE")
    add.add_argument("--record", metavar="ID", help="attach to this record")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_add)

    lst = esub.add_parser("list", help="list evidence (of one record)")
    lst.add_argument("--record", metavar="ID")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_list)

    show = esub.add_parser("show", help="hash, metadata and chain of custody of one item")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    verify = esub.add_parser("verify", help="re-hash evidence from its ciphertext")
    verify.add_argument("ids", nargs="*", metavar="ID")
    verify.add_argument("--all", action="store_true")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=cmd_verify)

    extract = esub.add_parser(
        "extract", help="write the plaintext to a file you name (it will NOT be encrypted)"
    )
    extract.add_argument("id")
    extract.add_argument("-o", "--output", required=True, metavar="PATH")
    extract.add_argument("--json", action="store_true")
    extract.set_defaults(handler=cmd_extract)


def _evidence(ctx: Context) -> EvidenceStore:
    return EvidenceStore(ctx.store(), ctx.open().blobs_dir)


def _progress_printer(label: str) -> Any:
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent != last[0]:
            last[0] = percent
            sys.stderr.write(f"\r{label}: {percent:3d}%")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return show


def cmd_add(ctx: Context) -> int:
    store = _evidence(ctx)
    if ctx.args.record:
        store.records.get(ctx.args.record)  # a wrong record id fails before any file is read
    results: list[dict[str, Any]] = []
    failed = False
    for name in ctx.args.files:
        try:
            result = store.ingest(
                Path(name), record_id=ctx.args.record, progress=_progress_printer(name)
            )
        except FielddocError as exc:
            failed = True
            warn(f"fielddoc: error [{exc.code}]: {name}: {exc.message}")
            results.append({"file": name, "error": {"code": exc.code, "message": exc.message}})
            continue
        results.append({"file": name, **result.to_json()})
        if not ctx.json:
            if result.duplicate_of:
                say(f"{name}: already in the vault as {result.id} (not stored twice)")
            else:
                say(f"{name}: stored as {result.id}  sha256 {result.sha256}  {result.size} bytes")
    ctx.emit(results, lambda: None)
    return 1 if failed else 0


def cmd_list(ctx: Context) -> int:
    items = _evidence(ctx).items(ctx.args.record)

    def human() -> None:
        for item in items:
            state = " (purged)" if item.purged else ""
            say(
                f"{item.id}  {item.sha256[:16]}…  {item.size:>12}  {item.mime_type:<24} "
                f"{item.original_name}{state}"
            )

    ctx.emit([item.to_json() for item in items], human)
    return 0


def cmd_show(ctx: Context) -> int:
    store = _evidence(ctx)
    item = store.get(ctx.args.id)
    events = store.events(item.id)
    document = {
        **item.to_json(),
        "records": store.records_of(item.id),
        "custody": [event.to_json() for event in events],
    }

    def human() -> None:
        say(f"{item.original_name}")
        say(f"  id       {item.id}")
        say(f"  sha256   {item.sha256}")
        say(f"  size     {item.size} bytes, {item.mime_type}")
        say(f"  acquired {item.acquired_at} on device {item.acquired_device}")
        for key, value in sorted(item.metadata.items()):
            say(f"  {key:<8} {value}")
        for record_id in document["records"]:
            say(f"  attached to record {record_id}")
        say("  chain of custody:")
        for event in events:
            detail = ", ".join(f"{k}={v}" for k, v in sorted(event.detail.items()))
            say(f"    {event.seq:3d} {event.at} {event.event:<8} {event.device} {detail}")

    ctx.emit(document, human)
    return 0


def cmd_verify(ctx: Context) -> int:
    if bool(ctx.args.ids) == bool(ctx.args.all):
        raise InputError("Give evidence ids or --all (not both).")
    store = _evidence(ctx)
    results = store.verify(
        None if ctx.args.all else list(ctx.args.ids), progress=_progress_printer("verifying")
    )
    ok = all(result.ok for result in results)

    def human() -> None:
        for result in results:
            state = "ok" if result.ok else f"FAILED ({result.problem})"
            if result.problem == "purged":
                state = "purged (delivered; nothing to verify here)"
            say(f"{result.id}  {state}")
        say(f"{sum(r.ok for r in results)} of {len(results)} verified")

    ctx.emit({"ok": ok, "results": [r.to_json() for r in results]}, human)
    return 0 if ok else 1


def cmd_extract(ctx: Context) -> int:
    store = _evidence(ctx)
    destination = Path(ctx.args.output)
    warn(
        "warning: the extracted copy is NOT encrypted. Anyone who gets this disk can read it; "
        "delete it when you no longer need it."
    )
    written = store.extract(ctx.args.id, destination, progress=_progress_printer("extracting"))
    ctx.emit(
        {"id": ctx.args.id, "output": str(destination), "size": written},
        lambda: say(f"wrote {written} bytes to {destination}"),
    )
    return 0
