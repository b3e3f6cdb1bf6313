<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ContractDialog</name>
    <message>
        <source>Reminder…</source>
        <translation>Rappel…</translation>
    </message>
    <message>
        <source>New work-study contract</source>
        <translation>Nouveau contrat de professionnalisation</translation>
    </message>
    <message>
        <source>Work-study contract of %1</source>
        <translation>Contrat de professionnalisation de %1</translation>
    </message>
    <message>
        <source>14 digits, if not the head office</source>
        <translation>14 chiffres, si ce n&apos;est pas le siège</translation>
    </message>
    <message>
        <source>The job offer of this employer the contract fills, if any</source>
        <translation>L&apos;offre d&apos;emploi de cet employeur que le contrat pourvoit, s&apos;il y en a une</translation>
    </message>
    <message>
        <source>signed on</source>
        <translation>signé le</translation>
    </message>
    <message>
        <source>ends on</source>
        <translation>finit le</translation>
    </message>
    <message>
        <source>as written in the contract</source>
        <translation>celle écrite dans le contrat</translation>
    </message>
    <message>
        <source>gross per month, e.g. 1 075,02</source>
        <translation>brut par mois, par exemple 1 075,02</translation>
    </message>
    <message>
        <source>from the collective agreement, if any</source>
        <translation>minimum conventionnel, s&apos;il y en a un</translation>
    </message>
    <message>
        <source>The branch&apos;s minimum pay for this job: from 26 years the pay must reach 85 % of it when that is more than the SMIC.</source>
        <translation>Le minimum conventionnel de branche pour cet emploi : à partir de 26 ans, le salaire doit en atteindre 85 % quand c&apos;est plus que le SMIC.</translation>
    </message>
    <message>
        <source>sent on</source>
        <translation>transmis le</translation>
    </message>
    <message>
        <source>— not known yet —</source>
        <translation>— pas encore connue —</translation>
    </message>
    <message>
        <source>on</source>
        <translation>le</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant·e</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employeur</translation>
    </message>
    <message>
        <source>Workplace SIRET</source>
        <translation>SIRET du lieu d&apos;exécution</translation>
    </message>
    <message>
        <source>Tutor</source>
        <translation>Tuteur</translation>
    </message>
    <message>
        <source>Job offer</source>
        <translation>Offre d&apos;emploi</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
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
        <source>Trial period</source>
        <translation>Période d&apos;essai</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Durée hebdomadaire</translation>
    </message>
    <message>
        <source>Training hours</source>
        <translation>Heures de formation</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Intitulé du poste</translation>
    </message>
    <message>
        <source>ROME code</source>
        <translation>Code ROME</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualification visée</translation>
    </message>
    <message>
        <source>Gross monthly pay (€)</source>
        <translation>Salaire brut mensuel (€)</translation>
    </message>
    <message>
        <source>Branch minimum pay (€)</source>
        <translation>Minimum de branche (€)</translation>
    </message>
    <message>
        <source>OPCO</source>
        <translation>OPCO</translation>
    </message>
    <message>
        <source>Sent to the OPCO</source>
        <translation>Transmis à l&apos;OPCO</translation>
    </message>
    <message>
        <source>OPCO decision</source>
        <translation>Décision de l&apos;OPCO</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Date de la décision</translation>
    </message>
    <message>
        <source>Employer and tutor</source>
        <translation>Employeur et tuteur</translation>
    </message>
    <message>
        <source>Contract (CERFA EJ20)</source>
        <translation>Contrat (CERFA EJ20)</translation>
    </message>
    <message>
        <source>Checks (never blocking)</source>
        <translation>Vérifications (jamais bloquantes)</translation>
    </message>
    <message>
        <source>What the contract costs the employer</source>
        <translation>Ce que le contrat coûte à l&apos;employeur</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Missing before sending to the OPCO</source>
        <translation>Manque avant l&apos;envoi à l&apos;OPCO</translation>
    </message>
    <message>
        <source>— no tutor named yet —</source>
        <translation>— pas encore de tuteur désigné —</translation>
    </message>
    <message>
        <source>— no offer —</source>
        <translation>— aucune offre —</translation>
    </message>
    <message>
        <source>Trial period ends on %1 (legal computation).</source>
        <translation>Fin de la période d&apos;essai le %1 (calcul légal).</translation>
    </message>
    <message>
        <source>Trial period ends on %1 (as written in the contract; legal: %2).</source>
        <translation>Fin de la période d&apos;essai le %1 (écrite dans le contrat ; calcul légal : %2).</translation>
    </message>
    <message>
        <source>The pay is not an amount: write e.g. 1 075,02.</source>
        <translation>Le salaire n&apos;est pas un montant : écrivez par exemple 1 075,02.</translation>
    </message>
    <message>
        <source>Type the gross monthly pay to see the cost.</source>
        <translation>Saisissez le salaire brut mensuel pour voir le coût.</translation>
    </message>
    <message>
        <source>No rule seems broken.</source>
        <translation>Aucune règle ne semble enfreinte.</translation>
    </message>
    <message>
        <source>Choose the participant who signs the contract.</source>
        <translation>Choisissez la personne qui signe le contrat.</translation>
    </message>
    <message>
        <source>Choose the employer: type a few letters of its name and pick it; add it in the Employers tab first if it is not found.</source>
        <translation>Choisissez l&apos;employeur : tapez quelques lettres de son nom et choisissez-le ; ajoutez-le d&apos;abord dans l&apos;onglet Employeurs s&apos;il n&apos;est pas trouvé.</translation>
    </message>
    <message>
        <source>Field « Gross monthly pay »: « %1 » is not an amount in euros.</source>
        <translation>Champ « Salaire brut mensuel » : « %1 » n&apos;est pas un montant en euros.</translation>
    </message>
    <message>
        <source>Write e.g. 1 075,02 or leave it empty.</source>
        <translation>Écrivez par exemple 1 075,02, ou laissez-le vide.</translation>
    </message>
    <message>
        <source>Field « Branch minimum pay »: « %1 » is not an amount in euros.</source>
        <translation>Champ « Minimum conventionnel de branche » : « %1 » n&apos;est pas un montant en euros.</translation>
    </message>
    <message>
        <source>Write e.g. 1 650,00 or leave it empty.</source>
        <translation>Écrivez par exemple 1 650,00 ou laissez vide.</translation>
    </message>
    <message>
        <source>Contract at %1</source>
        <translation>Contrat chez %1</translation>
    </message>
</context>
</TS>
