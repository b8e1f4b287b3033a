<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
  Kyrgyz for the strings Qt itself shows in fielddoc's windows: standard buttons, the wizard,
  the non-native file dialog, message boxes and the edit context menus. Qt ships no
  qtbase_ky.qm; fielddoc/gui/i18n.py loads this one only when Qt has none for the language.

  Maintained by hand, never by lupdate: contexts, sources and disambiguations are Qt's own and
  must match Qt's exactly, or the lookup silently falls back to English. When PySide6 is
  upgraded, compare them with the shipped qtbase_ru.qm and the strings the new Qt asks for.
-->
<TS version="2.1" language="ky_KG">
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
        <translation>Белгисиз</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Баарын тандоо</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>Бир кадам &amp;жогору</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>Бир кадам &amp;ылдый</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Open</source>
        <translation>Ачуу</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Башкача сактоо</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Папка тандоо</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ачуу</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сактоо</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Тандоо</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Жайгашкан жери:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>Файлдын &amp;аты:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Файлдардын &amp;түрү:</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Бардык файлдар (*)</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Бардык файлдар (*)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлдар</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Папкалар</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Артка</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Артка кайтуу</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Алдыга</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Алдыга өтүү</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Жогорку папка</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Жогорку папкага өтүү</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Жаңы папка түзүү</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Жаңы папка түзүү</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Жаңы папка</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Тизме</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Жөнөкөй тизмеге өтүү</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Кеңири тизме</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Кеңири тизмеге өтүү</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Каптал панель</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Жерлердин жана кыстармалардын тизмеси</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Акыркы жерлер</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Атын өзгөртүү</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Ө&amp;чүрүү</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>&amp;Жашыруун файлдарды көрсөтүү</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Жаңы &amp;папка</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Көрсөтүү: </translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Папканы өчүрүү мүмкүн болгон жок.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 мурунтан эле бар.
Аны алмаштырасызбы?</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Папка табылган жок.
Папканын аты туура жазылганын текшериңиз.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Файл табылган жок.
Файлдын аты туура жазылганын текшериңиз.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>«%1» жазуудан корголгон.
Баары бир өчүрөсүзбү?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>«%1» чын эле өчүрөсүзбү?</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Аты</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Көлөмү</translation>
    </message>
    <message>
        <source>Type</source>
        <comment>All other platforms</comment>
        <translation>Түрү</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Өзгөртүлгөн күнү</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Компьютер</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;Макул</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сактоо</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Жокко &amp;чыгаруу</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Жабуу</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Сактабай жабуу</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.</comment>
        <translation>LTR</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>Маанини жазыңыз:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Артка кайтаруу</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Кайра жа&amp;соо</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Кесүү</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Кө&amp;чүрүү</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>К&amp;оюу</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Өчүрүү</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Баарын тандоо</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Толук маалыматты көрсөтүү...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Толук маалыматты жашыруу...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Макул</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сактоо</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Баарын сактоо</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ачуу</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ооба</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>&amp;Баарына ооба</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Жок</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Б&amp;аарына жок</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Токтотуу</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Кайталоо</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Өткөрүп жиберүү</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабуу</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Жокко чыгаруу</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Сактабоо</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Жардам</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Колдонуу</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Баштапкы абалга келтирүү</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Демейки маанилерди калыбына келтирүү</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Жокко чыгаруу</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Scroll here</source>
        <translation>Ушул жерге жылдыруу</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>Сол четине</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Башына</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>Оң четине</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Аягына</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation>Бир бет солго</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>Бир бет өйдө</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation>Бир бет оңго</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>Бир бет ылдый</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>Солго жылдыруу</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>Өйдө жылдыруу</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>Оңго жылдыруу</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>Ылдый жылдыруу</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>Солго жылдыруу</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Оңго жылдыруу</translation>
    </message>
</context>
<context>
    <name>QUnicodeControlCharacterMenu</name>
    <message>
        <source>Insert Unicode control character</source>
        <translation>Юникоддун башкаруучу белгисин кыстаруу</translation>
    </message>
    <message>
        <source>LRM Left-to-right mark</source>
        <translation>LRM Солдон оңго белгиси</translation>
    </message>
    <message>
        <source>RLM Right-to-left mark</source>
        <translation>RLM Оңдон солго белгиси</translation>
    </message>
    <message>
        <source>ZWJ Zero width joiner</source>
        <translation>ZWJ Нөл жазылыктагы бириктиргич</translation>
    </message>
    <message>
        <source>ZWNJ Zero width non-joiner</source>
        <translation>ZWNJ Нөл жазылыктагы ажыраткыч</translation>
    </message>
    <message>
        <source>ZWSP Zero width space</source>
        <translation>ZWSP Нөл жазылыктагы боштук</translation>
    </message>
    <message>
        <source>LRE Start of left-to-right embedding</source>
        <translation>LRE Солдон оңго камтуунун башы</translation>
    </message>
    <message>
        <source>RLE Start of right-to-left embedding</source>
        <translation>RLE Оңдон солго камтуунун башы</translation>
    </message>
    <message>
        <source>LRO Start of left-to-right override</source>
        <translation>LRO Солдон оңго алмаштыруунун башы</translation>
    </message>
    <message>
        <source>RLO Start of right-to-left override</source>
        <translation>RLO Оңдон солго алмаштыруунун башы</translation>
    </message>
    <message>
        <source>PDF Pop directional formatting</source>
        <translation>PDF Багыт форматынын аягы</translation>
    </message>
    <message>
        <source>LRI Left-to-right isolate</source>
        <translation>LRI Солдон оңго обочолоо</translation>
    </message>
    <message>
        <source>RLI Right-to-left isolate</source>
        <translation>RLI Оңдон солго обочолоо</translation>
    </message>
    <message>
        <source>FSI First strong isolate</source>
        <translation>FSI Биринчи күчтүү белги боюнча обочолоо</translation>
    </message>
    <message>
        <source>PDI Pop directional isolate</source>
        <translation>PDI Багыттык обочолоонун аягы</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Артка кайтаруу</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Кайра жа&amp;соо</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Кесүү</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Кө&amp;чүрүү</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Шилтеменин &amp;дарегин көчүрүү</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>К&amp;оюу</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Өчүрүү</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Баарын тандоо</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Артка</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Кийинки &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Бүтүрүү</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Жокко чыгаруу</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Жардам</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Тастыктоо</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Артка</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Улантуу</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Даяр</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Жардам</translation>
    </message>
</context>
</TS>
