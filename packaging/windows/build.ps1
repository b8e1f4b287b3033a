# Windows build: the PyInstaller folder, its self-test, signing, and the Inno Setup installer.
# Run from the repository root in PowerShell on Windows 10/11 x64 with Python 3.11 and
# Inno Setup 6 (iscc on PATH). Signing is optional: pass -CertThumbprint to sign with a
# certificate from the user's store (an OV/EV code-signing certificate; see packaging/README.md).
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-CertThumbprint ABCD...]
param(
    [string]$CertThumbprint = "",
    [string]$TimestampUrl = "http://timestamp.digicert.com"
)
$ErrorActionPreference = "Stop"

if (-not (Test-Path .venv)) { py -3.11 -m venv .venv }
$py = ".venv\Scripts\python.exe"
& $py -m pip install --quiet --upgrade pip
& $py -m pip install --quiet -e ".[test,package]"
$version = (& $py -c "import fielddoc; print(fielddoc.__version__)").Trim()

# compiled translations and icons, as make translations / make package do on Linux
Get-ChildItem resources\translations\*.ts | ForEach-Object {
    & .venv\Scripts\pyside6-lrelease.exe -silent $_.FullName -qm ($_.FullName -replace '\.ts$', '.qm')
}
if (Test-Path build\icons) { Remove-Item -Recurse -Force build\icons }
& $py packaging\linux\make_icons.py build\icons

$env:PYTHONHASHSEED = "0"
$env:SOURCE_DATE_EPOCH = (git log -1 --format=%ct).Trim()
& .venv\Scripts\pyinstaller.exe --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\fielddoc.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# the console program prints the self-test; the windowed one is checked by its exit code
& dist\fielddoc\fielddoc.exe self-test
if ($LASTEXITCODE -ne 0) { throw "self-test failed" }
$gui = Start-Process dist\fielddoc\fielddoc-gui.exe -ArgumentList "--self-test" -Wait -PassThru `
    -Environment @{ QT_QPA_PLATFORM = "offscreen" }
if ($gui.ExitCode -ne 0) { throw "GUI self-test failed" }

$signArgs = @()
if ($CertThumbprint) {
    $signtool = "signtool sign /sha1 $CertThumbprint /fd sha256 /tr $TimestampUrl /td sha256"
    Get-ChildItem dist\fielddoc -Recurse -Include *.exe, *.dll, *.pyd | ForEach-Object {
        & cmd /c "$signtool `"$($_.FullName)`""
        if ($LASTEXITCODE -ne 0) { throw "signing failed: $($_.Name)" }
    }
    # Inno Setup signs the installer and the uninstaller with the same command ($f = the file)
    $signArgs = @("/Ssigntool=$signtool `$f", "/DSignTool=signtool")
}
& iscc "/DAppVersion=$version" @signArgs packaging\windows\fielddoc.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Get-FileHash "dist\fielddoc-$version-windows-x64-setup.exe" -Algorithm SHA256 |
    ForEach-Object { "$($_.Hash.ToLower())  $(Split-Path $_.Path -Leaf)" } |
    Set-Content "dist\fielddoc-$version-windows-x64-setup.exe.sha256"
