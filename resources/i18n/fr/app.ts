<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>App</name>
    <message>
        <source>(the report could not be written: is the disk full?)</source>
        <translation>(le rapport n&apos;a pas pu être écrit : le disque est-il plein ?)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Nouvelle base</translation>
    </message>
    <message>
        <source>The database « %1 » does not exist. Create a new, empty database there?</source>
        <translation>La base « %1 » n&apos;existe pas. Créer à cet endroit une nouvelle base, vide ?</translation>
    </message>
    <message>
        <source>The database was not opened.</source>
        <translation>La base n&apos;a pas été ouverte.</translation>
    </message>
</context>
</TS>
