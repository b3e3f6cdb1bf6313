<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CallSheet</name>
    <message>
        <source>Call sheet</source>
        <translation>Fiche d&apos;appels</translation>
    </message>
    <message>
        <source>Optional note about this call</source>
        <translation>Remarque facultative sur cet appel</translation>
    </message>
    <message>
        <source>Called by</source>
        <translation>Appel passé par</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Call back on</source>
        <translation>Rappeler le</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <source>Message left</source>
        <translation>Message laissé</translation>
    </message>
    <message>
        <source>Interested</source>
        <translation>Intéressé·e</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>Pas intéressé·e</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Faux numéro</translation>
    </message>
    <message>
        <source>Call back on…</source>
        <translation>À rappeler le…</translation>
    </message>
    <message>
        <source>Skip (S)</source>
        <translation>Passer (S)</translation>
    </message>
    <message>
        <source>Earlier attempts</source>
        <translation>Tentatives précédentes</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) to call</source>
        <translation>
            <numerusform>%Ln contact à appeler</numerusform>
            <numerusform>%Ln contacts à appeler</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody left to call today.</source>
        <translation>Plus personne à appeler aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Asked to be called back on %1.</source>
        <translation>À rappeler le %1.</translation>
    </message>
    <message>
        <source>Never called yet.</source>
        <translation>Jamais appelé·e.</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier attempt(s).</source>
        <translation>
            <numerusform>%Ln tentative précédente.</numerusform>
            <numerusform>%Ln tentatives précédentes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Record a campaign</source>
        <translation>Noter une campagne</translation>
    </message>
    <message>
        <source>e.g. Mailing of February</source>
        <translation>par ex. Mailing de février</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Envoyé le</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Envoyé par</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) chosen in the list.</source>
        <translation>
            <numerusform>%Ln contact choisi dans la liste.</numerusform>
            <numerusform>%Ln contacts choisis dans la liste.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observations</translation>
    </message>
</context>
</TS>
