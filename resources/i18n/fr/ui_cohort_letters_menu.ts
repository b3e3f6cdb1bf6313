<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>LettersMenu</name>
    <message>
        <source>Letters</source>
        <translation>Courriers</translation>
    </message>
    <message>
        <source>Write letters or e-mails…</source>
        <translation>Écrire des lettres ou des courriels…</translation>
    </message>
    <message>
        <source>Record answers to a campaign…</source>
        <translation>Noter les réponses à une campagne…</translation>
    </message>
    <message>
        <source>Edit the letter templates…</source>
        <translation>Modifier les modèles de courrier…</translation>
    </message>
    <message>
        <source>Answers to a campaign</source>
        <translation>Réponses à une campagne</translation>
    </message>
    <message>
        <source>No campaign has been recorded in this cohort yet: write letters or e-mails, or record a campaign, first.</source>
        <translation>Aucune campagne n&apos;a encore été enregistrée dans cette promotion : écrivez d&apos;abord des lettres ou des courriels, ou notez une campagne.</translation>
    </message>
    <message>
        <source>Select in the list the people who answered (search or filter, then Ctrl+A).</source>
        <translation>Sélectionnez dans la liste les personnes qui ont répondu (recherchez ou filtrez, puis Ctrl+A).</translation>
    </message>
</context>
</TS>
