; Guichet's additions to the NSIS installer (electron-builder: nsis.include).
;
; /PROVISION=<path to desk.json>: copies the provisioning file to %PROGRAMDATA%\Guichet\desk.json,
; where Guichet reads it at start and enrolls the desk with the one-time code it holds. The file
; says where the desk's queue goes, so the folder and the file are the administrators' alone; the
; desk, which cannot take the used code out, remembers it as used (by its hash) and ignores it.
; Quote a path with spaces: /PROVISION="D:\Deploy\Paris 3\desk.json". A switch naming a missing
; or uncopyable file, or a folder that cannot be made admin-only, stops the installation with exit
; code 2, so a deployment tool sees it rather than a desk that starts unprovisioned or exposed.

!include "LogicLib.nsh"
!include "FileFunc.nsh"

; Runs icacls with `args`; any failure stops the installation with exit code 2. Groups are named by
; SID so that it works in every Windows language: S-1-5-18 SYSTEM, S-1-5-32-544 Administrators,
; S-1-5-32-545 Users.
!macro GuichetIcacls args
  nsExec::Exec '"$SYSDIR\icacls.exe" ${args}'
  Pop $R0
  ${If} $R0 != 0
    SetErrorLevel 2
    MessageBox MB_ICONSTOP "Guichet: could not make the provisioning folder admin-only (icacls exit code $R0)." /SD IDOK
    Abort "Guichet: could not make the provisioning folder admin-only."
  ${EndIf}
!macroend

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
    ; Standard users may create folders in ProgramData: one made before this installer ran is
    ; taken back (owner, then an ACL that inherits nothing) before the file goes in.
    !insertmacro GuichetIcacls '"$R2\Guichet" /setowner *S-1-5-32-544 /T /C /Q'
    !insertmacro GuichetIcacls '"$R2\Guichet" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX /Q'
    ClearErrors
    CopyFiles /SILENT /FILESONLY "$R1" "$R2\Guichet\desk.json"
    ${If} ${Errors}
      SetErrorLevel 2
      MessageBox MB_ICONSTOP "Guichet: could not copy $R1 to $R2\Guichet\desk.json." /SD IDOK
      Abort "Guichet: could not copy the provisioning file."
    ${EndIf}
    ; What the folder holds, desk.json included, takes the folder's ACL alone (read for Users).
    !insertmacro GuichetIcacls '"$R2\Guichet\*" /reset /T /C /Q'
  ${EndIf}
  Pop $R2
  Pop $R1
  Pop $R0
!macroend
