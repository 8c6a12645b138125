; Inno Setup script of Merit (Windows). Compile after installer/build on Windows:
;   iscc installer\windows\merit.iss   (input: dist\merit, the PyInstaller one-folder build)
#define AppVersion "0.1.0"

[Setup]
AppId={{6B1D2C1E-8F3A-4C5B-9B7E-4D2A1F0C3E51}
AppName=Merit
AppVersion={#AppVersion}
AppPublisher=Merit
DefaultDirName={autopf}\Merit
DefaultGroupName=Merit
; per-user install without admin rights by default; the user may choose all users
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=merit-{#AppVersion}-setup
SetupIconFile=merit.ico
UninstallDisplayIcon={app}\merit.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
id.DesktopIcon=Buat ikon di desktop
en.DesktopIcon=Create a desktop icon
id.DeleteData=Hapus juga folder data Merit (basis data, cadangan, log)? Tindakan ini tidak dapat dibatalkan.
en.DeleteData=Also delete the Merit data folder (database, backups, logs)? This cannot be undone.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"

[Files]
Source: "..\..\dist\merit\merit.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\dist\merit\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Merit"; Filename: "{app}\merit.exe"
Name: "{userdesktop}\Merit"; Filename: "{app}\merit.exe"; Tasks: desktopicon

[Registry]
; .merit package files open in Merit (per user: HKCU through HKA when not admin)
Root: HKA; Subkey: "Software\Classes\.merit"; ValueType: string; ValueName: ""; ValueData: "Merit.Paket"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Merit.Paket"; ValueType: string; ValueName: ""; ValueData: "Paket sinkron Merit"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Merit.Paket\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\merit.exe,0"
Root: HKA; Subkey: "Software\Classes\Merit.Paket\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\merit.exe"" ""%1"""

[Run]
Filename: "{app}\merit.exe"; Flags: nowait postinstall skipifsilent

[Code]
// Uninstall keeps the data folder (%LOCALAPPDATA%\merit) unless the user asks to delete it.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    if MsgBox(CustomMessage('DeleteData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      DelTree(ExpandConstant('{localappdata}\merit'), True, True, True);
end;
