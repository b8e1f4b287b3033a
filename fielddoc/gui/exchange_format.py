"""How the exchange screens write sizes and roles, in the user's language.

``role_text`` keeps the explicit translation context ``"exchange"`` (these texts were written
in the module of the exchange dialogs), so existing translations keep matching.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from fielddoc.gui.counts import Counts
from fielddoc.gui.i18n import LANGUAGE

KILO = 1000  # SI


def data_size(size: int) -> str:
    """Bytes as "97.7 kB" in the user's locale (SI units, as file managers show them). Under a
    kilobyte the count is a plural of ours: Qt's own text has one Russian form ("5 байты")."""
    if 0 <= size < KILO:
        return Counts().byte_count(size)
    return LANGUAGE.locale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def role_text(role: str) -> str:
    return (
        QCoreApplication.translate("exchange", "HQ")
        if role == "hq"
        else QCoreApplication.translate("exchange", "field device")
    )
