# Installs CoachDesk silently for the current user, runs it, uninstalls it and checks that the
# coach's data survived (used by .github/workflows/windows.yml).
param([Parameter(Mandatory = $true)][string]$Installer)
$ErrorActionPreference = "Stop"
$target = Join-Path $env:LOCALAPPDATA "Programs\CoachDesk"
$data = Join-Path $env:LOCALAPPDATA "CoachDesk"

$p = Start-Process $Installer -ArgumentList "/S" -Wait -PassThru
if ($p.ExitCode -ne 0) { throw "installer exit $($p.ExitCode)" }
foreach ($f in "CoachDesk.exe", "coachdesk-cli.exe", "Desinstaller-CoachDesk.exe") {
    if (-not (Test-Path (Join-Path $target $f))) { throw "$f not installed in $target" }
}
$menu = Join-Path $env:APPDATA "Microsoft\Windows\Start Menu\Programs\CoachDesk\CoachDesk.lnk"
if (-not (Test-Path $menu)) { throw "no Start-menu entry at $menu" }
Write-Host "installer-check: ok      installed without admin rights in $target, Start-menu entry"

# The installed program creates the coach's database in the profile (not in the program folder).
$env:QT_QPA_PLATFORM = "offscreen"
Remove-Item Env:COACHDESK_HOME -ErrorAction SilentlyContinue
$p = Start-Process (Join-Path $target "CoachDesk.exe") -ArgumentList "--exit-when-ready" -Wait -PassThru
if ($p.ExitCode -ne 0) { throw "installed CoachDesk.exe exit $($p.ExitCode)" }
$database = Join-Path $data "data\coachdesk.sqlite3"
if (-not (Test-Path $database)) { throw "no database at $database" }
Write-Host "installer-check: ok      installed CoachDesk opened its database at $database"

$p = Start-Process (Join-Path $target "Desinstaller-CoachDesk.exe") -ArgumentList "/S", "_?=$target" -Wait -PassThru
if ($p.ExitCode -ne 0) { throw "uninstaller exit $($p.ExitCode)" }
Remove-Item (Join-Path $target "Desinstaller-CoachDesk.exe") -ErrorAction SilentlyContinue  # _?= leaves it
if (Test-Path (Join-Path $target "CoachDesk.exe")) { throw "program still installed after uninstall" }
if (Test-Path $menu) { throw "Start-menu entry left after uninstall" }
if (-not (Test-Path $database)) { throw "uninstall removed the coach's database" }
Write-Host "installer-check: ok      uninstalled; the coach's data is kept in $data"
