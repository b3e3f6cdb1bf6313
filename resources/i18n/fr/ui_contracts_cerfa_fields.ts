<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CerfaFields</name>
    <message>
        <source>15 characters, key included</source>
        <translation>15 caractères, clé comprise</translation>
    </message>
    <message>
        <source>4 digits, e.g. 1486</source>
        <translation>4 chiffres, par ex. 1486</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>known</source>
        <translation>connue</translation>
    </message>
    <message>
        <source>the contract amends the initial work contract (VAE)</source>
        <translation>le contrat vaut avenant au contrat de travail initial (VAE)</translation>
    </message>
    <message>
        <source>Employee (CERFA)</source>
        <translation>Salarié (CERFA)</translation>
    </message>
    <message>
        <source>Usage name</source>
        <translation>Nom d&apos;usage</translation>
    </message>
    <message>
        <source>Social security number (NIR)</source>
        <translation>N° de sécurité sociale (NIR)</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Department of birth</source>
        <translation>Département de naissance</translation>
    </message>
    <message>
        <source>Commune of birth</source>
        <translation>Commune de naissance</translation>
    </message>
    <message>
        <source>Recognised disabled worker (RQTH)</source>
        <translation>Travailleur handicapé reconnu (RQTH)</translation>
    </message>
    <message>
        <source>If not: RQTH youth equivalence</source>
        <translation>Sinon : équivalence jeunes RQTH</translation>
    </message>
    <message>
        <source>If not: BOE extension</source>
        <translation>Sinon : extension BOE</translation>
    </message>
    <message>
        <source>Registered with France Travail</source>
        <translation>Inscrit à France Travail</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Numéro d&apos;inscription</translation>
    </message>
    <message>
        <source>Registered for (months)</source>
        <translation>Inscrit depuis (mois)</translation>
    </message>
    <message>
        <source>Situation before this contract</source>
        <translation>Situation avant ce contrat</translation>
    </message>
    <message>
        <source>Minimum social benefit</source>
        <translation>Minimum social</translation>
    </message>
    <message>
        <source>Highest diploma or title</source>
        <translation>Diplôme ou titre le plus élevé</translation>
    </message>
    <message>
        <source>Employer and tutors (CERFA)</source>
        <translation>Employeur et tuteurs (CERFA)</translation>
    </message>
    <message>
        <source>Employer&apos;s phone</source>
        <translation>Téléphone de l&apos;employeur</translation>
    </message>
    <message>
        <source>Employer&apos;s e-mail</source>
        <translation>Courriel de l&apos;employeur</translation>
    </message>
    <message>
        <source>Supplementary pension fund</source>
        <translation>Caisse de retraite complémentaire</translation>
    </message>
    <message>
        <source>Provident fund, if any</source>
        <translation>Organisme de prévoyance, le cas échéant</translation>
    </message>
    <message>
        <source>Private individual employer</source>
        <translation>Particulier-employeur</translation>
    </message>
    <message>
        <source>URSSAF number (private employer)</source>
        <translation>N° URSSAF (particulier-employeur)</translation>
    </message>
    <message>
        <source>Total headcount</source>
        <translation>Effectif total de l&apos;entreprise</translation>
    </message>
    <message>
        <source>IDCC code of the agreement</source>
        <translation>Code IDCC de la convention</translation>
    </message>
    <message>
        <source>OPCO membership number</source>
        <translation>N° d&apos;adhérent à l&apos;OPCO</translation>
    </message>
    <message>
        <source>Project number (VAE)</source>
        <translation>Numéro du projet (VAE)</translation>
    </message>
    <message>
        <source>Tutor&apos;s date of birth</source>
        <translation>Date de naissance du tuteur</translation>
    </message>
    <message>
        <source>Employer attests the tutor is eligible</source>
        <translation>L&apos;employeur atteste l&apos;éligibilité du tuteur</translation>
    </message>
    <message>
        <source>User company&apos;s tutor: last name</source>
        <translation>Tuteur de l&apos;entreprise utilisatrice : nom</translation>
    </message>
    <message>
        <source>User company&apos;s tutor: first name</source>
        <translation>Tuteur de l&apos;entreprise utilisatrice : prénom</translation>
    </message>
    <message>
        <source>User company&apos;s tutor: job</source>
        <translation>Tuteur de l&apos;entreprise utilisatrice : emploi</translation>
    </message>
    <message>
        <source>User company&apos;s tutor: date of birth</source>
        <translation>Tuteur de l&apos;entreprise utilisatrice : date de naissance</translation>
    </message>
    <message>
        <source>User company&apos;s NAF code (VAE)</source>
        <translation>Code NAF de l&apos;entreprise utilisatrice (VAE)</translation>
    </message>
    <message>
        <source>Contract details (CERFA)</source>
        <translation>Détails du contrat (CERFA)</translation>
    </message>
    <message>
        <source>Type of contract</source>
        <translation>Type de contrat</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>Avenant</translation>
    </message>
    <message>
        <source>If amendment: effective date</source>
        <translation>Si avenant : date d&apos;effet</translation>
    </message>
    <message>
        <source>Classification in the agreement</source>
        <translation>Classification dans la convention</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Coefficient hiérarchique</translation>
    </message>
    <message>
        <source>Trial period (days)</source>
        <translation>Période d&apos;essai (jours)</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Fait à</translation>
    </message>
    <message>
        <source>Training (CERFA)</source>
        <translation>Formation (CERFA)</translation>
    </message>
    <message>
        <source>Main training body</source>
        <translation>Organisme de formation principal</translation>
    </message>
    <message>
        <source>Its declaration number</source>
        <translation>Son n° de déclaration d&apos;activité</translation>
    </message>
    <message>
        <source>In-house training service</source>
        <translation>Service de formation interne</translation>
    </message>
    <message>
        <source>Employer attests its means</source>
        <translation>L&apos;employeur atteste ses moyens</translation>
    </message>
    <message>
        <source>Number of training bodies</source>
        <translation>Nombre d&apos;organismes de formation</translation>
    </message>
    <message>
        <source>Type of qualification</source>
        <translation>Type de qualification visée</translation>
    </message>
    <message>
        <source>Diploma or title aimed at</source>
        <translation>Diplôme ou titre visé</translation>
    </message>
    <message>
        <source>RNCP code</source>
        <translation>Code RNCP</translation>
    </message>
    <message>
        <source>Training speciality (NSF)</source>
        <translation>Spécialité de formation (NSF)</translation>
    </message>
    <message>
        <source>Organisation of the training</source>
        <translation>Organisation de la formation</translation>
    </message>
    <message>
        <source>Of which teaching hours</source>
        <translation>Dont heures d&apos;enseignement</translation>
    </message>
    <message>
        <source>Training cycle starts</source>
        <translation>Début du cycle de formation</translation>
    </message>
    <message>
        <source>Exams end (planned)</source>
        <translation>Fin prévue des épreuves</translation>
    </message>
    <message>
        <source>Every field the CERFA asks for is filled in.</source>
        <translation>Tous les champs demandés par le CERFA sont remplis.</translation>
    </message>
    <message>
        <source>and %1 more.</source>
        <translation>et %1 autre(s).</translation>
    </message>
    <message>
        <source>%1 field(s) of the CERFA still empty:</source>
        <translation>%1 champ(s) du CERFA encore vide(s) :</translation>
    </message>
</context>
</TS>
