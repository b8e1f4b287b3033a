<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ky_KG">
<context>
    <name></name>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="260"/>
        <source>the encrypted file is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="261"/>
        <source>the encrypted file was altered or damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="262"/>
        <source>the content does not match the hash taken when it was added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="263"/>
        <source>the encrypted file cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="264"/>
        <source>delivered and removed from this laptop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="38"/>
        <location filename="../../fielddoc/gui/pages/audit.py" line="44"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="42"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="42"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="42"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="42"/>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="51"/>
        <source>The audit chain links and hashes correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="53"/>
        <source>The audit chain is BROKEN at entry %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BooleanField</name>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="553"/>
        <source>Unknown / not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="554"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="555"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardImportDialog</name>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="184"/>
        <source>Import a key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="185"/>
        <source>Key card of &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="191"/>
        <source>Before you trust this card, ask its owner to read its fingerprint to you, in person or by a phone call: not through the channel that brought you the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="195"/>
        <source>&amp;Type the 40 digits its owner reads to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="196"/>
        <source>&amp;Fingerprint as read aloud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="198"/>
        <source>Fingerprint as read aloud by the card&apos;s owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="199"/>
        <source>&amp;Compare the digits on screen while its owner reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="200"/>
        <source>Its owner read me &amp;exactly these 40 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="201"/>
        <source>Fingerprint of the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="202"/>
        <source>&amp;Import card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="203"/>
        <source>Import the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="213"/>
        <source>%1 of 40 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="216"/>
        <source>This is an HQ card; this HQ vault imports the cards of field devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="218"/>
        <source>This is a field device&apos;s card; a field vault imports HQ cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="250"/>
        <source>Another active card is registered under the name %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceChecks</name>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="658"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceCombo</name>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="594"/>
        <source>— not recorded —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentGroupField</name>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="988"/>
        <source>Consent was WITHDRAWN. Do not use this testimony beyond that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="992"/>
        <source>Consent was NOT given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1000"/>
        <source>Consent given for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1001"/>
        <source>Consent given; record below what it covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1002"/>
        <source>Consent not recorded yet: ask, and record the answer here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="440"/>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="441"/>
        <location filename="../../fielddoc/gui/fields.py" line="442"/>
        <source>Choose a day on a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="467"/>
        <source>Not a date yet: write 2024, 2024-03 or 2024-03-15 (or 15.03.2024).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntriesField</name>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1140"/>
        <source>No entries yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1141"/>
        <source>Add entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1142"/>
        <source>Add an entry to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1143"/>
        <source>Sort by date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1144"/>
        <source>Sort entries by date: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryWidget</name>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1053"/>
        <source>Move entry %1 up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1055"/>
        <source>Move entry %1 down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1057"/>
        <source>Remove entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1060"/>
        <source>%1, entry %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1083"/>
        <source>%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1085"/>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="500"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="504"/>
        <source>&amp;Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="505"/>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="773"/>
        <source>Add evidence files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="506"/>
        <source>Add files (you can also drop files on this page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="507"/>
        <source>Verify a&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="508"/>
        <source>Verify all evidence files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="509"/>
        <source>Attach new files &amp;to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="510"/>
        <source>Choose a record for new files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="511"/>
        <source>&amp;No record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="512"/>
        <source>Do not attach new files to a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="513"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="514"/>
        <source>Cancel the running operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="515"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="516"/>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="517"/>
        <source>Verify the selected file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="518"/>
        <source>E&amp;xtract copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="520"/>
        <source>Save an unencrypted copy of the selected file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="522"/>
        <source>Attach to &amp;record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="523"/>
        <source>Attach the selected file to a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="524"/>
        <source>Evidence files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="525"/>
        <source>Evidence details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="526"/>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="527"/>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="528"/>
        <source>Selected evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="529"/>
        <source>Results of the last operation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="530"/>
        <source>Results of the last operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="647"/>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="648"/>
        <source>Evidence id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="649"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="650"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="651"/>
        <source>Acquired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="654"/>
        <source>File last modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="655"/>
        <source>Attached to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="655"/>
        <source>no record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="656"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="672"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="672"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="672"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="672"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="689"/>
        <source>this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="690"/>
        <source>device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="694"/>
        <source>Added to the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="695"/>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="696"/>
        <source>Unencrypted copy extracted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="697"/>
        <source>Exported in a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="698"/>
        <source>Imported from a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="699"/>
        <source>Delivery confirmed by HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="700"/>
        <source>Removed from this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="707"/>
        <source>intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="708"/>
        <source>FAILED: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="718"/>
        <source>Image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="721"/>
        <source>Photo taken (camera clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="724"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="726"/>
        <source>Software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="729"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="730"/>
        <source>Document created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="731"/>
        <source>Producer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="732"/>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="737"/>
        <source>Password protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="737"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="743"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="748"/>
        <source>Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="749"/>
        <source>Codec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="750"/>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="751"/>
        <source>Sample rate (Hz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="752"/>
        <source>Recorded (device clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="760"/>
        <source>%1 m above sea level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="763"/>
        <source>GPS position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="765"/>
        <source>GPS time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="782"/>
        <source>Wait until the current operation ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/pages/evidence.py" line="829"/>
        <source>Adding %n file(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="843"/>
        <source>Adding file %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="869"/>
        <source>%1: added (SHA-256 %2…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="873"/>
        <source>%1: already in the vault as “%2” (%3); it was not stored again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/pages/evidence.py" line="881"/>
        <source>Cancelled. The file being read was not stored; %n file(s) finished before the cancel were kept.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="890"/>
        <source>could not be read (missing, a folder, unreadable, or changed while it was read). Nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="895"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="936"/>
        <source>New files are not attached to a record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="939"/>
        <source>New files will be attached to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/pages/evidence.py" line="997"/>
        <source>Verifying %n file(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1013"/>
        <source>%n file(s) FAILED verification.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1014"/>
        <source>%n file(s) verified, all intact.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1018"/>
        <source>%1: delivered and removed here; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1020"/>
        <source>%1: intact, matches its SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1022"/>
        <source>%1 (%2): FAILED, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1032"/>
        <source>The copy will NOT be encrypted. Anyone who gets this computer or the disk or USB stick you save it to can open it, and deleting it later may not remove it from the disk. Save it only where it is needed, and remove it when done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1038"/>
        <source>Save an unencrypted copy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1040"/>
        <source>Save unencrypted copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1044"/>
        <source>Save an unencrypted copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1051"/>
        <source>Extract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1052"/>
        <source>A file with this name already exists there. Choose a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1072"/>
        <source>Writing an unencrypted copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1083"/>
        <source>Unencrypted copy written to %1 (%2). Remove it when done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1115"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="1166"/>
        <source>Verification cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceTableModel</name>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="140"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="141"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="142"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="143"/>
        <source>Acquired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="144"/>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="145"/>
        <source>Attached to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="146"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="204"/>
        <source>Delivered, removed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="207"/>
        <source>Stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="209"/>
        <source>Verified: intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="210"/>
        <source>FAILED: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="265"/>
        <source>Select a file to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="287"/>
        <source>No preview for this kind of file (%1). Its hash and metadata are under Details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="335"/>
        <source>This image format cannot be shown here. Its hash and metadata are under Details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="352"/>
        <source>This image could not be decoded: it is damaged, or too large to show safely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="361"/>
        <source>This image is too large to show safely inside fielddoc. To look at it, extract a copy (it will not be encrypted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="376"/>
        <source>This PDF is protected by a password; it cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="381"/>
        <source>This PDF could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="395"/>
        <source>Shown as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="397"/>
        <source>Only the first %1 are shown; extract a copy to read the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="409"/>
        <source>Audio recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="409"/>
        <source>Video recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="413"/>
        <source>Duration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="419"/>
        <source>Format: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="422"/>
        <source>Playback inside fielddoc will come in a later version. To listen or watch now, extract a copy (it will not be encrypted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="436"/>
        <source>Preview message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="437"/>
        <source>Image preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="438"/>
        <source>PDF preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="439"/>
        <source>Text preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/viewer.py" line="440"/>
        <source>Preview note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="418"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="418"/>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="422"/>
        <source>My key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="423"/>
        <source>My fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="426"/>
        <source>Give the card file to the other side by any channel, then read them this fingerprint in person or by a phone call so they can check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="430"/>
        <source>Copy &amp;fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="431"/>
        <source>Copy my fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="432"/>
        <source>Export my car&amp;d…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="433"/>
        <source>Export my key card to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="434"/>
        <source>Device key cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="434"/>
        <source>HQ key cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="436"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="436"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="436"/>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="514"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="436"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="439"/>
        <source>Registered device cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="439"/>
        <source>Registered HQ cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="441"/>
        <source>Import &amp;card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="442"/>
        <source>Import a key card from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="443"/>
        <source>Rev&amp;oke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="444"/>
        <source>Revoke the selected card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="445"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="446"/>
        <source>Stop the running task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="447"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="448"/>
        <source>Result of the last operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="458"/>
        <source>Sending to HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="459"/>
        <source>What HQ has not confirmed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="460"/>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="461"/>
        <source>Export a bundle for HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="462"/>
        <source>Import &amp;receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="463"/>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="930"/>
        <source>Import a receipt from HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="464"/>
        <source>&amp;Purge delivered…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="466"/>
        <source>Delete from this laptop what HQ confirmed receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="470"/>
        <source>Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="471"/>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="472"/>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="515"/>
        <source>Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="473"/>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="516"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="474"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="475"/>
        <source>Confirmed by HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="478"/>
        <source>Bundles written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="479"/>
        <source>After HQ confirms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="481"/>
        <source>Purge &amp;automatically when a receipt from HQ arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="483"/>
        <source>Purge automatically on receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="484"/>
        <source>&amp;Keep nothing HQ confirmed that is older than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="485"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="486"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="488"/>
        <source>Keep nothing older than this many days that HQ confirmed (0: no limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="493"/>
        <source>Bundles from field devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="494"/>
        <source>&amp;Import bundles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="495"/>
        <source>Import one or more bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="496"/>
        <source>Verif&amp;y only…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="497"/>
        <source>Verify bundles without importing them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="498"/>
        <source>&amp;Write a receipt for each imported bundle into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="499"/>
        <source>C&amp;hoose folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="500"/>
        <source>Choose the folder for receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="501"/>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1076"/>
        <source>Folder for receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="502"/>
        <source>Verification reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="503"/>
        <source>Verification report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="504"/>
        <source>Import despite the &amp;gap…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="506"/>
        <source>Import the selected out-of-sequence bundle anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="508"/>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="520"/>
        <source>Imported bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="511"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="512"/>
        <source>Sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="513"/>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="517"/>
        <source>Receipts written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="521"/>
        <source>Write receipt agai&amp;n…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="523"/>
        <source>Write the receipt of the selected bundle again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="579"/>
        <source>%1 (%2). Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="591"/>
        <source>revoked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="593"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="618"/>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="655"/>
        <source>%1 records and %2 files (%3) not yet confirmed by HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="662"/>
        <source>HQ has confirmed everything on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="664"/>
        <source>Removed after delivery so far: %1 records and %2 files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="731"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="759"/>
        <source>Fingerprint copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="765"/>
        <source>Save my key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="776"/>
        <source>A file with this name exists already; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="789"/>
        <source>Card written to %1. Read the fingerprint to the other side so they can check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="798"/>
        <source>Import a key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="798"/>
        <source>Key cards (*.card);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="823"/>
        <source>Card of %1 registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="826"/>
        <source>The card of %1 was registered already; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="854"/>
        <source>Revoke the card of %1? From now on, bundles or receipts signed with it are refused. Do this when a device or key is lost or seized. It cannot be undone: the owner will need a new vault and card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="858"/>
        <source>Revoke a key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="858"/>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="872"/>
        <source>The card of %1 is revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="901"/>
        <source>Writing the bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="911"/>
        <source>Bundle %1 written to %2 (%3 revisions, %4 files, for %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="922"/>
        <source>No bundle was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="931"/>
        <source>Receipts (*.fdreceipt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="941"/>
        <source>Checking the receipt %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="953"/>
        <source>This receipt was imported before; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="954"/>
        <source>Receipt from %1: %2 items confirmed delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="959"/>
        <source>Removed from this laptop: %1 records and %2 files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="977"/>
        <source>Nothing to purge: HQ has not confirmed anything that is still on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="989"/>
        <source>Deleting what HQ confirmed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="999"/>
        <source>Deleted %1 records and %2 evidence files (%3) from this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1023"/>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1028"/>
        <source>Purge automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1025"/>
        <source>From now on, whatever HQ confirms receiving is deleted from this laptop as soon as its receipt is imported, without asking again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1071"/>
        <source>(no folder chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1094"/>
        <source>Import bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1099"/>
        <source>Verify bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1139"/>
        <source>Importing %1 of %2: %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1141"/>
        <source>Verifying %1 of %2: %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1182"/>
        <source>✗ Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1184"/>
        <source>= Already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1186"/>
        <source>✓ Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1188"/>
        <source>✓ Verified (not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1190"/>
        <source>! Out of sequence, not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1192"/>
        <source>✗ Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1195"/>
        <source>%1, bundle %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1204"/>
        <source>This bundle was imported before; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1207"/>
        <source>Verified and imported: the signature is valid and every file matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1210"/>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1298"/>
        <source>Receipt written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1213"/>
        <source>Imported despite a gap in the sequence: an earlier bundle is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1217"/>
        <source>Verified: the signature is valid and every file matches. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1220"/>
        <source>REJECTED. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1224"/>
        <source>Import the missing bundle first, or choose “Import despite the gap”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1258"/>
        <source>Bundle %1 from %2 is out of sequence: an earlier bundle from this device has not been imported. It may be lost, delayed, or withheld by someone. Import this one anyway? The missing bundle can still be imported when it arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1265"/>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1267"/>
        <source>Import despite the gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1282"/>
        <source>Write the receipt into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="1290"/>
        <source>Writing the receipt…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="610"/>
        <source>Export a bundle for HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="663"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="251"/>
        <source>Welcome to fielddoc</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="163"/>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="164"/>
        <source>History — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="166"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="166"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="166"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="166"/>
        <location filename="../../fielddoc/gui/history.py" line="304"/>
        <source>Sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="168"/>
        <source>Versions of the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="169"/>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="170"/>
        <source>Version shown on the left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="171"/>
        <source>&amp;with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="172"/>
        <source>Version shown on the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="173"/>
        <source>&amp;First version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="174"/>
        <source>Show the version as first recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="175"/>
        <source>Left version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="176"/>
        <source>Right version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="198"/>
        <source>this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="199"/>
        <source>device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="203"/>
        <source>%1 · %2 (as first recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="203"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="292"/>
        <source>The same version is shown on both sides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="294"/>
        <source>No field differs between these versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/history.py" line="297"/>
        <source>Changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntegerField</name>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="512"/>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="514"/>
        <source>≥ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="515"/>
        <source>≤ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="529"/>
        <source>Write a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LongTextField</name>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="333"/>
        <source>%1 of %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="150"/>
        <source>fielddoc — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="154"/>
        <source>Search all records (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="155"/>
        <source>Search all records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="156"/>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="157"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="158"/>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="159"/>
        <source>Change &amp;passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="160"/>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="161"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="162"/>
        <source>&amp;Erase vault now (panic)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="163"/>
        <source>&amp;Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="164"/>
        <source>Vi&amp;ew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="165"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="234"/>
        <source>field vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="234"/>
        <source>HQ vault</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="26"/>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="33"/>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="32"/>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="34"/>
        <source>Repeat new passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="39"/>
        <source>&amp;Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="40"/>
        <source>&amp;New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="41"/>
        <source>&amp;Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="56"/>
        <source>The two entries differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="59"/>
        <source>Choose a longer passphrase: several words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="72"/>
        <source>Changing the passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="87"/>
        <source>Choose a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="90"/>
        <source>Several words are easier to remember and harder to guess than a short password. Nobody, not even HQ, can recover the vault without it or the recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="96"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="99"/>
        <source>Repeat passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="103"/>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="106"/>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="109"/>
        <source>&amp;Suggest a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="112"/>
        <source>&amp;Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="113"/>
        <source>&amp;Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="114"/>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="143"/>
        <source>Too short: at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="147"/>
        <source>Weak: this could be guessed. Add words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="149"/>
        <source>The two entries differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="151"/>
        <source>Good.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="264"/>
        <source>New record — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="267"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="269"/>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="273"/>
        <source>&amp;Sensitivity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="274"/>
        <source>Sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="276"/>
        <source>Public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="277"/>
        <source>Internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="278"/>
        <source>Confidential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="279"/>
        <source>Restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="285"/>
        <source>&amp;Restore draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="286"/>
        <source>Restore the unsaved draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="287"/>
        <source>Discard draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="288"/>
        <source>Discard the unsaved draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="290"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="291"/>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="292"/>
        <source>Save the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="293"/>
        <source>&amp;Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="294"/>
        <source>Discard changes and the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="295"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="296"/>
        <source>Close the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="297"/>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="302"/>
        <source>May be published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="303"/>
        <source>For the organisation&apos;s staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="304"/>
        <source>Only for people working on this matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="305"/>
        <source>Highest protection: names or details that put people at risk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="382"/>
        <source>Text from %1 that was never saved was found (the editor was closed or the computer stopped before saving). Restore it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="405"/>
        <source>Draft restored. Check it, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="425"/>
        <source>The draft could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="446"/>
        <source>The draft could not be written. Save soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="451"/>
        <source>Draft kept at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="511"/>
        <source>Changed elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="513"/>
        <source>A newer version of this record was saved after you opened it (in another window, or by an import). Everything you typed is still here.

You can save your version as the newest one; the other version stays in the record&apos;s history and can be compared there. Or keep editing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="518"/>
        <source>Save my version as the newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="518"/>
        <location filename="../../fielddoc/gui/editor.py" line="567"/>
        <location filename="../../fielddoc/gui/editor.py" line="589"/>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="565"/>
        <location filename="../../fielddoc/gui/editor.py" line="589"/>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="566"/>
        <source>Throw away everything typed since the last save? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="567"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="587"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="588"/>
        <source>This record has changes that are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="589"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="295"/>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="298"/>
        <source>Choose a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="299"/>
        <source>Search %1 by name or words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="300"/>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="300"/>
        <source>Search records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="301"/>
        <source>Matching records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="302"/>
        <source>&amp;New record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="303"/>
        <source>Create a new record and choose it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="355"/>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="357"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="368"/>
        <source>No record matches. Create one with “New record…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="370"/>
        <source>Most recently changed records:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/pickers.py" line="372"/>
        <source>%n record(s) found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="299"/>
        <source>Type words from the record&apos;s title or text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="301"/>
        <source>Records found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../fielddoc/gui/models.py" line="48"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/models.py" line="49"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/models.py" line="50"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/models.py" line="51"/>
        <source>Sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/models.py" line="52"/>
        <source>Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/models.py" line="101"/>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="91"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="92"/>
        <source>New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="93"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="94"/>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="95"/>
        <source>Add e&amp;vidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="96"/>
        <source>Add evidence files to this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="97"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="98"/>
        <source>Record details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="150"/>
        <source>Updated %1 · %2 revision(s) · sensitivity: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="170"/>
        <source>Your recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="178"/>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="180"/>
        <source>Groups 3 and 7 of the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="187"/>
        <source>To confirm you wrote it down, type its 3rd and 7th groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="200"/>
        <source>Creating the vault and tuning its encryption to this computer. This takes a few seconds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="226"/>
        <source>Write this code on paper and keep it away from this laptop. It opens the vault if the passphrase is forgotten. It is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferenceListField</name>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="830"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="831"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="839"/>
        <source>Add to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="841"/>
        <source>Remove the selected from: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="43"/>
        <source>Who will use this vault?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="45"/>
        <source>A &amp;monitor in the field (records, evidence, exports to HQ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="47"/>
        <source>&amp;Headquarters (imports bundles from monitors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="53"/>
        <source>Name on your key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="54"/>
        <source>e.g. Aigul, laptop 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="56"/>
        <source>Vault folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="57"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="63"/>
        <source>&amp;Name on your key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="64"/>
        <source>Vault &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="72"/>
        <source>Where should the vault be kept?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../fielddoc/gui/pages/search.py" line="30"/>
        <location filename="../../fielddoc/gui/pages/search.py" line="33"/>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/search.py" line="41"/>
        <location filename="../../fielddoc/gui/pages/search.py" line="46"/>
        <source>Type words to search for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/pages/search.py" line="48"/>
        <source>%n record(s) found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="24"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="29"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="30"/>
        <source>Lock after this many idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="34"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="35"/>
        <source>Clear copied text after this many seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="40"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="42"/>
        <source>&amp;Lock after idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="43"/>
        <source>&amp;Clear copied text after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="44"/>
        <source>Lan&amp;guage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThesaurusPicker</name>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="127"/>
        <source>Choose a term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="128"/>
        <source>Type to filter (any language)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="129"/>
        <source>Filter terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="130"/>
        <source>Terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="131"/>
        <source>No term matches.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="482"/>
        <source>HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="490"/>
        <source>Not a time yet: write HH:MM on a 24-hour clock, e.g. 09:30.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockForm</name>
    <message>
        <location filename="../../ui/unlock.ui" line="6"/>
        <source>fielddoc — unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="10"/>
        <location filename="../../ui/unlock.ui" line="11"/>
        <source>Unlock your vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="23"/>
        <source>&amp;Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="30"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="37"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="44"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="50"/>
        <source>Use &amp;recovery code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="55"/>
        <source>&amp;Open another vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="64"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="70"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="73"/>
        <source>Vault: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="84"/>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="99"/>
        <source>Type your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="106"/>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="107"/>
        <source>Type the recovery code you wrote down when the vault was created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="113"/>
        <source>Open a vault folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ContentsPage</name>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="368"/>
        <source>What will go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="370"/>
        <source>Send a full copy of &amp;everything, not only what HQ has not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="372"/>
        <source>Send everything again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="373"/>
        <source>What the bundle will carry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="388"/>
        <source>Counting what will go…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="393"/>
        <source>The bundle will carry %1 record revisions (of %2 records), %3 link changes and %4 evidence files (%5), signed by this laptop and encrypted so that only the chosen HQ keys can open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_DestinationPage</name>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="482"/>
        <source>Where to write it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="485"/>
        <source>Choose where to write the bundle, for example a USB stick. The file is encrypted: it can travel by any channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="489"/>
        <source>Bundle &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="490"/>
        <source>Bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="491"/>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="492"/>
        <source>Choose where to write the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="493"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="497"/>
        <source>Write the bundle to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="510"/>
        <source>A file with this name exists already; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="512"/>
        <source>This folder does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PickedField</name>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="733"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="734"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="735"/>
        <source>— not recorded —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="741"/>
        <source>Choose: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="742"/>
        <source>Clear: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ProgressPage</name>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="546"/>
        <source>Writing the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="547"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="548"/>
        <source>Stop the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="549"/>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="550"/>
        <source>Export result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="561"/>
        <source>Bundle %1 written to %2: %3 record revisions, %4 link changes, %5 evidence files (%6), encrypted for %7. Take it to HQ by any channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="576"/>
        <source>No bundle was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="578"/>
        <source>Writing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_RecipientsPage</name>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="431"/>
        <source>To whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="436"/>
        <source>The bundle is encrypted to every ticked HQ key card. Untick a key only if you were told not to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="440"/>
        <source>HQ key cards the bundle is encrypted to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../fielddoc/gui/app.py" line="86"/>
        <source>This vault was erased. Its contents can no longer be opened by anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/app.py" line="175"/>
        <source>Erase this vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/app.py" line="176"/>
        <source>This destroys the vault&apos;s keys. Nobody, including you and HQ, will ever open it again; whatever HQ has not confirmed is lost. Type %1 to erase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>exchange</name>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="65"/>
        <source>HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="67"/>
        <source>field device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="780"/>
        <source>and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="788"/>
        <source>This permanently deletes from this laptop:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="796"/>
        <source>%1 records (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="804"/>
        <source>%1 evidence files (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="811"/>
        <source>HQ (%1) confirmed with a signed receipt that it received each of them. The text, the files and their keys are destroyed; only a stub stays for each: its id, its hash, and when and to whom it was delivered. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="823"/>
        <source>Delete %1 records and %2 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_dialogs.py" line="828"/>
        <source>Purge what HQ confirmed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="139"/>
        <source>the year %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="142"/>
        <source>%1 %2</source>
        <comment>month name, then year</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="175"/>
        <source>This field is required: fill it in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="176"/>
        <location filename="../../fielddoc/gui/fields.py" line="202"/>
        <source>This field is not filled in correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="179"/>
        <source>Write a year (2024), a month (2024-03) or a full date (2024-03-15); the day must exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="185"/>
        <source>Write the time as HH:MM on a 24-hour clock, e.g. 09:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="187"/>
        <source>Write a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="191"/>
        <source>Too long: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="193"/>
        <source>Write a single line without special characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="194"/>
        <source>The text contains characters that cannot be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="196"/>
        <source>Choose again from the list: this value is not in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="198"/>
        <source>The chosen record is not in this vault or is of the wrong kind; choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="210"/>
        <source>A whole number from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="215"/>
        <source>A whole number, at least %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="217"/>
        <source>A whole number, at most %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1323"/>
        <source>%1 *</source>
        <comment>a required field&apos;s label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields.py" line="1330"/>
        <source>Required. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="16"/>
        <source>The vault could not be unlocked with what was given. Check the passphrase and the keyboard layout, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="21"/>
        <source>No fielddoc vault was found in this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="22"/>
        <source>This vault was erased. Its contents can no longer be opened by anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="25"/>
        <source>The vault is open in another fielddoc window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="26"/>
        <source>The vault&apos;s files are damaged. Do not write to it; ask for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="29"/>
        <source>This vault was made by a newer fielddoc. Update fielddoc to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="32"/>
        <source>A vault already exists there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="33"/>
        <source>The vault is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="34"/>
        <source>The passphrase must have at least 10 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="37"/>
        <source>Some fields are not filled in correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="38"/>
        <source>This record was changed elsewhere since you started editing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="41"/>
        <source>The record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="42"/>
        <source>This input cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="43"/>
        <source>The disk refused to write (full or failing). Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="46"/>
        <source>Cancelled. Nothing was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="47"/>
        <source>The data does not match its checksum or signature: it was damaged or altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="50"/>
        <source>This file was delivered to HQ and removed from this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="53"/>
        <source>Nothing new to send: HQ has confirmed everything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="56"/>
        <source>Import your HQ&apos;s key card first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="57"/>
        <source>The fingerprint does not match this card. Do not use the card; check with its owner by another channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="62"/>
        <source>This is not a valid fielddoc key card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="63"/>
        <source>This file was not made for this vault&apos;s keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="66"/>
        <source>The bundle comes from a device whose card is not registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="69"/>
        <source>The bundle comes from a device whose card was revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="72"/>
        <source>An earlier bundle from this device has not been imported yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="75"/>
        <source>This bundle conflicts with bundles already imported from the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="78"/>
        <source>The bundle is damaged or not a fielddoc bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="81"/>
        <source>The bundle was made for another HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="82"/>
        <source>The receipt is damaged, not for this laptop, or not from a registered HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="85"/>
        <source>The signature does not verify: the data was altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="88"/>
        <source>Purged, but the deleted text is not wiped yet because the vault is busy. Close other tasks and purge again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="93"/>
        <source>No registered card has this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="94"/>
        <source>This evidence item does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="95"/>
        <source>This is done in the other kind of vault (field or HQ).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="98"/>
        <source>Something unexpected went wrong. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="102"/>
        <source>The operation failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pickers</name>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="58"/>
        <source>(record not on this laptop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="59"/>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>provenance</name>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="48"/>
        <source>unknown device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="49"/>
        <source>key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="55"/>
        <source>card revoked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="61"/>
        <source>sequence %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="71"/>
        <source>Device (signer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="72"/>
        <source>Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="73"/>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="74"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="90"/>
        <source>Revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="93"/>
        <source>made in this vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="101"/>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="102"/>
        <source>Each revision as received: the device that signed it, the bundle, and when.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="109"/>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="114"/>
        <source>Evidence provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/provenance.py" line="117"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
