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
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
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
        <source>Database: %1</source>
        <translation>Base de données : %1</translation>
    </message>
    <message>
        <source>Protect the database</source>
        <translation>Protéger la base</translation>
    </message>
    <message>
        <source>CoachDesk will hold the names, phones and addresses of the people you follow, on a laptop that travels. Protect this database with a passphrase now? You can do it later from the Security menu.</source>
        <translation>CoachDesk va garder les noms, téléphones et adresses des personnes que vous accompagnez, sur un ordinateur portable qui voyage. Protéger dès maintenant cette base par une phrase de passe ? Vous pourrez aussi le faire plus tard depuis le menu Sécurité.</translation>
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
    <message>
        <source>Locked.</source>
        <translation>Verrouillé.</translation>
    </message>
    <message>
        <source>Protect with a passphrase</source>
        <translation>Protéger par une phrase de passe</translation>
    </message>
    <message numerus="yes">
        <source>%n plain copy(ies) of the database could not be encrypted (damaged) and were deleted: %1. On an SSD, deleting a file does not guarantee its content is gone.</source>
        <translation>
            <numerusform>%n copie en clair de la base n&apos;a pas pu être chiffrée (endommagée) et a été effacée : %1. Sur un disque SSD, effacer un fichier ne garantit pas que son contenu a disparu.</numerusform>
            <numerusform>%n copies en clair de la base n&apos;ont pas pu être chiffrées (endommagées) et ont été effacées : %1. Sur un disque SSD, effacer un fichier ne garantit pas que son contenu a disparu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Changer la phrase de passe</translation>
    </message>
    <message numerus="yes">
        <source>Passphrase and data key changed. The old passphrase, the old recovery key and old keys files no longer open the database; %n backup(s) were re-encrypted with the new key.</source>
        <translation>
            <numerusform>Phrase de passe et clé de données changées. L&apos;ancienne phrase de passe, l&apos;ancienne clé de secours et les anciens fichiers de clés n&apos;ouvrent plus la base ; %n sauvegarde a été rechiffrée avec la nouvelle clé.</numerusform>
            <numerusform>Phrase de passe et clé de données changées. L&apos;ancienne phrase de passe, l&apos;ancienne clé de secours et les anciens fichiers de clés n&apos;ouvrent plus la base ; %n sauvegardes ont été rechiffrées avec la nouvelle clé.</numerusform>
        </translation>
    </message>
    <message>
        <source>Passphrase changed. The printed recovery key stays valid.</source>
        <translation>Phrase de passe changée. La clé de secours imprimée reste valable.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Replace the database with the backup « %1 »? What was recorded since is kept aside in a copy of the current database, not lost.</source>
        <translation>Remplacer la base par la sauvegarde « %1 » ? Ce qui a été saisi depuis n&apos;est pas perdu : une copie de la base actuelle est conservée à part.</translation>
    </message>
    <message numerus="yes">
        <source>Database restored from « %1 » (%n person(s)).</source>
        <translation>
            <numerusform>Base restaurée depuis « %1 » (%n personne).</numerusform>
            <numerusform>Base restaurée depuis « %1 » (%n personnes).</numerusform>
        </translation>
    </message>
    <message>
        <source>The replaced database is kept in « %1 ».</source>
        <translation>La base remplacée est conservée dans « %1 ».</translation>
    </message>
    <message>
        <source>Damaged database</source>
        <translation>Base endommagée</translation>
    </message>
    <message>
        <source>Nothing to back up.</source>
        <translation>Rien à sauvegarder.</translation>
    </message>
</context>
</TS>
