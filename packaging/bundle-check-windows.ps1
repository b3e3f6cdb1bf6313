# Runs the Windows bundle itself, like .ci/bundle-check on Linux (used by .github/workflows/windows.yml).
#   pwsh packaging/bundle-check-windows.ps1 -Bundle build\windows\dist\coachdesk
param([Parameter(Mandatory = $true)][string]$Bundle)
$ErrorActionPreference = "Stop"
$failures = 0
function Ok($what) { Write-Host "bundle-check: ok      $what" }
function Failed($what) { Write-Host "bundle-check: FAILED  $what"; $script:failures++ }

$cli = Join-Path $Bundle "coachdesk-cli.exe"
$gui = Join-Path $Bundle "CoachDesk.exe"
$python = ".venv\Scripts\python.exe"
$version = & $python -c "from importlib.metadata import version; print(version('coachdesk'))"
$work = Join-Path ([IO.Path]::GetTempPath()) ("coachdesk-check-" + [guid]::NewGuid())
New-Item -ItemType Directory $work | Out-Null
$env:COACHDESK_HOME = Join-Path $work "home"
$env:QT_QPA_PLATFORM = "offscreen"

$size = (Get-ChildItem $Bundle -Recurse -File | Measure-Object Length -Sum).Sum
if ($size -lt 150MB) { Ok ("size {0:N1} MB unpacked" -f ($size / 1e6)) } else { Failed ("size {0:N1} MB" -f ($size / 1e6)) }

$out = & $cli --version
if ($out -eq "CoachDesk $version") { Ok "--version: $out" } else { Failed "--version printed: $out" }

$diag = & $cli diagnostic --json | ConvertFrom-Json
$resourcesOk = -not ($diag.resources.PSObject.Properties.Value -contains $false)
$translationsOk = -not ($diag.translations.PSObject.Properties.Value -contains $false)
if ($LASTEXITCODE -eq 0 -and $diag.frozen -and $resourcesOk -and $translationsOk) { Ok "resources and French translations found" }
else { Failed "diagnostic: $($diag | ConvertTo-Json -Depth 4)" }

$db = Join-Path $work "démo.sqlite3"
& $cli --db $db demo | Out-Null
if ($LASTEXITCODE -eq 0 -and (Test-Path $db)) { Ok "--db X demo" } else { Failed "--db X demo" }

$frozen = (& $cli --db $db report funnel --json) -join "`n"
$source = (& $python -m coachdesk --db $db report funnel --json) -join "`n"
if ($frozen -and $frozen -eq $source) { Ok "report funnel --json identical to the sources" } else { Failed "funnel: $frozen <> $source" }

$p = Start-Process $gui -ArgumentList "--demo", "--exit-when-ready" -Wait -PassThru
if ($p.ExitCode -eq 0) { Ok "CoachDesk.exe --demo --exit-when-ready exit 0" } else { Failed "window exit $($p.ExitCode)" }

# Portable mode: marker beside the exe, no CoachDesk variables. platformdirs asks Windows for
# the profile folders (not the environment), so the check is that CoachDesk's profile folders,
# absent before, are still absent after.
New-Item -ItemType File (Join-Path $Bundle "coachdesk-portable.txt") | Out-Null
Remove-Item Env:COACHDESK_HOME
$profileFolders = @((Join-Path $env:LOCALAPPDATA "CoachDesk"), (Join-Path $env:APPDATA "CoachDesk"))
$before = $profileFolders | Where-Object { Test-Path $_ }
$p = Start-Process $gui -ArgumentList "--exit-when-ready" -Wait -PassThru
$mode = (& $cli diagnostic --json | ConvertFrom-Json).mode
$inside = Join-Path $Bundle "CoachDesk-donnees"
if ($p.ExitCode -eq 0 -and $mode -eq "portable" -and (Test-Path "$inside\data\coachdesk.sqlite3") -and (Test-Path "$inside\config\coachdesk.ini")) {
    Ok "portable: database and settings inside the folder"
} else { Failed "portable: exit $($p.ExitCode), mode $mode" }
$after = $profileFolders | Where-Object { Test-Path $_ }
if ($before) { Write-Host "bundle-check: note    $before existed before the check" }
elseif (-not $after) { Ok "portable: nothing written in the user profile" }
else { Failed "portable: written in the profile: $after" }
Remove-Item (Join-Path $Bundle "coachdesk-portable.txt"), $inside -Recurse -Force

if ($failures -gt 0) { Write-Host "bundle-check: $failures check(s) FAILED"; exit 1 }
Write-Host "bundle-check: all checks passed"
