"""Passphrase suggestions and strength estimates (used by ``init`` and the first-run wizard).

Suggestions are six words from the EFF long word list (7776 words, about 77 bits) drawn with
the operating system's random source (``xkcdpass``, which uses ``random.SystemRandom``):
Latin words can be typed on any keyboard layout, which matters at a border checkpoint.
Strength comes from ``zxcvbn`` (score 0-4 and the estimated guesses); it is advice, while
:func:`fielddoc.vault.vault.check_passphrase_policy` is the enforced minimum.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from xkcdpass import xkcd_password
from zxcvbn import zxcvbn

SUGGESTED_WORDS = 6
MAX_CHECKED_CHARS = 72  # zxcvbn refuses longer input; a passphrase that long is long enough


@cache
def _wordlist() -> list[str]:
    words: list[str] = xkcd_password.generate_wordlist(
        wordfile=xkcd_password.locate_wordfile("eff-long"), min_length=3, max_length=9
    )
    return words


def suggest(words: int = SUGGESTED_WORDS) -> str:
    """A random passphrase of ``words`` common English words separated by spaces."""
    text: str = xkcd_password.generate_xkcdpassword(_wordlist(), numwords=words, delimiter=" ")
    return text


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (guessed at once) .. 4 (very hard)
    guesses_log10: float

    @property
    def acceptable(self) -> bool:
        return self.score >= 3


def strength(passphrase: str) -> Strength:
    if not passphrase:
        return Strength(0, 0.0)
    result = zxcvbn(passphrase[:MAX_CHECKED_CHARS])
    return Strength(int(result["score"]), float(result["guesses_log10"]))
