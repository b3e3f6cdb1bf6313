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
        <source>Save</source>
        <translation>Enregistrer</translation>
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
