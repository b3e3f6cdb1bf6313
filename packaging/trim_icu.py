"""Shrink Qt's ICU data library (libicudata, 32 MB) to what a French desktop application uses.

Qt's Linux wheels link ICU, whose data library carries every locale of the world, break-iterator
dictionaries for Thai, Lao, Khmer, Burmese and Chinese/Japanese, and ~200 legacy character-set
converters. CoachDesk speaks French (English as Qt's fallback) and decodes text in Python, so
the bundle keeps the root, French and English data, the Unicode properties, normalisation,
collation (UCA), break rules, time zones and supplemental data, and drops the rest.

How: the data blob is the library's one exported symbol (``icudt<version>_dat``); it is cut
out of the ELF file, trimmed with ICU's own ``icupkg`` (Debian: icu-devtools), and wrapped
again in a shared library with the same soname and symbol (gcc, ``.incbin``).

Used by coachdesk.spec on Linux; also runnable alone for a look at what is kept:

    python packaging/trim_icu.py path/to/libicudata.so.73 out-dir
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

KEPT_LOCALES = ("root", "fr", "en")
# Not locale files though their names look like locale ids.
KEPT_RESOURCES = {"res_index", "pool"}
LOCALE_ID = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
# Character-set converters Qt could be asked for by name; everything else is decoded in Python.
KEPT_CONVERTERS = {"ibm-5348_P100-1997.cnv", "ibm-923_P100-1998.cnv"}  # windows-1252, latin-9
DROPPED_FILES = {"unames.icu", "confusables.cfu", "confusablesWholeScript.cfu"}


class TrimError(RuntimeError):
    pass


def tools_available() -> bool:
    return all(shutil.which(tool) for tool in ("icupkg", "gcc", "readelf"))


def is_dropped(item: str) -> bool:
    """Whether an item of the ICU data package can go (``coll/de.res``, ``cjdict.dict``…)."""
    name = item.rsplit("/", 1)[-1]
    stem, _, suffix = name.rpartition(".")
    if name in DROPPED_FILES or suffix == "dict":
        return True
    if suffix == "cnv":
        return name not in KEPT_CONVERTERS
    if suffix == "res" and stem not in KEPT_RESOURCES and LOCALE_ID.match(stem):
        language = stem.split("_", 1)[0]
        return language not in KEPT_LOCALES
    return False


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """Name, file offset and size of the exported icudtNN_dat symbol."""
    symbols = subprocess.run(
        ["readelf", "--dyn-syms", "-W", str(library)], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(
        r":\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+\S+\s+\S+\s+\S+\s+(icudt\d+_dat)", symbols
    )
    if not match:
        raise TrimError(f"no icudt*_dat symbol in {library}")
    address, size, name = int(match.group(1), 16), int(match.group(2), 0), match.group(3)
    sections = subprocess.run(
        ["readelf", "-S", "-W", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in sections.splitlines():
        fields = re.search(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if not fields:
            continue
        start, offset, length = (int(fields.group(i), 16) for i in (2, 3, 4))
        if start <= address < start + length:
            return name, offset + (address - start), size
    raise TrimError(f"the section holding {name} was not found in {library}")


def trim(library: Path, work: Path) -> Path:
    """Write a trimmed copy of ``library`` in ``work`` and return its path."""
    work.mkdir(parents=True, exist_ok=True)
    symbol, offset, size = _data_symbol(library)
    with library.open("rb") as handle:
        handle.seek(offset)
        blob = handle.read(size)
    # icupkg names the package after the file: it must be the original one (icudt73l.dat).
    package = symbol.removesuffix("_dat") + ("l" if sys.byteorder == "little" else "b")
    full = work / f"{package}.dat"
    full.write_bytes(blob)
    items = subprocess.run(
        ["icupkg", "-l", str(full)], capture_output=True, text=True, check=True
    ).stdout.split()
    dropped = [item for item in items if is_dropped(item)]
    (work / "dropped.txt").write_text("\n".join(dropped) + "\n")
    trimmed = work / "trimmed" / f"{package}.dat"
    trimmed.parent.mkdir(exist_ok=True)
    trimmed.unlink(missing_ok=True)
    subprocess.run(
        # brkitr/root.res names the dictionaries; ICU skips a dictionary it cannot load (the
        # ICU data build tool drops them the same way), so that one dependency is let go.
        ["icupkg", "--ignore-deps", "-r", str(work / "dropped.txt"), str(full), str(trimmed)],
        check=True,
        capture_output=True,
    )
    assembly = work / "icudata.S"
    assembly.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f'\t.incbin "{trimmed}"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    output = work / library.name
    subprocess.run(
        ["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(output),
         str(assembly)],
        check=True,
    )
    full.unlink()
    return output


def main(argv: list[str]) -> int:
    library, out = Path(argv[1]), Path(argv[2])
    result = trim(library, out)
    before, after = library.stat().st_size / 1e6, result.stat().st_size / 1e6
    print(f"{before:.1f} MB -> {after:.1f} MB: {result}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
