"""Shared machinery of the fuzz suites: settings profiles, the oracle, a hang guard, a tally.

Profiles (environment variable ``FIELDDOC_FUZZ_PROFILE``, default ``ci``):

- ``ci``: bounded. Each target runs its own small ``max_examples`` (cheap parsers a few hundred,
  whole-bundle imports a few dozen) with a generous deadline, no example database, so the
  whole directory stays around a minute on a loaded 2-core machine.
- ``fuzz``: long (``make fuzz``). Every target runs :data:`LONG_FACTOR` times as many examples,
  with no deadline, and keeps failing examples in hypothesis' database for replay.

``FIELDDOC_FUZZ_DETAIL=1`` adds each typed error's (fixed, content-free) message to the
outcome counts, to see how deep the examples get.

The oracle (:func:`attempt`): a parser either returns, or raises a
:class:`~fielddoc.errors.FielddocError` whose ``code`` is a stable upper-case identifier. Any
other exception is a bug and propagates, so hypothesis shrinks and reports it. Whether a
return is allowed (only for input that is in fact valid) is for each test to check.

The hang guard (:func:`time_limit`) raises in the main thread after a wall-clock limit,
whatever the code under test is doing in Python, and restores any timer pytest-timeout set.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings

from fielddoc.errors import FielddocError

PROFILE = os.environ.get("FIELDDOC_FUZZ_PROFILE", "ci")
if PROFILE not in ("ci", "fuzz"):
    raise RuntimeError("FIELDDOC_FUZZ_PROFILE must be 'ci' or 'fuzz'")
LONG_FACTOR = 40
DETAIL = os.environ.get("FIELDDOC_FUZZ_DETAIL") == "1"  # outcomes with the error's message
_CODE = re.compile(r"^[A-Z][A-Z0-9_]{2,}$")
T = TypeVar("T")

settings.register_profile(
    "ci",
    deadline=5000,  # generous: a loaded 2-core CI machine must not turn timing into failures
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
settings.register_profile(
    "fuzz",
    deadline=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def fuzz_settings(examples: int, *, deadline_ms: int | None = None) -> settings:
    """Settings for one target: ``examples`` in CI, :data:`LONG_FACTOR` times that under
    ``make fuzz``. ``deadline_ms`` widens the CI deadline for targets that do real work."""
    parent = settings.get_profile(PROFILE)
    if PROFILE == "fuzz":
        return settings(parent, max_examples=examples * LONG_FACTOR)
    return settings(parent, max_examples=examples, deadline=deadline_ms or parent.deadline)


class HangError(BaseException):
    """Raised by :func:`time_limit`; a BaseException so that parsers' ``except Exception``
    (metadata extraction is best effort) cannot swallow it."""


@contextlib.contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Fail (AssertionError) if the block runs longer than ``seconds`` of wall-clock time."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(_signum: int, _frame: Any) -> None:
        raise HangError

    start = time.monotonic()
    old_handler = signal.signal(signal.SIGALRM, on_alarm)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except HangError:
        raise AssertionError(f"{what} hung: still running after {seconds} s") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if old_delay:  # pytest-timeout's own alarm, minus the time spent here
            left = max(old_delay - (time.monotonic() - start), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, old_interval)


@dataclass
class Outcome:
    """What one parser call did: ``value`` on success, else the typed error's ``code``."""

    value: Any = None
    code: str | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.code is None


def attempt(call: Callable[[], T], *, limit: float = 10.0, what: str = "parser") -> Outcome:
    """Run ``call`` under the oracle (module docstring) and the hang guard."""
    with time_limit(limit, what):
        try:
            return Outcome(value=call())
        except FielddocError as exc:
            check_typed(exc)
            return Outcome(code=exc.code, message=exc.message)


def check_typed(exc: FielddocError) -> None:
    """A typed error worth the name: a subclass with its own stable code and a message."""
    assert type(exc) is not FielddocError, "raised the bare base class"
    assert _CODE.match(exc.code), f"unstable error code {exc.code!r}"
    assert isinstance(exc.message, str) and exc.message.strip(), "error without a message"


@dataclass
class FuzzLog:
    """Per test: how many examples ran, what they ended in, which seeds they started from.

    The conftest prints one line per test at the end of the session (and each test prints
    its line too, which ``pytest -s`` / ``-rP`` shows)."""

    target: str
    examples: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    seeds: Counter[str] = field(default_factory=Counter)

    def tried(self, seed: str, outcome: Outcome | str) -> None:
        self.examples += 1
        self.seeds[seed] += 1
        if isinstance(outcome, str):
            label = outcome
        elif outcome.ok:
            label = "ok"
        else:
            label = f"{outcome.code} ({outcome.message})" if DETAIL else str(outcome.code)
        self.outcomes[label] += 1

    def note(self, label: str) -> None:
        """Count something an example did besides its outcome (no new example)."""
        self.outcomes[label] += 1

    def summary(self) -> str:
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(self.outcomes.items()))
        seeds = (
            ", ".join(sorted(self.seeds))
            if len(self.seeds) <= 12
            else (f"{len(self.seeds)} seeds: " + ", ".join(sorted(self.seeds)[:10]) + ", ...")
        )
        return (
            f"{self.target} [{PROFILE}]: {self.examples} examples; outcomes: {outcomes or '-'}; "
            f"seeds: {seeds or '-'}"
        )

    def to_property(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "examples": self.examples,
            "outcomes": dict(self.outcomes),
            "seeds": dict(self.seeds),
        }
