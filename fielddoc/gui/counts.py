"""A count with its noun ("1 file", "2 files"; "1 файл", "2 файла", "5 файлов"), in the
user's language, for the texts that several screens put together.

Each phrase is ONE plural (numerus) message with one ``%n``: Qt picks the form the language
needs for that number (English two, Russian three, Kyrgyz two). A sentence with several counts
is a translated pattern (``"%1 and %2"``) whose markers receive these phrases, so every count
agrees with its own noun. The phrases are written for the nominative (a list after a colon, the
subject, or the object of a verb, where Russian inanimate nouns look the same); a phrase that
needs another case has its own message (``of %n record(s)``).

Why a class: ``pyside6-lupdate`` marks a message as plural only in a ``self.tr(..., n)`` call
and files it under the enclosing class, while PySide's ``self.tr`` looks it up under the class
of the running object. In the exchange page's mixins those two names differ, and
``QCoreApplication.translate(ctx, text, None, n)`` is collected without its plural forms (the
``.ts`` would then lose them on the next update). Here both names are ``Counts``.

English forms come from ``fielddoc_en.ts`` (the only messages it translates), so the English
interface needs that catalogue loaded like any other (:mod:`fielddoc.gui.i18n`).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject


class Counts(QObject):
    """Cheap to make (no parent, no signals); make one where the words are needed."""

    def records(self, n: int) -> str:
        return self.tr("%n record(s)", "", n)

    def files(self, n: int) -> str:
        return self.tr("%n file(s)", "", n)

    def evidence_files(self, n: int) -> str:
        return self.tr("%n evidence file(s)", "", n)

    def revisions(self, n: int) -> str:
        return self.tr("%n revision(s)", "", n)

    def of_records(self, n: int) -> str:
        """The records some revisions belong to: "23 revisions" + " " + "of 19 records"."""
        return self.tr("of %n record(s)", "", n)

    def link_changes(self, n: int) -> str:
        return self.tr("%n link change(s)", "", n)

    def items(self, n: int) -> str:
        return self.tr("%n item(s)", "", n)

    def part_of_records(self, part: int, total: int) -> str:
        """ "3 of 10 records": the noun agrees with the total."""
        return self.tr("%1 of %n record(s)", "", total).replace("%1", str(part))

    def part_of_files(self, part: int, total: int) -> str:
        return self.tr("%1 of %n file(s)", "", total).replace("%1", str(part))

    def more(self, n: int) -> str:
        """After a shortened list of names: "and 3 more"."""
        return self.tr("and %n more", "", n)

    def byte_count(self, n: int) -> str:
        """A size under a kilobyte (Qt's own size text has one Russian form for every count)."""
        return self.tr("%n byte(s)", "", n)

    def days_suffix(self, n: int) -> str:
        """A spin box suffix (the box shows the number): " day" / " days"."""
        return self.tr(" day(s)", "", n)

    def at_most_characters(self, n: int) -> str:
        return self.tr("Too long: at most %n character(s).", "", n)


_MARKER = re.compile(r"%(\d{1,2})")


def fill(pattern: str, *values: object) -> str:
    """``pattern`` with ``%1``, ``%2``, ... replaced by ``values`` in one pass, so a value that
    itself contains ``%2`` (a file name, a device name) is never filled in again. A marker
    without a value stays as it is."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 1 <= number <= len(values) else match.group(0)

    return _MARKER.sub(value, pattern)
