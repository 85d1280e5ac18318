; Inno Setup 6 script: per-machine installer of the PyInstaller one-folder build (dist\lugn, from lugn.spec).
;
;   pyinstaller --noconfirm --distpath dist --workpath build deploy\windows\lugn.spec
;   iscc /DAppVersion=0.1.0 deploy\windows\lugn.iss            -> dist\lugn-setup-0.1.0.exe
;
; Silent install / uninstall (Intune Win32 app, SCCM/ConfigMgr, GPO startup script):
;   lugn-setup-0.1.0.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /SP- /LOG="%TEMP%\lugn-install.log"
;       [/POLICY="\\fileserver\it\lugn\policy.toml"]   copy a site policy (never replaces an existing one)
;       [/TASKS="!autostart"]                           no HKLM Run entry (e.g. started by the softphone)
;   "%ProgramFiles%\Lugn\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Detection rule (Intune): registry HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\
;   {8E4B6A52-3C1F-4F0B-9B7E-5D2A1C6E9F41}_is1, value DisplayVersion equals the version.
; Check a seat after install: "%ProgramFiles%\Lugn\lugn.exe" doctor --json   (exit 0 ok, 1 warnings, 2 failures)
;
; Not verified on Windows here (built and tested on Linux only); see README.windows.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{8E4B6A52-3C1F-4F0B-9B7E-5D2A1C6E9F41}
AppName=Lugn
AppVersion={#AppVersion}
AppVerName=Lugn {#AppVersion}
AppPublisher=Lugn
DefaultDirName={autopf}\Lugn
DisableDirPage=yes
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=lugn-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
SetupLogging=yes
CloseApplications=force
RestartApplications=no
UninstallDisplayIcon={app}\lugn.exe
UninstallDisplayName=Lugn {#AppVersion}
WizardStyle=modern
MinVersion=10.0

[Tasks]
Name: "autostart"; Description: "Start Lugn when any user signs in (HKLM Run)"; Flags: checkedonce

[Dirs]
; The policy folder: administrators write, users read (Lugn reads %ProgramData%\Lugn\policy.toml).
Name: "{commonappdata}\Lugn"; Permissions: admins-full system-full users-readexec

[Files]
Source: "..\..\dist\lugn\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\policy.example.toml"; DestDir: "{commonappdata}\Lugn"; Flags: ignoreversion
Source: "{param:POLICY}"; DestDir: "{commonappdata}\Lugn"; DestName: "policy.toml"; \
  Flags: external onlyifdoesntexist uninsneveruninstall; Check: PolicyGiven

[Registry]
; The agent needs the user's session for audio and the tray, so it is a Run entry, not a service.
Root: HKLM; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "Lugn"; \
  ValueData: """{app}\lugnw.exe"" run"; Flags: uninsdeletevalue; Tasks: autostart

[Run]
Filename: "{app}\lugnw.exe"; Parameters: "run"; Description: "Start Lugn now"; \
  Flags: nowait postinstall skipifsilent runasoriginaluser

[UninstallRun]
Filename: "{sys}\taskkill.exe"; Parameters: "/F /IM lugnw.exe /T"; Flags: runhidden; RunOnceId: "StopLugn"

[UninstallDelete]
; Everything Lugn put under Program Files; %ProgramData%\Lugn\policy.toml (IT's policy) stays.
Type: filesandordirs; Name: "{app}"
Type: files; Name: "{commonappdata}\Lugn\policy.example.toml"

[Code]
function PolicyGiven: Boolean;
begin
  Result := ExpandConstant('{param:POLICY}') <> '';
  if Result and not FileExists(ExpandConstant('{param:POLICY}')) then
  begin
    Log('POLICY file not found: ' + ExpandConstant('{param:POLICY}'));
    Result := False;
  end;
end;
