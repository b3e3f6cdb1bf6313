<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Taux</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Situation on</source>
        <translation>Situation au</translation>
    </message>
    <message>
        <source>Export the progress note…</source>
        <translation>Exporter la note d&apos;étape…</translation>
    </message>
    <message>
        <source>No cohort yet: import a contact file to start.</source>
        <translation>Aucune promotion pour l&apos;instant : importez un fichier de contacts pour commencer.</translation>
    </message>
    <message>
        <source>Counted from the recorded events dated on or before %1.</source>
        <translation>Compté à partir des événements enregistrés jusqu&apos;au %1 inclus.</translation>
    </message>
</context>
</TS>
