"""Refresh the French translation: collect the UI strings, then compile the .qm the app loads.

    python scripts/update_translations.py           # update the .ts files, compile the .qm
    python scripts/update_translations.py --check   # fail if a .ts is stale or unfinished

Each UI source file has its own translation file, resources/i18n/fr/<module>.ts, so engineers
working on different tabs never edit the same file. After an update, translate the new entries
(Qt Linguist: ``pyside6-linguist``, or by hand: fill <translation> and remove
type="unfinished"), then run the script again. All of them compile into
resources/i18n/coachdesk_fr.qm, which is generated: do not edit it.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "i18n" / "fr"
QM_FILE = ROOT / "resources" / "i18n" / "coachdesk_fr.qm"


def sources() -> list[Path]:
    return sorted([*(ROOT / "coachdesk" / "ui").rglob("*.py"), ROOT / "coachdesk" / "app.py"])


def ts_file_for(source: Path) -> Path:
    relative = source.relative_to(ROOT / "coachdesk").with_suffix("")
    return TS_DIR / ("_".join(relative.parts) + ".ts")


def tool(name: str) -> str:
    """Qt's own ``lupdate``/``lrelease`` shipped inside the PySide6 package, else the
    ``pyside6-*`` wrapper (a Python start-up per call: 0.6 s against 0.1 s, for each of the
    window's files)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin is not None:
        suffix = ".exe" if sys.platform == "win32" else ""
        shipped = Path(spec.origin).parent / f"{name}{suffix}"
        if shipped.is_file() and os.access(shipped, os.X_OK):
            return str(shipped)
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    return found or f"pyside6-{name}"


def lupdate(source: Path, target: Path) -> None:
    subprocess.run(
        [tool("lupdate"), str(source), "-no-obsolete", "-locations", "none",
         "-target-language", "fr_FR", "-ts", str(target)],
        check=True,
        capture_output=True,
    )


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    found: dict[tuple[str, str], ET.Element] = {}
    if not ts_file.exists():
        return found
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def _has_strings(ts_file: Path) -> bool:
    return bool(messages(ts_file))


def problems() -> list[str]:
    """Sources missing from the .ts files, entries unfinished or losing a placeholder."""
    issues = []
    with tempfile.TemporaryDirectory() as folder:
        for source in sources():
            current_file = ts_file_for(source)
            fresh = Path(folder) / current_file.name
            if current_file.exists():
                shutil.copy(current_file, fresh)
            lupdate(source, fresh)
            current = messages(current_file)
            for key in messages(fresh):
                if key not in current:
                    name = source.relative_to(ROOT)
                    issues.append(f"{name} : absent de {current_file.name} : {key[1]!r}")
    expected = {ts_file_for(source) for source in sources()}
    for ts_file in sorted(TS_DIR.glob("*.ts")):
        if ts_file not in expected:
            # A module moved or deleted without its translations: they would be compiled but
            # never checked against the code again.
            issues.append(f"{ts_file.name} : aucun module de coachdesk ne lui correspond")
        for (context, source), message in messages(ts_file).items():
            translation = message.find("translation")
            if translation is None or translation.get("type") in {"unfinished", "obsolete"}:
                issues.append(f"{ts_file.name} : non traduit : {context} / {source!r}")
                continue
            texts = [form.text or "" for form in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            for placeholder in ("%1", "%2", "%3", "{path}"):
                if placeholder in source and not all(placeholder in text for text in texts):
                    issues.append(
                        f"{ts_file.name} : espace réservé {placeholder} perdu : {source!r}"
                    )
    return issues


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        issues = problems()
        print("\n".join(issues) or "Traduction française complète.")
        return 1 if issues else 0
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for source in sources():
        target = ts_file_for(source)
        lupdate(source, target)
        if not _has_strings(target):
            target.unlink()
    ts_files = sorted(str(path) for path in TS_DIR.glob("*.ts"))
    # -silent: the shared "Columns" context appears in several files with the same translation.
    subprocess.run([tool("lrelease"), "-silent", *ts_files, "-qm", str(QM_FILE)], check=True)
    print(f"{len(ts_files)} fichiers .ts à jour, {QM_FILE.relative_to(ROOT)} compilé.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
