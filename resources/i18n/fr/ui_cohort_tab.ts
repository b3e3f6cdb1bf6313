<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CohortTab</name>
    <message>
        <source>New participant</source>
        <translation>Nouveau participant</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Ouvrir la fiche</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Importer des contacts…</translation>
    </message>
    <message>
        <source>Call sheet…</source>
        <translation>Fiche d&apos;appels…</translation>
    </message>
    <message>
        <source>Record a campaign…</source>
        <translation>Noter une campagne…</translation>
    </message>
    <message>
        <source>Information sessions…</source>
        <translation>Réunions d&apos;information…</translation>
    </message>
    <message>
        <source>Selection interviews…</source>
        <translation>Entretiens de sélection…</translation>
    </message>
    <message>
        <source>Merge two files…</source>
        <translation>Fusionner deux fiches…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Search a name, a phone number or an e-mail…</source>
        <translation>Rechercher un nom, un téléphone ou un courriel…</translation>
    </message>
    <message>
        <source>The search starts from 2 characters; accents and capitals are ignored.</source>
        <translation>La recherche commence à partir de 2 caractères ; accents et majuscules sont ignorés.</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Toutes les étapes</translation>
    </message>
    <message>
        <source>There is no cohort yet: create one, or import a contact file.</source>
        <translation>Il n&apos;y a pas encore de promotion : créez-en une, ou importez un fichier de contacts.</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Aucune base de données n&apos;est ouverte.</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s) shown of %1</source>
        <translation>
            <numerusform>%Ln participant affiché sur %1</numerusform>
            <numerusform>%Ln participants affichés sur %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Participant file</source>
        <translation>Fiche du participant</translation>
    </message>
    <message>
        <source>Select a person in the list first.</source>
        <translation>Sélectionnez d&apos;abord une personne dans la liste.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete %1 and everything recorded about them? This cannot be undone.</source>
        <translation>Supprimer %1 et tout ce qui a été noté à son sujet ? Cette action est définitive.</translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n people and everything recorded about them? This cannot be undone.</source>
        <translation>
            <numerusform>Supprimer cette personne et tout ce qui a été noté à son sujet ? Cette action est définitive.</numerusform>
            <numerusform>Supprimer ces %Ln personnes et tout ce qui a été noté à leur sujet ? Cette action est définitive.</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge two files</source>
        <translation>Fusionner deux fiches</translation>
    </message>
    <message>
        <source>Select in the list the two files of the same person (Ctrl+click), then merge them.</source>
        <translation>Sélectionnez dans la liste les deux fiches de la même personne (Ctrl+clic), puis fusionnez-les.</translation>
    </message>
    <message>
        <source>Record a campaign</source>
        <translation>Noter une campagne</translation>
    </message>
    <message>
        <source>Select in the list the people who received the mailing or the invitation (search or filter, then Ctrl+A).</source>
        <translation>Sélectionnez dans la liste les personnes qui ont reçu le mailing ou l&apos;invitation (recherchez ou filtrez, puis Ctrl+A).</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Chargé·e d&apos;accompagnement</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>Adulte</translation>
    </message>
</context>
</TS>
