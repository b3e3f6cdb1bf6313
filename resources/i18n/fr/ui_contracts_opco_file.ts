<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>OpcoFileAction</name>
    <message>
        <source>Save the OPCO file</source>
        <translation>Enregistrer le dossier OPCO</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>OPCO file…</source>
        <translation>Dossier OPCO…</translation>
    </message>
    <message>
        <source>Every field of the CERFA in the form&apos;s order, as a PDF and an Excel workbook, to fill the OPCO&apos;s portal</source>
        <translation>Chaque champ du CERFA dans l&apos;ordre du formulaire, en PDF et en classeur Excel, pour remplir le portail de l&apos;OPCO</translation>
    </message>
    <message>
        <source>OPCO file</source>
        <translation>Dossier OPCO</translation>
    </message>
    <message>
        <source>Select a contract in the list first.</source>
        <translation>Sélectionnez d&apos;abord un contrat dans la liste.</translation>
    </message>
    <message>
        <source>OPCO file saved: %1 and %2.</source>
        <translation>Dossier OPCO enregistré : %1 et %2.</translation>
    </message>
    <message>
        <source>Both files are protected by the password: give it by phone, never in the e-mail that carries them.</source>
        <translation>Les deux fichiers sont protégés par le mot de passe : donnez-le par téléphone, jamais dans le courriel qui les transporte.</translation>
    </message>
    <message>
        <source>%1 field(s) still to fill in: %2.</source>
        <translation>%1 champ(s) encore à remplir : %2.</translation>
    </message>
</context>
<context>
    <name>OpcoPasswordDialog</name>
    <message>
        <source>OPCO file</source>
        <translation>Dossier OPCO</translation>
    </message>
    <message>
        <source>The database is encrypted: the OPCO file (PDF and workbook) holds the person&apos;s social security number. Protect both files with this password.</source>
        <translation>La base est chiffrée : le dossier OPCO (PDF et classeur) contient le numéro de sécurité sociale de la personne. Protégez les deux fichiers par ce mot de passe.</translation>
    </message>
</context>
</TS>
