<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ExportMenu</name>
    <message>
        <source>E&amp;xports</source>
        <translation>E&amp;xports</translation>
    </message>
    <message>
        <source>Mission Locale &amp;weekly workbook…</source>
        <translation>Classeur &amp;hebdomadaire Mission Locale…</translation>
    </message>
    <message>
        <source>&amp;Evaluator export (pseudonymised)…</source>
        <translation>Export pour l&apos;é&amp;valuateur (pseudonymisé)…</translation>
    </message>
    <message>
        <source>&amp;Contract list for the OPCO or France Travail (ex-Pôle emploi)…</source>
        <translation>Liste des &amp;contrats pour l&apos;OPCO ou France Travail (ex-Pôle emploi)…</translation>
    </message>
    <message>
        <source>&amp;Progress note (Note d&apos;étape)…</source>
        <translation>&amp;Note d&apos;étape…</translation>
    </message>
    <message>
        <source>Export p&amp;rofiles…</source>
        <translation>P&amp;rofils d&apos;export…</translation>
    </message>
    <message>
        <source>Export &amp;history…</source>
        <translation>Histori&amp;que des exports…</translation>
    </message>
    <message>
        <source>No database open.</source>
        <translation>Aucune base de données ouverte.</translation>
    </message>
</context>
</TS>
