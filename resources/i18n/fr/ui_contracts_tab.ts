<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Participant</source>
        <translation>Participant·e</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employeur</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Trial period ends</source>
        <translation>Fin d&apos;essai</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Rupture</source>
        <translation>Rupture</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Dernière visite</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Prochaine visite</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
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
    <message>
        <source>Solution</source>
        <translation>Solution</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
</context>
<context>
    <name>ContractsTab</name>
    <message>
        <source>Set aside (%1)</source>
        <translation>Mise de côté (%1)</translation>
    </message>
    <message>
        <source>Visit overdue by %1 day(s)</source>
        <translation>Visite en retard de %1 jour(s)</translation>
    </message>
    <message>
        <source>During the trial period</source>
        <translation>Pendant la période d&apos;essai</translation>
    </message>
    <message>
        <source>After the trial period</source>
        <translation>Après la période d&apos;essai</translation>
    </message>
    <message>
        <source>New contract…</source>
        <translation>Nouveau contrat…</translation>
    </message>
    <message>
        <source>Record a signed contract (Ctrl+N)</source>
        <translation>Enregistrer un contrat signé (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit the contract…</source>
        <translation>Modifier le contrat…</translation>
    </message>
    <message>
        <source>Change its terms, the date sent to the OPCO and its decision (double-click or Enter on the contract)</source>
        <translation>Modifier ses clauses, la date d&apos;envoi à l&apos;OPCO et sa décision (double-clic ou Entrée sur le contrat)</translation>
    </message>
    <message>
        <source>Visit report…</source>
        <translation>Compte rendu de visite…</translation>
    </message>
    <message>
        <source>Rupture…</source>
        <translation>Rupture…</translation>
    </message>
    <message>
        <source>Solution…</source>
        <translation>Solution…</translation>
    </message>
    <message>
        <source>After a rupture or a lapsed enrolment: back to matching, or a solution</source>
        <translation>Après une rupture ou une inscription caduque : retour à la mise en relation, ou une solution</translation>
    </message>
    <message>
        <source>Print the last visit (PDF)…</source>
        <translation>Imprimer la dernière visite (PDF)…</translation>
    </message>
    <message>
        <source>Employer estimate (PDF)…</source>
        <translation>Estimation employeur (PDF)…</translation>
    </message>
    <message>
        <source>What the contract costs the employer, net of the hiring aids in force at its start: one page to give the employer</source>
        <translation>Ce que le contrat coûte à l&apos;employeur, net des aides à l&apos;embauche en vigueur à son début : une page à remettre à l&apos;employeur</translation>
    </message>
    <message>
        <source>Situation on</source>
        <translation>Situation au</translation>
    </message>
    <message numerus="yes">
        <source>%n contract(s)</source>
        <translation>
            <numerusform>%Ln contrat</numerusform>
            <numerusform>%Ln contrats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n broken</source>
        <translation>
            <numerusform>%Ln rompu</numerusform>
            <numerusform>%Ln rompus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) overdue</source>
        <translation>
            <numerusform>%Ln visite en retard</numerusform>
            <numerusform>%Ln visites en retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with warnings</source>
        <translation>
            <numerusform>%Ln avec alerte</numerusform>
            <numerusform>%Ln avec alertes</numerusform>
        </translation>
    </message>
    <message>
        <source>Enrolments without a contract: %1 provisional, %2 lapsed without a solution</source>
        <translation>Inscriptions sans contrat : %1 provisoire(s), %2 caduque(s) sans solution</translation>
    </message>
    <message>
        <source>Contract follow-up</source>
        <translation>Suivi des contrats</translation>
    </message>
    <message>
        <source>Select a contract in the list first.</source>
        <translation>Sélectionnez d&apos;abord un contrat dans la liste.</translation>
    </message>
    <message>
        <source>This contract is already broken.</source>
        <translation>Ce contrat est déjà rompu.</translation>
    </message>
    <message>
        <source>during the trial period</source>
        <translation>pendant la période d&apos;essai</translation>
    </message>
    <message>
        <source>after the trial period</source>
        <translation>après la période d&apos;essai</translation>
    </message>
    <message>
        <source>Rupture recorded</source>
        <translation>Rupture enregistrée</translation>
    </message>
    <message>
        <source>Rupture recorded %1.</source>
        <translation>Rupture enregistrée %1.</translation>
    </message>
    <message>
        <source>To notify:</source>
        <translation>À notifier :</translation>
    </message>
    <message>
        <source>The contract is broken: does %1 go back to matching, or have a solution?</source>
        <translation>Le contrat est rompu : %1 revient-il·elle à la mise en relation, ou a-t-il·elle une solution ?</translation>
    </message>
    <message>
        <source>Record where %1 goes next.</source>
        <translation>Enregistrez la suite pour %1.</translation>
    </message>
    <message>
        <source>Select a contract or an enrolment in the lists first.</source>
        <translation>Sélectionnez d&apos;abord un contrat ou une inscription dans les listes.</translation>
    </message>
    <message>
        <source>Save the visit report</source>
        <translation>Enregistrer le compte rendu de visite</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Visit report</source>
        <translation>Compte rendu de visite</translation>
    </message>
    <message>
        <source>Visit report saved: %1</source>
        <translation>Compte rendu enregistré : %1</translation>
    </message>
    <message>
        <source>No visit done yet for this contract.</source>
        <translation>Aucune visite faite pour ce contrat.</translation>
    </message>
</context>
</TS>
