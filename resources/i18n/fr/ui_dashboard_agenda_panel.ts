<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AgendaPanel</name>
    <message>
        <source>Previous week</source>
        <translation>Semaine précédente</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Semaine suivante</translation>
    </message>
    <message>
        <source>Show the week of this day</source>
        <translation>Afficher la semaine de ce jour</translation>
    </message>
    <message>
        <source>Export to calendar (.ics)…</source>
        <translation>Exporter vers l&apos;agenda (.ics)…</translation>
    </message>
    <message>
        <source>This week — %1</source>
        <translation>Cette semaine — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) this week</source>
        <translation>
            <numerusform>%Ln élément cette semaine</numerusform>
            <numerusform>%Ln éléments cette semaine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) that week</source>
        <translation>
            <numerusform>%Ln élément cette semaine-là</numerusform>
            <numerusform>%Ln éléments cette semaine-là</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) overdue</source>
        <translation>
            <numerusform>%Ln visite en retard</numerusform>
            <numerusform>%Ln visites en retard</numerusform>
        </translation>
    </message>
    <message>
        <source>double-click a line to open its record.</source>
        <translation>double-cliquez sur une ligne pour ouvrir sa fiche.</translation>
    </message>
    <message>
        <source>Nothing due this week.</source>
        <translation>Rien de prévu cette semaine.</translation>
    </message>
    <message>
        <source>Nothing due that week.</source>
        <translation>Rien de prévu cette semaine-là.</translation>
    </message>
    <message>
        <source>Nothing is due this week: there is nothing to export.</source>
        <translation>Rien n&apos;est prévu cette semaine : il n&apos;y a rien à exporter.</translation>
    </message>
    <message>
        <source>Export the agenda</source>
        <translation>Exporter l&apos;agenda</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Fichiers agenda (*.ics)</translation>
    </message>
    <message>
        <source>Agenda exported</source>
        <translation>Agenda exporté</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) written to %1.</source>
        <translation>
            <numerusform>%Ln élément écrit dans %1.</numerusform>
            <numerusform>%Ln éléments écrits dans %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
</TS>
