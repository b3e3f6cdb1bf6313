<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>MainWindow</name>
    <message>
        <source>About CoachDesk</source>
        <translation>À propos de CoachDesk</translation>
    </message>
    <message>
        <source>CoachDesk %1
The coaches&apos; desk: from the dropouts&apos; contact file to a lasting work-study contract.</source>
        <translation>CoachDesk %1
Le bureau des chargés d&apos;accompagnement : du fichier des décrocheurs au contrat en alternance durable.</translation>
    </message>
</context>
</TS>
