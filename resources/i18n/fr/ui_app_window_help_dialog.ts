<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>GuideDialog</name>
    <message>
        <source>CoachDesk guide</source>
        <translation>Guide de CoachDesk</translation>
    </message>
</context>
</TS>
