<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DatabaseActions</name>
    <message>
        <source>Protect the database</source>
        <translation>Protéger la base</translation>
    </message>
    <message>
        <source>CoachDesk will hold the names, phones and addresses of the people you follow, on a laptop that travels. Protect this database with a passphrase now? You can do it later from the Security menu.</source>
        <translation>CoachDesk va garder les noms, téléphones et adresses des personnes que vous accompagnez, sur un ordinateur portable qui voyage. Protéger dès maintenant cette base par une phrase de passe ? Vous pourrez aussi le faire plus tard depuis le menu Sécurité.</translation>
    </message>
    <message>
        <source>Protect with a passphrase</source>
        <translation>Protéger par une phrase de passe</translation>
    </message>
    <message numerus="yes">
        <source>%n plain copy(ies) of the database could not be encrypted (damaged) and were deleted: %1. On an SSD, deleting a file does not guarantee its content is gone.</source>
        <translation>
            <numerusform>%Ln copie en clair de la base n&apos;a pas pu être chiffrée (endommagée) et a été effacée : %1. Sur un disque SSD, effacer un fichier ne garantit pas que son contenu a disparu.</numerusform>
            <numerusform>%Ln copies en clair de la base n&apos;ont pas pu être chiffrées (endommagées) et ont été effacées : %1. Sur un disque SSD, effacer un fichier ne garantit pas que son contenu a disparu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Changer la phrase de passe</translation>
    </message>
    <message numerus="yes">
        <source>Passphrase and data key changed. The old passphrase, the old recovery key and old keys files no longer open the database; %n backup(s) were re-encrypted with the new key.</source>
        <translation>
            <numerusform>Phrase de passe et clé de données changées. L&apos;ancienne phrase de passe, l&apos;ancienne clé de secours et les anciens fichiers de clés n&apos;ouvrent plus la base ; %Ln sauvegarde a été rechiffrée avec la nouvelle clé.</numerusform>
            <numerusform>Phrase de passe et clé de données changées. L&apos;ancienne phrase de passe, l&apos;ancienne clé de secours et les anciens fichiers de clés n&apos;ouvrent plus la base ; %Ln sauvegardes ont été rechiffrées avec la nouvelle clé.</numerusform>
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
            <numerusform>Base restaurée depuis « %1 » (%Ln personne).</numerusform>
            <numerusform>Base restaurée depuis « %1 » (%Ln personnes).</numerusform>
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
