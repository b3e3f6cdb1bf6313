<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Due on</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Chargé·e</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>JournalEntryDialog</name>
    <message>
        <source>Journal note</source>
        <translation>Note de journal</translation>
    </message>
    <message>
        <source>Edit a note</source>
        <translation>Modifier une note</translation>
    </message>
    <message>
        <source>(no contract)</source>
        <translation>(aucun contrat)</translation>
    </message>
    <message>
        <source>e.g. Called the tutor: settling in well; call back on Thursday</source>
        <translation>par ex. Appelé la tutrice : bonne intégration ; rappeler jeudi</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Écrite par</translation>
    </message>
    <message>
        <source>About</source>
        <translation>À propos de</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>JournalPanel</name>
    <message>
        <source>New reminder…</source>
        <translation>Nouveau rappel…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Postpone…</source>
        <translation>Reporter…</translation>
    </message>
    <message>
        <source>Reminders and follow-ups</source>
        <translation>Rappels et suivis</translation>
    </message>
    <message>
        <source>Search the notes (accents ignored)</source>
        <translation>Chercher dans les notes (accents ignorés)</translation>
    </message>
    <message>
        <source>New note…</source>
        <translation>Nouvelle note…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Select a reminder still to do.</source>
        <translation>Sélectionnez un rappel encore à faire.</translation>
    </message>
    <message>
        <source>Select a reminder to postpone.</source>
        <translation>Sélectionnez un rappel à reporter.</translation>
    </message>
    <message>
        <source>Select a note.</source>
        <translation>Sélectionnez une note.</translation>
    </message>
    <message>
        <source>Delete a note</source>
        <translation>Supprimer une note</translation>
    </message>
    <message>
        <source>Delete the note of %1? This cannot be undone.</source>
        <translation>Supprimer la note du %1 ? Cette action est définitive.</translation>
    </message>
</context>
</TS>
