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
        <source>Open offers</source>
        <translation>Offres ouvertes</translation>
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
</context>
<context>
    <name>DirectoryPage</name>
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
        <source>Reminder…</source>
        <translation>Rappel…</translation>
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
        <source>Select an employer in the list first.</source>
        <translation>Sélectionnez d&apos;abord un employeur dans la liste.</translation>
    </message>
    <message>
        <source>This employer has no contact yet.</source>
        <translation>Cet employeur n&apos;a encore aucun contact.</translation>
    </message>
</context>
</TS>
