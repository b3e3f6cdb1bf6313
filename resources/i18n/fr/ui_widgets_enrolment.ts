<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DeadlineDialog</name>
    <message>
        <source>Deadline for a contract</source>
        <translation>Date limite pour signer un contrat</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Date limite</translation>
    </message>
    <message>
        <source>A later deadline gives a lapsed place another chance; a contract signed by the new deadline makes it final.</source>
        <translation>Une date limite plus tardive redonne sa chance à une inscription caduque ; un contrat signé avant la nouvelle date limite la rend définitive.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Provisional enrolment in the training</source>
        <translation>Inscription provisoire à la formation</translation>
    </message>
    <message>
        <source>The place becomes final when a contrat de professionnalisation is signed by the deadline; without one, it lapses the day after.</source>
        <translation>L&apos;inscription devient définitive à la signature d&apos;un contrat de professionnalisation au plus tard à la date limite ; sans contrat, elle devient caduque le lendemain.</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>Inscription le</translation>
    </message>
    <message>
        <source>Deadline for a contract</source>
        <translation>Date limite pour signer un contrat</translation>
    </message>
    <message>
        <source>%1 — deadline %2</source>
        <translation>%1 — date limite le %2</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) will be enrolled.</source>
        <translation>
            <numerusform>%Ln personne sera inscrite.</numerusform>
            <numerusform>%Ln personnes seront inscrites.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cannot be (see why above).</source>
        <translation>
            <numerusform>%Ln ne peut pas l&apos;être (voir pourquoi ci-dessus).</numerusform>
            <numerusform>%Ln ne peuvent pas l&apos;être (voir pourquoi ci-dessus).</numerusform>
        </translation>
    </message>
    <message>
        <source>Enrol (%1)</source>
        <translation>Inscrire (%1)</translation>
    </message>
</context>
<context>
    <name>Enrolment</name>
    <message>
        <source>Not enrolled in the training.</source>
        <translation>Pas inscrit·e à la formation.</translation>
    </message>
    <message>
        <source>Final since %1: contract signed by the deadline.</source>
        <translation>Confirmée depuis le %1 : contrat signé au plus tard à la date limite.</translation>
    </message>
    <message>
        <source>Solution: %1.</source>
        <translation>Solution : %1.</translation>
    </message>
    <message>
        <source>Provisional since %1.</source>
        <translation>Provisoire depuis le %1.</translation>
    </message>
    <message>
        <source>Lapsed since %1 (deadline of this person: %2).</source>
        <translation>Caduque depuis le %1 (date limite propre à cette personne : %2).</translation>
    </message>
    <message>
        <source>Lapsed since %1 (deadline of the promotion: %2).</source>
        <translation>Caduque depuis le %1 (date limite de la promotion : %2).</translation>
    </message>
    <message>
        <source>%1 day(s) left to sign a contract: deadline %2, set for this person.</source>
        <translation>Encore %1 jour(s) pour signer un contrat : date limite le %2, propre à cette personne.</translation>
    </message>
    <message>
        <source>%1 day(s) left to sign a contract: deadline %2, the promotion&apos;s.</source>
        <translation>Encore %1 jour(s) pour signer un contrat : date limite le %2, celle de la promotion.</translation>
    </message>
    <message>
        <source>The promotion&apos;s: %1</source>
        <translation>Celle de la promotion : %1</translation>
    </message>
    <message>
        <source>The promotion&apos;s: none set</source>
        <translation>Celle de la promotion : aucune</translation>
    </message>
    <message>
        <source>Another date:</source>
        <translation>Une autre date :</translation>
    </message>
</context>
<context>
    <name>SolutionDialog</name>
    <message>
        <source>Solution for %1</source>
        <translation>Solution pour %1</translation>
    </message>
    <message>
        <source>Solutions found</source>
        <translation>Solutions trouvées</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>from</source>
        <translation>à partir du</translation>
    </message>
    <message>
        <source>Hire or studies start</source>
        <translation>Embauche ou rentrée prévue</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
</TS>
