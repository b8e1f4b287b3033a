"""Languages: Qt translators for en / ru / ky, switched at run time without losing work.

Sources are ``resources/translations/fielddoc_<lang>.ts`` (edited with Qt Linguist); the
build compiles them to ``.qm`` (``make translations`` runs ``pyside6-lrelease``; the wheel
build does the same). Template and thesaurus labels come from the templates' own en/ru/ky
labels, not from Qt. Dates and numbers follow the chosen language's locale. English is
loaded like the others: ``fielddoc_en.ts`` holds only the English plural forms (see
:mod:`fielddoc.gui.counts`).

Qt's own strings (dialog buttons, the wizard, the file dialog, context menus) come from Qt's
``qtbase_<lang>.qm``; for Kyrgyz, which Qt does not ship, from our hand-kept
``resources/translations/qtbase_ky.ts`` (see :func:`_qt_translator`).
"""

from __future__ import annotations

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
            if qt is not None:
                app.installTranslator(qt)
                self._translators.append(qt)
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
    from a hand-kept ``.ts``) only fills in a language Qt does not ship, Kyrgyz today. Never
    both: two catalogues for one context would make the shown text depend on install order.
    None when neither exists (English falls back to Qt's built-in source texts).
    """
    locale = QLocale(_LOCALES[language])
    for folder in (_qt_translations(), str(resource_path("translations"))):
        translator = QTranslator()
        if translator.load(locale, "qtbase", "_", folder):
            translator.setParent(app)  # like the app's own translator; a miss is just dropped
            return translator
    return None


def _qt_translations() -> str:
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


LANGUAGE = Languages()
