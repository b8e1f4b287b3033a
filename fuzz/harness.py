"""atheris (libFuzzer) harnesses for every parser of outside input.

Usage::

    python -m fuzz.harness TARGET [libFuzzer options, e.g. -max_total_time=60]
    python -m fuzz.harness --list

Each target feeds the fuzzer's bytes to one parser, starting from the same valid seeds as the
hypothesis suites in tests/fuzz (written into a fresh corpus folder). The oracle is theirs: the
parser returns, or raises a :class:`~fielddoc.errors.FielddocError` with a stable code; any
other exception is a crash, and libFuzzer saves the input under ``$FIELDDOC_FUZZ_ARTIFACTS``
(default: a ``fielddoc-fuzz`` folder in the system temp folder), which also keeps each
target's growing corpus (``corpus-TARGET``) between runs. Inputs are synthetic, so nothing
sensitive is written. ``bundle`` and ``receipt`` set up a field vault and its HQ
first (cheap KDF parameters, in a temp folder) and treat the input as the tar inside.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["fielddoc"]):
    from fielddoc.canonical import canonical_json, loads_strict
    from fielddoc.crypto import age, keyslots, minisign
    from fielddoc.crypto.chunked import ChunkedReader
    from fielddoc.errors import FielddocError
    from fielddoc.evidence.metadata import extract_metadata, sniff_mime
    from fielddoc.exchange import bag, documents
    from fielddoc.exchange.cards import parse_card
    from fielddoc.exchange.importer import import_bundle
    from fielddoc.exchange.receipts import import_receipt
    from fielddoc.records.templates import parse_template
    from fielddoc.records.thesauri import load_thesauri
    from fielddoc.resources import resource_path

_CODE = re.compile(r"^[A-Z][A-Z0-9_]{2,}$")
Target = tuple[Callable[[bytes], object], Callable[[], list[bytes]]]


def _typed(call: Callable[[], object]) -> None:
    try:
        call()
    except FielddocError as exc:
        if type(exc) is FielddocError or not _CODE.match(exc.code):
            raise AssertionError("a FielddocError without its own stable code") from exc


# --- seeds (the hypothesis suites' seeds) -------------------------------------------------------


def _card_seeds() -> list[bytes]:
    from tests.fuzz import test_fuzz_cards as cards

    return [cards.CARD_TEXT]


def _signature_seeds() -> list[bytes]:
    from tests.fuzz import test_fuzz_cards as cards

    return [cards.SIGNATURE, *cards.PUBLIC_TEXTS.values()]


def _keyslot_seeds() -> list[bytes]:
    from tests.fuzz import test_fuzz_keyslots as ks

    return [ks.GENUINE]


def _document_seeds() -> list[bytes]:
    from tests.fuzz import test_fuzz_bundle as bundle

    return [bytes([i]) + canonical_json(doc) for i, doc in enumerate(bundle.DOCUMENTS.values())]


def _template_seeds() -> list[bytes]:
    return [path.read_bytes() for path in sorted(resource_path("templates").glob("*.json"))]


def _age_seeds() -> list[bytes]:
    from tests.fuzz import test_fuzz_age as vectors

    return [seed.body for seed in vectors.BINARY]


def _chunked_seeds() -> list[bytes]:
    from tests.fuzz import test_fuzz_chunked as chunked

    return [seed.ciphertext for seed in chunked.SEEDS if seed.name.startswith("ours")]


def _media_seeds() -> list[bytes]:
    from tests.fuzz import test_fuzz_metadata as metadata

    return [data[:65536] for data, _ in metadata.SEEDS.values()]


# --- targets ------------------------------------------------------------------------------------

_THESAURI = load_thesauri(resource_path("thesauri"))
_AGE_KEY = age.generate_identity()
_CHUNK_KEY = b"k" * 32


def _card(data: bytes) -> None:
    _typed(lambda: parse_card(data))


def _signature(data: bytes) -> None:
    _typed(lambda: minisign.parse_signature(data))
    _typed(lambda: minisign.PublicKey.from_text(data.decode("utf-8", "replace")))


def _keyslots(data: bytes) -> None:
    _typed(lambda: keyslots.parse(data))


def _canonical(data: bytes) -> None:
    def run() -> None:
        value = loads_strict(data)
        canonical_json(value)

    _typed(run)


def _documents(data: bytes) -> None:
    if not data:
        return
    parser = (
        documents.check_revision_document,
        documents.check_link_document,
        documents.parse_descriptor,
    )[data[0] % 3]
    _typed(lambda: parser(data[1:], "01a21fb5-64d6-7423-9902-c1800477720c"))


def _tag_files(data: bytes) -> None:
    _typed(lambda: bag.parse_bag_info(data))
    _typed(lambda: bag.parse_manifest(data, payload=True))


def _template(data: bytes) -> None:
    _typed(lambda: parse_template(loads_strict(data), "fuzz.json", _THESAURI))


def _age(data: bytes) -> None:
    _typed(lambda: age.decrypt_bytes(data, [_AGE_KEY.secret]))


def _chunked(data: bytes) -> None:
    def run() -> None:
        with ChunkedReader(io.BytesIO(data), _CHUNK_KEY, b"ctx") as reader:
            reader.read()

    _typed(run)


def _metadata(data: bytes) -> None:
    mime = sniff_mime(data, "evidence.bin")
    result = extract_metadata(data, mime)
    canonical_json(result)  # the package promises JSON-safe values


class _Exchange:
    """A field vault and its HQ, made once per process, for the bundle and receipt targets."""

    def __init__(self) -> None:
        from tests.bundle_forge import Forge, unseal
        from tests.exchange_support import add_sample_content, make_pair

        base = _artifacts() / "vault-pair"  # replaced on every run
        shutil.rmtree(base, ignore_errors=True)
        self.pair = make_pair(base / "pair")
        add_sample_content(self.pair, evidence_bytes=2000)
        self.forge = Forge(self.pair, base / "bundles")
        bundle = self.forge.export("seed")
        self.bundle_tar = unseal(bundle.read_bytes(), self.forge.hq_identity)
        report = import_bundle(self.pair.h, bundle, receipts_dir=base / "receipts")
        if not report.ok or report.receipt is None:
            raise RuntimeError("the seed bundle did not import")
        self.receipt_tar = unseal(Path(report.receipt).read_bytes(), self.pair.f.keys.age.secret)
        self.base = base

    def bundle(self, data: bytes) -> None:
        path = self.base / "fuzz.fdbundle"
        path.write_bytes(age.encrypt_bytes(data, [self.forge.hq_recipient]))
        # refusals come back as reports; anything else propagates as a crash. An accepted
        # bundle stays imported, so later inputs also reach re-import and fork checks.
        import_bundle(self.pair.h, path)

    def receipt(self, data: bytes) -> None:
        path = self.base / "fuzz.fdreceipt"
        path.write_bytes(age.encrypt_bytes(data, [self.pair.f.keys.age.recipient]))
        _typed(lambda: import_receipt(self.pair.f, path))


_exchange: _Exchange | None = None


def _artifacts() -> Path:
    default = Path(tempfile.gettempdir()) / "fielddoc-fuzz"
    folder = Path(os.environ.get("FIELDDOC_FUZZ_ARTIFACTS", default))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _get_exchange() -> _Exchange:
    global _exchange  # noqa: PLW0603 - one vault pair per fuzzing process
    if _exchange is None:
        _exchange = _Exchange()
    return _exchange


TARGETS: dict[str, Target] = {
    "card": (_card, _card_seeds),
    "signature": (_signature, _signature_seeds),
    "keyslots": (_keyslots, _keyslot_seeds),
    "canonical": (_canonical, _template_seeds),
    "documents": (_documents, _document_seeds),
    "tag_files": (_tag_files, lambda: [b"Payload-Oxum: 1.1\nBag-Software-Agent: x\n"]),
    "template": (_template, _template_seeds),
    "age": (_age, _age_seeds),
    "chunked": (_chunked, _chunked_seeds),
    "metadata": (_metadata, _media_seeds),
    "bundle": (lambda data: _get_exchange().bundle(data), lambda: [_get_exchange().bundle_tar]),
    "receipt": (lambda data: _get_exchange().receipt(data), lambda: [_get_exchange().receipt_tar]),
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.stderr.write("usage: python -m fuzz.harness TARGET [libFuzzer options]\n")
        sys.stderr.write("targets: " + " ".join(TARGETS) + "\n")
        raise SystemExit(0 if sys.argv[1:] == ["--list"] else 2)
    name = sys.argv[1]
    run, seeds = TARGETS[name]
    artifacts = _artifacts()
    corpus = artifacts / f"corpus-{name}"  # kept: the next run starts where this one ended
    corpus.mkdir(exist_ok=True)
    for number, seed in enumerate(seeds()):
        (corpus / f"seed-{number:03d}").write_bytes(seed)
    size = len(list(corpus.iterdir()))
    sys.stderr.write(f"fuzz {name}: corpus of {size} inputs, crashes in {artifacts}\n")

    atheris.Setup(
        [sys.argv[0], *sys.argv[2:], f"-artifact_prefix={artifacts}/{name}-", str(corpus)], run
    )
    atheris.Fuzz()


if __name__ == "__main__":
    main()
