"""The ``fielddoc`` command: a thin face over the core, for scripting, HQ automation and tests.

Exit status: 0 success; 1 a fielddoc error (printed as one line, with its stable code);
2 a usage error (argparse). Tracebacks are never shown: unexpected exceptions print only
their type (see hygiene.py), because their text could contain record content.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from fielddoc import __version__
from fielddoc.cli import evidence_commands, exchange_commands, record_commands, vault_commands
from fielddoc.cli.common import Context
from fielddoc.errors import FielddocError
from fielddoc.hygiene import describe_exception, harden_process


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fielddoc",
        description="Offline, encrypted documentation for human-rights monitors.",
    )
    parser.add_argument("--version", action="version", version=f"fielddoc {__version__}")
    parser.add_argument("--vault", metavar="DIR", help="vault folder (default: the default vault)")
    parser.add_argument(
        "--passphrase-file",
        metavar="PATH",
        help="read the passphrase from the first line of PATH ('-' = a line of stdin)",
    )
    parser.add_argument(
        "--key-file",
        metavar="PATH",
        help="the vault's key file, when one was set (second factor, e.g. on a USB stick)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    vault_commands.register(sub)
    record_commands.register(sub)
    evidence_commands.register(sub)
    exchange_commands.register(sub)
    return parser


def _report(ctx: Context | None, exc: FielddocError) -> None:
    field = f" (field: {exc.field})" if exc.field else ""
    sys.stderr.write(f"fielddoc: error [{exc.code}]: {exc.message}{field}\n")
    if ctx is not None and ctx.json:
        document = {"error": {"code": exc.code, "message": exc.message, "field": exc.field}}
        sys.stdout.write(json.dumps(document, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    ctx = Context(args)
    try:
        return int(args.handler(ctx))
    except FielddocError as exc:
        _report(ctx, exc)
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("fielddoc: interrupted\n")
        return 130
    except Exception as exc:  # noqa: BLE001 - last line of defence: type only, never the text
        sys.stderr.write(f"fielddoc: internal error: {describe_exception(exc)}\n")
        return 70
    finally:
        ctx.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
