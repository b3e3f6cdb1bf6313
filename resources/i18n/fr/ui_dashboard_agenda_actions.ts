<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AgendaActions</name>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Postpone…</source>
        <translation>Reporter…</translation>
    </message>
    <message>
        <source>New reminder…</source>
        <translation>Nouveau rappel…</translation>
    </message>
    <message>
        <source>Select a reminder or a follow-up after an exit.</source>
        <translation>Sélectionnez un rappel ou un suivi après la sortie.</translation>
    </message>
    <message>
        <source>This reminder is already done.</source>
        <translation>Ce rappel est déjà fait.</translation>
    </message>
    <message>
        <source>Open a database first.</source>
        <translation>Ouvrez d&apos;abord une base.</translation>
    </message>
</context>
</TS>
