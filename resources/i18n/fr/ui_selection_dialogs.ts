<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the bilan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motivation notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelectionDialog</name>
    <message>
        <source>Selection interviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule an interview (people present at a session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motivation, project, constraints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision on the selected interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motivation notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to the bilan group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place in the bilan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bilan group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 decided, %2 selected, %3 to schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an interview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has a place in the bilan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a selected person is offered a place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a bilan group in the Bilan tab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was selected: offer them a place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody to schedule: people come here once marked present at an information session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
