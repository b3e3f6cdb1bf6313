<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>EmployersTab</name>
    <message>
        <source>Employer directory</source>
        <translation>Annuaire des employeurs</translation>
    </message>
    <message>
        <source>Job offers and matching</source>
        <translation>Offres d&apos;emploi et rapprochement</translation>
    </message>
    <message>
        <source>Referrals and interviews</source>
        <translation>Mises en relation et entretiens</translation>
    </message>
    <message numerus="yes">
        <source>%n employer(s)</source>
        <translation>
            <numerusform>%Ln employeur</numerusform>
            <numerusform>%Ln employeurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job offer(s) shown</source>
        <translation>
            <numerusform>%Ln offre d&apos;emploi affichée</numerusform>
            <numerusform>%Ln offres d&apos;emploi affichées</numerusform>
        </translation>
    </message>
</context>
</TS>
