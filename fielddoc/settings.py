"""Per-vault settings, stored inside the encrypted database (never in QSettings or a file).

Every setting has a type and a default here; unknown keys and values of the wrong type are
refused with :class:`~fielddoc.errors.InputError`. Changes are audited (key only).
"""

from __future__ import annotations

from dataclasses import dataclass

from fielddoc import audit
from fielddoc.errors import InputError
from fielddoc.vault.connection import Connection, transaction


@dataclass(frozen=True)
class Setting:
    key: str
    kind: type
    default: object
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()


SETTINGS = {
    s.key: s
    for s in (
        # field: purge what HQ confirmed as soon as the receipt is imported
        Setting("purge_on_receipt", bool, False),
        # field: keep nothing older than N days that HQ has confirmed (0 = off)
        Setting("purge_after_days", int, 0, minimum=0, maximum=3650),
        Setting("autolock_minutes", int, 5, minimum=1, maximum=240),
        Setting("clipboard_clear_seconds", int, 30, minimum=5, maximum=600),
        Setting("language", str, "en", choices=("en", "ru", "ky")),
    )
}


def _parse(setting: Setting, raw: str) -> object:
    if setting.kind is bool:
        return raw == "1"
    if setting.kind is int:
        return int(raw)
    return raw


def get(conn: Connection, key: str) -> object:
    setting = SETTINGS.get(key)
    if setting is None:
        raise InputError("Unknown setting.")  # the unknown key is never echoed
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return setting.default if row is None else _parse(setting, row[0])


def get_bool(conn: Connection, key: str) -> bool:
    return bool(get(conn, key))


def get_int(conn: Connection, key: str) -> int:
    value = get(conn, key)
    return value if isinstance(value, int) else 0


def all_settings(conn: Connection) -> dict[str, object]:
    return {key: get(conn, key) for key in SETTINGS}


def coerce(key: str, value: object) -> object:
    """Check ``value`` for ``key`` (accepting CLI text such as "true" or "14")."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise InputError("Unknown setting.")  # the unknown key is never echoed
    if setting.kind is bool:
        if isinstance(value, str):
            lowered = value.strip().lower()
            if lowered not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
                raise InputError("This setting is on or off (true/false).", field=key)
            return lowered in ("true", "1", "yes", "on")
        if isinstance(value, bool):
            return value
        raise InputError("This setting is on or off (true/false).", field=key)
    if setting.kind is int:
        try:
            number = (
                int(value) if isinstance(value, str | int) and not isinstance(value, bool) else None
            )
        except ValueError:
            number = None
        if number is None:
            raise InputError("This setting is a whole number.", field=key)
        low = setting.minimum if setting.minimum is not None else number
        high = setting.maximum if setting.maximum is not None else number
        if not low <= number <= high:
            raise InputError(f"This setting must be between {low} and {high}.", field=key)
        return number
    if not isinstance(value, str) or (setting.choices and value not in setting.choices):
        raise InputError("This value is not one of the choices.", field=key)
    return value


def set_value(conn: Connection, key: str, value: object, *, vault_id: str, device: str) -> object:
    """Store a checked value; returns it. Audited by key, never by value."""
    checked = coerce(key, value)
    raw = ("1" if checked else "0") if isinstance(checked, bool) else str(checked)
    with transaction(conn):
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, raw),
        )
        audit.append(
            conn, vault_id=vault_id, device=device, action="settings_change", detail={"key": key}
        )
    return checked
