<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AlertAside</name>
    <message>
        <source>Set an alert aside…</source>
        <translation>Mettre une alerte de côté…</translation>
    </message>
    <message>
        <source>An alert checked with the employer (e.g. a branch agreement): it no longer flags the contract</source>
        <translation>Une alerte vérifiée avec l&apos;employeur (par exemple un accord de branche) : elle ne signale plus le contrat</translation>
    </message>
    <message>
        <source>Restore an alert set aside…</source>
        <translation>Rétablir une alerte mise de côté…</translation>
    </message>
    <message>
        <source>An alert set aside by mistake flags the contract again</source>
        <translation>Une alerte mise de côté par erreur signale de nouveau le contrat</translation>
    </message>
    <message>
        <source>Contract follow-up</source>
        <translation>Suivi des contrats</translation>
    </message>
    <message>
        <source>This contract has no alert to set aside.</source>
        <translation>Ce contrat n&apos;a aucune alerte à mettre de côté.</translation>
    </message>
    <message>
        <source>No alert of this contract is set aside.</source>
        <translation>Aucune alerte de ce contrat n&apos;est mise de côté.</translation>
    </message>
</context>
<context>
    <name>ContractsTab</name>
    <message>
        <source>Illegal</source>
        <translation>Illégal</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>RestoreAlertDialog</name>
    <message>
        <source>Restore an alert — %1</source>
        <translation>Rétablir une alerte — %1</translation>
    </message>
    <message>
        <source>The alert will flag the contract again, and the reason it was set aside with is forgotten.</source>
        <translation>L&apos;alerte signalera de nouveau le contrat, et la raison donnée pour la mettre de côté sera effacée.</translation>
    </message>
    <message>
        <source>%1 — set aside (%2)</source>
        <translation>%1 — mise de côté (%2)</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Restore the alert</source>
        <translation>Rétablir l&apos;alerte</translation>
    </message>
</context>
</TS>
