<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase de passe</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Phrase de passe actuelle :</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Nouvelle phrase de passe :</translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation>Saisissez-la à nouveau :</translation>
    </message>
    <message>
        <source>At least %1 characters, and hard to guess: a sentence easy to remember, for example four unrelated words. Repeated letters, keyboard rows, dates and common words are refused.</source>
        <translation>Au moins %1 caractères, et difficile à deviner : une phrase facile à retenir, par exemple quatre mots sans rapport entre eux. Les lettres répétées, les suites de touches du clavier, les dates et les mots trop courants sont refusés.</translation>
    </message>
    <message>
        <source>Also change the data key (if an old keys file or passphrase may have been seen): the database and its backups are re-encrypted, and a new recovery key is shown</source>
        <translation>Changer aussi la clé de données (si un ancien fichier de clés ou une ancienne phrase de passe a pu être vu) : la base et ses sauvegardes sont rechiffrées, et une nouvelle clé de secours est affichée</translation>
    </message>
    <message>
        <source>The two passphrases typed are not the same.</source>
        <translation>Les deux phrases de passe saisies ne sont pas identiques.</translation>
    </message>
    <message>
        <source>Type the new passphrase again in both fields.</source>
        <translation>Saisissez à nouveau la nouvelle phrase de passe dans les deux champs.</translation>
    </message>
</context>
<context>
    <name>PassphraseFlow</name>
    <message>
        <source>Choose a new passphrase</source>
        <translation>Choisir une nouvelle phrase de passe</translation>
    </message>
    <message>
        <source>The recovery key opened the database. Choose a new passphrase now; the recovery key stays valid.</source>
        <translation>La clé de secours a ouvert la base. Choisissez maintenant une nouvelle phrase de passe ; la clé de secours reste valable.</translation>
    </message>
    <message>
        <source>Protect with a passphrase</source>
        <translation>Protéger par une phrase de passe</translation>
    </message>
    <message>
        <source>« %1 » will be encrypted: without the passphrase (or the recovery key shown next) nobody can read it, on this laptop or on a copy. Its backups are encrypted too.</source>
        <translation>« %1 » va être chiffrée : sans la phrase de passe (ou la clé de secours affichée ensuite), personne ne peut la lire, sur cet ordinateur ou sur une copie. Ses sauvegardes sont chiffrées elles aussi.</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Changer la phrase de passe</translation>
    </message>
    <message>
        <source>The recovery key already printed stays valid, unless the data key changes too.</source>
        <translation>La clé de secours déjà imprimée reste valable, sauf si la clé de données change aussi.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key — shown only once</source>
        <translation>Clé de secours — affichée une seule fois</translation>
    </message>
    <message>
        <source>Print this recovery key, or copy it out by hand, and keep it apart from the laptop. If the passphrase is forgotten, it is the only way back into « %1 »: nobody, not even the CoachDesk team, can open the database without one or the other. CoachDesk will not show it again.</source>
        <translation>Imprimez cette clé de secours, ou recopiez-la à la main, et rangez-la loin de l&apos;ordinateur. Si la phrase de passe est oubliée, c&apos;est le seul moyen de rouvrir « %1 » : personne, pas même l&apos;équipe CoachDesk, ne peut ouvrir la base sans l&apos;une ou l&apos;autre. CoachDesk ne l&apos;affichera plus.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>I have printed or copied out the key and keep it apart</source>
        <translation>J&apos;ai imprimé ou recopié la clé et je la range à part</translation>
    </message>
    <message>
        <source>CoachDesk recovery key</source>
        <translation>Clé de secours CoachDesk</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base : %1</translation>
    </message>
    <message>
        <source>Keep this sheet apart from the computer. If the passphrase is forgotten, this key opens the database and lets you choose a new passphrase.</source>
        <translation>Rangez cette feuille loin de l&apos;ordinateur. Si la phrase de passe est oubliée, cette clé ouvre la base et permet d&apos;en choisir une nouvelle.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Protected database</source>
        <translation>Base protégée</translation>
    </message>
    <message>
        <source>The database « %1 » is protected by a passphrase.</source>
        <translation>La base « %1 » est protégée par une phrase de passe.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase de passe :</translation>
    </message>
    <message>
        <source>I forgot my passphrase: use the printed recovery key</source>
        <translation>J&apos;ai oublié ma phrase de passe : utiliser la clé de secours imprimée</translation>
    </message>
    <message>
        <source>Recovery key (groups of 4 characters):</source>
        <translation>Clé de secours (groupes de 4 caractères) :</translation>
    </message>
</context>
<context>
    <name>UnlockOverlay</name>
    <message>
        <source>CoachDesk is locked</source>
        <translation>CoachDesk est verrouillé</translation>
    </message>
    <message>
        <source>Type the passphrase of the database to show its data again.</source>
        <translation>Saisissez la phrase de passe de la base pour afficher à nouveau ses données.</translation>
    </message>
    <message>
        <source>This database has no passphrase: anybody at this computer can unlock it. Protect it from the Security menu.</source>
        <translation>Cette base n&apos;a pas de phrase de passe : toute personne devant cet ordinateur peut la déverrouiller. Protégez-la depuis le menu Sécurité.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
</context>
</TS>
