<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Enrolment</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Date limite</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Jours restants</translation>
    </message>
</context>
<context>
    <name>EnrolmentBar</name>
    <message>
        <source>Enrol provisionally…</source>
        <translation>Inscrire provisoirement…</translation>
    </message>
    <message>
        <source>Enrol the selected people in the training until their contract is signed</source>
        <translation>Inscrire les personnes sélectionnées à la formation, en attendant la signature de leur contrat</translation>
    </message>
    <message>
        <source>Deadline…</source>
        <translation>Date limite…</translation>
    </message>
    <message>
        <source>Give the selected enrolled people a deadline of their own, or the promotion&apos;s</source>
        <translation>Donner aux personnes inscrites sélectionnées une date limite à elles, ou celle de la promotion</translation>
    </message>
    <message>
        <source>Solution…</source>
        <translation>Solution…</translation>
    </message>
    <message>
        <source>Record the solution found for a person whose place lapsed</source>
        <translation>Enregistrer la solution trouvée pour une personne dont l&apos;inscription est caduque</translation>
    </message>
    <message>
        <source>Situation on</source>
        <translation>Situation au</translation>
    </message>
    <message>
        <source>Enrolled: %1 provisional (%2 near the deadline), %3 final, %4 lapsed without a solution</source>
        <translation>Inscriptions : %1 provisoire(s) (%2 proche(s) de la date limite), %3 confirmée(s), %4 caduque(s) sans solution</translation>
    </message>
    <message>
        <source>Select people in the list first (Ctrl+click or Shift+click for several).</source>
        <translation>Sélectionnez d&apos;abord des personnes dans la liste (Ctrl+clic ou Maj+clic pour plusieurs).</translation>
    </message>
    <message>
        <source>Everyone selected is already enrolled: change their deadline instead.</source>
        <translation>Toutes les personnes sélectionnées sont déjà inscrites : changez plutôt leur date limite.</translation>
    </message>
    <message>
        <source>Nobody selected is enrolled yet: enrol them first.</source>
        <translation>Aucune des personnes sélectionnées n&apos;est encore inscrite : inscrivez-les d&apos;abord.</translation>
    </message>
    <message>
        <source>Select one enrolled person whose place is not final (lapsed, or still provisional).</source>
        <translation>Sélectionnez une seule personne inscrite dont l&apos;inscription n&apos;est pas définitive (caduque, ou encore provisoire).</translation>
    </message>
    <message>
        <source>Provisional enrolment</source>
        <translation>Inscription provisoire</translation>
    </message>
    <message>
        <source>Select the people to enrol in the list (Ctrl+click or Shift+click for several).</source>
        <translation>Sélectionnez dans la liste les personnes à inscrire (Ctrl+clic ou Maj+clic pour plusieurs).</translation>
    </message>
</context>
</TS>
