<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>NewCohortDialog</name>
    <message>
        <source>New cohort</source>
        <translation>Nouvelle promotion</translation>
    </message>
    <message>
        <source>e.g. BTS MCO 2026-2028</source>
        <translation>par ex. BTS MCO 2026-2028</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semaines</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Training or certificate</source>
        <translation>Formation ou diplôme</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Provisional enrolment until</source>
        <translation>Inscription provisoire jusqu&apos;au</translation>
    </message>
    <message>
        <source>Follow-up visit every</source>
        <translation>Visite de suivi toutes les</translation>
    </message>
    <message>
        <source>Empty dates (« — ») can be filled in later. Contacts are imported into the cohort shown in the toolbar.</source>
        <translation>Les dates vides (« — ») pourront être remplies plus tard. Les contacts sont importés dans la promotion affichée dans la barre d&apos;outils.</translation>
    </message>
    <message>
        <source>&amp;New cohort…</source>
        <translation>&amp;Nouvelle promotion…</translation>
    </message>
</context>
</TS>
