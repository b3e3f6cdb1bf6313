<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BilanTab</name>
    <message numerus="yes">
        <source>%n participant(s) in the bilan</source>
        <translation>
            <numerusform>%n participant en bilan</numerusform>
            <numerusform>%n participants en bilan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n validated project(s)</source>
        <translation>
            <numerusform>%n projet validé</numerusform>
            <numerusform>%n projets validés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CohortTab</name>
    <message>
        <source>Search a name, a phone number or an e-mail…</source>
        <translation>Rechercher un nom, un téléphone ou un courriel…</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Toutes les étapes</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s) shown of %1</source>
        <translation>
            <numerusform>%n participant affiché sur %1</numerusform>
            <numerusform>%n participants affichés sur %1</numerusform>
        </translation>
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
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Chargé·e d&apos;accompagnement</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>Adulte</translation>
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
        <translation>Fin de période d&apos;essai</translation>
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
        <source>Count</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>NAF</source>
        <translation>NAF</translation>
    </message>
    <message>
        <source>OPCO</source>
        <translation>OPCO</translation>
    </message>
    <message>
        <source>Reached via</source>
        <translation>Origine du contact</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Offres</translation>
    </message>
    <message>
        <source>Open offers</source>
        <translation>Offres ouvertes</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contrats</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Intitulé du poste</translation>
    </message>
    <message>
        <source>ROME</source>
        <translation>ROME</translation>
    </message>
</context>
<context>
    <name>ContractsTab</name>
    <message numerus="yes">
        <source>%n contract(s)</source>
        <translation>
            <numerusform>%n contrat</numerusform>
            <numerusform>%n contrats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n broken</source>
        <translation>
            <numerusform>%n rompu</numerusform>
            <numerusform>%n rompus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Situation on</source>
        <translation>Situation au</translation>
    </message>
    <message>
        <source>No cohort yet: import a contact file to start.</source>
        <translation>Aucune promotion pour l&apos;instant : importez un fichier de contacts pour commencer.</translation>
    </message>
    <message>
        <source>Counted from the recorded events dated on or before %1.</source>
        <translation>Compté à partir des événements enregistrés jusqu&apos;au %1 inclus.</translation>
    </message>
</context>
<context>
    <name>EmployersTab</name>
    <message>
        <source>Employers</source>
        <translation>Employeurs</translation>
    </message>
    <message>
        <source>Job offers of the cohort</source>
        <translation>Offres d&apos;emploi de la promotion</translation>
    </message>
    <message numerus="yes">
        <source>%n employer(s)</source>
        <translation>
            <numerusform>%n employeur</numerusform>
            <numerusform>%n employeurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job offer(s) for this cohort</source>
        <translation>
            <numerusform>%n offre d&apos;emploi pour cette promotion</numerusform>
            <numerusform>%n offres d&apos;emploi pour cette promotion</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cohort</source>
        <translation>Cohorte</translation>
    </message>
    <message>
        <source>Cohort:</source>
        <translation>Promotion :</translation>
    </message>
    <message>
        <source>Bilan</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Employers</source>
        <translation>Employeurs</translation>
    </message>
    <message>
        <source>Contract follow-up</source>
        <translation>Suivi des contrats</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About CoachDesk</source>
        <translation>À &amp;propos de CoachDesk</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de données : %1</translation>
    </message>
    <message>
        <source>No database open.</source>
        <translation>Aucune base de données ouverte.</translation>
    </message>
    <message>
        <source>About CoachDesk</source>
        <translation>À propos de CoachDesk</translation>
    </message>
    <message>
        <source>CoachDesk %1
The coaches&apos; desk: from the dropouts&apos; contact file to a lasting work-study contract.</source>
        <translation>CoachDesk %1
Le bureau des chargés d&apos;accompagnement : du fichier des décrocheurs au contrat en alternance durable.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>CoachDesk</source>
        <translation>CoachDesk</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was saved half-way.
The details below were written to {path}; please send that file to the CoachDesk team.</source>
        <translation>Un problème inattendu est survenu. Rien n&apos;a été enregistré à moitié.
Le détail ci-dessous a été écrit dans {path} : transmettez ce fichier à l&apos;équipe CoachDesk.</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
</context>
</TS>
