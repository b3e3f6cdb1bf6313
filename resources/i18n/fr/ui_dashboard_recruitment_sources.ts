<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contactées</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Ont répondu</translation>
    </message>
    <message>
        <source>Came to a session</source>
        <translation>Venues à une réunion</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscrites en formation</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
</context>
<context>
    <name>RecruitmentSourcesDialog</name>
    <message>
        <source>Recruitment by source</source>
        <translation>Recrutement par provenance</translation>
    </message>
    <message>
        <source>Counted from the events recorded up to %1 included.</source>
        <translation>Compté à partir des événements enregistrés jusqu&apos;au %1 inclus.</translation>
    </message>
    <message>
        <source>By source of contacts</source>
        <translation>Par provenance des contacts</translation>
    </message>
    <message>
        <source>By campaign (letters, e-mails, invitations)</source>
        <translation>Par campagne (lettres, courriels, invitations)</translation>
    </message>
</context>
</TS>
