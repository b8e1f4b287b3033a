from __future__ import annotations

from fielddoc.passphrases import strength, suggest
from fielddoc.vault.vault import check_passphrase_policy


def test_suggestions_are_random_six_words_that_pass_the_policy() -> None:
    seen = {suggest() for _ in range(50)}
    assert len(seen) == 50
    for phrase in seen:
        assert len(phrase.split(" ")) == 6
        check_passphrase_policy(phrase)
        assert strength(phrase).acceptable


def test_strength_orders_obvious_cases() -> None:
    assert strength("").score == 0
    assert strength("password").score == 0
    assert not strength("qwerty12345").acceptable
    assert strength("correct horse battery staple").score == 4
    long_one = strength("x" * 10_000)  # long input does not hang
    assert long_one.score >= 0
