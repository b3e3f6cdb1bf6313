<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Added on</source>
        <translation>Ajouté le</translation>
    </message>
    <message>
        <source>Attached to</source>
        <translation>Rattaché à</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>PDF, images and office files, %1 at most</source>
        <translation>PDF, images et fichiers de bureautique, %1 au plus</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Attach to</source>
        <translation>Rattacher à</translation>
    </message>
    <message>
        <source>Save this record first; its documents come next.</source>
        <translation>Enregistrez d&apos;abord cette fiche ; ses documents viendront ensuite.</translation>
    </message>
    <message>
        <source>%1 — %2, %3, added on %4 (%5).</source>
        <translation>%1 — %2, %3, ajouté le %4 (%5).</translation>
    </message>
    <message>
        <source>Double-click a document to open it.</source>
        <translation>Double-cliquez sur un document pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>No document yet (a CV, the signed CERFA, a visit report…).</source>
        <translation>Aucun document pour l&apos;instant (un CV, le CERFA signé, un compte rendu de visite…).</translation>
    </message>
    <message>
        <source>Choose a document in the list first.</source>
        <translation>Choisissez d&apos;abord un document dans la liste.</translation>
    </message>
    <message>
        <source>Add a document</source>
        <translation>Ajouter un document</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
    <message>
        <source>No program on this computer opens « %1 » documents. Install one (a PDF reader, an office suite), then open it again.</source>
        <translation>Aucun programme de cet ordinateur n&apos;ouvre les documents « %1 ». Installez-en un (un lecteur de PDF, une suite bureautique), puis ouvrez-le de nouveau.</translation>
    </message>
    <message>
        <source>Delete a document</source>
        <translation>Supprimer un document</translation>
    </message>
    <message>
        <source>Delete « %1 »? It will be gone from CoachDesk (its backups keep it until they are rotated away).</source>
        <translation>Supprimer « %1 » ? Il disparaîtra de CoachDesk (les sauvegardes le gardent jusqu&apos;à leur renouvellement).</translation>
    </message>
</context>
</TS>
