<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Columns</name>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Check the columns</source>
        <translation>Vérifier les colonnes</translation>
    </message>
    <message>
        <source>Table headers found on row %1 of %2.</source>
        <translation>Titres de colonnes trouvés à la ligne %1 de %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) recognised.</source>
        <translation>
            <numerusform>%Ln colonne reconnue.</numerusform>
            <numerusform>%Ln colonnes reconnues.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) not recognised: choose the field each one fills, or leave it ignored.</source>
        <translation>
            <numerusform>%Ln colonne non reconnue : choisissez le champ qu&apos;elle remplit, ou laissez-la ignorée.</numerusform>
            <numerusform>%Ln colonnes non reconnues : choisissez le champ que chacune remplit, ou laissez-les ignorées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every column was recognised.</source>
        <translation>Toutes les colonnes ont été reconnues.</translation>
    </message>
    <message>
        <source>Ignore this column</source>
        <translation>Ignorer cette colonne</translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation>Non reconnue</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Each field can fill only one column; chosen twice: %1.</source>
        <translation>Chaque champ ne peut remplir qu&apos;une colonne ; choisi deux fois : %1.</translation>
    </message>
    <message>
        <source>Choose the columns holding the last name and the first name.</source>
        <translation>Choisissez les colonnes qui contiennent le nom et le prénom.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the contact file</source>
        <translation>Choisir le fichier de contacts</translation>
    </message>
    <message>
        <source>A workbook (Excel .xlsx or .xls, LibreOffice .ods) or a CSV file, as the university or the Mission Locale sent it: title lines above the table are fine.</source>
        <translation>Un classeur (Excel .xlsx ou .xls, LibreOffice .ods) ou un fichier CSV, tel que l&apos;université ou la Mission Locale l&apos;a envoyé : des lignes de titre au-dessus du tableau ne gênent pas.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Into the cohort</source>
        <translation>Dans la promotion</translation>
    </message>
    <message>
        <source>Where the contacts come from</source>
        <translation>Provenance des contacts</translation>
    </message>
    <message>
        <source>Contact file</source>
        <translation>Fichier de contacts</translation>
    </message>
    <message>
        <source>Contact files (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</source>
        <translation>Fichiers de contacts (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <source>%n person(s) imported into the cohort « %1 ».</source>
        <translation>
            <numerusform>%Ln personne importée dans la promotion « %1 ».</numerusform>
            <numerusform>%Ln personnes importées dans la promotion « %1 ».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s), not imported again.</source>
        <translation>
            <numerusform>%Ln doublon, non importé une seconde fois.</numerusform>
            <numerusform>%Ln doublons, non importés une seconde fois.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected.</source>
        <translation>
            <numerusform>%Ln ligne rejetée.</numerusform>
            <numerusform>%Ln lignes rejetées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s) to check.</source>
        <translation>
            <numerusform>%Ln avertissement à vérifier.</numerusform>
            <numerusform>%Ln avertissements à vérifier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blank row(s) skipped.</source>
        <translation>
            <numerusform>%Ln ligne vide ignorée.</numerusform>
            <numerusform>%Ln lignes vides ignorées.</numerusform>
        </translation>
    </message>
    <message>
        <source>(new cohort)</source>
        <translation>(nouvelle promotion)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… et %Ln autre.</numerusform>
            <numerusform>… et %Ln autres.</numerusform>
        </translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <source>same as row %1</source>
        <translation>même personne qu&apos;en ligne %1</translation>
    </message>
    <message>
        <source>already in the database</source>
        <translation>déjà dans la base</translation>
    </message>
    <message>
        <source>completed: %1</source>
        <translation>complété : %1</translation>
    </message>
    <message>
        <source>Rejected rows:</source>
        <translation>Lignes rejetées :</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Avertissements :</translation>
    </message>
    <message>
        <source>Duplicates:</source>
        <translation>Doublons :</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
    <message>
        <source>Importing the contacts…</source>
        <translation>Import des contacts…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Import annulé : rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>The import did not take place: nothing was written. Correct the file, then start the import again.</source>
        <translation>L&apos;import n&apos;a pas eu lieu : rien n&apos;a été enregistré. Corrigez le fichier, puis relancez l&apos;import.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s) as they will be read.</source>
        <translation>
            <numerusform>La première ligne telle qu&apos;elle sera lue.</numerusform>
            <numerusform>Les %Ln premières lignes telles qu&apos;elles seront lues.</numerusform>
        </translation>
    </message>
    <message>
        <source>Click Import to add the contacts to the cohort « %1 ». Duplicates are never imported twice; rows without a last and first name are rejected; doubtful phones, e-mails and dates are kept and listed as warnings.</source>
        <translation>Cliquez sur Importer pour ajouter les contacts à la promotion « %1 ». Un doublon n&apos;est jamais importé deux fois ; les lignes sans nom et prénom sont rejetées ; les téléphones, courriels et dates douteux sont gardés et signalés en avertissement.</translation>
    </message>
</context>
</TS>
