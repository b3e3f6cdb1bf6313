<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Employer</source>
        <translation>Employeur</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>NAF</source>
        <translation>NAF</translation>
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
        <source>Name</source>
        <translation>Nom</translation>
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
        <source>Tutor</source>
        <translation>Tuteur</translation>
    </message>
    <message>
        <source>Experience (years)</source>
        <translation>Expérience (ans)</translation>
    </message>
    <message>
        <source>Trainees</source>
        <translation>Alternants</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Alertes</translation>
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
    <message>
        <source>Source</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Proposed on</source>
        <translation>Proposé·e le</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant·e</translation>
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
        <source>Open offers</source>
        <translation>Offres ouvertes</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Intitulé du poste</translation>
    </message>
    <message>
        <source>ROME</source>
        <translation>ROME</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Début le</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>EmployersTab</name>
    <message>
        <source>Employer directory</source>
        <translation>Annuaire des employeurs</translation>
    </message>
    <message>
        <source>Job offers and matching</source>
        <translation>Offres d&apos;emploi et rapprochement</translation>
    </message>
    <message>
        <source>Referrals and interviews</source>
        <translation>Mises en relation et entretiens</translation>
    </message>
    <message>
        <source>Search a name, a town or a SIRET…</source>
        <translation>Rechercher un nom, une ville ou un SIRET…</translation>
    </message>
    <message>
        <source>New employer…</source>
        <translation>Nouvel employeur…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>New contact person…</source>
        <translation>Nouveau contact…</translation>
    </message>
    <message>
        <source>Edit the contact…</source>
        <translation>Modifier le contact…</translation>
    </message>
    <message>
        <source>Log a contact…</source>
        <translation>Noter un contact…</translation>
    </message>
    <message>
        <source>Contact persons and tutors</source>
        <translation>Contacts et tuteurs</translation>
    </message>
    <message>
        <source>Prospecting log</source>
        <translation>Journal de prospection</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>ROME code or family (M16)</source>
        <translation>Code ROME ou famille (M16)</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>New offer…</source>
        <translation>Nouvelle offre…</translation>
    </message>
    <message>
        <source>Edit the offer…</source>
        <translation>Modifier l&apos;offre…</translation>
    </message>
    <message>
        <source>Candidates for this offer…</source>
        <translation>Candidats pour cette offre…</translation>
    </message>
    <message>
        <source>Offers for a participant…</source>
        <translation>Offres pour une personne…</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <source>ROME:</source>
        <translation>ROME :</translation>
    </message>
    <message>
        <source>Town:</source>
        <translation>Ville :</translation>
    </message>
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
        <source>Week:</source>
        <translation>Semaine :</translation>
    </message>
    <message numerus="yes">
        <source>%n employer(s)</source>
        <translation>
            <numerusform>%n employeur</numerusform>
            <numerusform>%n employeurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job offer(s) shown</source>
        <translation>
            <numerusform>%n offre d&apos;emploi affichée</numerusform>
            <numerusform>%n offres d&apos;emploi affichées</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an employer to see its contacts and prospecting.</source>
        <translation>Sélectionnez un employeur pour voir ses contacts et sa prospection.</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Select the contact to edit in the list.</source>
        <translation>Sélectionnez dans la liste le contact à modifier.</translation>
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
            <numerusform>%n fiche écrite dans %1.</numerusform>
            <numerusform>%n fiches écrites dans %1.</numerusform>
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
    <message numerus="yes">
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%n entretien</numerusform>
            <numerusform>%n entretiens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n follow-up visit(s) written to %1.</source>
        <translation>
            <numerusform>et %n visite de suivi écrits dans %1.</numerusform>
            <numerusform>et %n visites de suivi écrits dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Fichiers agenda (*.ics)</translation>
    </message>
</context>
</TS>
