"""Typed errors of the fielddoc core.

Every error the core raises on purpose is a :class:`FielddocError` subclass with a stable
``code`` (upper-case, never renamed once released): the CLI prints it, the GUI maps it to a
translated message, tests assert on it.

Invariant: an error's message and its ``field`` are chosen by our code at the raise site from
fixed text and identifiers (template field names, record ids, file names the user gave). They
never contain a passphrase, a key, or record content, because error texts end up in logs,
terminals and bug reports that a police lab may read.
"""

from __future__ import annotations


class FielddocError(Exception):
    """Base class. ``code`` is stable; ``str(err)`` is a short, content-free English sentence."""

    code = "FIELDDOC_ERROR"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


# --- vault -----------------------------------------------------------------------------------


class UnlockError(FielddocError):
    """Wrong passphrase, wrong recovery code, or a keyslot that does not authenticate.

    Deliberately one generic message for every cause, so an observer learns nothing about
    which part was wrong.
    """

    code = "UNLOCK_FAILED"

    def __init__(self) -> None:
        super().__init__("The vault could not be unlocked with what was given.")


class NotAVaultError(FielddocError):
    code = "NOT_A_VAULT"


class VaultExistsError(FielddocError):
    code = "VAULT_EXISTS"


class VaultLockedByOtherError(FielddocError):
    code = "VAULT_IN_USE"


class VaultCorruptError(FielddocError):
    code = "VAULT_CORRUPT"


class VaultTooNewError(FielddocError):
    code = "VAULT_TOO_NEW"


class VaultErasedError(FielddocError):
    code = "VAULT_ERASED"


class VaultClosedError(FielddocError):
    code = "VAULT_CLOSED"


class WeakPassphraseError(FielddocError):
    code = "WEAK_PASSPHRASE"


class KdfParameterError(FielddocError):
    code = "KDF_PARAMETERS"


class MigrationError(FielddocError):
    code = "MIGRATION_FAILED"


class RoleError(FielddocError):
    """An operation that belongs to the other role (field vs HQ)."""

    code = "WRONG_ROLE"


# --- records ---------------------------------------------------------------------------------


class TemplateError(FielddocError):
    """A template file itself is malformed (a packaging or development error)."""

    code = "TEMPLATE_INVALID"


class UnknownTemplateError(FielddocError):
    code = "UNKNOWN_TEMPLATE"


class ValidationError(FielddocError):
    """A record body breaks its template; ``field`` names the offending field (dotted path)."""

    code = "INVALID_RECORD"


class RecordNotFoundError(FielddocError):
    code = "RECORD_NOT_FOUND"


class ConflictError(FielddocError):
    """An edit based on a revision that is no longer the newest."""

    code = "EDIT_CONFLICT"


class SearchQueryError(FielddocError):
    code = "BAD_QUERY"


# --- input / files ---------------------------------------------------------------------------


class InputError(FielddocError):
    """Input given by the user (a file, a JSON document, an option) cannot be used."""

    code = "BAD_INPUT"


class StorageError(FielddocError):
    """The disk refused a write (full, I/O error, permission)."""

    code = "STORAGE_FAILED"


class CancelledError(FielddocError):
    code = "CANCELLED"

    def __init__(self) -> None:
        super().__init__("The operation was cancelled; nothing was kept.")


class IntegrityError(FielddocError):
    """Stored data no longer matches its hash, signature or authentication tag."""

    code = "INTEGRITY_FAILED"
