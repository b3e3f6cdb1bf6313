<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccessExportDialog</name>
    <message>
        <source>Right of access</source>
        <translation>Droit d&apos;accès</translation>
    </message>
    <message>
        <source>Export everything CoachDesk knows about one person into a workbook, one sheet per kind of record, to hand over when they ask for it. Their documents go beside it: with a password, attached to one PDF protected by the same password; without one, copied unencrypted into a folder.</source>
        <translation>Exporte tout ce que CoachDesk sait d&apos;une personne dans un classeur, une feuille par type d&apos;enregistrement, à lui remettre quand elle le demande. Ses documents sont écrits à côté : avec un mot de passe, joints à un PDF protégé par le même mot de passe ; sans mot de passe, copiés en clair dans un dossier.</translation>
    </message>
    <message>
        <source>Workbook:</source>
        <translation>Classeur :</translation>
    </message>
    <message>
        <source>Where to write the workbook (.xlsx)</source>
        <translation>Où écrire le classeur (.xlsx)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Right of access workbook</source>
        <translation>Classeur du droit d&apos;accès</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The folder « %1 » does not exist.</source>
        <translation>Le dossier « %1 » n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Choose where to write the workbook with « Choose… ».</source>
        <translation>Choisissez où écrire le classeur avec « Choisir… ».</translation>
    </message>
    <message>
        <source>This workbook password is too easy to guess: %1. Use the one CoachDesk proposes (unrelated words and a number, easy to read on the phone).</source>
        <translation>Ce mot de passe de classeur est trop facile à deviner : %1. Utilisez celui que CoachDesk propose (des mots sans rapport entre eux et un nombre, faciles à dicter au téléphone).</translation>
    </message>
    <message numerus="yes">
        <source>Workbook written: %1 (%n record(s)).</source>
        <translation>
            <numerusform>Classeur écrit : %1 (%Ln enregistrement).</numerusform>
            <numerusform>Classeur écrit : %1 (%Ln enregistrements).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The person&apos;s documents (%n file(s)) are attached to the PDF %1, protected by the same password as the workbook: a PDF reader shows them among the file&apos;s attachments.</source>
        <translation>
            <numerusform>Le document de la personne (%Ln fichier) est joint au PDF %1, protégé par le même mot de passe que le classeur : un lecteur PDF le montre parmi les pièces jointes du fichier.</numerusform>
            <numerusform>Les documents de la personne (%Ln fichiers) sont joints au PDF %1, protégé par le même mot de passe que le classeur : un lecteur PDF les montre parmi les pièces jointes du fichier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The person&apos;s documents are in the folder %1 (%n file(s)).</source>
        <translation>
            <numerusform>Les documents de la personne sont dans le dossier %1 (%Ln fichier).</numerusform>
            <numerusform>Les documents de la personne sont dans le dossier %1 (%Ln fichiers).</numerusform>
        </translation>
    </message>
    <message>
        <source>It is protected by the password %1: give it to the person by phone or in person, never with the workbook. CoachDesk keeps it nowhere.</source>
        <translation>Il est protégé par le mot de passe %1 : donnez-le à la personne par téléphone ou en main propre, jamais avec le classeur. CoachDesk ne le conserve nulle part.</translation>
    </message>
    <message>
        <source>This workbook and the documents&apos; folder are NOT encrypted, unlike the database. Hand them to the person by a safe means, then delete them.</source>
        <translation>Ce classeur et le dossier des documents ne sont PAS chiffrés, contrairement à la base. Remettez-les à la personne par un moyen sûr, puis supprimez-les.</translation>
    </message>
    <message>
        <source>This workbook is NOT encrypted, unlike the database. Hand it to the person by a safe means, then delete it.</source>
        <translation>Ce classeur n&apos;est PAS chiffré, contrairement à la base. Remettez-le à la personne par un moyen sûr, puis supprimez-le.</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>Conservable jusqu&apos;au</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>Au fichier depuis le</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>Fichier d&apos;origine</translation>
    </message>
