"""The exchange page: "Outbox" in a field vault, "Inbox" in an HQ vault.

Both roles: this vault's key card (fingerprint large, copy, export to a file) and the other
side's cards (import with fingerprint confirmation, list, revoke).

Field: how much HQ has not confirmed yet, the export wizard, receipt import, purge of what was
delivered (with a confirmation that lists it), and the two purge settings.

HQ: import of one or many bundles (each on the worker in turn, all or nothing), a verification
report per bundle, receipts written into a chosen folder, "accept the gap" only by an explicit
confirmation on one out-of-sequence bundle, verify without importing, and a receipt written
again for any imported bundle.

Every long step runs through :meth:`Session.run` with the worker's own connection; the page
hears back through the job's signals and announces the end of each operation with
:attr:`ExchangePage.operation_finished` (kind, ok). The methods that take paths
(:meth:`export_bundle`, :meth:`import_bundles`, :meth:`import_receipt_file` ...) are the ones
the buttons call after their file dialog, so tests drive the page without dialogs.

The class is put together from parts, one module each: shared state and jobs
(:mod:`~fielddoc.gui.pages.exchange_base`), key cards (``exchange_cards``), the HQ inbox
(``exchange_inbox``), the field outbox (``exchange_outbox``) and the worker job functions
(``exchange_jobs``). Only this class is a page; its name is the translation context of every
text in those modules.
"""

from __future__ import annotations

from html import escape

from fielddoc.errors import FielddocError
from fielddoc.exchange.purge import delivery_status
from fielddoc.gui.pages.exchange_cards import CardsPart
from fielddoc.gui.pages.exchange_inbox import InboxPart
from fielddoc.gui.pages.exchange_outbox import OutboxPart


class ExchangePage(CardsPart, InboxPart, OutboxPart):
    topics = ("exchange", "cards", "settings")

    def _build_sections(self) -> None:
        self._build_own_card()
        self._build_cards()
        self._build_activity()
        if self.hq:
            self._build_inbox()
        else:
            self._build_outbox()

    # --- texts ----------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Inbox") if self.hq else self.tr("Outbox")

    def retranslate(self) -> None:
        self.heading.setText(f"<h3>{escape(self.title())}</h3>")
        self.own_box.setTitle(self.tr("My key card"))
        self.own_fingerprint.setAccessibleName(self.tr("My fingerprint"))
        self.own_hint.setText(
            self.tr(
                "Give the card file to the other side by any channel, then read them this "
                "fingerprint in person or by a phone call so they can check it."
            )
        )
        self.copy_button.setText(self.tr("Copy &fingerprint"))
        self.copy_button.setAccessibleName(self.tr("Copy my fingerprint"))
        self.export_card_button.setText(self.tr("Export my car&d…"))
        self.export_card_button.setAccessibleName(self.tr("Export my key card to a file"))
        self.cards_box.setTitle(self.tr("Device key cards") if self.hq else self.tr("HQ key cards"))
        self.cards_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Fingerprint"), self.tr("Imported"), self.tr("State")]
        )
        self.cards_table.setAccessibleName(
            self.tr("Registered device cards") if self.hq else self.tr("Registered HQ cards")
        )
        self.import_card_button.setText(self.tr("Import &card…"))
        self.import_card_button.setAccessibleName(self.tr("Import a key card from a file"))
        self.revoke_button.setText(self.tr("Rev&oke…"))
        self.revoke_button.setAccessibleName(self.tr("Revoke the selected card"))
        self.cancel_button.setText(self.tr("S&top"))
        self.cancel_button.setAccessibleName(self.tr("Stop the running task"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self.result.setAccessibleName(self.tr("Result of the last operation"))
        if self.hq:
            self._retranslate_inbox()
        else:
            self._retranslate_outbox()
        self._render_own_card()
        self._render_result()
        self._render_busy()

    # --- refresh / clear -----------------------------------------------------------------

    def refresh(self) -> None:
        if not self.session.is_open:
            return
        conn = self.session.records.conn
        try:
            ctx = self.session.exchange()
            card = ctx.card
        except FielddocError:
            return
        self._own_name, self._own_role = card.name, card.role
        self._own_fingerprint = card.fingerprint
        self._render_own_card()
        self._fill_cards(conn)
        if self.hq:
            self._fill_bundles_in(conn)
        else:
            self._status = delivery_status(ctx)
            self._render_status()
            self._fill_bundles_out(conn)
            self._load_settings(conn)
        self._update_buttons()

    def clear(self) -> None:
        if self.job is not None:
            self.job.cancel()
        self._queue.clear()
        self._own_fingerprint = ""
        self.own_fingerprint.set_fingerprint("")
        self.own_name.clear()
        self.cards_table.setRowCount(0)
        self._result_render = None
        self.result.clear()
        self.busy.clear()
        if self.hq:
            self.entries.clear()
            self.reports.clear()
            self.report_text.clear()
            self.bundles_table.setRowCount(0)
            self.receipts_dir = None
            self.receipts_path.clear()
        else:
            self._status = None
            self.status.clear()
            self.sent_table.setRowCount(0)

    def _update_buttons(self) -> None:
        idle = self.job is None
        self.import_card_button.setEnabled(idle)
        if self.hq:
            self.import_button.setEnabled(idle)
            self.verify_button.setEnabled(idle)
            self.rewrite_button.setEnabled(idle and self.selected_bundle() is not None)
            self._report_selected(self.reports.currentRow())
        else:
            for button in (self.export_button, self.receipt_button, self.purge_button):
                button.setEnabled(idle)
