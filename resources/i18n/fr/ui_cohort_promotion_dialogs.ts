<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CoachDialog</name>
    <message>
        <source>New coach</source>
        <translation>Nouveau·elle chargé·e</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Chargé·e</translation>
    </message>
    <message>
        <source>e.g. the training centre, the Mission Locale</source>
        <translation>par exemple le centre de formation, la Mission Locale</translation>
    </message>
    <message>
        <source>First and last name</source>
        <translation>Prénom et nom</translation>
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
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
</context>
<context>
    <name>CoachesDialog</name>
    <message>
        <source>Coaches</source>
        <translation>Chargé·es</translation>
    </message>
    <message>
        <source>New coach…</source>
        <translation>Nouveau·elle chargé·e…</translation>
    </message>
    <message>
        <source>Who uses this laptop:</source>
        <translation>Qui utilise cet ordinateur :</translation>
    </message>
</context>
<context>
    <name>CohortDialog</name>
    <message>
        <source>New promotion</source>
        <translation>Nouvelle promotion</translation>
    </message>
    <message>
        <source>Promotion&apos;s set-up</source>
        <translation>Paramètres de la promotion</translation>
    </message>
    <message>
        <source>e.g. Promotion 2011 — Assistant de gestion</source>
        <translation>par exemple Promotion 2011 — Assistant de gestion</translation>
    </message>
    <message>
        <source>Certificate or training prepared</source>
        <translation>Certificat ou formation préparé·e</translation>
    </message>
    <message>
        <source>New training body…</source>
        <translation>Nouvel organisme de formation…</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semaines</translation>
    </message>
    <message>
        <source>New coach…</source>
        <translation>Nouveau·elle chargé·e…</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>Training body</source>
        <translation>Organisme de formation</translation>
    </message>
    <message>
        <source>Bilan from</source>
        <translation>Bilan du</translation>
    </message>
    <message>
        <source>Training from</source>
        <translation>Formation du</translation>
    </message>
    <message>
        <source>Provisional enrolments until</source>
        <translation>Inscriptions provisoires jusqu&apos;au</translation>
    </message>
    <message>
        <source>A visit every</source>
        <translation>Une visite toutes les</translation>
    </message>
    <message>
        <source>Target size</source>
        <translation>Effectif visé</translation>
    </message>
    <message>
        <source>Coaches in charge</source>
        <translation>Chargé·es de la promotion</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
</context>
<context>
    <name>FollowOnDialog</name>
    <message>
        <source>Enrol in another promotion</source>
        <translation>Inscrire dans une autre promotion</translation>
    </message>
    <message>
        <source>New file there, linked to this one</source>
        <translation>Nouveau dossier dans cette promotion, relié à celui-ci</translation>
    </message>
    <message>
        <source>Move this file there with all its history</source>
        <translation>Déplacer ce dossier avec tout son historique</translation>
    </message>
    <message>
        <source>A new file is the usual choice (a bac+2 next year): this promotion&apos;s history and figures stay as they are, and each file&apos;s timeline shows the other&apos;s. Move only a person entered in the wrong promotion.</source>
        <translation>Un nouveau dossier est le choix habituel (un bac+2 l&apos;année suivante) : l&apos;historique et les chiffres de cette promotion-ci restent tels quels, et l&apos;historique de chaque dossier montre celui de l&apos;autre. Ne déplacez que le dossier d&apos;une personne saisie dans la mauvaise promotion.</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <source>There is no other promotion: create it first with Promotion ▸ New promotion…</source>
        <translation>Il n&apos;y a pas d&apos;autre promotion : créez-la d&apos;abord avec Promotion ▸ Nouvelle promotion…</translation>
    </message>
</context>
<context>
    <name>TrainingBodyDialog</name>
    <message>
        <source>New training body</source>
        <translation>Nouvel organisme de formation</translation>
    </message>
    <message>
        <source>7 digits and a letter, e.g. 0341234G</source>
        <translation>7 chiffres et une lettre, par exemple 0341234G</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>UAI</source>
        <translation>UAI</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
</context>
</TS>
