<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <source>Backup of %1</source>
        <translation>Sauvegarde du %1</translation>
    </message>
    <message>
        <source>Copy made before a restore, %1</source>
        <translation>Copie faite avant une restauration, le %1</translation>
    </message>
    <message>
        <source>Copy made before an upgrade, %1</source>
        <translation>Copie faite avant une mise à jour, le %1</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Choose the backup that will replace the database « %1 ». A copy of the database as it is now is kept first. A protected database stays protected.</source>
        <translation>Choisissez la sauvegarde qui remplacera la base « %1 ». Une copie de la base telle qu&apos;elle est maintenant est d&apos;abord conservée. Une base protégée reste protégée.</translation>
    </message>
    <message>
        <source>No backup of this database yet.</source>
        <translation>Pas encore de sauvegarde de cette base.</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurer…</translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation>Sauvegarde à restaurer</translation>
    </message>
    <message>
        <source>CoachDesk databases (*.sqlite3);;All files (*)</source>
        <translation>Bases CoachDesk (*.sqlite3);;Tous les fichiers (*)</translation>
    </message>
</context>
</TS>
