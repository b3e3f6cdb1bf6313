<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Employer</source>
        <translation>Employeur</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>NAF</source>
        <translation>NAF</translation>
    </message>
    <message>
        <source>OPCO</source>
        <translation>OPCO</translation>
    </message>
    <message>
        <source>Reached via</source>
        <translation>Origine du contact</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Offres</translation>
    </message>
    <message>
        <source>Open offers</source>
        <translation>Offres ouvertes</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contrats</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Intitulé du poste</translation>
    </message>
    <message>
        <source>ROME</source>
        <translation>ROME</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>EmployersTab</name>
    <message>
        <source>Employers</source>
        <translation>Employeurs</translation>
    </message>
    <message>
        <source>Job offers of the cohort</source>
        <translation>Offres d&apos;emploi de la promotion</translation>
    </message>
    <message numerus="yes">
        <source>%n employer(s)</source>
        <translation>
            <numerusform>%n employeur</numerusform>
            <numerusform>%n employeurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job offer(s) for this cohort</source>
        <translation>
            <numerusform>%n offre d&apos;emploi pour cette promotion</numerusform>
            <numerusform>%n offres d&apos;emploi pour cette promotion</numerusform>
        </translation>
    </message>
</context>
</TS>
