<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>EmployerPicker</name>
    <message>
        <source>Type a name, a town or a SIRET…</source>
        <translation>Tapez un nom, une ville ou un SIRET…</translation>
    </message>
    <message>
        <source>No employer chosen yet.</source>
        <translation>Aucun employeur choisi pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Choisi : %1</translation>
    </message>
</context>
</TS>
