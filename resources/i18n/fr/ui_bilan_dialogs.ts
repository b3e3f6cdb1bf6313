<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>GroupDialog</name>
    <message>
        <source>New bilan group</source>
        <translation>Nouveau groupe de bilan</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nom du groupe</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Début le</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Fin le</translation>
    </message>
    <message>
        <source>The three parts are cut in equal thirds; change them if needed.</source>
        <translation>Les trois parties sont découpées en tiers égaux ; modifiez-les au besoin.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Add a participant to the group</source>
        <translation>Ajouter une personne au groupe</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant·e</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>Entrée le</translation>
    </message>
</context>
<context>
    <name>MemberStatusDialog</name>
    <message>
        <source>Status in the bilan: %1</source>
        <translation>Statut dans le bilan : %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis le</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>Decision on the project</source>
        <translation>Décision sur le projet</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <source>The ROME label unless you type another</source>
        <translation>Le libellé ROME, sauf si vous en tapez un autre</translation>
    </message>
    <message>
        <source>Directly employable</source>
        <translation>Directement employable</translation>
    </message>
    <message>
        <source>Target job (ROME)</source>
        <translation>Métier visé (ROME)</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Intitulé du poste</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Décidé le</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>New bilan session</source>
        <translation>Nouvelle séance de bilan</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Partie</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Intervenant·e</translation>
    </message>
</context>
<context>
    <name>SkillDialog</name>
    <message>
        <source>Skill assessment</source>
        <translation>Positionnement</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Out of</source>
        <translation>Barème</translation>
    </message>
    <message>
        <source>Score before</source>
        <translation>Note avant</translation>
    </message>
    <message>
        <source>Date (before)</source>
        <translation>Date (avant)</translation>
    </message>
    <message>
        <source>Score after</source>
        <translation>Note après</translation>
    </message>
    <message>
        <source>Date (after)</source>
        <translation>Date (après)</translation>
    </message>
</context>
</TS>
