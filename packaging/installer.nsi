; CoachDesk installer for Windows (NSIS 3, Unicode).
;
;   makensis /DVERSION=0.1.0 /DBUNDLE=..\build\windows\dist\coachdesk ^
;            /DOUTFILE=..\build\windows\CoachDesk-0.1.0-installation.exe packaging\installer.nsi
;
; BUNDLE is the one-folder PyInstaller output (CoachDesk.exe, coachdesk-cli.exe, _internal\).
; Installs for the current user only, without administrator rights, in
; %LOCALAPPDATA%\Programs\CoachDesk, with a Start-menu entry and an uninstaller listed in
; "Applications et fonctionnalités". The coach's data lives elsewhere (%LOCALAPPDATA%\CoachDesk:
; database, backups, settings) and the uninstaller never touches it.

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "Give the version: makensis /DVERSION=x.y.z ..."
!endif
!ifndef BUNDLE
  !define BUNDLE "..\build\windows\dist\coachdesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\build\windows\CoachDesk-${VERSION}-installation.exe"
!endif

!define APP_NAME "CoachDesk"
!define APP_EXE "CoachDesk.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\CoachDesk"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
; Per-user: no UAC prompt, nothing written outside the user's profile.
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
SetCompressor /SOLID lzma
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1036 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1036 "FileDescription" "Installation de ${APP_NAME}"
VIAddVersionKey /LANG=1036 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "LegalCopyright" "${APP_NAME}"

!define MUI_ICON "..\resources\icons\coachdesk.ico"
!define MUI_UNICON "..\resources\icons\coachdesk.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Lancer CoachDesk"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "CoachDesk va être désinstallé. Vos données (base, sauvegardes, réglages) sont conservées dans $LOCALAPPDATA\CoachDesk."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "French"

Function .onInit
  ; Shortcuts and the uninstall entry go to the current user's Start menu and registry.
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "CoachDesk" SectionMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An update replaces the program files; a previous version's libraries must not linger.
  RMDir /r "$INSTDIR\_internal"
  File "${BUNDLE}\${APP_EXE}"
  File "${BUNDLE}\coachdesk-cli.exe"
  File /r "${BUNDLE}\_internal"
  WriteUninstaller "$INSTDIR\Desinstaller-CoachDesk.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\CoachDesk.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\CoachDesk (démonstration).lnk" "$INSTDIR\${APP_EXE}" "--demo" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\Désinstaller CoachDesk.lnk" "$INSTDIR\Desinstaller-CoachDesk.exe"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Desinstaller-CoachDesk.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; Only the program's own files. The coach's data is in $LOCALAPPDATA\CoachDesk and stays;
  ; a portable-mode folder (CoachDesk-donnees) beside the program stays too, which is why
  ; the installation folder is removed only if it is empty.
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\coachdesk-cli.exe"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\Desinstaller-CoachDesk.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${APP_NAME}\CoachDesk.lnk"
  Delete "$SMPROGRAMS\${APP_NAME}\CoachDesk (démonstration).lnk"
  Delete "$SMPROGRAMS\${APP_NAME}\Désinstaller CoachDesk.lnk"
  RMDir "$SMPROGRAMS\${APP_NAME}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
