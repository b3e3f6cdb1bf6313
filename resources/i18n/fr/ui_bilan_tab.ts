<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BilanTab</name>
    <message>
        <source>New group…</source>
        <translation>Nouveau groupe…</translation>
    </message>
    <message>
        <source>Add a participant…</source>
        <translation>Ajouter une personne…</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>Nouvelle séance…</translation>
    </message>
    <message>
        <source>Bilan group:</source>
        <translation>Groupe de bilan :</translation>
    </message>
    <message>
        <source>Record scores…</source>
        <translation>Saisir des notes…</translation>
    </message>
    <message>
        <source>Correct scores…</source>
        <translation>Corriger les notes…</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>Nouveau projet…</translation>
    </message>
    <message>
        <source>Decision…</source>
        <translation>Décision…</translation>
    </message>
    <message>
        <source>Status in the bilan…</source>
        <translation>Statut dans le bilan…</translation>
    </message>
    <message>
        <source>Skill assessments (before and after the remise à niveau)</source>
        <translation>Positionnement (avant et après la remise à niveau)</translation>
    </message>
    <message>
        <source>Professional projects</source>
        <translation>Projets professionnels</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Attendance: tick who was present</source>
        <translation>Émargement : cochez les présent·e·s</translation>
    </message>
    <message>
        <source>Where each participant stands</source>
        <translation>Où en est chacun</translation>
    </message>
    <message>
        <source>Sessions and attendance</source>
        <translation>Séances et émargement</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s) in the bilan</source>
        <translation>
            <numerusform>%Ln participant en bilan</numerusform>
            <numerusform>%Ln participants en bilan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n validated project(s)</source>
        <translation>
            <numerusform>%Ln projet validé</numerusform>
            <numerusform>%Ln projets validés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n participant(s))</source>
        <translation>
            <numerusform>%1 (%Ln participant)</numerusform>
            <numerusform>%1 (%Ln participants)</numerusform>
        </translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>Du %1 au %2</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%Ln séance</numerusform>
            <numerusform>%Ln séances</numerusform>
        </translation>
    </message>
    <message>
        <source>No bilan group yet: create one (Ctrl+N).</source>
        <translation>Aucun groupe de bilan : créez-en un (Ctrl+N).</translation>
    </message>
    <message>
        <source>Select a participant to see their skills and projects.</source>
        <translation>Sélectionnez une personne pour voir son positionnement et ses projets.</translation>
    </message>
    <message>
        <source>There is no cohort yet: create one, or import a contact file.</source>
        <translation>Il n&apos;y a pas encore de promotion : créez-en une, ou importez un fichier de contacts.</translation>
    </message>
    <message>
        <source>Create a bilan group first (New group…).</source>
        <translation>Créez d&apos;abord un groupe de bilan (Nouveau groupe…).</translation>
    </message>
    <message>
        <source>Select a person in the list first.</source>
        <translation>Sélectionnez d&apos;abord une personne dans la liste.</translation>
    </message>
    <message>
        <source>No marks entered yet for this person.</source>
        <translation>Aucune note saisie pour cette personne.</translation>
    </message>
    <message>
        <source>No project recorded yet for this person.</source>
        <translation>Aucun projet enregistré pour cette personne.</translation>
    </message>
    <message>
        <source>Skill assessment</source>
        <translation>Positionnement</translation>
    </message>
    <message>
        <source>Select the domain to correct in the list.</source>
        <translation>Sélectionnez dans la liste le domaine à corriger.</translation>
    </message>
    <message>
        <source>Decision on the project</source>
        <translation>Décision sur le projet</translation>
    </message>
    <message>
        <source>Select the project in the list.</source>
        <translation>Sélectionnez le projet dans la liste.</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Participant</source>
        <translation>Participant·e</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>Entrée le</translation>
    </message>
    <message>
        <source>Bilan status</source>
        <translation>Statut du bilan</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Assiduité</translation>
    </message>
    <message>
        <source>Average gain (/20)</source>
        <translation>Progression moyenne (/20)</translation>
    </message>
    <message>
        <source>Professional project</source>
        <translation>Projet professionnel</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Partie</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Intervenant·e</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présents</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absents</translation>
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
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>Évalué le</translation>
    </message>
    <message>
        <source>Reassessed on</source>
        <translation>Réévalué le</translation>
    </message>
    <message>
        <source>Target job</source>
        <translation>Métier visé</translation>
    </message>
    <message>
        <source>ROME</source>
        <translation>ROME</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Décidé le</translation>
    </message>
    <message>
        <source>Directly employable</source>
        <translation>Directement employable</translation>
    </message>
</context>
</TS>
