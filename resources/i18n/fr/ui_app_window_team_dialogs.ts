<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Two coaches changed the same field before they synchronised: the latest change was retained everywhere, the other one is kept here until someone chooses. Your choice reaches the team at the next synchronisation.</source>
        <translation>Deux chargés d&apos;accompagnement ont modifié le même champ avant de synchroniser : la modification la plus récente a été retenue partout, l&apos;autre est gardée ici jusqu&apos;à ce que quelqu&apos;un choisisse. Votre choix parvient à l&apos;équipe à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Retained value</source>
        <translation>Valeur retenue</translation>
    </message>
    <message>
        <source>Lost value</source>
        <translation>Valeur perdue</translation>
    </message>
    <message>
        <source>Lost on</source>
        <translation>Perdue sur</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the team&apos;s server, kept on this laptop:</source>
        <translation>
            <numerusform>%Ln modification refusée par le serveur de l&apos;équipe, gardée sur ce poste :</numerusform>
            <numerusform>%Ln modifications refusées par le serveur de l&apos;équipe, gardées sur ce poste :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to settle.</source>
        <translation>
            <numerusform>%Ln conflit à régler.</numerusform>
            <numerusform>%Ln conflits à régler.</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflict to settle.</source>
        <translation>Aucun conflit à régler.</translation>
    </message>
    <message>
        <source>(a person)</source>
        <translation>(une personne)</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <source>Same person as %1</source>
        <translation>Même personne que %1</translation>
    </message>
    <message>
        <source>this laptop</source>
        <translation>ce poste</translation>
    </message>
    <message>
        <source>another laptop</source>
        <translation>un autre poste</translation>
    </message>
    <message>
        <source>A person</source>
        <translation>Une personne</translation>
    </message>
    <message>
        <source>An employer</source>
        <translation>Un employeur</translation>
    </message>
    <message>
        <source>A contract</source>
        <translation>Un contrat</translation>
    </message>
    <message>
        <source>A promotion</source>
        <translation>Une promotion</translation>
    </message>
    <message>
        <source>A job offer</source>
        <translation>Une offre d&apos;emploi</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Date du consentement</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Chargé·e</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Keep the retained value</source>
        <translation>Garder la valeur retenue</translation>
    </message>
    <message>
        <source>Put the lost value back</source>
        <translation>Remettre la valeur perdue</translation>
    </message>
    <message>
        <source>Mark as examined</source>
        <translation>Marquer comme examiné</translation>
    </message>
    <message>
        <source>Keep mine: “%1”</source>
        <translation>Garder la mienne : « %1 »</translation>
    </message>
    <message>
        <source>Keep theirs: “%1”</source>
        <translation>Garder la leur : « %1 »</translation>
    </message>
    <message>
        <source>Keep the retained value: “%1”</source>
        <translation>Garder la valeur retenue : « %1 »</translation>
    </message>
    <message>
        <source>Put the lost value back: “%1”</source>
        <translation>Remettre la valeur perdue : « %1 »</translation>
    </message>
    <message>
        <source>Conflict settled; the team will know at the next synchronisation.</source>
        <translation>Conflit réglé ; l&apos;équipe le saura à la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>JoinTeamDialog</name>
    <message>
        <source>Join a team</source>
        <translation>Rejoindre une équipe</translation>
    </message>
    <message>
        <source>Ask the team&apos;s manager for the server&apos;s address and a one-time code. What this database already holds is sent to the team, in your structure; then this laptop receives the people the team shares with you.</source>
        <translation>Demandez au responsable de l&apos;équipe l&apos;adresse du serveur et un code à usage unique. Ce que cette base contient déjà est envoyé à l&apos;équipe, dans votre structure ; puis ce poste reçoit les personnes que l&apos;équipe partage avec vous.</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Adresse du serveur :</translation>
    </message>
    <message>
        <source>One-time code:</source>
        <translation>Code à usage unique :</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <source>Type the address of the team&apos;s server, for example https://equipe.example.org, as the team&apos;s manager gave it.</source>
        <translation>Saisissez l&apos;adresse du serveur de l&apos;équipe, par exemple https://equipe.example.org, telle que le responsable de l&apos;équipe vous l&apos;a donnée.</translation>
    </message>
    <message>
        <source>Type the one-time code the team&apos;s manager gave you (valid 7 days).</source>
        <translation>Saisissez le code à usage unique que le responsable de l&apos;équipe vous a remis (valable 7 jours).</translation>
    </message>
</context>
</TS>
