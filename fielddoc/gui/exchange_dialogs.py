"""Dialogs of the exchange page, gathered under one name: card import with fingerprint check,
the export wizard, and the purge confirmation.

* :class:`CardImportDialog` (:mod:`fielddoc.gui.card_import`) shows a card's name and role and
  asks for the fingerprint its owner reads aloud (typed, or compared digit group by digit group
  on screen). The card is registered only when the digits match; the core refuses anything
  else.
* :class:`ExportWizard` (:mod:`fielddoc.gui.export_wizard`): what will go (counted on a worker
  from ``export.plan``), to whom (active HQ cards, all ticked), where (a path:
  :func:`dialogs.save_file` or :meth:`ExportWizard.set_output`), then the export on a worker
  with progress and cancel, and where the bundle was written.
* :func:`purge_preview` / :func:`confirm_purge` (:mod:`fielddoc.gui.purge_confirm`): exactly
  which records and files a purge of delivered items would destroy, as a confirmation whose
  safe answer is the default.

This module only re-exports; the code lives in the modules named above.
"""

from fielddoc.gui.card_import import (
    CardImportDialog,
    FingerprintLabel,
    fingerprint_font,
    fingerprint_lines,
)
from fielddoc.gui.exchange_format import data_size, role_text
from fielddoc.gui.export_wizard import (
    ExportCounts,
    ExportOutlook,
    ExportWizard,
    export_job,
    outlook_job,
    suggested_bundle_name,
)
from fielddoc.gui.purge_confirm import (
    SHOWN_NAMES,
    PurgePreview,
    confirm_purge,
    purge_confirmation_text,
    purge_preview,
)

__all__ = [
    "SHOWN_NAMES",
    "CardImportDialog",
    "ExportCounts",
    "ExportOutlook",
    "ExportWizard",
    "FingerprintLabel",
    "PurgePreview",
    "confirm_purge",
    "data_size",
    "export_job",
    "fingerprint_font",
    "fingerprint_lines",
    "outlook_job",
    "purge_confirmation_text",
    "purge_preview",
    "role_text",
    "suggested_bundle_name",
]
