; Inno Setup definition for the Windows installer (per-machine, silent-capable).
; Built on a Windows runner (.github/workflows/windows.yml) from the PyInstaller folder dist\teiretsu.
;   Silent install:   teiretsu-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;   Silent uninstall: "C:\Program Files\Teiretsu\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; The uninstaller removes only what the installer put under {app}; a user's store in
; %LOCALAPPDATA%\TeiretsuDesktop is never touched (R-PKG-02).

#define AppName "Teiretsu"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B0C7B52-4F0E-4C51-9F0D-7A1E2B9C3D41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Teiretsu Desktop developers
DefaultDirName={autopf}\Teiretsu
DefaultGroupName=Teiretsu
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build
OutputBaseFilename=teiretsu-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
SetupIconFile=..\..\resources\icons\teiretsu.ico
UninstallDisplayIcon={app}\teiretsu.exe
DisableProgramGroupPage=yes
WizardStyle=modern

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\teiretsu\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Teiretsu"; Filename: "{app}\teiretsu.exe"; Comment: "地域生活定着支援センター ケース管理"
Name: "{autoprograms}\Teiretsu (管理コマンド)"; Filename: "{cmd}"; Parameters: "/k ""{app}\teiretsu-admin.exe"" --help"

[UninstallDelete]
; Nothing outside {app}: user data stays.
Type: filesandordirs; Name: "{app}\_internal"
