<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invité·e</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présent·e</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Présence</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
</context>
<context>
    <name>InfoSessionsDialog</name>
    <message>
        <source>Information sessions</source>
        <translation>Réunions d&apos;information collectives</translation>
    </message>
    <message>
        <source>Room and address</source>
        <translation>Salle et adresse</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>Create the session</source>
        <translation>Créer la réunion</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle réunion</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Invite interested contacts…</source>
        <translation>Inviter les contacts intéressés…</translation>
    </message>
    <message>
        <source>Print the attendance sheet…</source>
        <translation>Imprimer la feuille d&apos;émargement…</translation>
    </message>
    <message>
        <source>Selected people:</source>
        <translation>Personnes sélectionnées :</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présent·e</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent·e</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Excusé·e</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invité·e</translation>
    </message>
    <message>
        <source>Create a first session on the left.</source>
        <translation>Créez une première réunion à gauche.</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation>
            <numerusform>%Ln place</numerusform>
            <numerusform>%Ln places</numerusform>
        </translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>Session of %1, %2 — %3 invited, %4 present (%5)</source>
        <translation>Réunion du %1, %2 — %3 invité·e·s, %4 présent·e·s (%5)</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Invitations</translation>
    </message>
    <message>
        <source>No interested contact is waiting for an invitation. Record calls in the call sheet first.</source>
        <translation>Aucun contact intéressé n&apos;attend d&apos;invitation. Notez d&apos;abord les appels dans la fiche d&apos;appels.</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Présence</translation>
    </message>
    <message>
        <source>Select the people in the list first.</source>
        <translation>Sélectionnez d&apos;abord les personnes dans la liste.</translation>
    </message>
    <message>
        <source>Save the attendance sheet</source>
        <translation>Enregistrer la feuille d&apos;émargement</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>Feuille d&apos;émargement</translation>
    </message>
    <message>
        <source>The attendance sheet was saved to %1.</source>
        <translation>La feuille d&apos;émargement a été enregistrée dans %1.</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invite interested contacts</source>
        <translation>Inviter les contacts intéressés</translation>
    </message>
    <message numerus="yes">
        <source>%n interested contact(s) not invited yet; all are selected.</source>
        <translation>
            <numerusform>%Ln contact intéressé pas encore invité ; il est sélectionné.</numerusform>
            <numerusform>%Ln contacts intéressés pas encore invités ; tous sont sélectionnés.</numerusform>
        </translation>
    </message>
</context>
</TS>
