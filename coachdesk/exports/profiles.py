"""Export profiles: which columns a recipient gets, in which order, under which labels, and
which rows (filters), saved as JSON in the configuration folder and applied to any sheet.

A profile names columns by their stable keys (``Column.key``); labels are the coach's choice.
A filter keeps the rows whose value in a column (as written in the workbook, a French label) is
one of the listed values. Options are switches an export defines for itself (the weekly
workbook's "include the people who left", ``exports.weekly_scope``).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coachdesk import paths
from coachdesk.errors import UserError
from coachdesk.exports.xlsx import Column, Sheet

PROFILES_FILE = "profils-export.json"


@dataclass(frozen=True)
class ProfileColumn:
    key: str
    label: str | None = None  # None keeps the export's own label


@dataclass(frozen=True)
class Profile:
    """A recipient's view of one export (``export`` is the export's kind, e.g. "contrats")."""

    name: str
    export: str
    recipient: str
    columns: tuple[ProfileColumn, ...]
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    options: frozenset[str] = frozenset()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "export": self.export,
            "recipient": self.recipient,
            "columns": [{"key": c.key, "label": c.label} for c in self.columns],
            "filters": {key: list(values) for key, values in self.filters.items()},
        }
        if self.options:
            data["options"] = sorted(self.options)
        return data

    @classmethod
    def from_json(cls, name: str, data: dict[str, Any], source: Path) -> Profile:
        try:
            columns = tuple(
                ProfileColumn(str(c["key"]), None if c.get("label") is None else str(c["label"]))
                for c in data["columns"]
            )
            filters = {str(k): tuple(str(v) for v in values)
                       for k, values in dict(data.get("filters") or {}).items()}
            options = frozenset(str(option) for option in data.get("options") or ())
            return cls(name, str(data["export"]), str(data.get("recipient", name)), columns,
                       filters, options)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise UserError(
                f"Le profil d'export « {name} » du fichier « {source} » est incomplet "
                f"(champ {exc}).",
                hint="Corrigez ou supprimez ce profil dans le fichier, puis relancez l'export.",
            ) from exc


def profiles_path() -> Path:
    return paths.config_dir() / PROFILES_FILE


def load_profiles(path: Path | None = None) -> dict[str, Profile]:
    """The coach's saved profiles (an empty dict when none was saved)."""
    path = path or profiles_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise UserError(
            f"Le fichier des profils d'export « {path} » est illisible ({exc}).",
            hint="Corrigez-le ou supprimez-le : les profils par défaut seront utilisés.",
        ) from exc
    if not isinstance(raw, dict):
        raise UserError(f"Le fichier des profils d'export « {path} » est illisible.",
                        hint="Supprimez-le : les profils par défaut seront utilisés.")
    return {name: Profile.from_json(name, data, path) for name, data in raw.items()}


def save_profile(profile: Profile, path: Path | None = None) -> None:
    """Add or replace one profile, writing the file atomically."""
    path = path or profiles_path()
    profiles = load_profiles(path)
    profiles[profile.name] = profile
    text = json.dumps({name: p.to_json() for name, p in sorted(profiles.items())},
                      ensure_ascii=False, indent=2)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".profils.", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def apply_profile(sheet: Sheet, profile: Profile) -> Sheet:
    """The sheet with the profile's columns (order, labels) and only the rows it keeps."""
    index = {column.key: position for position, column in enumerate(sheet.columns)}
    unknown = [c.key for c in profile.columns if c.key not in index]
    unknown += [key for key in profile.filters if key not in index]
    if unknown:
        known = ", ".join(index)
        raise UserError(
            f"Le profil d'export « {profile.name} » cite des colonnes inconnues : "
            f"{', '.join(unknown)}.",
            hint=f"Colonnes disponibles : {known}.",
        )
    picks = [index[c.key] for c in profile.columns]
    columns: Sequence[Column] = [
        Column(c.key, c.label or sheet.columns[i].label, sheet.columns[i].kind,
               sheet.columns[i].width)
        for c, i in zip(profile.columns, picks, strict=True)
    ]
    filters = [(index[key], frozenset(values)) for key, values in profile.filters.items()]

    def rows() -> Iterator[Sequence[Any]]:
        for row in sheet.rows:
            if all(_shown(row[i]) in allowed for i, allowed in filters):
                yield tuple(row[i] for i in picks)

    return Sheet(sheet.name, columns, rows(), sheet.title_lines,
                 None if filters else sheet.expected_rows)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    return "" if value is None else str(value)
