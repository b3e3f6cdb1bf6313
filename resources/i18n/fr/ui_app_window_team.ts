<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>TeamActions</name>
    <message>
        <source>&amp;Join a team…</source>
        <translation>&amp;Rejoindre une équipe…</translation>
    </message>
    <message>
        <source>&amp;Synchronise</source>
        <translation>&amp;Synchroniser</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Conflits…</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Aucune base de données n&apos;est ouverte.</translation>
    </message>
    <message>
        <source>The window is locked.</source>
        <translation>La fenêtre est verrouillée.</translation>
    </message>
    <message>
        <source>The laptop is synchronising: wait until it is done.</source>
        <translation>L&apos;ordinateur se synchronise : attendez la fin.</translation>
    </message>
    <message>
        <source>This database is not part of a team: join one first (File ▸ Join a team…).</source>
        <translation>Cette base ne fait partie d&apos;aucune équipe : rejoignez-en une d&apos;abord (Fichier ▸ Rejoindre une équipe…).</translation>
    </message>
    <message>
        <source>This database already belongs to a team.</source>
        <translation>Cette base fait déjà partie d&apos;une équipe.</translation>
    </message>
    <message>
        <source>Team server: %1 — %2, %3</source>
        <translation>Serveur de l&apos;équipe : %1 — %2, %3</translation>
    </message>
    <message>
        <source>synchronising…</source>
        <translation>synchronisation en cours…</translation>
    </message>
    <message>
        <source>synchronisation blocked (see the tooltip)</source>
        <translation>synchronisation bloquée (voir l&apos;infobulle)</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>synchronisation failed</source>
        <translation>échec de la synchronisation</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%Ln modification à envoyer</numerusform>
            <numerusform>%Ln modifications à envoyer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%Ln conflit</numerusform>
            <numerusform>%Ln conflits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible duplicate(s)</source>
        <translation>
            <numerusform>%Ln doublon possible</numerusform>
            <numerusform>%Ln doublons possibles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused</source>
        <translation>
            <numerusform>%Ln modification refusée</numerusform>
            <numerusform>%Ln modifications refusées</numerusform>
        </translation>
    </message>
    <message>
        <source>never synchronised</source>
        <translation>jamais synchronisé</translation>
    </message>
    <message>
        <source>synchronised just now</source>
        <translation>synchronisé à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>synchronised %n min ago</source>
        <translation>
            <numerusform>synchronisé il y a %Ln min</numerusform>
            <numerusform>synchronisé il y a %Ln min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>synchronised %n h ago</source>
        <translation>
            <numerusform>synchronisé il y a %Ln h</numerusform>
            <numerusform>synchronisé il y a %Ln h</numerusform>
        </translation>
    </message>
    <message>
        <source>synchronised on %1</source>
        <translation>synchronisé le %1</translation>
    </message>
    <message>
        <source>Joining the team…</source>
        <translation>Connexion à l&apos;équipe…</translation>
    </message>
    <message>
        <source>Join a team</source>
        <translation>Rejoindre une équipe</translation>
    </message>
    <message numerus="yes">
        <source>This laptop joined the team « %1 » (%2, %3): %n record(s) received.</source>
        <translation>
            <numerusform>Ce poste a rejoint l&apos;équipe « %1 » (%2, %3) : %Ln fiche reçue.</numerusform>
            <numerusform>Ce poste a rejoint l&apos;équipe « %1 » (%2, %3) : %Ln fiches reçues.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of this laptop sent to the team.</source>
        <translation>
            <numerusform>%Ln modification de ce poste envoyée à l&apos;équipe.</numerusform>
            <numerusform>%Ln modifications de ce poste envoyées à l&apos;équipe.</numerusform>
        </translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Synchronise</source>
        <translation>Synchroniser</translation>
    </message>
</context>
</TS>
