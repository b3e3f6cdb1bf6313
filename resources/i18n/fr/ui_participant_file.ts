<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantFileDialog</name>
    <message>
        <source>Adult joining the training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity and contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode, town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>University track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student number (INE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baccalauréat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provenance and consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Informed / consent on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, imported on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered by hand on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 and everything recorded about them (calls, meetings, bilan, contract)? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete a participant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
