<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Export profiles</source>
        <translation>Profils d&apos;export</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>Partir de :</translation>
    </message>
    <message>
        <source>short name, e.g. agefos</source>
        <translation>nom court, par exemple agefos</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Nom du profil :</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>Destinataire :</translation>
    </message>
    <message>
        <source>Columns (tick, order, double-click to rename)</source>
        <translation>Colonnes (cocher, ordonner, double-cliquer pour renommer)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Contracts to include (nothing ticked: all)</source>
        <translation>Contrats à inclure (rien de coché : tous)</translation>
    </message>
    <message>
        <source>OPCO names separated by ;</source>
        <translation>noms d&apos;OPCO séparés par ;</translation>
    </message>
    <message>
        <source>Also the people no longer in the programme</source>
        <translation>Aussi les personnes qui ne sont plus dans le dispositif</translation>
    </message>
    <message>
        <source>Not interested, withdrew or not selected, gave up the bilan, left with a solution.</source>
        <translation>Pas intéressées, désistées ou non retenues, ayant abandonné le bilan, sorties avec une solution.</translation>
    </message>
    <message>
        <source>Also the people without a recorded consent</source>
        <translation>Aussi les personnes sans consentement enregistré</translation>
    </message>
    <message>
        <source>No date of information / consent in their file.</source>
        <translation>Aucune date d&apos;information / de consentement dans leur dossier.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>People to include</source>
        <translation>Personnes à inclure</translation>
    </message>
    <message>
        <source>By default the workbook lists the people still in the programme whose date of information / consent is recorded. The Synthèse says how many were left out, and why.</source>
        <translation>Par défaut, le classeur liste les personnes encore dans le dispositif dont la date d&apos;information / de consentement est enregistrée. La feuille « Synthèse » indique combien de personnes n&apos;y figurent pas, et pourquoi.</translation>
    </message>
    <message>
        <source>Last and first names come first on every printed page. Birth date, phone, e-mail and address are personal data the Mission Locale keeps in its own file: tick them only if it asks for them.</source>
        <translation>Le nom et le prénom viennent en premier sur chaque page imprimée. La date de naissance, le téléphone, le courriel et l&apos;adresse sont des données personnelles que la Mission Locale tient dans son propre dossier : ne les cochez que si elle les demande.</translation>
    </message>
    <message>
        <source>Column “%1” of the people sheet</source>
        <translation>Colonne « %1 » de la feuille des personnes</translation>
    </message>
    <message>
        <source>Personal data: only if the Mission Locale asks for it.</source>
        <translation>Donnée personnelle : seulement si la Mission Locale la demande.</translation>
    </message>
    <message>
        <source>Column “%1” of the contract list</source>
        <translation>Colonne « %1 » de la liste des contrats</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
        <source>The name is used to choose the profile when exporting.</source>
        <translation>Ce nom sert à choisir le profil au moment de l&apos;export.</translation>
    </message>
    <message>
        <source>Tick at least one column.</source>
        <translation>Cochez au moins une colonne.</translation>
    </message>
    <message>
        <source>The profile could not be saved: %1</source>
        <translation>Le profil n&apos;a pas pu être enregistré : %1</translation>
    </message>
</context>
</TS>
