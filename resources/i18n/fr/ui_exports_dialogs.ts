<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ContractListDialog</name>
    <message>
        <source>Contract list for the OPCO or France Travail (ex-Pôle emploi)</source>
        <translation>Liste des contrats pour l&apos;OPCO ou France Travail (ex-Pôle emploi)</translation>
    </message>
    <message>
        <source>The work-study contracts, with the columns, labels and rows the chosen profile gives this recipient.</source>
        <translation>Les contrats de professionnalisation, avec les colonnes, les intitulés et les lignes que le profil choisi prévoit pour ce destinataire.</translation>
    </message>
</context>
<context>
    <name>EvaluatorExportDialog</name>
    <message>
        <source>Evaluator export (pseudonymised)</source>
        <translation>Export pour l&apos;évaluateur (pseudonymisé)</translation>
    </message>
    <message>
        <source>For the evaluator (CEREQ): stable pseudonyms, no names, contact details or free text, age bands instead of birth dates. The pseudonymisation key stays on this computer.</source>
        <translation>Pour l&apos;évaluateur (CEREQ) : des pseudonymes stables, aucun nom, aucune coordonnée ni texte libre, des tranches d&apos;âge au lieu des dates de naissance. La clé de pseudonymisation reste sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>“%1” was written: %n row(s).</source>
        <translation>
            <numerusform>« %1 » a été écrit : %Ln ligne.</numerusform>
            <numerusform>« %1 » a été écrit : %Ln lignes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cohort:</source>
        <translation>Promotion :</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Warning: the database is encrypted, but this Excel workbook will not be. It holds personal data in clear: send it only through a secure channel (encrypted mail, the partner&apos;s exchange platform), never as a plain e-mail attachment nor on an unencrypted USB key.</source>
        <translation>Attention : la base est chiffrée, mais ce classeur Excel ne le sera pas. Il contient des données personnelles en clair : transmettez-le uniquement par un canal sécurisé (messagerie chiffrée, plateforme d&apos;échange du partenaire), jamais en simple pièce jointe ni sur une clé USB non chiffrée.</translation>
    </message>
    <message>
        <source>Edit profiles…</source>
        <translation>Modifier les profils…</translation>
    </message>
    <message>
        <source>Recipient profile:</source>
        <translation>Profil du destinataire :</translation>
    </message>
    <message>
        <source>All cohorts</source>
        <translation>Toutes les promotions</translation>
    </message>
    <message>
        <source>Save the workbook as</source>
        <translation>Enregistrer le classeur sous</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Choose the file to write the workbook to.</source>
        <translation>Choisissez le fichier dans lequel écrire le classeur.</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Aucune base de données n&apos;est ouverte.</translation>
    </message>
    <message>
        <source>This workbook password is too easy to guess: %1. Use the one CoachDesk proposes (unrelated words and a number, easy to read on the phone).</source>
        <translation>Ce mot de passe de classeur est trop facile à deviner : %1. Utilisez celui que CoachDesk propose (des mots sans rapport entre eux et un nombre, faciles à dicter au téléphone).</translation>
    </message>
    <message>
        <source>Writing “%1”…</source>
        <translation>Écriture de « %1 »…</translation>
    </message>
    <message>
        <source>Export done</source>
        <translation>Export terminé</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Dossier : %1</translation>
    </message>
    <message>
        <source>The workbook is protected by the password %1. Give it to the recipient by phone (or in person), never in the e-mail that carries the workbook: CoachDesk keeps it nowhere.</source>
        <translation>Le classeur est protégé par le mot de passe %1. Donnez-le au destinataire par téléphone (ou en main propre), jamais dans le courriel qui porte le classeur : CoachDesk ne le conserve nulle part.</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Export annulé</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Export annulé : aucun fichier n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>ProgressNoteDialog</name>
    <message>
        <source>Progress note (Note d&apos;étape)</source>
        <translation>Note d&apos;étape</translation>
    </message>
    <message>
        <source>The cohort&apos;s funnel phase by phase, with the rates the 2010 progress note quotes, counted from the events recorded on or before the chosen date.</source>
        <translation>L&apos;entonnoir de la promotion phase par phase, avec les taux que cite la note d&apos;étape de 2010, compté à partir des événements enregistrés jusqu&apos;à la date choisie.</translation>
    </message>
    <message>
        <source>Situation on:</source>
        <translation>Situation au :</translation>
    </message>
</context>
<context>
    <name>WeeklyExportDialog</name>
    <message>
        <source>Mission Locale weekly workbook</source>
        <translation>Classeur hebdomadaire Mission Locale</translation>
    </message>
    <message>
        <source>The funnel with what changed since the previous weekly export, then the people, the week&apos;s actions and the contracts, as known at the end of the week.</source>
        <translation>L&apos;entonnoir et son évolution depuis le précédent export hebdomadaire, puis les personnes, les actions de la semaine et les contrats, tels qu&apos;on les connaissait à la fin de la semaine.</translation>
    </message>
    <message>
        <source>Week of:</source>
        <translation>Semaine du :</translation>
    </message>
    <message>
        <source>Everyone in the cohort.</source>
        <translation>Toutes les personnes de la promotion.</translation>
    </message>
    <message>
        <source>Everyone whose consent is recorded, including the people no longer in the programme.</source>
        <translation>Toutes les personnes dont le consentement est enregistré, y compris celles qui ne sont plus dans le dispositif.</translation>
    </message>
    <message>
        <source>The people still in the programme, including those whose consent is not recorded.</source>
        <translation>Les personnes encore dans le dispositif, y compris celles dont le consentement n&apos;est pas enregistré.</translation>
    </message>
    <message>
        <source>The people still in the programme whose consent is recorded.</source>
        <translation>Les personnes encore dans le dispositif dont le consentement est enregistré.</translation>
    </message>
    <message>
        <source>Personal details sent: %1.</source>
        <translation>Données personnelles envoyées : %1.</translation>
    </message>
    <message>
        <source>No birth date, phone, e-mail or address.</source>
        <translation>Ni date de naissance, ni téléphone, ni courriel, ni adresse.</translation>
    </message>
</context>
</TS>
