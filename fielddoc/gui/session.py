"""The unlocked vault as the GUI sees it: stores on the GUI thread's connection, jobs on
worker threads (each with its own connection), and two signals views listen to.

``changed(topic)`` tells views to refresh ("records", "evidence", "cards", "exchange",
"settings"); ``locked`` tells them to clear everything they show. After :meth:`lock` the vault
key is gone from memory and every store call fails with ``VAULT_CLOSED``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from fielddoc.evidence.store import EvidenceStore
from fielddoc.exchange.context import ExchangeContext, exchange_context
from fielddoc.gui.workers import Job, JobFunction
from fielddoc.records.store import RecordStore
from fielddoc.records.templates import TemplateSet, load_templates
from fielddoc.vault.vault import Vault


class Session(QObject):
    changed = Signal(str)
    about_to_lock = Signal()  # last chance to autosave, while the vault is still open
    locked = Signal()

    def __init__(self, vault: Vault, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = vault
        info = vault.info
        self.role = info.role
        self.name = info.name
        self.vault_id = vault.vault_id
        self.device_id = info.device_id
        self.templates: TemplateSet = load_templates()
        self._records = RecordStore(
            vault.conn, vault_id=vault.vault_id, device_id=info.device_id, templates=self.templates
        )
        self._jobs: set[Job] = set()

    def _vault(self) -> Vault:
        if self.vault is None or not self.vault.is_open:
            from fielddoc.errors import VaultClosedError

            raise VaultClosedError("The vault is locked.")
        return self.vault

    @property
    def is_open(self) -> bool:
        return self.vault is not None and self.vault.is_open

    @property
    def records(self) -> RecordStore:
        self._vault()
        return self._records

    @property
    def evidence(self) -> EvidenceStore:
        return EvidenceStore(self.records, self._vault().blobs_dir)

    def exchange(self) -> ExchangeContext:
        return exchange_context(self._vault())

    def run(self, fn: JobFunction) -> Job:
        """Start ``fn(conn, progress, cancel)`` on a worker with its own connection."""
        vault = self._vault()
        job = Job(fn, vault.connect, self)
        self._jobs.add(job)
        job.finished.connect(lambda: self._jobs.discard(job))
        return job.start()

    def worker_context(self, conn: object) -> ExchangeContext:
        """An exchange context on a worker's connection (call inside a job function)."""
        return exchange_context(self._vault(), conn)

    def notify(self, topic: str) -> None:
        self.changed.emit(topic)

    def lock(self) -> None:
        """Cancel jobs, close the database, drop the key; views clear on ``locked``."""
        if self.vault is not None and self.vault.is_open:
            self.about_to_lock.emit()
        for job in list(self._jobs):
            job.cancel()
        for job in list(self._jobs):
            job.wait(10_000)
        if self.vault is not None:
            self.vault.close()
            self.vault = None
        self.locked.emit()
