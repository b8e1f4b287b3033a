<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="43"/>
        <location filename="../../fielddoc/gui/pages/audit.py" line="49"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="47"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="47"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="47"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="47"/>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="55"/>
        <source>Vault created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="56"/>
        <source>Unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="57"/>
        <source>Unlocked with the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="58"/>
        <source>Passphrase changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="59"/>
        <source>Key file changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="60"/>
        <source>Keys exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="61"/>
        <source>Setting changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="62"/>
        <source>Record created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="63"/>
        <source>Record edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="64"/>
        <source>Link changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="65"/>
        <source>Evidence added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="66"/>
        <source>Evidence verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="67"/>
        <source>Evidence copy extracted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="68"/>
        <source>Key card imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="69"/>
        <source>Key card revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="70"/>
        <source>Bundle exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="71"/>
        <source>Bundle imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="72"/>
        <source>Receipt written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="73"/>
        <source>Receipt imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="74"/>
        <source>Delivered items purged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="83"/>
        <source>The audit chain links and hashes correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/audit.py" line="85"/>
        <source>The audit chain is BROKEN at entry %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BooleanField</name>
    <message>
        <location filename="../../fielddoc/gui/fields/choice.py" line="38"/>
        <source>Unknown / not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/choice.py" line="39"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/choice.py" line="40"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardImportDialog</name>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="140"/>
        <source>Import a key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="141"/>
        <source>Key card of &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="147"/>
        <source>Before you trust this card, ask its owner to read its fingerprint to you, in person or by a phone call: not through the channel that brought you the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="151"/>
        <source>&amp;Type the 40 digits its owner reads to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="152"/>
        <source>&amp;Fingerprint as read aloud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="154"/>
        <source>Fingerprint as read aloud by the card&apos;s owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="155"/>
        <source>&amp;Compare the digits on screen while its owner reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="156"/>
        <source>Its owner read me &amp;exactly these 40 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="157"/>
        <source>Fingerprint of the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="158"/>
        <source>&amp;Import card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="159"/>
        <source>Import the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="169"/>
        <source>%1 of 40 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="172"/>
        <source>This is an HQ card; this HQ vault imports the cards of field devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="174"/>
        <source>This is a field device&apos;s card; a field vault imports HQ cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/card_import.py" line="206"/>
        <source>Another active card is registered under the name %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceChecks</name>
    <message>
        <location filename="../../fielddoc/gui/fields/choice.py" line="143"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceCombo</name>
    <message>
        <location filename="../../fielddoc/gui/fields/choice.py" line="79"/>
        <source>— not recorded —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentGroupField</name>
    <message>
        <location filename="../../fielddoc/gui/fields/groups.py" line="110"/>
        <source>Consent was WITHDRAWN. Do not use this testimony beyond that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/groups.py" line="114"/>
        <source>Consent was NOT given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/groups.py" line="122"/>
        <source>Consent given for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/groups.py" line="123"/>
        <source>Consent given; record below what it covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/groups.py" line="124"/>
        <source>Consent not recorded yet: ask, and record the answer here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/counts.py" line="32"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/counts.py" line="35"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/counts.py" line="38"/>
        <source>%n evidence file(s)</source>
        <translation>
            <numerusform>%n evidence file</numerusform>
            <numerusform>%n evidence files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/counts.py" line="41"/>
        <source>%n revision(s)</source>
        <translation>
            <numerusform>%n revision</numerusform>
            <numerusform>%n revisions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/counts.py" line="45"/>
        <source>of %n record(s)</source>
        <translation>
            <numerusform>of %n record</numerusform>
            <numerusform>of %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/counts.py" line="48"/>
        <source>%n link change(s)</source>
        <translation>
            <numerusform>%n link change</numerusform>
            <numerusform>%n link changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/counts.py" line="51"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/counts.py" line="55"/>
        <source>%1 of %n record(s)</source>
        <translation>
            <numerusform>%1 of %n record</numerusform>
            <numerusform>%1 of %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/counts.py" line="58"/>
        <source>%1 of %n file(s)</source>
        <translation>
            <numerusform>%1 of %n file</numerusform>
            <numerusform>%1 of %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/counts.py" line="62"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/counts.py" line="66"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/counts.py" line="70"/>
        <source> day(s)</source>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/counts.py" line="73"/>
        <source>Too long: at most %n character(s).</source>
        <translation>
            <numerusform>Too long: at most %n character.</numerusform>
            <numerusform>Too long: at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../fielddoc/gui/fields/checked_lines.py" line="126"/>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/checked_lines.py" line="127"/>
        <location filename="../../fielddoc/gui/fields/checked_lines.py" line="128"/>
        <source>Choose a day on a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/checked_lines.py" line="153"/>
        <source>Not a date yet: write 2024, 2024-03 or 2024-03-15 (or 15.03.2024).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntriesField</name>
    <message>
        <location filename="../../fielddoc/gui/fields/entries.py" line="166"/>
        <source>No entries yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/entries.py" line="167"/>
        <source>Add entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/entries.py" line="168"/>
        <source>Add an entry to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/entries.py" line="169"/>
        <source>Sort by date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/entries.py" line="170"/>
        <source>Sort entries by date: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryWidget</name>
    <message>
        <location filename="../../fielddoc/gui/fields/entries.py" line="79"/>
        <source>Move entry %1 up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/entries.py" line="81"/>
        <source>Move entry %1 down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/entries.py" line="83"/>
        <source>Remove entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/entries.py" line="86"/>
        <source>%1, entry %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/entries.py" line="109"/>
        <source>%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/entries.py" line="111"/>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErasedNotice</name>
    <message>
        <location filename="../../fielddoc/gui/app.py" line="49"/>
        <source>This vault was erased. Its contents can no longer be opened by anyone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="250"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="254"/>
        <source>&amp;Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="255"/>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="401"/>
        <source>Add evidence files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="256"/>
        <source>Add files (you can also drop files on this page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="257"/>
        <source>Verify a&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="258"/>
        <source>Verify all evidence files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="259"/>
        <source>Attach new files &amp;to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="260"/>
        <source>Choose a record for new files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="261"/>
        <source>&amp;No record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="262"/>
        <source>Do not attach new files to a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="263"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="264"/>
        <source>Cancel the running operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="265"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="266"/>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="267"/>
        <source>Verify the selected file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="268"/>
        <source>E&amp;xtract copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="270"/>
        <source>Save an unencrypted copy of the selected file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="272"/>
        <source>Attach to &amp;record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="273"/>
        <source>Attach the selected file to a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="274"/>
        <source>Evidence files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="275"/>
        <source>Evidence details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="276"/>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="277"/>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="278"/>
        <source>Selected evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="279"/>
        <source>Results of the last operation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="280"/>
        <source>Results of the last operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="42"/>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="43"/>
        <source>Evidence id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="44"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="45"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="46"/>
        <source>Acquired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="50"/>
        <source>File last modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="54"/>
        <source>Attached to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="55"/>
        <source>no record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="58"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="66"/>
        <source>Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="73"/>
        <source>Chain of custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="78"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="79"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="80"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="81"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="84"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="101"/>
        <source>this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="102"/>
        <source>device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="107"/>
        <source>Added to the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="108"/>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="109"/>
        <source>Unencrypted copy extracted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="110"/>
        <source>Exported in a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="111"/>
        <source>Imported from a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="112"/>
        <source>Delivery confirmed by HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="113"/>
        <source>Removed from this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="121"/>
        <source>intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="122"/>
        <source>FAILED: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="136"/>
        <source>Image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="141"/>
        <source>Photo taken (camera clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="145"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="147"/>
        <source>Software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="150"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="151"/>
        <source>Document created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="152"/>
        <source>Producer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="153"/>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="159"/>
        <source>Password protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="159"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="166"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="171"/>
        <source>Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="172"/>
        <source>Codec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="173"/>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="174"/>
        <source>Sample rate (Hz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="175"/>
        <source>Recorded (device clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="183"/>
        <source>%1 m above sea level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="186"/>
        <source>GPS position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_details.py" line="188"/>
        <source>GPS time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="410"/>
        <source>Wait until the current operation ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/pages/evidence.py" line="426"/>
        <source>Adding %n file(s)…</source>
        <translation>
            <numerusform>Adding %n file…</numerusform>
            <numerusform>Adding %n files…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_jobs.py" line="141"/>
        <source>Adding file %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_jobs.py" line="149"/>
        <source>%1: added (SHA-256 %2…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_jobs.py" line="154"/>
        <source>%1: already in the vault as “%2” (%3); it was not stored again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/pages/evidence.py" line="449"/>
        <source>Cancelled. The file being read was not stored; %n file(s) finished before the cancel were kept.</source>
        <translation>
            <numerusform>Cancelled. The file being read was not stored; %n file finished before the cancel was kept.</numerusform>
            <numerusform>Cancelled. The file being read was not stored; %n files finished before the cancel were kept.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_jobs.py" line="165"/>
        <source>could not be read (missing, a folder, unreadable, or changed while it was read). Nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_jobs.py" line="172"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="494"/>
        <source>New files are not attached to a record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="497"/>
        <source>New files will be attached to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/pages/evidence.py" line="550"/>
        <source>Verifying %n file(s)…</source>
        <translation>
            <numerusform>Verifying %n file…</numerusform>
            <numerusform>Verifying %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/pages/evidence.py" line="567"/>
        <source>%n file(s) FAILED verification.</source>
        <translation>
            <numerusform>%n file FAILED verification.</numerusform>
            <numerusform>%n files FAILED verification.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/pages/evidence.py" line="568"/>
        <source>%n file(s) verified, all intact.</source>
        <translation>
            <numerusform>%n file verified, intact.</numerusform>
            <numerusform>%n files verified, all intact.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_jobs.py" line="178"/>
        <source>%1: delivered and removed here; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_jobs.py" line="180"/>
        <source>%1: intact, matches its SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_jobs.py" line="182"/>
        <source>%1 (%2): FAILED, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="577"/>
        <source>The copy will NOT be encrypted. Anyone who gets this computer or the disk or USB stick you save it to can open it, and deleting it later may not remove it from the disk. Save it only where it is needed, and remove it when done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="583"/>
        <source>Save an unencrypted copy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="585"/>
        <source>Save unencrypted copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="589"/>
        <source>Save an unencrypted copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="596"/>
        <source>Extract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="597"/>
        <source>A file with this name already exists there. Choose a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="611"/>
        <source>Writing an unencrypted copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_jobs.py" line="191"/>
        <source>Unencrypted copy written to %1 (%2). Remove it when done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="648"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence.py" line="701"/>
        <source>Verification cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceProblem</name>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="194"/>
        <source>the encrypted file is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="195"/>
        <source>the encrypted file was altered or damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="196"/>
        <source>the content does not match the hash taken when it was added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="199"/>
        <source>the encrypted file cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="200"/>
        <source>delivered and removed from this laptop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceTableModel</name>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="75"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="76"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="77"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="78"/>
        <source>Acquired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="79"/>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="80"/>
        <source>Attached to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="81"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="139"/>
        <source>Delivered, removed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="142"/>
        <source>Stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="144"/>
        <source>Verified: intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_table.py" line="145"/>
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
        <location filename="../../fielddoc/gui/pages/exchange.py" line="53"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="53"/>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="57"/>
        <source>My key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="58"/>
        <source>My fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="61"/>
        <source>Give the card file to the other side by any channel, then read them this fingerprint in person or by a phone call so they can check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="65"/>
        <source>Copy &amp;fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="66"/>
        <source>Copy my fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="67"/>
        <source>Export my car&amp;d…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="68"/>
        <source>Export my key card to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="69"/>
        <source>Device key cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="69"/>
        <source>HQ key cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="71"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="71"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="244"/>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="71"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="71"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="74"/>
        <source>Registered device cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="74"/>
        <source>Registered HQ cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="76"/>
        <source>Import &amp;card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="77"/>
        <source>Import a key card from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="78"/>
        <source>Rev&amp;oke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="79"/>
        <source>Revoke the selected card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="80"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="81"/>
        <source>Stop the running task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="82"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange.py" line="83"/>
        <source>Result of the last operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="92"/>
        <source>Sending to HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="93"/>
        <source>What HQ has not confirmed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="94"/>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="95"/>
        <source>Export a bundle for HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="96"/>
        <source>Import &amp;receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="97"/>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="246"/>
        <source>Import a receipt from HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="98"/>
        <source>&amp;Purge delivered…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="100"/>
        <source>Delete from this laptop what HQ confirmed receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="104"/>
        <source>Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="105"/>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="106"/>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="245"/>
        <source>Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="107"/>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="246"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="108"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="109"/>
        <source>Confirmed by HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="112"/>
        <source>Bundles written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="113"/>
        <source>After HQ confirms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="115"/>
        <source>Purge &amp;automatically when a receipt from HQ arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="118"/>
        <source>Purge automatically on receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="121"/>
        <source>&amp;Keep nothing HQ confirmed that is older than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="168"/>
        <source>%1 and %2 (%3) not yet confirmed by HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="177"/>
        <source>Removed after delivery so far: %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="227"/>
        <source>Bundle %1 written to %2 (%3, %4, for %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="274"/>
        <source>Receipt from %1: %2 confirmed delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="282"/>
        <source>Removed from this laptop: %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="325"/>
        <source>Deleted from this laptop: %1 and %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="124"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="126"/>
        <source>Keep nothing older than this many days that HQ confirmed (0: no limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="215"/>
        <source>Bundles from field devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="216"/>
        <source>&amp;Import bundles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="218"/>
        <source>Import one or more bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="220"/>
        <source>Verif&amp;y only…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="222"/>
        <source>Verify bundles without importing them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="225"/>
        <source>&amp;Write a receipt for each imported bundle into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="227"/>
        <source>C&amp;hoose folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="229"/>
        <source>Choose the folder for receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="231"/>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="293"/>
        <source>Folder for receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="232"/>
        <source>Verification reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="233"/>
        <source>Verification report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="234"/>
        <source>Import despite the &amp;gap…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="236"/>
        <source>Import the selected out-of-sequence bundle anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="238"/>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="250"/>
        <source>Imported bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="241"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="242"/>
        <source>Sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="243"/>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="247"/>
        <source>Receipts written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="251"/>
        <source>Write receipt agai&amp;n…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="253"/>
        <source>Write the receipt of the selected bundle again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="82"/>
        <source>%1 (%2). Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="94"/>
        <source>revoked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="96"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="155"/>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="174"/>
        <source>HQ has confirmed everything on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_base.py" line="200"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="114"/>
        <source>Fingerprint copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="120"/>
        <source>Save my key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="131"/>
        <source>A file with this name exists already; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="145"/>
        <source>Card written to %1. Read the fingerprint to the other side so they can check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="157"/>
        <source>Import a key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="158"/>
        <source>Key cards (*.card);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="184"/>
        <source>Card of %1 registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="188"/>
        <source>The card of %1 was registered already; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="215"/>
        <source>Revoke the card of %1? From now on, bundles or receipts signed with it are refused. Do this when a device or key is lost or seized. It cannot be undone: the owner will need a new vault and card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="223"/>
        <source>Revoke a key card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="225"/>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_cards.py" line="241"/>
        <source>The card of %1 is revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="217"/>
        <source>Writing the bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="238"/>
        <source>No bundle was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="247"/>
        <source>Receipts (*.fdreceipt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="257"/>
        <source>Checking the receipt %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="269"/>
        <source>This receipt was imported before; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="301"/>
        <source>Nothing to purge: HQ has not confirmed anything that is still on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="315"/>
        <source>Deleting what HQ confirmed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="349"/>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="355"/>
        <source>Purge automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_outbox.py" line="350"/>
        <source>From now on, whatever HQ confirms receiving is deleted from this laptop as soon as its receipt is imported, without asking again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="60"/>
        <source>Bundle file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="64"/>
        <source>Bundle id %1, number %2, made %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="73"/>
        <source>Signed by %1 (key %2, fingerprint %3): the signature is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="82"/>
        <source>Sequence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="87"/>
        <source>Contents: %1 %2, %3, %4 (%5). Every hash matches the signed manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="109"/>
        <source>arrived after bundle %1; bundle %2 has not arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="113"/>
        <source>arrived after a later bundle; bundle %1 has not arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="119"/>
        <source>next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="120"/>
        <source>follows bundle %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="123"/>
        <source>first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="124"/>
        <source>the first bundle from this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="127"/>
        <source>gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="128"/>
        <source>bundle %1 has not arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="130"/>
        <source>late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="132"/>
        <source>already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="133"/>
        <source>this bundle was imported before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="139"/>
        <source>%1 (%2)</source>
        <comment>a sequence state, then why</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="144"/>
        <source>Result: already imported earlier; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="146"/>
        <source>Result: IMPORTED.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="148"/>
        <source>Result: verified, not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="150"/>
        <source>Result: REJECTED (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="288"/>
        <source>(no folder chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="311"/>
        <source>Import bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="316"/>
        <source>Verify bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="356"/>
        <source>Importing %1 of %2: %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="358"/>
        <source>Verifying %1 of %2: %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="399"/>
        <source>✗ Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="401"/>
        <source>= Already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="403"/>
        <source>✓ Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="405"/>
        <source>✓ Verified (not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="407"/>
        <source>! Out of sequence, not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="409"/>
        <source>✗ Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="413"/>
        <source>%1, bundle %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="425"/>
        <source>This bundle was imported before; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="429"/>
        <source>Verified and imported: the signature is valid and every file matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="434"/>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="529"/>
        <source>Receipt written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="438"/>
        <source>Imported despite a gap in the sequence: an earlier bundle is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="443"/>
        <source>Verified: the signature is valid and every file matches. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="448"/>
        <source>REJECTED. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="451"/>
        <source>Import the missing bundle first, or choose “Import despite the gap”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="486"/>
        <source>Bundle %1 from %2 is out of sequence: an earlier bundle from this device has not been imported. It may be lost, delayed, or withheld by someone. Import this one anyway? The missing bundle can still be imported when it arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="495"/>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="497"/>
        <source>Import despite the gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="512"/>
        <source>Write the receipt into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/exchange_inbox.py" line="520"/>
        <source>Writing the receipt…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="379"/>
        <source>Export a bundle for HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="432"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="252"/>
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
    <message>
        <location filename="../../fielddoc/gui/history.py" line="334"/>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntegerField</name>
    <message>
        <location filename="../../fielddoc/gui/fields/checked_lines.py" line="198"/>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/checked_lines.py" line="200"/>
        <source>≥ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/checked_lines.py" line="201"/>
        <source>≤ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/checked_lines.py" line="215"/>
        <source>Write a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyFileDialog</name>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="137"/>
        <source>Key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="140"/>
        <source>A key file is a second secret kept apart from this laptop, for example on a USB stick. With one set, the vault opens only with the passphrase and the key file together. fielddoc never remembers where the key file is. Keep a copy: without it only the recovery code opens the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="149"/>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="150"/>
        <source>&amp;Require this key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="151"/>
        <source>&amp;Stop requiring a key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="156"/>
        <source>(none chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="157"/>
        <source>Chosen key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="159"/>
        <source>&amp;Choose a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="160"/>
        <source>Choose an existing key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="162"/>
        <source>Create a &amp;new key file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="163"/>
        <source>Create a new random key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="171"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="173"/>
        <source>&amp;Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="196"/>
        <source>Choose the key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="201"/>
        <source>Where should the new key file go?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="212"/>
        <source>No key file was written: a file of that name exists already, or the folder cannot be written. Choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="219"/>
        <source>New key file written. Copy it somewhere safe before you press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="228"/>
        <source>Choose a key file or create a new one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="237"/>
        <source>Changing the key file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="252"/>
        <source>The current passphrase is not right. Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LongTextField</name>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/fields/text.py" line="64"/>
        <source>%1 of %n character(s)</source>
        <translation>
            <numerusform>%1 of %n character</numerusform>
            <numerusform>%1 of %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="174"/>
        <source>fielddoc — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="178"/>
        <source>Search all records (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="179"/>
        <source>Search all records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="180"/>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="181"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="182"/>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="183"/>
        <source>Change &amp;passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="184"/>
        <source>&amp;Key file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="185"/>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="186"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="187"/>
        <source>&amp;Erase vault now (panic)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="188"/>
        <source>&amp;Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="189"/>
        <source>Vi&amp;ew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="190"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="331"/>
        <source>HQ has confirmed everything on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="336"/>
        <source>Not yet confirmed by HQ: %1, %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="344"/>
        <source>This is what a seized laptop would still hold. Export it to HQ, import the receipt, then purge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="348"/>
        <source>Not yet confirmed by HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="354"/>
        <source>field vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/mainwindow.py" line="354"/>
        <source>HQ vault</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="51"/>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="58"/>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="57"/>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="59"/>
        <source>Repeat new passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="62"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="67"/>
        <source>The new passphrase will work only together with the key file you chose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="72"/>
        <source>No key file was chosen: the new passphrase will open the vault on its own. Add a key file again from the Vault menu if you used one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="79"/>
        <source>&amp;Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="80"/>
        <source>&amp;New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="81"/>
        <source>&amp;Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="97"/>
        <source>The two entries differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="100"/>
        <source>Choose a longer passphrase: several words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/passphrase_dialog.py" line="113"/>
        <source>Changing the passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PanicDialog</name>
    <message>
        <location filename="../../fielddoc/gui/safety.py" line="166"/>
        <source>Erase this vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/safety.py" line="167"/>
        <source>ERASE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/safety.py" line="169"/>
        <source>This destroys the vault&apos;s keys at once. Nobody, including you and HQ, will ever open it again; whatever HQ has not confirmed is lost. Type %1 to erase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/safety.py" line="176"/>
        <source>Confirmation word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/safety.py" line="179"/>
        <source>Erase for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/safety.py" line="180"/>
        <source>Erase the vault for good</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="90"/>
        <source>Choose a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="93"/>
        <source>Several words are easier to remember and harder to guess than a short password. Nobody, not even HQ, can recover the vault without it or the recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="99"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="102"/>
        <source>Repeat passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="106"/>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="109"/>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="112"/>
        <source>&amp;Suggest a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="115"/>
        <source>&amp;Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="116"/>
        <source>&amp;Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="117"/>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/firstrun.py" line="146"/>
        <source>Too short: at least %n character(s).</source>
        <translation>
            <numerusform>Too short: at least %n character.</numerusform>
            <numerusform>Too short: at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="148"/>
        <source>Weak: this could be guessed. Add words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="150"/>
        <source>The two entries differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="152"/>
        <source>Good.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="288"/>
        <source>New record — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="291"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="293"/>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="297"/>
        <source>&amp;Sensitivity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="298"/>
        <source>Sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="300"/>
        <source>Public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="301"/>
        <source>Internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="302"/>
        <source>Confidential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="303"/>
        <source>Restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="309"/>
        <source>&amp;Restore draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="310"/>
        <source>Restore the unsaved draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="311"/>
        <source>Discard draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="312"/>
        <source>Discard the unsaved draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="315"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="316"/>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="317"/>
        <source>Save the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="318"/>
        <source>&amp;Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="319"/>
        <source>Discard changes and the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="320"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="321"/>
        <source>Close the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="322"/>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="342"/>
        <source>May be published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="343"/>
        <source>For the organisation&apos;s staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="344"/>
        <source>Only for people working on this matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="345"/>
        <source>Highest protection: names or details that put people at risk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="422"/>
        <source>Text from %1 that was never saved was found (the editor was closed or the computer stopped before saving). Restore it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="333"/>
        <source>Draft restored. Check it, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="334"/>
        <source>The draft could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="335"/>
        <source>The draft could not be written. Save soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="336"/>
        <source>Draft kept at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="550"/>
        <source>Changed elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="552"/>
        <source>A newer version of this record was saved after you opened it (in another window, or by an import). Everything you typed is still here.

You can save your version as the newest one; the other version stays in the record&apos;s history and can be compared there. Or keep editing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="557"/>
        <source>Save my version as the newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="557"/>
        <location filename="../../fielddoc/gui/editor.py" line="606"/>
        <location filename="../../fielddoc/gui/editor.py" line="628"/>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="604"/>
        <location filename="../../fielddoc/gui/editor.py" line="628"/>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="605"/>
        <source>Throw away everything typed since the last save? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="606"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="626"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="627"/>
        <source>This record has changes that are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/editor.py" line="628"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <location filename="../../fielddoc/gui/pickers.py" line="295"/>
        <location filename="../../fielddoc/gui/pages/evidence_picker.py" line="53"/>
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
        <location filename="../../fielddoc/gui/pages/evidence_picker.py" line="55"/>
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
        <location filename="../../fielddoc/gui/pages/evidence_picker.py" line="86"/>
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
        <translation>
            <numerusform>%n record found</numerusform>
            <numerusform>%n records found</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_picker.py" line="54"/>
        <source>Type words from the record&apos;s title or text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/evidence_picker.py" line="56"/>
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
    <message>
        <location filename="../../fielddoc/gui/models.py" line="113"/>
        <source>Public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/models.py" line="114"/>
        <source>Internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/models.py" line="115"/>
        <source>Confidential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/models.py" line="116"/>
        <source>Restricted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="95"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="96"/>
        <source>New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="97"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="98"/>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="99"/>
        <source>Add e&amp;vidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="100"/>
        <source>Add evidence files to this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="101"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="112"/>
        <source>Record details</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fielddoc/gui/pages/records.py" line="164"/>
        <source>Updated %1 · %n revision(s) · sensitivity: %2</source>
        <translation>
            <numerusform>Updated %1 · %n revision · sensitivity: %2</numerusform>
            <numerusform>Updated %1 · %n revisions · sensitivity: %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/records.py" line="181"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="171"/>
        <source>Your recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="179"/>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="181"/>
        <source>Groups 3 and 7 of the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="188"/>
        <source>To confirm you wrote it down, type its 3rd and 7th groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="201"/>
        <source>Creating the vault and tuning its encryption to this computer. This takes a few seconds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="227"/>
        <source>Write this code on paper and keep it away from this laptop. It opens the vault if the passphrase is forgotten. It is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferenceListField</name>
    <message>
        <location filename="../../fielddoc/gui/fields/picked.py" line="185"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/picked.py" line="186"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/picked.py" line="194"/>
        <source>Add to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/picked.py" line="196"/>
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
        <location filename="../../fielddoc/gui/firstrun.py" line="65"/>
        <source>Vault &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/firstrun.py" line="75"/>
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
        <translation>
            <numerusform>%n record found</numerusform>
            <numerusform>%n records found</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/pages/search.py" line="51"/>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="28"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="33"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="34"/>
        <source>Lock after this many idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="38"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="39"/>
        <source>Clear copied text after this many seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="44"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="46"/>
        <source>&amp;Lock after idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="47"/>
        <source>&amp;Clear copied text after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="48"/>
        <source>Lan&amp;guage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="49"/>
        <source>&amp;Key file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="50"/>
        <source>Add, change or remove the key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/settings_dialog.py" line="52"/>
        <source>Second factor</source>
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
        <location filename="../../fielddoc/gui/fields/checked_lines.py" line="168"/>
        <source>HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/checked_lines.py" line="176"/>
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
        <location filename="../../ui/unlock.ui" line="14"/>
        <location filename="../../ui/unlock.ui" line="16"/>
        <source>Unlock your vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="28"/>
        <source>&amp;Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="35"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="44"/>
        <source>Key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="49"/>
        <source>&amp;Key file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="50"/>
        <source>Choose a key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="51"/>
        <source>Only if this vault was set up to need a key file as well as the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="56"/>
        <source>No key &amp;file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="57"/>
        <source>Forget the chosen key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="67"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="74"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="80"/>
        <source>Use &amp;recovery code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="85"/>
        <source>&amp;Open another vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="99"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/unlock.ui" line="105"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="96"/>
        <source>Vault: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="100"/>
        <source>Key file: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="102"/>
        <source>Key file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="113"/>
        <source>Choose the key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="127"/>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="142"/>
        <source>Type your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="150"/>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="151"/>
        <source>Type the recovery code you wrote down when the vault was created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="165"/>
        <source>Open a vault folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="180"/>
        <source>The vault could not be unlocked with what was given. Check the passphrase, the keyboard layout and, if your vault needs one, the key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/unlock.py" line="184"/>
        <source>The chosen key file cannot be read. Choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ContentsPage</name>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="130"/>
        <source>What will go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="132"/>
        <source>Send a full copy of &amp;everything, not only what HQ has not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="134"/>
        <source>Send everything again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="135"/>
        <source>What the bundle will carry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="150"/>
        <source>Counting what will go…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="156"/>
        <source>The bundle will carry %1 %2, %3 and %4 (%5), signed by this laptop and encrypted so that only the chosen HQ keys can open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_DestinationPage</name>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="247"/>
        <source>Where to write it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="250"/>
        <source>Choose where to write the bundle, for example a USB stick. The file is encrypted: it can travel by any channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="254"/>
        <source>Bundle &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="255"/>
        <source>Bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="256"/>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="257"/>
        <source>Choose where to write the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="258"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="262"/>
        <source>Write the bundle to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="275"/>
        <source>A file with this name exists already; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="277"/>
        <source>This folder does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PickedField</name>
    <message>
        <location filename="../../fielddoc/gui/fields/picked.py" line="88"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/picked.py" line="89"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/picked.py" line="90"/>
        <source>— not recorded —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/picked.py" line="96"/>
        <source>Choose: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/picked.py" line="97"/>
        <source>Clear: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ProgressPage</name>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="311"/>
        <source>Writing the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="312"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="313"/>
        <source>Stop the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="314"/>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="315"/>
        <source>Export result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="327"/>
        <source>Bundle %1 written to %2: %3, %4, %5 (%6), encrypted for %7. Take it to HQ by any channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="345"/>
        <source>No bundle was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="347"/>
        <source>Writing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_RecipientsPage</name>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="196"/>
        <source>To whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="201"/>
        <source>The bundle is encrypted to every ticked HQ key card. Untick a key only if you were told not to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/export_wizard.py" line="205"/>
        <source>HQ key cards the bundle is encrypted to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>exchange</name>
    <message>
        <location filename="../../fielddoc/gui/exchange_format.py" line="27"/>
        <source>HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/exchange_format.py" line="29"/>
        <source>field device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/purge_confirm.py" line="105"/>
        <source>This permanently deletes from this laptop:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/purge_confirm.py" line="114"/>
        <location filename="../../fielddoc/gui/purge_confirm.py" line="124"/>
        <source>%1 (%2): %3</source>
        <comment>what is deleted</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/purge_confirm.py" line="145"/>
        <source>Delete %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/purge_confirm.py" line="132"/>
        <source>HQ (%1) confirmed with a signed receipt that it received each of them. The text, the files and their keys are destroyed; only a stub stays for each: its id, its hash, and when and to whom it was delivered. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/purge_confirm.py" line="151"/>
        <source>Purge what HQ confirmed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../fielddoc/gui/fields/values.py" line="74"/>
        <source>the year %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/values.py" line="77"/>
        <source>%1 %2</source>
        <comment>month name, then year</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/values.py" line="110"/>
        <source>This field is required: fill it in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/values.py" line="111"/>
        <location filename="../../fielddoc/gui/fields/values.py" line="137"/>
        <source>This field is not filled in correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/values.py" line="114"/>
        <source>Write a year (2024), a month (2024-03) or a full date (2024-03-15); the day must exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/values.py" line="120"/>
        <source>Write the time as HH:MM on a 24-hour clock, e.g. 09:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/values.py" line="122"/>
        <source>Write a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/values.py" line="128"/>
        <source>Write a single line without special characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/values.py" line="129"/>
        <source>The text contains characters that cannot be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/values.py" line="131"/>
        <source>Choose again from the list: this value is not in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/values.py" line="133"/>
        <source>The chosen record is not in this vault or is of the wrong kind; choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/values.py" line="145"/>
        <source>A whole number from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/values.py" line="150"/>
        <source>A whole number, at least %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/values.py" line="152"/>
        <source>A whole number, at most %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/form.py" line="66"/>
        <source>%1 *</source>
        <comment>a required field&apos;s label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/fields/form.py" line="73"/>
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
        <source>The bundle was made by a newer version of fielddoc. Update fielddoc to import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="86"/>
        <source>The receipt is damaged, not for this laptop, or not from a registered HQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="89"/>
        <source>The signature does not verify: the data was altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="92"/>
        <source>Purged, but the deleted text is not wiped yet because the vault is busy. Close other tasks and purge again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="97"/>
        <source>No registered card has this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="98"/>
        <source>This evidence item does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="99"/>
        <source>This is done in the other kind of vault (field or HQ).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="102"/>
        <source>Something unexpected went wrong. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../fielddoc/gui/messages.py" line="106"/>
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
