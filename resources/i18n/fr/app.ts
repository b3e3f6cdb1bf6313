<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>App</name>
    <message>
        <source>The database was not opened.</source>
        <translation>La base n&apos;a pas été ouverte.</translation>
    </message>
</context>
</TS>
