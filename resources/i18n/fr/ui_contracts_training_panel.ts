<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Justified</source>
        <translation>Justifiée</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Entered from</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Matière</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Grade /20</source>
        <translation>Note /20</translation>
    </message>
</context>
<context>
    <name>TrainingWindow</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Training of %1</source>
        <translation>Formation de %1</translation>
    </message>
    <message>
        <source>Evening classes of %1</source>
        <translation>Cours du soir de %1</translation>
    </message>
    <message>
        <source>Training body</source>
        <translation>Organisme de formation</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Rhythm</source>
        <translation>Rythme</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Result…</source>
        <translation>Résultat…</translation>
    </message>
    <message>
        <source>Certificate obtained, not obtained, or left; with its date</source>
        <translation>Certificat obtenu, non obtenu, ou abandon ; avec sa date</translation>
    </message>
    <message>
        <source>Import the training body&apos;s sheet…</source>
        <translation>Importer la feuille de l&apos;organisme…</translation>
    </message>
    <message>
        <source>A workbook or CSV with the columns Nom, Prénom, Date de naissance, Date, Nature (absence or évaluation), Heures or Demi-journées, Justifiée, Motif, Matière, Résultat, Note sur 20</source>
        <translation>Un classeur ou un CSV avec les colonnes Nom, Prénom, Date de naissance, Date, Nature (absence ou évaluation), Heures ou Demi-journées, Justifiée, Motif, Matière, Résultat, Note sur 20</translation>
    </message>
    <message>
        <source>Add an absence…</source>
        <translation>Ajouter une absence…</translation>
    </message>
    <message>
        <source>Delete the absence</source>
        <translation>Supprimer l&apos;absence</translation>
    </message>
    <message>
        <source>Absences reported by the training body</source>
        <translation>Absences signalées par l&apos;organisme de formation</translation>
    </message>
    <message>
        <source>Add an assessment…</source>
        <translation>Ajouter une évaluation…</translation>
    </message>
    <message>
        <source>Delete the assessment</source>
        <translation>Supprimer l&apos;évaluation</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Évaluations</translation>
    </message>
    <message>
        <source>No training recorded yet: record it to follow its absences and assessments.</source>
        <translation>Aucune formation n&apos;est encore enregistrée : enregistrez-la pour suivre ses absences et ses évaluations.</translation>
    </message>
    <message>
        <source>No evening classes recorded: record them with their training body.</source>
        <translation>Aucun cours du soir n&apos;est enregistré : enregistrez-les avec leur organisme de formation.</translation>
    </message>
    <message>
        <source>Record the training…</source>
        <translation>Enregistrer la formation…</translation>
    </message>
    <message>
        <source>Record evening classes…</source>
        <translation>Enregistrer des cours du soir…</translation>
    </message>
    <message>
        <source>Edit the training…</source>
        <translation>Modifier la formation…</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Pas encore connu</translation>
    </message>
    <message>
        <source>Select an absence first.</source>
        <translation>Sélectionnez d&apos;abord une absence.</translation>
    </message>
    <message>
        <source>Delete the absence of %1?</source>
        <translation>Supprimer l&apos;absence du %1 ?</translation>
    </message>
    <message>
        <source>Select an assessment first.</source>
        <translation>Sélectionnez d&apos;abord une évaluation.</translation>
    </message>
    <message>
        <source>Delete the assessment %1?</source>
        <translation>Supprimer l&apos;évaluation « %1 » ?</translation>
    </message>
    <message>
        <source>Training body&apos;s sheet</source>
        <translation>Feuille de l&apos;organisme de formation</translation>
    </message>
    <message>
        <source>Workbooks and CSV (*.xlsx *.xlsm *.xls *.ods *.csv)</source>
        <translation>Classeurs et CSV (*.xlsx *.xlsm *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <source>%1 absence(s) and %2 assessment(s) imported, %3 already recorded.</source>
        <translation>%1 absence(s) et %2 évaluation(s) importée(s), %3 déjà enregistrée(s).</translation>
    </message>
    <message>
        <source>Rows not imported (correct them in the sheet, then import it again):</source>
        <translation>Lignes non importées (corrigez-les dans la feuille, puis importez-la de nouveau) :</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Formation…</translation>
    </message>
    <message>
        <source>The training of the selected contract (rhythm, absences, assessments, result), or the evening classes of the selected enrolment</source>
        <translation>La formation du contrat choisi (rythme, absences, évaluations, résultat), ou les cours du soir de l&apos;inscription choisie</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>Select a contract or an enrolment in the lists first.</source>
        <translation>Sélectionnez d&apos;abord un contrat ou une inscription dans les listes.</translation>
    </message>
</context>
</TS>
