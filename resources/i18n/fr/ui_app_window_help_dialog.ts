<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutBox</name>
    <message>
        <source>About CoachDesk</source>
        <translation>À propos de CoachDesk</translation>
    </message>
    <message>
        <source>CoachDesk %1
The coaches&apos; desk: from the dropouts&apos; contact file to a lasting work-study contract.</source>
        <translation>CoachDesk %1
Le bureau des chargé·e·s d&apos;accompagnement : du fichier des décrocheurs au contrat en alternance durable.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>CoachDesk guide</source>
        <translation>Guide de CoachDesk</translation>
    </message>
</context>
</TS>
