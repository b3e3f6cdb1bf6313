<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DateField</name>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
    <message>
        <source>Calendar (Alt+Down)</source>
        <translation>Calendrier (Alt+Bas)</translation>
    </message>
    <message>
        <source>« %1 » is not a date: type it as DD/MM/YYYY, e.g. 05/07/2010.</source>
        <translation>« %1 » n&apos;est pas une date : écrivez-la JJ/MM/AAAA, par exemple 05/07/2010.</translation>
    </message>
    <message>
        <source>The date is missing: type it as DD/MM/YYYY, e.g. 05/07/2010.</source>
        <translation>La date manque : écrivez-la JJ/MM/AAAA, par exemple 05/07/2010.</translation>
    </message>
    <message>
        <source>The date %1 is outside the dates allowed here (%2 to %3).</source>
        <translation>La date du %1 est hors des dates possibles ici (du %2 au %3).</translation>
    </message>
    <message>
        <source>« %1 » is not an hour: type it as HH:MM, e.g. 14:30.</source>
        <translation>« %1 » n&apos;est pas une heure : écrivez-la HH:MM, par exemple 14:30.</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>at</source>
        <translation>à</translation>
    </message>
</context>
</TS>
