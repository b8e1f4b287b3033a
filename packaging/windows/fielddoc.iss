; Inno Setup 6 script: the Windows installer around the PyInstaller folder dist\fielddoc.
; Built by packaging\windows\build.ps1 (see packaging\README.md); run from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\fielddoc.iss
;
; Save as UTF-8 with BOM (Inno Setup 6 reads the Russian messages correctly then).
;
; Choices, each for the monitor's safety or for machines without an administrator:
; - Installs per user by default (no administrator needed); an administrator may choose
;   "all users" in the first dialog.
; - No desktop icon unless asked for: an icon on the desktop is the first thing seen when a
;   laptop is opened at a border. The Start menu entry stays.
; - The uninstaller removes the program only. Vaults live in the user's data folder and are never
;   touched by it: removing a vault is the panic erase inside the app, not an uninstall.
; - Signing: SignTool is defined on the iscc command line by build.ps1 (signtool with a
;   time-stamp server), so the installer and the uninstaller are signed with the same certificate
;   as the programs inside.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z to iscc
#endif

[Setup]
AppId={{6F1C9C52-2E8B-4E0B-9C4C-3A1F0D7E5B21}
AppName=fielddoc
AppVersion={#AppVersion}
AppPublisher=fielddoc
DefaultDirName={autopf}\fielddoc
DefaultGroupName=fielddoc
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=fielddoc-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\build\icons\fielddoc.ico
UninstallDisplayIcon={app}\fielddoc-gui.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; no "recent documents", no file associations: nothing in the registry points at user files
ChangesAssociations=no
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[CustomMessages]
en.CheckInstallation=Check the installation
ru.CheckInstallation=Проверить установку

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\fielddoc\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\fielddoc"; Filename: "{app}\fielddoc-gui.exe"
Name: "{autodesktop}\fielddoc"; Filename: "{app}\fielddoc-gui.exe"; Tasks: desktopicon

[Run]
; the installed build checks itself before it is first used; a failure shows the report
Filename: "{app}\fielddoc-gui.exe"; Parameters: "--self-test"; Description: "{cm:CheckInstallation}"; Flags: postinstall skipifsilent unchecked
Filename: "{app}\fielddoc-gui.exe"; Description: "{cm:LaunchProgram,fielddoc}"; Flags: nowait postinstall skipifsilent
