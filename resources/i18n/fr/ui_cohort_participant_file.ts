<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>ParticipantFileDialog</name>
    <message>
        <source>Adult joining the training</source>
        <translation>Adulte rejoignant la formation</translation>
    </message>
    <message>
        <source>Identity and contact details</source>
        <translation>Identité et coordonnées</translation>
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
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postcode, town</source>
        <translation>Code postal, ville</translation>
    </message>
    <message>
        <source>School history</source>
        <translation>Scolarité</translation>
    </message>
    <message>
        <source>University track</source>
        <translation>Filière universitaire</translation>
    </message>
    <message>
        <source>Student number (INE)</source>
        <translation>Numéro INE</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Baccalauréat</source>
        <translation>Baccalauréat</translation>
    </message>
    <message>
        <source>Provenance and consent</source>
        <translation>Provenance et consentement</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Chargé·e d&apos;accompagnement</translation>
    </message>
    <message>
        <source>Informed / consent on</source>
        <translation>Informé·e, consentement le</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observations</translation>
    </message>
    <message>
        <source>Training enrolment</source>
        <translation>Inscription à la formation</translation>
    </message>
    <message>
        <source>Enrol provisionally…</source>
        <translation>Inscrire provisoirement…</translation>
    </message>
    <message>
        <source>Deadline…</source>
        <translation>Date limite…</translation>
    </message>
    <message>
        <source>Solution…</source>
        <translation>Solution…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Delete this person…</source>
        <translation>Supprimer cette personne…</translation>
    </message>
    <message>
        <source>Other promotion…</source>
        <translation>Autre promotion…</translation>
    </message>
    <message>
        <source>New participant</source>
        <translation>Nouveau participant</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>Saisie à la main</translation>
    </message>
    <message>
        <source>File of %1</source>
        <translation>Fiche de %1</translation>
    </message>
    <message>
        <source>%1, imported on %2</source>
        <translation>%1, importé le %2</translation>
    </message>
    <message>
        <source>Entered by hand on %1</source>
        <translation>Saisie à la main le %1</translation>
    </message>
    <message>
        <source>Journal and reminders</source>
        <translation>Journal et rappels</translation>
    </message>
    <message>
        <source>Delete %1 and everything recorded about them (calls, meetings, bilan, contract)? This cannot be undone.</source>
        <translation>Supprimer %1 et tout ce qui a été noté à son sujet (appels, réunions, bilan, contrat) ? Cette action est définitive.</translation>
    </message>
    <message>
        <source>Delete a participant</source>
        <translation>Supprimer un participant</translation>
    </message>
</context>
</TS>
