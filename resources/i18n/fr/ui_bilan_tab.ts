<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BilanTab</name>
    <message numerus="yes">
        <source>%n participant(s) in the bilan</source>
        <translation>
            <numerusform>%n participant en bilan</numerusform>
            <numerusform>%n participants en bilan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n validated project(s)</source>
        <translation>
            <numerusform>%n projet validé</numerusform>
            <numerusform>%n projets validés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Participant</source>
        <translation>Participant·e</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>Entrée le</translation>
    </message>
    <message>
        <source>Bilan status</source>
        <translation>Statut du bilan</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Assiduité</translation>
    </message>
    <message>
        <source>Average gain (/20)</source>
        <translation>Progression moyenne (/20)</translation>
    </message>
    <message>
        <source>Professional project</source>
        <translation>Projet professionnel</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
</context>
</TS>
