<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>RomePicker</name>
    <message>
        <source>Type a job or a ROME code (e.g. secretaire, M1607)…</source>
        <translation>Tapez un métier ou un code ROME (ex. secrétaire, M1607)…</translation>
    </message>
    <message>
        <source>No job chosen yet.</source>
        <translation>Aucun métier choisi.</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Choisi : %1</translation>
    </message>
</context>
</TS>
