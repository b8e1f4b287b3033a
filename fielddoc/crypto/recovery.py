"""Recovery codes: 160 random bits written as 32 Crockford base-32 characters in 8 groups.

Crockford's alphabet leaves out I, L, O and U, so a code copied by hand survives the usual
misreadings: on input, case is ignored, separators (spaces, dashes) are dropped, and I/L are
read as 1 and O as 0. The normalised form (32 characters, no separators) is the secret fed to
Argon2id.
"""

from __future__ import annotations

import os

from fielddoc.errors import UnlockError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_BITS = 160
CODE_CHARS = CODE_BITS // 5
GROUP = 4
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_code() -> str:
    """A fresh recovery code, formatted for display (``XXXX-XXXX-...``)."""
    value = int.from_bytes(os.urandom(CODE_BITS // 8), "big")
    chars = [ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(CODE_CHARS))]
    return format_code("".join(chars))


def format_code(normalised: str) -> str:
    return "-".join(normalised[i : i + GROUP] for i in range(0, len(normalised), GROUP))


def normalise(code: str) -> str:
    """Canonical form of a typed code; :class:`UnlockError` if it cannot be a recovery code."""
    cleaned = "".join(ch for ch in code.upper() if ch not in " -\t\r\n").translate(_CONFUSABLE)
    if len(cleaned) != CODE_CHARS or any(ch not in ALPHABET for ch in cleaned):
        raise UnlockError
    return cleaned


def normalise_group(text: str) -> str:
    """One typed group of a code (for "type back groups 3 and 7"), forgiving as above."""
    return text.strip().upper().translate(_CONFUSABLE)
