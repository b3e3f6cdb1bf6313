<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AutoBackup</name>
    <message>
        <source>The database is damaged: no backup was made, the earlier ones are kept.</source>
        <translation>La base est endommagée : aucune sauvegarde n&apos;a été faite, les précédentes sont conservées.</translation>
    </message>
    <message>
        <source>Automatic backup failed: %1</source>
        <translation>La sauvegarde automatique a échoué : %1</translation>
    </message>
    <message>
        <source>Backup made: %1</source>
        <translation>Sauvegarde faite : %1</translation>
    </message>
    <message>
        <source>(copy on %1 too)</source>
        <translation>(copie aussi dans %1)</translation>
    </message>
    <message>
        <source>The second folder %1 is not reachable (USB key unplugged?): only the data folder has this backup.</source>
        <translation>Le second dossier %1 est inaccessible (clé USB débranchée ?) : seul le dossier de données a cette sauvegarde.</translation>
    </message>
    <message>
        <source>Last backup before closing…</source>
        <translation>Dernière sauvegarde avant la fermeture…</translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <source>Automatic backups</source>
        <translation>Sauvegardes automatiques</translation>
    </message>
    <message>
        <source>CoachDesk backs up the database every 30 minutes when something changed, and when you close it. It keeps the last backup of each of the last %1 days, %2 weeks and %3 months. A backup of a protected database is encrypted too.</source>
        <translation>CoachDesk sauvegarde la base toutes les 30 minutes quand quelque chose a changé, et à la fermeture. Il garde la dernière sauvegarde de chacun des %1 derniers jours, des %2 dernières semaines et des %3 derniers mois. La sauvegarde d&apos;une base protégée est chiffrée elle aussi.</translation>
    </message>
    <message>
        <source>Data folder (always):</source>
        <translation>Dossier de données (toujours) :</translation>
    </message>
    <message>
        <source>Second folder, for example on a USB key (optional):</source>
        <translation>Second dossier, par exemple sur une clé USB (facultatif) :</translation>
    </message>
    <message>
        <source>No second folder</source>
        <translation>Pas de second dossier</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>Dernière sauvegarde : %1</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>Aucune sauvegarde pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Second backup folder</source>
        <translation>Second dossier de sauvegarde</translation>
    </message>
    <message>
        <source>Nothing changed since the last one.</source>
        <translation>Rien n&apos;a changé depuis la dernière.</translation>
    </message>
    <message>
        <source>The folder « %1 » does not exist. Plug in the USB key, or choose another folder.</source>
        <translation>Le dossier « %1 » n&apos;existe pas. Branchez la clé USB, ou choisissez un autre dossier.</translation>
    </message>
</context>
</TS>
