<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
  Russian for the few strings Qt itself shows in fielddoc's windows that Qt's own qtbase_ru.qm
  (shipped with PySide6 6.11) does not translate: in Qt 6 the file dialog's "Look in:" and
  "Files of type:" labels gained an accelerator, and the file types moved from QFileDialog to
  QAbstractFileIconProvider, so the old Russian entries no longer match.

  fielddoc/gui/i18n.py installs this catalogue before Qt's, so Qt's is searched first and this
  one only fills its gaps. It must therefore hold ONLY strings Qt's catalogue lacks
  (tests/gui/test_qt_strings_ru.py checks that): drop an entry as soon as a PySide6 upgrade
  brings Qt's own translation for it.

  Maintained by hand, never by lupdate: contexts, sources and disambiguations are Qt's own and
  must match exactly, or the lookup silently falls back to English.
-->
<TS version="2.1" language="ru_RU">
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>Диск</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Типы файлов:</translation>
    </message>
</context>
</TS>
