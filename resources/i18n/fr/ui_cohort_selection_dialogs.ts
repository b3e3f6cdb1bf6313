<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Reçu·e par</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>In the bilan</source>
        <translation>En bilan</translation>
    </message>
    <message>
        <source>Motivation notes</source>
        <translation>Motivation</translation>
    </message>
</context>
<context>
    <name>SelectionDialog</name>
    <message>
        <source>Selection interviews</source>
        <translation>Entretiens de sélection</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programmer</translation>
    </message>
    <message>
        <source>Schedule an interview (people present at a session)</source>
        <translation>Programmer un entretien (personnes présentes à une réunion)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Reçu·e par</translation>
    </message>
    <message>
        <source>Motivation, project, constraints…</source>
        <translation>Motivation, projet, contraintes…</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Enregistrer la décision</translation>
    </message>
    <message>
        <source>Decision on the selected interview</source>
        <translation>Décision sur l&apos;entretien sélectionné</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Motivation notes</source>
        <translation>Motivation</translation>
    </message>
    <message>
        <source>Add to the bilan group</source>
        <translation>Ajouter au groupe de bilan</translation>
    </message>
    <message>
        <source>Place in the bilan</source>
        <translation>Place dans le bilan</translation>
    </message>
    <message>
        <source>Bilan group</source>
        <translation>Groupe de bilan</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Début le</translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%Ln entretien</numerusform>
            <numerusform>%Ln entretiens</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 decided, %2 selected, %3 to schedule</source>
        <translation>%1 décidé·e·s, %2 retenu·e·s, %3 à programmer</translation>
    </message>
    <message>
        <source>Select an interview.</source>
        <translation>Sélectionnez un entretien.</translation>
    </message>
    <message>
        <source>%1 already has a place in the bilan.</source>
        <translation>%1 a déjà une place dans le bilan.</translation>
    </message>
    <message>
        <source>Only a selected person is offered a place.</source>
        <translation>Seule une personne retenue se voit proposer une place.</translation>
    </message>
    <message>
        <source>Create a bilan group in the Bilan tab first.</source>
        <translation>Créez d&apos;abord un groupe de bilan dans l&apos;onglet Bilan.</translation>
    </message>
    <message>
        <source>%1 was selected: offer them a place.</source>
        <translation>%1 est retenu·e : proposez-lui une place.</translation>
    </message>
    <message>
        <source>Nobody to schedule: people come here once marked present at an information session.</source>
        <translation>Personne à programmer : les personnes apparaissent ici une fois notées présentes à une réunion d&apos;information.</translation>
    </message>
</context>
</TS>
