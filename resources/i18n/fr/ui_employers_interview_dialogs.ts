<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>Interview preparation</source>
        <translation>Préparation de l&apos;entretien</translation>
    </message>
    <message>
        <source>Add a point for this interview only, then press Enter</source>
        <translation>Ajouter un point pour cet entretien seulement, puis Entrée</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Point to prepare</source>
        <translation>Point à préparer</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Fait le</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>%1 of %2 points done</source>
        <translation>%1 points faits sur %2</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <source>Plan a recruitment interview</source>
        <translation>Prévoir un entretien de recrutement</translation>
    </message>
    <message>
        <source>Bus or tram line, travel time…</source>
        <translation>Ligne de bus ou de tram, temps de trajet…</translation>
    </message>
    <message>
        <source>%1 (%2 points)</source>
        <translation>%1 (%2 points)</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Itinéraire</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Reçu·e par</translation>
    </message>
    <message>
        <source>Preparation checklist</source>
        <translation>Liste de préparation</translation>
    </message>
</context>
</TS>
