"""The primitives fielddoc uses, checked against vectors nobody on this project wrote.

Wycheproof (tests/fixtures/vectors, see its README for source and licence): HKDF-SHA256 and
AES-GCM. ``cryptography`` supports only 96-bit GCM nonces by design, and fielddoc uses only
96-bit nonces, so groups with other ``ivSize`` are filtered out here (and counted, so the
filter cannot silently drop everything). Argon2id: the RFC 9106 section 5.3 vector.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VECTORS = Path(__file__).resolve().parents[1] / "fixtures" / "vectors"


def _cases(name: str, keep: Any = lambda _group: True) -> list[Any]:
    data = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    return [
        pytest.param(group, test, id=f"tc{test['tcId']}")
        for group in data["testGroups"]
        if keep(group)
        for test in group["tests"]
    ]


HKDF_CASES = _cases("hkdf_sha256_test.json")
GCM_CASES = _cases("aes_gcm_test.json", lambda g: g["ivSize"] == 96 and g["tagSize"] == 128)


def test_vector_files_are_not_silently_filtered_away() -> None:
    assert len(HKDF_CASES) == 86
    assert len(GCM_CASES) > 150


@pytest.mark.parametrize(("group", "test"), HKDF_CASES)
def test_hkdf_sha256_wycheproof(group: dict[str, Any], test: dict[str, Any]) -> None:
    try:
        okm = HKDF(
            algorithm=hashes.SHA256(),
            length=test["size"],
            salt=bytes.fromhex(test["salt"]) or None,
            info=bytes.fromhex(test["info"]),
        ).derive(bytes.fromhex(test["ikm"]))
    except ValueError:
        assert test["result"] == "invalid"
        return
    assert test["result"] != "invalid"
    assert okm.hex() == test["okm"]


@pytest.mark.parametrize(("group", "test"), GCM_CASES)
def test_aes_gcm_96bit_nonce_wycheproof(group: dict[str, Any], test: dict[str, Any]) -> None:
    key = bytes.fromhex(test["key"])
    if len(key) not in (16, 24, 32):
        pytest.fail("unexpected key size in a 96-bit group")
    aead = AESGCM(key)
    nonce = bytes.fromhex(test["iv"])
    aad = bytes.fromhex(test["aad"])
    sealed = bytes.fromhex(test["ct"]) + bytes.fromhex(test["tag"])
    try:
        plain = aead.decrypt(nonce, sealed, aad)
    except InvalidTag:
        assert test["result"] == "invalid"
        return
    assert test["result"] != "invalid"
    assert plain.hex() == test["msg"]
    assert aead.encrypt(nonce, plain, aad) == sealed


def test_argon2id_rfc9106_vector() -> None:
    kdf = Argon2id(
        salt=b"\x02" * 16,
        length=32,
        iterations=3,
        lanes=4,
        memory_cost=32,
        ad=b"\x04" * 12,
        secret=b"\x03" * 8,
    )
    tag = kdf.derive(b"\x01" * 32)
    assert tag.hex() == "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"
