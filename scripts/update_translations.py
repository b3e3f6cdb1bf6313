"""Refresh the French translation: collect the UI strings, then compile the .qm the app loads.

    python scripts/update_translations.py           # update .ts from the sources, compile .qm
    python scripts/update_translations.py --check   # fail if the .ts is stale or unfinished

After an update, translate the new entries of resources/i18n/coachdesk_fr.ts (Qt Linguist:
``pyside6-linguist``, or by hand: fill <translation> and remove type="unfinished"), then run the
script again to compile. resources/i18n/coachdesk_fr.qm is generated: do not edit it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "resources" / "i18n" / "coachdesk_fr.ts"
QM_FILE = TS_FILE.with_suffix(".qm")


def sources() -> list[Path]:
    return sorted([*(ROOT / "coachdesk" / "ui").rglob("*.py"), ROOT / "coachdesk" / "app.py"])


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    return found or f"pyside6-{name}"


def lupdate(target: Path) -> None:
    subprocess.run(
        [
            tool("lupdate"),
            *map(str, sources()),
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            "fr_FR",
            "-ts",
            str(target),
        ],
        check=True,
        capture_output=True,
    )


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts_file)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def problems(ts_file: Path) -> list[str]:
    """Sources missing from the .ts, and entries left unfinished or losing a placeholder."""
    issues = []
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.ts"
        shutil.copy(ts_file, fresh)
        lupdate(fresh)
        current = messages(ts_file)
        for key in messages(fresh):
            if key not in current:
                issues.append(f"absent du fichier de traduction : {key[0]} / {key[1]!r}")
    for (context, source), message in messages(ts_file).items():
        translation = message.find("translation")
        if translation is None or translation.get("type") in {"unfinished", "obsolete"}:
            issues.append(f"non traduit : {context} / {source!r}")
            continue
        texts = [form.text or "" for form in translation.iter("numerusform")] or [
            translation.text or ""
        ]
        for placeholder in ("%1", "%2", "%n", "{path}"):
            if placeholder in source and not all(placeholder in text for text in texts):
                if placeholder == "%n" and message.get("numerus") == "yes":
                    continue
                issues.append(f"espace réservé {placeholder} perdu : {context} / {source!r}")
    return issues


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        issues = problems(TS_FILE)
        print("\n".join(issues) or "Traduction française complète.")
        return 1 if issues else 0
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS_FILE)
    subprocess.run([tool("lrelease"), str(TS_FILE), "-qm", str(QM_FILE)], check=True)
    print(f"{TS_FILE.relative_to(ROOT)} mis à jour, {QM_FILE.relative_to(ROOT)} compilé.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
