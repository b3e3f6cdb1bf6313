<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>PromotionActions</name>
    <message>
        <source>&amp;Promotion</source>
        <translation>&amp;Promotion</translation>
    </message>
    <message>
        <source>Promotion&apos;s &amp;set-up…</source>
        <translation>&amp;Paramètres de la promotion…</translation>
    </message>
    <message>
        <source>&amp;Archive this promotion (or bring it back)…</source>
        <translation>&amp;Archiver cette promotion (ou la ressortir)…</translation>
    </message>
    <message>
        <source>&amp;Coaches…</source>
        <translation>&amp;Chargé·es…</translation>
    </message>
    <message>
        <source>Show archived promotions</source>
        <translation>Afficher les promotions archivées</translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation> (archivée)</translation>
    </message>
    <message>
        <source>No database open.</source>
        <translation>Aucune base ouverte.</translation>
    </message>
    <message>
        <source>There is no promotion yet: create one with Promotion ▸ New promotion…</source>
        <translation>Il n&apos;y a encore aucune promotion : créez-en une avec Promotion ▸ Nouvelle promotion…</translation>
    </message>
    <message>
        <source>Archive the promotion</source>
        <translation>Archiver la promotion</translation>
    </message>
    <message>
        <source>Archive « %1 »? It leaves the promotion selector; nothing of it is deleted, and its people, figures and exports stay in the database.</source>
        <translation>Archiver « %1 » ? Elle quitte la liste des promotions ; rien n&apos;est effacé : ses personnes, ses chiffres et ses exports restent dans la base.</translation>
    </message>
</context>
</TS>
