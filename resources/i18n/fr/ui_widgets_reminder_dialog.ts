<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>PostponeDialog</name>
    <message>
        <source>Postpone a reminder</source>
        <translation>Reporter un rappel</translation>
    </message>
    <message>
        <source>%1 (due on %2)</source>
        <translation>%1 (prévu le %2)</translation>
    </message>
    <message>
        <source>New date</source>
        <translation>Nouvelle date</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>New reminder</source>
        <translation>Nouveau rappel</translation>
    </message>
    <message>
        <source>e.g. Call the tutor back about the January timetable</source>
        <translation>par ex. Rappeler la tutrice pour le planning de janvier</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>The reminder shows in the week&apos;s agenda and its calendar file; tick it done or postpone it from the agenda or the person&apos;s file.</source>
        <translation>Le rappel apparaît dans l&apos;agenda de la semaine et son fichier de calendrier ; cochez-le comme fait ou reportez-le depuis l&apos;agenda ou le dossier de la personne.</translation>
    </message>
</context>
</TS>
