<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChecklistEditor</name>
    <message>
        <source>Preparation checklists</source>
        <translation>Listes de préparation</translation>
    </message>
    <message>
        <source>New list (copy of this one)</source>
        <translation>Nouvelle liste (copie de celle-ci)</translation>
    </message>
    <message>
        <source>Delete the list…</source>
        <translation>Supprimer la liste…</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listes</translation>
    </message>
    <message>
        <source>Default list: new interviews copy it</source>
        <translation>Liste par défaut : les nouveaux entretiens la recopient</translation>
    </message>
    <message>
        <source>Type a new point, then press Enter</source>
        <translation>Tapez un nouveau point, puis Entrée</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove the point</source>
        <translation>Retirer le point</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Ctrl+Up in the list</source>
        <translation>Ctrl+Haut dans la liste</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Ctrl+Down in the list</source>
        <translation>Ctrl+Bas dans la liste</translation>
    </message>
    <message>
        <source>Double-click a point (or press F2) to rename it; Ctrl+Up and Ctrl+Down move it, Delete removes it. Changes are saved at once. Interviews already planned keep their own copy of the list.</source>
        <translation>Double-cliquez sur un point (ou F2) pour le renommer ; Ctrl+Haut et Ctrl+Bas le déplacent, Suppr le retire. Chaque modification est enregistrée aussitôt. Les entretiens déjà prévus gardent leur propre copie de la liste.</translation>
    </message>
    <message>
        <source>Selected list</source>
        <translation>Liste choisie</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%Ln point</numerusform>
            <numerusform>%Ln points</numerusform>
        </translation>
    </message>
    <message>
        <source>The default list cannot be deleted: choose another default first.</source>
        <translation>La liste par défaut ne peut pas être supprimée : choisissez d&apos;abord une autre liste par défaut.</translation>
    </message>
    <message>
        <source>Delete the list</source>
        <translation>Supprimer la liste</translation>
    </message>
    <message>
        <source>Delete the list « %1 »? Interviews already planned keep their copy.</source>
        <translation>Supprimer la liste « %1 » ? Les entretiens déjà prévus gardent leur copie.</translation>
    </message>
</context>
</TS>
