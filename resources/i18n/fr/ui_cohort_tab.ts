<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CohortTab</name>
    <message>
        <source>New participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information sessions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection interviews…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search a name, a phone number or an e-mail…</source>
        <translation>Rechercher un nom, un téléphone ou un courriel…</translation>
    </message>
    <message>
        <source>The search starts from 2 characters; accents and capitals are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Toutes les étapes</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s) shown of %1</source>
        <translation>
            <numerusform>%n participant affiché sur %1</numerusform>
            <numerusform>%n participants affichés sur %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Participant file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a person in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 and everything recorded about them? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n people and everything recorded about them? This cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Record a campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select in the list the people who received the mailing or the invitation (search or filter, then Ctrl+A).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Chargé·e d&apos;accompagnement</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>Adulte</translation>
    </message>
</context>
</TS>