</context>
<context>
    <name>ErasureDialog</name>
    <message>
        <source>Erase a person</source>
        <translation>Effacer une personne</translation>
    </message>
    <message>
        <source>Right to erasure: the person chosen is deleted from every table (outreach, meetings, interviews, bilan, referrals, contracts, visits…). This cannot be undone.</source>
        <translation>Droit à l&apos;effacement : la personne choisie est supprimée de toutes les tables (prises de contact, réunions, entretiens, bilan, mises en relation, contrats, visites…). C&apos;est irréversible.</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>Effacer…</translation>
    </message>
    <message>
        <source>Erase %1 for good, with everything recorded about them? This cannot be undone.</source>
        <translation>Effacer définitivement %1 et tout ce qui a été enregistré à son sujet ? C&apos;est irréversible.</translation>
    </message>
    <message>
        <source>%1 erased (%2 rows deleted). Older backups still hold this person until rotation removes them (9 months at most).</source>
        <translation>%1 a été effacé·e (%2 lignes supprimées). Les sauvegardes antérieures contiennent encore cette personne jusqu&apos;à leur rotation (9 mois au plus).</translation>
    </message>
</context>
<context>
    <name>MissingConsentDialog</name>
    <message>
        <source>Missing information/consent dates</source>
        <translation>Dates d&apos;information / de consentement manquantes</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) have no date of information/consent. Inform them of what CoachDesk records, then note the date in their file.</source>
        <translation>
            <numerusform>%Ln personne n&apos;a pas de date d&apos;information / de consentement. Informez-la de ce que CoachDesk enregistre, puis notez la date dans sa fiche.</numerusform>
            <numerusform>%Ln personnes n&apos;ont pas de date d&apos;information / de consentement. Informez-les de ce que CoachDesk enregistre, puis notez la date dans leur fiche.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Retention period and purge</source>
        <translation>Durée de conservation et purge</translation>
    </message>
    <message>
        <source>Keep each person&apos;s data for</source>
        <translation>Conserver les données de chaque personne</translation>
    </message>
    <message>
        <source> years</source>
        <translation> ans</translation>
    </message>
    <message>
        <source>after the last contact.</source>
        <translation>après le dernier contact.</translation>
    </message>
    <message>
        <source>The CNIL&apos;s reference framework for the support of young people recommends two years after the last contact. The purge deletes these people from every table; the audit log keeps only how many, never who.</source>
        <translation>Le référentiel de la CNIL pour l&apos;accompagnement des jeunes recommande deux ans après le dernier contact. La purge supprime ces personnes de toutes les tables ; le journal ne garde que leur nombre, jamais leur identité.</translation>
    </message>
    <message>
        <source>Purge these people…</source>
        <translation>Purger ces personnes…</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) past the retention period on %1.</source>
        <translation>
            <numerusform>%Ln personne a dépassé la durée de conservation au %1.</numerusform>
            <numerusform>%Ln personnes ont dépassé la durée de conservation au %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Purge</translation>
    </message>
    <message numerus="yes">
        <source>Delete for good the %n person(s) listed, and everything recorded about them?</source>
        <translation>
            <numerusform>Supprimer définitivement la personne listée (%Ln) et tout ce qui a été enregistré à son sujet ?</numerusform>
            <numerusform>Supprimer définitivement les %Ln personnes listées et tout ce qui a été enregistré à leur sujet ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) deleted. Older backups still hold them until rotation removes them (9 months at most).</source>
        <translation>
            <numerusform>%Ln personne supprimée. Les sauvegardes antérieures la contiennent encore jusqu&apos;à leur rotation (9 mois au plus).</numerusform>
            <numerusform>%Ln personnes supprimées. Les sauvegardes antérieures les contiennent encore jusqu&apos;à leur rotation (9 mois au plus).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_PersonDialog</name>
    <message>
        <source>Choose a person in the list first.</source>
        <translation>Choisissez d&apos;abord une personne dans la liste.</translation>
    </message>
</context>
</TS>
