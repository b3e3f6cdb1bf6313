<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation en cours…</translation>
    </message>
    <message>
        <source>(the report could not be written: is the disk full?)</source>
        <translation>(le rapport n&apos;a pas pu être écrit : le disque est-il plein ?)</translation>
    </message>
</context>
</TS>
