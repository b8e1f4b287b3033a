"""Argon2id key derivation with a hard floor and calibration.

DESIGN.md: default m = 256 MiB, t = 3, p = 4; never below m = 64 MiB, t = 3. The floor is
enforced on every path a user can reach (vault creation from the CLI or GUI, unlock raising
old slots). Tests may pass cheaper parameters through the core API only, by handing an
explicit :class:`KdfParams` and a lower ``floor`` to the vault functions; nothing reads them
from the environment.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from fielddoc.errors import KdfParameterError

SALT_BYTES = 16
KEY_BYTES = 32


@dataclass(frozen=True, order=True)
class KdfParams:
    """Argon2id cost: ``memory_kib`` KiB of memory, ``iterations`` passes, ``lanes`` lanes."""

    memory_kib: int
    iterations: int
    lanes: int

    def meets(self, floor: KdfParams) -> bool:
        return self.memory_kib >= floor.memory_kib and self.iterations >= floor.iterations

    def raised_to(self, floor: KdfParams) -> KdfParams:
        """These parameters, with memory and passes raised to at least ``floor``'s."""
        return KdfParams(
            memory_kib=max(self.memory_kib, floor.memory_kib),
            iterations=max(self.iterations, floor.iterations),
            lanes=max(self.lanes, 1),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> KdfParams:
        """Parse and sanity-check parameters read from a keyslot (outside input)."""
        if not isinstance(data, Mapping) or data.get("algorithm") != "argon2id":
            raise KdfParameterError("Unsupported key derivation in the key slot.")
        try:
            params = cls(
                memory_kib=_bounded(data["memory_kib"], 8, 16 * 1024 * 1024),
                iterations=_bounded(data["iterations"], 1, 64),
                lanes=_bounded(data["lanes"], 1, 64),
            )
        except (KeyError, TypeError):
            raise KdfParameterError("Key derivation parameters are incomplete.") from None
        if params.memory_kib < 8 * params.lanes:
            raise KdfParameterError("Key derivation parameters are inconsistent.")
        return params


def _bounded(value: object, low: int, high: int) -> int:
    # bool is an int subclass; a keyslot saying "iterations": true is damaged, not 1
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise KdfParameterError("Key derivation parameters are out of range.")
    return value


DEFAULT = KdfParams(memory_kib=256 * 1024, iterations=3, lanes=4)
FLOOR = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)


def derive_key(
    secret: bytes, salt: bytes, params: KdfParams, *, pepper: bytes | None = None
) -> bytes:
    """Argon2id(secret, salt) -> 32 bytes. ``pepper`` is Argon2's secret input (key file)."""
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
        secret=pepper,
    )
    return kdf.derive(secret)


def calibrate(
    *,
    target_seconds: float = 1.0,
    slowest_seconds: float = 3.0,
    start: KdfParams = DEFAULT,
    floor: KdfParams = FLOOR,
    clock: Callable[[], float] = time.perf_counter,
    measure: Callable[[KdfParams], None] | None = None,
) -> KdfParams:
    """Pick Argon2id parameters for this machine, never below ``floor``.

    Starts from ``start`` (DESIGN.md defaults). A fast machine gets more passes so one unlock
    takes about ``target_seconds``; a slow one gets less memory (never below the floor) so an
    unlock stays under ``slowest_seconds`` where the floor allows. ``measure`` runs one
    derivation (injectable so the policy is testable without spending seconds).
    """

    def run(params: KdfParams) -> float:
        began = clock()
        if measure is None:
            derive_key(b"calibration", b"\0" * SALT_BYTES, params)
        else:
            measure(params)
        return max(clock() - began, 1e-6)

    params = start.raised_to(floor)
    elapsed = run(params)
    while elapsed > slowest_seconds and params.memory_kib // 2 >= floor.memory_kib:
        params = KdfParams(params.memory_kib // 2, params.iterations, params.lanes)
        elapsed = run(params)
    if elapsed < target_seconds / 2:
        per_pass = elapsed / params.iterations
        wanted = min(math.floor(target_seconds / per_pass), 12)
        params = KdfParams(params.memory_kib, max(params.iterations, wanted), params.lanes)
    return params
