<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to CoachDesk</source>
        <translation>Bienvenue dans CoachDesk</translation>
    </message>
    <message>
        <source>This database is new: nobody is listed in it yet. Two steps start a cohort; everything else (information sessions, bilan, employers, contracts) follows from the people you list.</source>
        <translation>Cette base est neuve : personne n&apos;y est encore inscrit. Deux étapes lancent une promotion ; tout le reste (réunions d&apos;information, bilan, employeurs, contrats) découle des personnes que vous y inscrivez.</translation>
    </message>
    <message>
        <source>New cohort…</source>
        <translation>Nouvelle promotion…</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Importer des contacts…</translation>
    </message>
    <message>
        <source>Create the cohort</source>
        <translation>Créer la promotion</translation>
    </message>
    <message>
        <source>Import its contacts</source>
        <translation>Importer ses contacts</translation>
    </message>
    <message>
        <source>Go to the tabs</source>
        <translation>Aller aux onglets</translation>
    </message>
    <message>
        <source>To enter people by hand, or to begin with the employers:</source>
        <translation>Pour saisir des personnes à la main, ou commencer par les employeurs :</translation>
    </message>
    <message>
        <source>Its name, its training or certificate, its dates and the enrolment deadline.</source>
        <translation>Son nom, sa formation ou son diplôme, ses dates et la date limite d&apos;inscription.</translation>
    </message>
    <message>
        <source>The file of the university or of the Mission Locale, as they sent it (Excel, LibreOffice or CSV). Without a cohort, the import creates one named after the year, to complete later.</source>
        <translation>Le fichier de l&apos;université ou de la Mission Locale, tel qu&apos;il a été envoyé (Excel, LibreOffice ou CSV). Sans promotion, l&apos;import en crée une au nom de l&apos;année, à compléter ensuite.</translation>
    </message>
    <message>
        <source>Cohort « %1 » created.</source>
        <translation>Promotion « %1 » créée.</translation>
    </message>
    <message>
        <source>The file of the university or of the Mission Locale, as they sent it (Excel, LibreOffice or CSV), into « %1 ». Duplicates are recognised and never imported twice.</source>
        <translation>Le fichier de l&apos;université ou de la Mission Locale, tel qu&apos;il a été envoyé (Excel, LibreOffice ou CSV), dans « %1 ». Les doublons sont reconnus et jamais importés deux fois.</translation>
    </message>
    <message>
        <source>Another cohort…</source>
        <translation>Autre promotion…</translation>
    </message>
</context>
</TS>
