<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AnswersDialog</name>
    <message>
        <source>Answers to a campaign</source>
        <translation>Réponses à une campagne</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Came by</source>
        <translation>Reçue par</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>Reçue le</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) chosen in the list.</source>
        <translation>
            <numerusform>%Ln personne choisie dans la liste.</numerusform>
            <numerusform>%Ln personnes choisies dans la liste.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LettersDialog</name>
    <message>
        <source>Letters and e-mails</source>
        <translation>Courriers</translation>
    </message>
    <message numerus="yes">
        <source>The %n person(s) selected in the list</source>
        <translation>
            <numerusform>%Ln personne sélectionnée dans la liste</numerusform>
            <numerusform>%Ln personnes sélectionnées dans la liste</numerusform>
        </translation>
    </message>
    <message>
        <source>The recipients of the campaign</source>
        <translation>Les destinataires de la campagne</translation>
    </message>
    <message>
        <source>only those who have not answered</source>
        <translation>seulement ceux qui n&apos;ont pas répondu</translation>
    </message>
    <message>
        <source>Edit the templates…</source>
        <translation>Modifier les modèles…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>(each person&apos;s coach)</source>
        <translation>(le ou la chargé·e de chaque personne)</translation>
    </message>
    <message>
        <source>One PDF: a letter per person, then address labels</source>
        <translation>Un PDF : une lettre par personne, puis les étiquettes d&apos;adresse</translation>
    </message>
    <message>
        <source>One e-mail draft (.eml) per person, in a folder</source>
        <translation>Un brouillon de courriel (.eml) par personne, dans un dossier</translation>
    </message>
    <message>
        <source>Record the sending as the campaign</source>
        <translation>Enregistrer l&apos;envoi comme la campagne</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Information session</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Signé par</translation>
    </message>
    <message>
        <source>Write…</source>
        <translation>Écrire…</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>Écrire à</translation>
    </message>
    <message>
        <source>Nothing to show yet:</source>
        <translation>Rien à montrer pour l&apos;instant :</translation>
    </message>
    <message numerus="yes">
        <source>First of %n letter(s): %1</source>
        <translation>
            <numerusform>Première de %Ln lettre : %1</numerusform>
            <numerusform>Première de %Ln lettres : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the letters</source>
        <translation>Enregistrer les lettres</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Choose an empty folder for the e-mail drafts</source>
        <translation>Choisissez un dossier vide pour les brouillons de courriel</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) written to %1.</source>
        <translation>
            <numerusform>%Ln lettre écrite dans %1.</numerusform>
            <numerusform>%Ln lettres écrites dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No address label for %n person(s) without a postal address: %1.</source>
        <translation>
            <numerusform>Pas d&apos;étiquette d&apos;adresse pour %Ln personne sans adresse postale : %1.</numerusform>
            <numerusform>Pas d&apos;étiquette d&apos;adresse pour %Ln personnes sans adresse postale : %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n e-mail draft(s) written to %1: open them in your mail program to send them.</source>
        <translation>
            <numerusform>%Ln brouillon de courriel écrit dans %1 : ouvrez-le dans votre messagerie pour l&apos;envoyer.</numerusform>
            <numerusform>%Ln brouillons de courriel écrits dans %1 : ouvrez-les dans votre messagerie pour les envoyer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No draft for %n person(s) without an e-mail address: %1.</source>
        <translation>
            <numerusform>Pas de brouillon pour %Ln personne sans adresse électronique : %1.</numerusform>
            <numerusform>Pas de brouillon pour %Ln personnes sans adresse électronique : %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Campaign « %1 » recorded for %n person(s).</source>
        <translation>
            <numerusform>Campagne « %1 » enregistrée pour %Ln personne.</numerusform>
            <numerusform>Campagne « %1 » enregistrée pour %Ln personnes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Letter templates</source>
        <translation>Modèles de courrier</translation>
    </message>
    <message>
        <source>Fields: %1</source>
        <translation>Champs : %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Nouveau modèle</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>Enregistrer le modèle</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Delete the template « %1 »?</source>
        <translation>Supprimer le modèle « %1 » ?</translation>
    </message>
</context>
</TS>
