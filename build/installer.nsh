; Guichet's additions to the NSIS installer (electron-builder: nsis.include).
;
; /PROVISION=<path to desk.json>: copies the provisioning file to %PROGRAMDATA%\Guichet\desk.json,
; where Guichet reads it at first start, enrolls the desk with the one-time code it holds, and takes
; the code out of the file. Quote a path with spaces: /PROVISION="D:\Deploy\Paris 3\desk.json".
; A switch naming a missing or uncopyable file stops the installation with exit code 2, so a
; deployment tool sees it rather than a desk that starts unprovisioned.

!include "LogicLib.nsh"
!include "FileFunc.nsh"

!macro customInstall
  Push $R0
  Push $R1
  Push $R2
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PROVISION=" $R1
  ${IfNot} ${Errors}
  ${AndIf} $R1 != ""
    ${IfNot} ${FileExists} "$R1"
      SetErrorLevel 2
      MessageBox MB_ICONSTOP "Guichet: the provisioning file $R1 does not exist." /SD IDOK
      Abort "Guichet: the provisioning file $R1 does not exist."
    ${EndIf}
    ReadEnvStr $R2 PROGRAMDATA
    ${If} $R2 == ""
      StrCpy $R2 "C:\ProgramData"
    ${EndIf}
    CreateDirectory "$R2\Guichet"
    ClearErrors
    CopyFiles /SILENT /FILESONLY "$R1" "$R2\Guichet\desk.json"
    ${If} ${Errors}
      SetErrorLevel 2
      MessageBox MB_ICONSTOP "Guichet: could not copy $R1 to $R2\Guichet\desk.json." /SD IDOK
      Abort "Guichet: could not copy the provisioning file."
    ${EndIf}
    ; The desk runs as a standard user and must be able to take the used code out of the file
    ; (Users, by SID so that it works in every Windows language). Should this fail, the desk
    ; remembers the used code and ignores it; the file is then the administrator's to delete.
    nsExec::Exec '"$SYSDIR\icacls.exe" "$R2\Guichet\desk.json" /grant *S-1-5-32-545:M'
    Pop $R0
  ${EndIf}
  Pop $R2
  Pop $R1
  Pop $R0
!macroend
