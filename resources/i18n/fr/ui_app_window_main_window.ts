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
        <source>No cohort yet</source>
        <translation>Aucune promotion pour l&apos;instant</translation>
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
        <source>Database not protected by a passphrase</source>
        <translation>Base non protégée par une phrase de passe</translation>
    </message>
    <message>
        <source>Anybody with this laptop or a copy of its files can read the data. Security ▸ Protect with a passphrase…</source>
        <translation>Quiconque a cet ordinateur ou une copie de ses fichiers peut lire les données. Sécurité ▸ Protéger par une phrase de passe…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
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
        <source>CoachDesk &amp;guide</source>
        <translation>&amp;Guide de CoachDesk</translation>
    </message>
    <message>
        <source>&amp;About CoachDesk</source>
        <translation>À &amp;propos de CoachDesk</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>&amp;Sécurité</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Verrouiller maintenant</translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation>Verrouiller après une inactivité de</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%Ln minute</numerusform>
            <numerusform>%Ln minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Protect with a passphrase…</source>
        <translation>&amp;Protéger par une phrase de passe…</translation>
    </message>
    <message>
        <source>&amp;Change the passphrase…</source>
        <translation>&amp;Changer la phrase de passe…</translation>
    </message>
    <message>
        <source>Automatic &amp;backups…</source>
        <translation>Sauvegardes &amp;automatiques…</translation>
    </message>
    <message>
        <source>Back up &amp;now</source>
        <translation>Sauvegarder &amp;maintenant</translation>
    </message>
    <message>
        <source>&amp;GDPR</source>
        <translation>&amp;RGPD</translation>
    </message>
    <message>
        <source>&amp;Retention period and purge…</source>
        <translation>&amp;Durée de conservation et purge…</translation>
    </message>
    <message>
        <source>Right of &amp;access: export a person&apos;s data…</source>
        <translation>Droit d&apos;&amp;accès : exporter les données d&apos;une personne…</translation>
    </message>
    <message>
        <source>&amp;Erase a person…</source>
        <translation>&amp;Effacer une personne…</translation>
    </message>
    <message>
        <source>&amp;Missing information/consent dates…</source>
        <translation>Dates d&apos;information / de consentement &amp;manquantes…</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Aucune base de données n&apos;est ouverte.</translation>
    </message>
    <message>
        <source>The laptop is synchronising with the team: wait until it is done.</source>
        <translation>L&apos;ordinateur se synchronise avec l&apos;équipe : attendez la fin.</translation>
    </message>
    <message>
        <source>The database is already protected by a passphrase.</source>
        <translation>La base est déjà protégée par une phrase de passe.</translation>
    </message>
    <message>
        <source>The database has no passphrase yet: protect it first.</source>
        <translation>La base n&apos;a pas encore de phrase de passe : protégez-la d&apos;abord.</translation>
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
        <source>Locked.</source>
        <translation>Verrouillé.</translation>
    </message>
</context>
</TS>
