<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Messages</name>
    <message>
        <source>CoachDesk</source>
        <translation>CoachDesk</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was saved half-way.
The details below were written to {path}; please send that file to the CoachDesk team.</source>
        <translation>Un problème inattendu est survenu. Rien n&apos;a été enregistré à moitié.
Le détail ci-dessous a été écrit dans {path} : transmettez ce fichier à l&apos;équipe CoachDesk.</translation>
    </message>
    <message>
        <source>Close without saving? What you changed in this form will be lost.</source>
        <translation>Fermer sans enregistrer ? Ce que vous avez modifié dans ce formulaire sera perdu.</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Fermer sans enregistrer</translation>
    </message>
    <message>
        <source>Go back to the form</source>
        <translation>Revenir au formulaire</translation>
    </message>
</context>
</TS>
