<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>EmployerEstimate</name>
    <message>
        <source>Save the employer estimate</source>
        <translation>Enregistrer l&apos;estimation pour l&apos;employeur</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Employer estimate</source>
        <translation>Estimation pour l&apos;employeur</translation>
    </message>
    <message>
        <source>Estimate saved: %1</source>
        <translation>Estimation enregistrée : %1</translation>
    </message>
</context>
</TS>
