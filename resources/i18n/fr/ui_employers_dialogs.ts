<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CandidatesDialog</name>
    <message>
        <source>Candidates for « %1 »</source>
        <translation>Candidats pour « %1 »</translation>
    </message>
    <message>
        <source>%1 — %2, %3 (%4)</source>
        <translation>%1 — %2, %3 (%4)</translation>
    </message>
    <message>
        <source>Proposed on</source>
        <translation>Proposée le</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Propose the selected person</source>
        <translation>Proposer la personne choisie</translation>
    </message>
    <message>
        <source>Nobody of the cohort holds a validated project in this job or its family.</source>
        <translation>Personne de la promotion n&apos;a de projet validé dans ce métier ni dans sa famille.</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Participant</source>
        <translation>Participant·e</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>Validated project</source>
        <translation>Projet validé</translation>
    </message>
    <message>
        <source>Directly employable</source>
        <translation>Directement employable</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Mise en relation</translation>
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
        <source>ROME</source>
        <translation>ROME</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Début le</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit the contact person</source>
        <translation>Modifier le contact</translation>
    </message>
    <message>
        <source>New contact person</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>Tutor of a trainee</source>
        <translation>Tuteur d&apos;un alternant</translation>
    </message>
    <message>
        <source>The employer in person (at most two trainees)</source>
        <translation>L&apos;employeur en personne (deux alternants au plus)</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>non renseignée</translation>
    </message>
    <message>
        <source> year(s)</source>
        <translation> an(s)</translation>
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
        <source>Role</source>
        <translation>Fonction</translation>
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
        <source>Tutor&apos;s experience</source>
        <translation>Expérience du tuteur</translation>
    </message>
</context>
<context>
    <name>EmployerDialog</name>
    <message>
        <source>Edit the employer</source>
        <translation>Modifier l&apos;employeur</translation>
    </message>
    <message>
        <source>New employer</source>
        <translation>Nouvel employeur</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Raison sociale</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>NAF code</source>
        <translation>Code NAF</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postcode and town</source>
        <translation>Code postal et ville</translation>
    </message>
    <message>
        <source>Size (employees)</source>
        <translation>Effectif (salariés)</translation>
    </message>
    <message>
        <source>Collective agreement</source>
        <translation>Convention collective</translation>
    </message>
    <message>
        <source>OPCO</source>
        <translation>OPCO</translation>
    </message>
    <message>
        <source>Reached via</source>
        <translation>Origine du contact</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <source>Edit the job offer</source>
        <translation>Modifier l&apos;offre d&apos;emploi</translation>
    </message>
    <message>
        <source>New job offer</source>
        <translation>Nouvelle offre d&apos;emploi</translation>
    </message>
    <message>
        <source>The employer&apos;s town unless you type another</source>
        <translation>La ville de l&apos;employeur, sauf si vous en tapez une autre</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employeur</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Intitulé du poste</translation>
    </message>
    <message>
        <source>Job (ROME)</source>
        <translation>Métier (ROME)</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Début le</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>Heures par semaine</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>ParticipantOffersDialog</name>
    <message>
        <source>Open offers for a participant</source>
        <translation>Offres ouvertes pour une personne</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant·e</translation>
    </message>
    <message>
        <source>Proposed on</source>
        <translation>Proposée le</translation>
    </message>
    <message>
        <source>Propose for the selected offer</source>
        <translation>Proposer pour l&apos;offre choisie</translation>
    </message>
    <message>
        <source>No open offer fits this person&apos;s validated projects.</source>
        <translation>Aucune offre ouverte ne correspond aux projets validés de cette personne.</translation>
    </message>
</context>
<context>
    <name>ProspectingDialog</name>
    <message>
        <source>Log a prospecting contact</source>
        <translation>Noter un contact de prospection</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Prochaine étape</translation>
    </message>
    <message>
        <source>Next step on</source>
        <translation>Prochaine étape le</translation>
    </message>
</context>
<context>
    <name>ReferralStatusDialog</name>
    <message>
        <source>Referral of %1</source>
        <translation>Mise en relation de %1</translation>
    </message>
    <message>
        <source>Current status</source>
        <translation>Statut actuel</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Nouveau statut</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Le</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
</TS>
