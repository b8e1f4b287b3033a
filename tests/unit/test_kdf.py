from __future__ import annotations

import pytest

from fielddoc.crypto.kdf import DEFAULT, FLOOR, KdfParams, calibrate, derive_key
from fielddoc.errors import KdfParameterError


def test_design_defaults_and_floor() -> None:
    assert KdfParams(memory_kib=262144, iterations=3, lanes=4) == DEFAULT
    assert FLOOR.memory_kib == 65536
    assert FLOOR.iterations == 3


class FakeClock:
    """Simulates Argon2id time as proportional to memory x passes on a machine of some speed."""

    def __init__(self, seconds_per_gib_pass: float) -> None:
        self.rate = seconds_per_gib_pass
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def measure(self, params: KdfParams) -> None:
        self.now += self.rate * params.memory_kib / (1024 * 1024) * params.iterations


def test_calibrate_fast_machine_adds_passes() -> None:
    fake = FakeClock(seconds_per_gib_pass=0.2)  # 256 MiB x 3 passes = 0.15 s
    params = calibrate(clock=fake.clock, measure=fake.measure)
    assert params.memory_kib == DEFAULT.memory_kib
    assert params.iterations > 3


def test_calibrate_slow_machine_lowers_memory_never_below_floor() -> None:
    fake = FakeClock(seconds_per_gib_pass=60.0)  # hopelessly slow
    params = calibrate(clock=fake.clock, measure=fake.measure)
    assert params == KdfParams(FLOOR.memory_kib, 3, 4)
    assert params.meets(FLOOR)


def test_calibrate_typical_machine_keeps_defaults() -> None:
    fake = FakeClock(seconds_per_gib_pass=1.2)  # 0.9 s at defaults, like this CI machine
    assert calibrate(clock=fake.clock, measure=fake.measure) == DEFAULT


def test_raised_to_floor() -> None:
    weak = KdfParams(1024, 1, 1)
    raised = weak.raised_to(FLOOR)
    assert raised.meets(FLOOR)
    assert not weak.meets(FLOOR)


@pytest.mark.parametrize(
    "data",
    [
        {"algorithm": "scrypt", "memory_kib": 65536, "iterations": 3, "lanes": 4},
        {"algorithm": "argon2id", "memory_kib": 65536, "iterations": True, "lanes": 4},
        {"algorithm": "argon2id", "memory_kib": 2**40, "iterations": 3, "lanes": 4},
        {"algorithm": "argon2id", "memory_kib": 65536, "lanes": 4},
        {"algorithm": "argon2id", "memory_kib": 16, "iterations": 3, "lanes": 4},
    ],
)
def test_from_json_rejects_damaged_parameters(data: dict[str, object]) -> None:
    with pytest.raises(KdfParameterError):
        KdfParams.from_json(data)


def test_derive_depends_on_every_input() -> None:
    params = KdfParams(64, 1, 1)
    base = derive_key(b"pw", b"s" * 16, params)
    assert len(base) == 32
    assert derive_key(b"pw", b"s" * 16, params) == base
    assert derive_key(b"pX", b"s" * 16, params) != base
    assert derive_key(b"pw", b"t" * 16, params) != base
    assert derive_key(b"pw", b"s" * 16, KdfParams(64, 2, 1)) != base
    assert derive_key(b"pw", b"s" * 16, params, pepper=b"k" * 32) != base
