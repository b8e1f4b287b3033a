"""Error codes from the core, as translated sentences for people (never the raw exception).

The core's messages are English and content-free; the GUI shows these translations instead,
keyed by the stable code. Unknown codes fall back to a generic sentence plus the code.
Sentences are marked with ``QT_TRANSLATE_NOOP`` so pyside6-lupdate collects them (context
"messages") and translated when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "messages"

SENTENCES = {
    "UNLOCK_FAILED": QT_TRANSLATE_NOOP(
        "messages",
        "The vault could not be unlocked with what was given. Check the passphrase "
        "and the keyboard layout, and try again.",
    ),
    "NOT_A_VAULT": QT_TRANSLATE_NOOP("messages", "No fielddoc vault was found in this folder."),
    "VAULT_ERASED": QT_TRANSLATE_NOOP(
        "messages", "This vault was erased. Its contents can no longer be opened by anyone."
    ),
    "VAULT_IN_USE": QT_TRANSLATE_NOOP("messages", "The vault is open in another fielddoc window."),
    "VAULT_CORRUPT": QT_TRANSLATE_NOOP(
        "messages", "The vault's files are damaged. Do not write to it; ask for help."
    ),
    "VAULT_TOO_NEW": QT_TRANSLATE_NOOP(
        "messages", "This vault was made by a newer fielddoc. Update fielddoc to open it."
    ),
    "VAULT_EXISTS": QT_TRANSLATE_NOOP("messages", "A vault already exists there."),
    "VAULT_CLOSED": QT_TRANSLATE_NOOP("messages", "The vault is locked."),
    "WEAK_PASSPHRASE": QT_TRANSLATE_NOOP(
        "messages", "The passphrase must have at least 10 characters."
    ),
    "INVALID_RECORD": QT_TRANSLATE_NOOP("messages", "Some fields are not filled in correctly."),
    "EDIT_CONFLICT": QT_TRANSLATE_NOOP(
        "messages", "This record was changed elsewhere since you started editing."
    ),
    "RECORD_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "The record no longer exists."),
    "BAD_INPUT": QT_TRANSLATE_NOOP("messages", "This input cannot be used."),
    "STORAGE_FAILED": QT_TRANSLATE_NOOP(
        "messages", "The disk refused to write (full or failing). Nothing was saved."
    ),
    "CANCELLED": QT_TRANSLATE_NOOP("messages", "Cancelled. Nothing was kept."),
    "INTEGRITY_FAILED": QT_TRANSLATE_NOOP(
        "messages", "The data does not match its checksum or signature: it was damaged or altered."
    ),
    "EVIDENCE_PURGED": QT_TRANSLATE_NOOP(
        "messages", "This file was delivered to HQ and removed from this laptop."
    ),
    "NOTHING_TO_EXPORT": QT_TRANSLATE_NOOP(
        "messages", "Nothing new to send: HQ has confirmed everything."
    ),
    "NO_HQ_CARD": QT_TRANSLATE_NOOP("messages", "Import your HQ's key card first."),
    "FINGERPRINT_MISMATCH": QT_TRANSLATE_NOOP(
        "messages",
        "The fingerprint does not match this card. Do not use the card; check with "
        "its owner by another channel.",
    ),
    "CARD_INVALID": QT_TRANSLATE_NOOP("messages", "This is not a valid fielddoc key card."),
    "NOT_ADDRESSED_TO_US": QT_TRANSLATE_NOOP(
        "messages", "This file was not made for this vault's keys."
    ),
    "UNKNOWN_DEVICE": QT_TRANSLATE_NOOP(
        "messages", "The bundle comes from a device whose card is not registered."
    ),
    "REVOKED_DEVICE": QT_TRANSLATE_NOOP(
        "messages", "The bundle comes from a device whose card was revoked."
    ),
    "BUNDLE_OUT_OF_SEQUENCE": QT_TRANSLATE_NOOP(
        "messages", "An earlier bundle from this device has not been imported yet."
    ),
    "BUNDLE_FORK": QT_TRANSLATE_NOOP(
        "messages", "This bundle conflicts with bundles already imported from the device."
    ),
    "BUNDLE_INVALID": QT_TRANSLATE_NOOP(
        "messages", "The bundle is damaged or not a fielddoc bundle."
    ),
    "BUNDLE_FOR_ANOTHER_HQ": QT_TRANSLATE_NOOP("messages", "The bundle was made for another HQ."),
    "BUNDLE_UNSUPPORTED": QT_TRANSLATE_NOOP(
        "messages",
        "The bundle was made by a newer version of fielddoc. Update fielddoc to import it.",
    ),
    "RECEIPT_INVALID": QT_TRANSLATE_NOOP(
        "messages", "The receipt is damaged, not for this laptop, or not from a registered HQ."
    ),
    "SIGNATURE_INVALID": QT_TRANSLATE_NOOP(
        "messages", "The signature does not verify: the data was altered."
    ),
    "PURGE_INCOMPLETE": QT_TRANSLATE_NOOP(
        "messages",
        "Purged, but the deleted text is not wiped yet because the vault is busy. "
        "Close other tasks and purge again.",
    ),
    "CARD_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "No registered card has this name."),
    "EVIDENCE_NOT_FOUND": QT_TRANSLATE_NOOP("messages", "This evidence item does not exist."),
    "WRONG_ROLE": QT_TRANSLATE_NOOP(
        "messages", "This is done in the other kind of vault (field or HQ)."
    ),
    "INTERNAL": QT_TRANSLATE_NOOP(
        "messages", "Something unexpected went wrong. Nothing was changed."
    ),
}
GENERIC = QT_TRANSLATE_NOOP("messages", "The operation failed.")


def message_for(code: str, fallback: str = "") -> str:
    text = SENTENCES.get(code)
    if text is not None:
        return QCoreApplication.translate(CONTEXT, str(text))
    generic = QCoreApplication.translate(CONTEXT, str(GENERIC))
    return f"{generic} [{code}]" + (f" {fallback}" if fallback else "")
