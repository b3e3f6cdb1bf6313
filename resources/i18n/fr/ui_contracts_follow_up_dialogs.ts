<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AcknowledgeAlertDialog</name>
    <message>
        <source>Set an alert aside — %1</source>
        <translation>Mettre une alerte de côté — %1</translation>
    </message>
    <message>
        <source>Once set aside with its reason, the alert no longer flags the contract; it stays listed in the contract&apos;s tooltip with your reason.</source>
        <translation>Une fois mise de côté avec sa raison, l&apos;alerte ne signale plus le contrat ; elle reste indiquée dans l&apos;info-bulle du contrat avec votre raison.</translation>
    </message>
    <message>
        <source>e.g. accord de branche</source>
        <translation>par exemple : accord de branche</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>What next for %1</source>
        <translation>La suite pour %1</translation>
    </message>
    <message>
        <source>Back to matching: propose new job offers (a reminder goes in the agenda)</source>
        <translation>Retour à la mise en relation : proposer de nouvelles offres (un rappel s&apos;ajoute à l&apos;agenda)</translation>
    </message>
    <message>
        <source>Record the solution found</source>
        <translation>Enregistrer la solution trouvée</translation>
    </message>
    <message>
        <source>from</source>
        <translation>à partir du</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>Solution</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hire or studies start</source>
        <translation>Début de l&apos;embauche ou des études</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>RuptureDialog</name>
    <message>
        <source>Contract rupture</source>
        <translation>Rupture du contrat</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Ended by</source>
        <translation>À l&apos;initiative de</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Trial period</source>
        <translation>Période d&apos;essai</translation>
    </message>
    <message>
        <source>To notify</source>
        <translation>À notifier</translation>
    </message>
    <message>
        <source>During the trial period (it ends on %1).</source>
        <translation>Pendant la période d&apos;essai (elle se termine le %1).</translation>
    </message>
    <message>
        <source>After the trial period (it ended on %1).</source>
        <translation>Après la période d&apos;essai (elle s&apos;est terminée le %1).</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Very difficult</source>
        <translation>Très difficile</translation>
    </message>
    <message>
        <source>Difficult</source>
        <translation>Difficile</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bien</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Très bien</translation>
    </message>
    <message>
        <source>Visit report</source>
        <translation>Compte rendu de visite</translation>
    </message>
    <message>
        <source>not done yet: plan it on this date</source>
        <translation>pas encore faite : la prévoir à cette date</translation>
    </message>
    <message>
        <source>e.g. the tutor and the young person</source>
        <translation>par exemple le tuteur et le jeune</translation>
    </message>
    <message>
        <source>What is hard, in a few words</source>
        <translation>Ce qui est difficile, en quelques mots</translation>
    </message>
    <message>
        <source>What was decided, by whom</source>
        <translation>Ce qui a été décidé, par qui</translation>
    </message>
    <message>
        <source>next visit on</source>
        <translation>prochaine visite le</translation>
    </message>
    <message>
        <source>Save the printable report (PDF) for the tutor</source>
        <translation>Enregistrer le compte rendu imprimable (PDF) pour le tuteur</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Follow-up coach</source>
        <translation>Chargé·e de suivi</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Personnes rencontrées</translation>
    </message>
    <message>
        <source>How it is going</source>
        <translation>Comment ça se passe</translation>
    </message>
    <message>
        <source>Difficulties</source>
        <translation>Difficultés</translation>
    </message>
    <message>
        <source>Actions decided</source>
        <translation>Actions décidées</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Prochaine visite</translation>
    </message>
    <message>
        <source>The contract starts on %1. Record this visit on %2, before it?</source>
        <translation>Le contrat commence le %1. Enregistrer cette visite le %2, avant son début ?</translation>
    </message>
    <message>
        <source>The contract ended on %1. Record this visit on %2, %3 days after its end?</source>
        <translation>Le contrat s&apos;est terminé le %1. Enregistrer cette visite le %2, %3 jours après sa fin ?</translation>
    </message>
</context>
</TS>
