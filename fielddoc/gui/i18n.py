"""Languages: Qt translators for en / ru / ky, switched at run time without losing work.

Sources are ``resources/translations/fielddoc_<lang>.ts`` (edited with Qt Linguist); the
build compiles them to ``.qm`` (``make translations`` runs ``pyside6-lrelease``; the wheel
build does the same). Template and thesaurus labels come from the templates' own en/ru/ky
labels, not from Qt. Dates and numbers follow the chosen language's locale. English is
loaded like the others: ``fielddoc_en.ts`` holds only the English plural forms (see
:mod:`fielddoc.gui.counts`).

Qt's own strings (dialog buttons, the wizard, the file dialog, context menus) come from Qt's
``qtbase_<lang>.qm``; for Kyrgyz, which Qt does not ship, from our hand-kept
``resources/translations/qtbase_ky.ts`` (see :func:`_qt_translator`). Where Qt's catalogue
predates the Qt in use and misses strings (Russian: the file dialog's "Look in:"), our
hand-kept ``qtbase_<lang>_extra.ts`` fills only those gaps (see :func:`_qt_gap_translator`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

from fielddoc.resources import resource_path

LANGUAGES = {"en": "English", "ru": "Русский", "ky": "Кыргызча"}
_LOCALES = {"en": "en_GB", "ru": "ru_RU", "ky": "ky_KG"}


class Languages:
    def __init__(self) -> None:
        self.current = "en"
        self._translators: list[QTranslator] = []

    def apply(self, language: str) -> bool:
        """Install the translators for ``language``; widgets retranslate on LanguageChange."""
        if language not in LANGUAGES:
            language = "en"
        app = QCoreApplication.instance()
        if app is None:
            return False
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        translator = QTranslator(app)
        folder = resource_path("translations")
        found = translator.load(f"fielddoc_{language}", str(folder))
        if found:
            app.installTranslator(translator)
            self._translators.append(translator)
        # English texts are the sources; its catalogue only adds plural forms ("1 file"), so
        # English without it still works (it just says "1 file(s)")
        loaded = found or language == "en"
        if language != "en":
            qt = _qt_translator(app, language)
            gaps = None if qt is None else _qt_gap_translator(app, language, qt)
            # Qt asks the translator installed last first: ours goes in before Qt's own
            for catalogue in (gaps, qt):
                if catalogue is not None:
                    app.installTranslator(catalogue)
                    self._translators.append(catalogue)
        QLocale.setDefault(QLocale(_LOCALES[language]))
        changed = language != self.current
        self.current = language
        if changed:
            # Qt sends LanguageChange only for translators with content (none for English, an
            # empty .qm or a missing one), yet template labels and date formats follow
            # ``current``: every switch must make the windows retranslate
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
        return loaded

    def locale(self) -> QLocale:
        return QLocale(_LOCALES[self.current])


def _qt_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """The translator for Qt's own strings (standard buttons, file dialog, context menus).

    Qt's shipped ``qtbase_<lang>.qm`` wins; fielddoc's ``qtbase_<lang>.qm`` (resources, built
    from a hand-kept ``.ts``) only stands in for a language Qt does not ship, Kyrgyz today,
    and is never loaded beside Qt's. Gaps in Qt's own catalogue are filled separately by
    :func:`_qt_gap_translator`. None when neither exists (English falls back to Qt's
    built-in source texts).
    """
    locale = QLocale(_LOCALES[language])
    for folder in (_qt_translations(), str(resource_path("translations"))):
        translator = QTranslator()
        if translator.load(locale, "qtbase", "_", folder):
            translator.setParent(app)  # like the app's own translator; a miss is just dropped
            return translator
    return None


def _qt_gap_translator(app: QCoreApplication, language: str, qt: QTranslator) -> QTranslator | None:
    """fielddoc's ``qtbase_<lang>_extra.qm``: the strings Qt's own catalogue ``qt`` lacks.

    Only beside a catalogue Qt itself ships (never beside our Kyrgyz stand-in); None when Qt's
    is ours or no extra file exists. Filling gaps this way is safe, unlike stacking two full
    catalogues: the extra file holds only sources Qt's catalogue does not translate (a test
    checks each one against Qt's loaded alone), so every string is translated by exactly one
    catalogue and install order cannot change what is shown. Should a PySide6 upgrade bring
    Qt's own translation for one of them, Qt's still wins: it is installed after this one
    and Qt searches translators from the last installed.
    """
    if Path(qt.filePath()).parent != Path(_qt_translations()):
        return None
    # an exact file: load() with a bare name would fall back to qtbase_<lang>.qm if it is missing
    path = resource_path("translations") / f"qtbase_{language}_extra.qm"
    translator = QTranslator()
    if not path.is_file() or not translator.load(str(path)):
        return None
    translator.setParent(app)
    return translator


def _qt_translations() -> str:
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


LANGUAGE = Languages()
