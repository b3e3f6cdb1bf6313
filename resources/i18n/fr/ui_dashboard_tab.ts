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
        <source>Recruitment by source…</source>
        <translation>Recrutement par provenance…</translation>
    </message>
    <message>
        <source>No cohort yet: import a contact file to start.</source>
        <translation>Aucune promotion pour l&apos;instant : importez un fichier de contacts pour commencer.</translation>
    </message>
    <message>
        <source>Counted from the recorded events dated on or before %1.</source>
        <translation>Compté à partir des événements enregistrés jusqu&apos;au %1 inclus.</translation>
    </message>
    <message>
        <source>Ruptures: none so far.</source>
        <translation>Ruptures : aucune à cette date.</translation>
    </message>
    <message>
        <source>Ruptures: %1 — %2 during the trial period, %3 after it.</source>
        <translation>Ruptures : %1 — %2 pendant la période d&apos;essai, %3 après.</translation>
    </message>
    <message>
        <source>By reason: %1.</source>
        <translation>Par motif : %1.</translation>
    </message>
    <message>
        <source>Ended by: %1.</source>
        <translation>À l&apos;initiative de : %1.</translation>
    </message>
    <message>
        <source>By employer: %1.</source>
        <translation>Par employeur : %1.</translation>
    </message>
</context>
</TS>
