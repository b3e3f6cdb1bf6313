<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>WorkbookPasswordBox</name>
    <message>
        <source>Protect the workbook with a password</source>
        <translation>Protéger le classeur par un mot de passe</translation>
    </message>
    <message>
        <source>Workbook password</source>
        <translation>Mot de passe du classeur</translation>
    </message>
    <message>
        <source>Propose another</source>
        <translation>Proposer un autre</translation>
    </message>
    <message>
        <source>Excel and LibreOffice ask for this password to open the workbook. Give it to the recipient by phone (or in person), never in the e-mail that carries the workbook. CoachDesk keeps it nowhere: note it before exporting.</source>
        <translation>Excel et LibreOffice demandent ce mot de passe pour ouvrir le classeur. Donnez-le au destinataire par téléphone (ou en main propre), jamais dans le courriel qui porte le classeur. CoachDesk ne le conserve nulle part : notez-le avant d&apos;exporter.</translation>
    </message>
</context>
</TS>
