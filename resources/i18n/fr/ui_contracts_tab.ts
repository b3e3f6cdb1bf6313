<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Participant</source>
        <translation>Participant·e</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employeur</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Trial period ends</source>
        <translation>Fin de période d&apos;essai</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Rupture</source>
        <translation>Rupture</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Dernière visite</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Prochaine visite</translation>
    </message>
</context>
<context>
    <name>ContractsTab</name>
    <message numerus="yes">
        <source>%n contract(s)</source>
        <translation>
            <numerusform>%n contrat</numerusform>
            <numerusform>%n contrats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n broken</source>
        <translation>
            <numerusform>%n rompu</numerusform>
            <numerusform>%n rompus</numerusform>
        </translation>
    </message>
</context>
</TS>
