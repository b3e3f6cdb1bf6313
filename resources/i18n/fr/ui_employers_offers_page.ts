<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Received on</source>
        <translation>Reçue le</translation>
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
        <source>Town</source>
        <translation>Ville</translation>
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
    <message>
        <source>Source</source>
        <translation>Provenance</translation>
    </message>
</context>
<context>
    <name>OffersPage</name>
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
        <source>There is no cohort yet: create one, or import a contact file.</source>
        <translation>Il n&apos;y a pas encore de promotion : créez-en une, ou importez un fichier de contacts.</translation>
    </message>
    <message>
        <source>Select an offer in the list first.</source>
        <translation>Sélectionnez d&apos;abord une offre dans la liste.</translation>
    </message>
</context>
</TS>
