<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Values</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
</context>
</TS>
