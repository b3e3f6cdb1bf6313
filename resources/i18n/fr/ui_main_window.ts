<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>MainWindow</name>
    <message>
        <source>Cohort</source>
        <translation>Cohorte</translation>
    </message>
    <message>
        <source>Cohort:</source>
        <translation>Promotion :</translation>
    </message>
    <message>
        <source>Bilan</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Employers</source>
        <translation>Employeurs</translation>
    </message>
    <message>
        <source>Contract follow-up</source>
        <translation>Suivi des contrats</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About CoachDesk</source>
        <translation>À &amp;propos de CoachDesk</translation>
    </message>
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
        <source>&amp;Contract list (OPCO, Pôle Emploi)…</source>
        <translation>Liste des &amp;contrats (OPCO, Pôle Emploi)…</translation>
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
        <source>Database: %1</source>
        <translation>Base de données : %1</translation>
    </message>
    <message>
        <source>No database open.</source>
        <translation>Aucune base de données ouverte.</translation>
    </message>
    <message>
        <source>About CoachDesk</source>
        <translation>À propos de CoachDesk</translation>
    </message>
    <message>
        <source>CoachDesk %1
The coaches&apos; desk: from the dropouts&apos; contact file to a lasting work-study contract.</source>
        <translation>CoachDesk %1
Le bureau des chargés d&apos;accompagnement : du fichier des décrocheurs au contrat en alternance durable.</translation>
    </message>
</context>
</TS>
