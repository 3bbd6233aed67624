; SPDX-License-Identifier: GPL-3.0-or-later
; TrainDesk installer for Windows: per user, no administrator rights.
; makensis -DVERSION=x.y.z -DSRCDIR=<unpacked zip dir> -DOUTFILE=<setup.exe> -DICON=<ico>
; (build-aux/windows/package runs it).  The uninstaller removes the program only:
; the database lives in the user's application-data folder and stays.

Target amd64-unicode  ; a 64-bit installer for a 64-bit program (and it runs under wine64)
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"

Name "TrainDesk ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\TrainDesk"
InstallDirRegKey HKCU "Software\TrainDesk" "InstallDir"
BrandingText "TrainDesk ${VERSION}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\traindesk.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${SRCDIR}\COPYING.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; a Chinese Windows gets the Chinese pages.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString AppName ${LANG_ENGLISH} "TrainDesk"
LangString AppName ${LANG_SIMPCHINESE} "培训申报台"
LangString AppComment ${LANG_ENGLISH} "Prepare and file vocational training subsidy claims"
LangString AppComment ${LANG_SIMPCHINESE} "职业技能培训补贴申报"
LangString DataKept ${LANG_ENGLISH} "Your database in $LOCALAPPDATA\traindesk was left in place."
LangString DataKept ${LANG_SIMPCHINESE} "您的数据库（$LOCALAPPDATA\traindesk）已保留。"

!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\TrainDesk"

Section "TrainDesk" SecMain
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; Replace the previous version's files, never the user's data (which is not here).
  RMDir /r "$INSTDIR\share"
  RMDir /r "$INSTDIR\etc"
  File /r "${SRCDIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\$(AppName).lnk" "$INSTDIR\traindesk.exe" "" "$INSTDIR\traindesk.exe" 0 SW_SHOWNORMAL "" "$(AppComment)"
  CreateShortcut "$DESKTOP\$(AppName).lnk" "$INSTDIR\traindesk.exe" "" "$INSTDIR\traindesk.exe" 0 SW_SHOWNORMAL "" "$(AppComment)"

  WriteRegStr HKCU "Software\TrainDesk" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "Software\TrainDesk" "ShortcutName" "$(AppName)"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "$(AppName) ${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "TrainDesk"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\traindesk.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ReadRegStr $0 HKCU "Software\TrainDesk" "ShortcutName"
  StrCmp $0 "" 0 +2
    StrCpy $0 "$(AppName)"
  Delete "$SMPROGRAMS\$0.lnk"
  Delete "$DESKTOP\$0.lnk"
  ; Only what the installer put there: the program folder.  The database
  ; ($LOCALAPPDATA\traindesk) and its backups are the user's and stay.
  RMDir /r "$INSTDIR\share"
  RMDir /r "$INSTDIR\etc"
  Delete "$INSTDIR\*.exe"
  Delete "$INSTDIR\*.dll"
  Delete "$INSTDIR\COPYING.txt"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\TrainDesk"
  DetailPrint "$(DataKept)"
SectionEnd
