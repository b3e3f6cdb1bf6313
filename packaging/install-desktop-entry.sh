#!/bin/sh
# Adds CoachDesk to the applications menu of the current user (no administrator rights).
# Run it from the unpacked CoachDesk folder: ./install-desktop-entry.sh
# To remove the entry: ./install-desktop-entry.sh --remove   (the coach's data is not touched)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
entry="$data/applications/coachdesk.desktop"
icon="$data/icons/hicolor/256x256/apps/coachdesk.png"
metainfo="$data/metainfo/fr.coachdesk.CoachDesk.metainfo.xml"
if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry" "$icon" "$metainfo"
    echo "CoachDesk a été retiré du menu des applications (vos données sont conservées)."
    exit 0
fi
mkdir -p "$(dirname "$entry")" "$(dirname "$icon")" "$(dirname "$metainfo")"
cp "$here/share/icons/coachdesk.png" "$icon"
cp "$here/share/metainfo/fr.coachdesk.CoachDesk.metainfo.xml" "$metainfo"
# The entry points at this folder's program, wherever the folder was unpacked.
sed -e "s|^Exec=.*|Exec=\"$here/coachdesk\"|" -e "s|^TryExec=.*|TryExec=$here/coachdesk|" \
    "$here/share/applications/coachdesk.desktop" > "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "CoachDesk est dans le menu des applications ($entry)."
