<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <source>Check before saving</source>
        <translation>Vérifier avant d&apos;enregistrer</translation>
    </message>
    <message>
        <source>Open the existing file</source>
        <translation>Ouvrir la fiche existante</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Enregistrer quand même</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>Revenir à la fiche</translation>
    </message>
    <message>
        <source>This person may already be listed (the contact import would take them for the same person). Open the existing file rather than making a second one; if it is someone else, save anyway.</source>
        <translation>Cette personne est peut-être déjà inscrite (l&apos;import de contacts la prendrait pour la même personne). Ouvrez la fiche existante plutôt que d&apos;en créer une deuxième ; s&apos;il s&apos;agit de quelqu&apos;un d&apos;autre, enregistrez quand même.</translation>
    </message>
    <message>
        <source>Contact details to check:</source>
        <translation>Coordonnées à vérifier :</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two files</source>
        <translation>Fusionner deux fiches</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Birth date</source>
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
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Keep this file</source>
        <translation>Garder cette fiche</translation>
    </message>
    <message>
        <source>Everything recorded about the other file (calls, meetings, interviews, contracts, notes) moves to the kept file, whose empty fields are completed; the other file is then deleted. The merge is written in the audit log. It cannot be undone.</source>
        <translation>Tout ce qui est saisi sur l&apos;autre fiche (appels, rendez-vous, entretiens, contrats, observations) passe sur la fiche gardée, dont les champs vides sont complétés ; l&apos;autre fiche est ensuite supprimée. La fusion est inscrite au journal. Elle ne peut pas être annulée.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%Ln saisie</numerusform>
            <numerusform>%Ln saisies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The two files are now one: %n record(s) of the other file belong to the kept file.</source>
        <translation>
            <numerusform>Les deux fiches n&apos;en font plus qu&apos;une : %Ln saisie de l&apos;autre fiche appartient à la fiche gardée.</numerusform>
            <numerusform>Les deux fiches n&apos;en font plus qu&apos;une : %Ln saisies de l&apos;autre fiche appartiennent à la fiche gardée.</numerusform>
        </translation>
    </message>
</context>
</TS>
