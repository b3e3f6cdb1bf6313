<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Proposed on</source>
        <translation>Proposée le</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant·e</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Intitulé du poste</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employeur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Reçu·e par</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>Préparation</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>PlacementPage</name>
    <message>
        <source>Change the status…</source>
        <translation>Changer le statut…</translation>
    </message>
    <message>
        <source>Plan an interview…</source>
        <translation>Prévoir un entretien…</translation>
    </message>
    <message>
        <source>Preparation and outcome…</source>
        <translation>Préparation et issue…</translation>
    </message>
    <message>
        <source>Preparation sheet (PDF)…</source>
        <translation>Fiche de préparation (PDF)…</translation>
    </message>
    <message>
        <source>Sheets of the week (PDF)…</source>
        <translation>Fiches de la semaine (PDF)…</translation>
    </message>
    <message>
        <source>Export to a calendar (.ics)…</source>
        <translation>Exporter vers un agenda (.ics)…</translation>
    </message>
    <message>
        <source>The cohort&apos;s recruitment interviews and the follow-up visits planned for its contracts</source>
        <translation>Les entretiens de recrutement de la promotion et les visites de suivi prévues pour ses contrats</translation>
    </message>
    <message>
        <source>Checklist templates…</source>
        <translation>Listes de préparation…</translation>
    </message>
    <message>
        <source>Referrals (mises en relation)</source>
        <translation>Mises en relation</translation>
    </message>
    <message>
        <source>Recruitment interviews</source>
        <translation>Entretiens de recrutement</translation>
    </message>
    <message>
        <source>Week of:</source>
        <translation>Semaine du :</translation>
    </message>
    <message>
        <source>Save the preparation sheet</source>
        <translation>Enregistrer la fiche de préparation</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Preparation sheet</source>
        <translation>Fiche de préparation</translation>
    </message>
    <message>
        <source>Sheet written to %1.</source>
        <translation>Fiche écrite dans %1.</translation>
    </message>
    <message>
        <source>Save the sheets of the week</source>
        <translation>Enregistrer les fiches de la semaine</translation>
    </message>
    <message>
        <source>Sheets of the week</source>
        <translation>Fiches de la semaine</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) written to %1.</source>
        <translation>
            <numerusform>%Ln fiche écrite dans %1.</numerusform>
            <numerusform>%Ln fiches écrites dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>No recruitment interview and no follow-up visit planned to export for this cohort.</source>
        <translation>Aucun entretien de recrutement ni aucune visite de suivi prévue à exporter pour cette promotion.</translation>
    </message>
    <message>
        <source>Export the interviews and visits to a calendar</source>
        <translation>Exporter les entretiens et les visites vers un agenda</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Fichiers agenda (*.ics)</translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%Ln entretien</numerusform>
            <numerusform>%Ln entretiens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n follow-up visit(s) written to %1.</source>
        <translation>
            <numerusform>et %Ln visite de suivi écrits dans %1.</numerusform>
            <numerusform>et %Ln visites de suivi écrits dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a referral in the list first.</source>
        <translation>Sélectionnez d&apos;abord une mise en relation dans la liste.</translation>
    </message>
    <message>
        <source>Select an interview in the list first.</source>
        <translation>Sélectionnez d&apos;abord un entretien dans la liste.</translation>
    </message>
</context>
</TS>
