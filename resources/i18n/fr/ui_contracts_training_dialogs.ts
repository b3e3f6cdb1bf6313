<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AbsenceDialog</name>
    <message>
        <source>Absence at the training body</source>
        <translation>Absence au centre de formation</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Half-days</source>
        <translation>Demi-journées</translation>
    </message>
    <message>
        <source>Justified</source>
        <translation>Justifiée</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>Assessment at the training body</source>
        <translation>Évaluation au centre de formation</translation>
    </message>
    <message>
        <source>e.g. Acquired</source>
        <translation>par ex. Acquis</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Matière</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>Result of the training</source>
        <translation>Résultat de la formation</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Pas encore connu</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source>Evening classes of %1</source>
        <translation>Cours du soir de %1</translation>
    </message>
    <message>
        <source>Training of %1</source>
        <translation>Formation de %1</translation>
    </message>
    <message>
        <source>at the training body,</source>
        <translation>au centre de formation,</translation>
    </message>
    <message>
        <source>at work, each week</source>
        <translation>en entreprise, chaque semaine</translation>
    </message>
    <message>
        <source>Training body</source>
        <translation>Organisme de formation</translation>
    </message>
    <message>
        <source>Qualification prepared</source>
        <translation>Qualification préparée</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Rhythm</source>
        <translation>Rythme</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
</TS>
