"""Regenerate the reference seeds of the wirehouse dbt project.

Reads the collected CAMEO/PLOVER reference tables (``shared/reference`` next to the
repository, or ``--reference-dir``) and writes two dbt seeds:

``seeds/cameo_codes.csv``
    One row per CAMEO event code (312 codes). Names and Goldstein values come from
    GDELT's lookup files (column ``name_gdelt`` / ``goldstein_gdelt`` of
    ``cameo/cameo_codes_combined.csv``), falling back to the ICEWS codebook values
    where GDELT has none (code 1213). GDELT's mis-encoded name for 044
    ("Meet at a \\u00d2hird\\u00d3location") and the missing space in 2041 are
    repaired. ``quad_class`` is
    ``quadclass_gdelt_derived`` (1: roots 01-05, 2: 06-09, 3: 10-14, 4: 15-20).
    ``plover_type``, ``plover_mode`` and ``plover_context`` come from
    ``plover/CAMEO2PLOVER-2021.txt`` (openeventdata/PLOVER, CC BY-SA 4.0). Codes the
    map does not cover (roots 01 and 02 and a few others dropped by PLOVER) get
    empty PLOVER columns; root 08, which PLOVER splits between CONCEDE and RETREAT,
    gets no single type either.

``seeds/plover_sectors.csv``
    One row per PLOVER actor sector code, from
    ``plover/plover_sector_codes_from_manual.csv`` (derived from the PLOVER manual,
    CC BY-SA 4.0), with TeX cross-references turned into plain text.

Run from anywhere: ``python dbt_project/scripts/build_reference_seeds.py``.
The output is deterministic, so re-running on the same inputs changes nothing.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE_DIR = PROJECT_DIR.parents[1] / "shared" / "reference"
DEFAULT_OUT_DIR = PROJECT_DIR / "seeds"

CAMEO_COLUMNS = [
    "cameo_code",
    "cameo_root_code",
    "cameo_level",
    "event_name",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "plover_context",
]
SECTOR_COLUMNS = ["sector_code", "description"]

# GDELT names with encoding or spacing damage, repaired by hand (ICEWS spelling).
NAME_FIXES = {
    "044": "Meet at a 'third' location",
    "2041": "Use chemical, biological, or radiological weapons",
}

_MAP_LINE = re.compile(r"^(?P<code>\d{2,4})\s*:\s*(?P<body>[^#]*?)\s*(?:#.*)?$")


def parse_cameo2plover(path: Path) -> dict[str, tuple[str, str, str]]:
    """CAMEO code -> (plover_type, plover_mode, plover_context) from CAMEO2PLOVER.

    A code listed under two PLOVER types (root 08: CONCEDE and RETREAT) maps to
    empty values: it has no single PLOVER type.
    """
    mapping: dict[str, tuple[str, str, str]] = {}
    ambiguous: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _MAP_LINE.match(line.strip())
        if not match:
            continue
        parts = [p.strip() for p in match["body"].split(",")] + ["", ""]
        plover_type, mode, context = parts[0], parts[1], parts[2]
        if not plover_type or not plover_type.isupper():
            continue
        code = match["code"]
        value = (plover_type, mode, context)
        if code in mapping and mapping[code] != value:
            ambiguous.add(code)
        mapping[code] = value
    for code in ambiguous:
        mapping[code] = ("", "", "")
    return mapping


def _goldstein(value: str) -> str:
    return repr(float(value)) if value != "" else ""


def build_cameo_rows(reference_dir: Path) -> list[dict[str, str]]:
    plover = parse_cameo2plover(reference_dir / "plover" / "CAMEO2PLOVER-2021.txt")
    combined = reference_dir / "cameo" / "cameo_codes_combined.csv"
    rows = []
    with combined.open(encoding="utf-8", newline="") as handle:
        for src in csv.DictReader(handle):
            code = src["cameo_code"].strip()
            name = (
                NAME_FIXES.get(code) or src["name_gdelt"].strip() or src["name_icews_pkg"].strip()
            )
            goldstein = src["goldstein_gdelt"].strip() or src["goldstein_icews_pkg"].strip()
            if not name or not goldstein:
                raise ValueError(f"CAMEO code {code}: no name or Goldstein value")
            if any(ord(ch) > 127 for ch in name):
                raise ValueError(f"CAMEO code {code}: suspicious non-ASCII name {name!r}")
            plover_type, mode, context = plover.get(code, ("", "", ""))
            rows.append(
                {
                    "cameo_code": code,
                    "cameo_root_code": code[:2],
                    "cameo_level": str(len(code) - 1),
                    "event_name": name,
                    "quad_class": str(int(src["quadclass_gdelt_derived"])),
                    "goldstein": _goldstein(goldstein),
                    "plover_type": plover_type,
                    "plover_mode": mode,
                    "plover_context": context,
                }
            )
    codes = [r["cameo_code"] for r in rows]
    if len(codes) != len(set(codes)):
        raise ValueError("duplicate CAMEO codes in the combined table")
    return sorted(rows, key=lambda r: r["cameo_code"])


def build_sector_rows(reference_dir: Path) -> list[dict[str, str]]:
    path = reference_dir / "plover" / "plover_sector_codes_from_manual.csv"
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for src in csv.DictReader(handle):
            description = re.sub(
                r"\\autoref\{([^}]*)\}",
                lambda m: "the manual section '" + m[1].replace("-", " ") + "'",
                src["description"].strip(),
            )
            rows.append({"sector_code": src["sector_code"].strip(), "description": description})
    return rows


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference-dir", type=Path, default=DEFAULT_REFERENCE_DIR)
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR)
    args = parser.parse_args(argv)
    if not args.reference_dir.is_dir():
        print(f"reference folder not found: {args.reference_dir}", file=sys.stderr)
        return 1
    args.out_dir.mkdir(parents=True, exist_ok=True)
    cameo = build_cameo_rows(args.reference_dir)
    sectors = build_sector_rows(args.reference_dir)
    write_csv(args.out_dir / "cameo_codes.csv", CAMEO_COLUMNS, cameo)
    write_csv(args.out_dir / "plover_sectors.csv", SECTOR_COLUMNS, sectors)
    print(f"wrote {len(cameo)} CAMEO codes and {len(sectors)} PLOVER sectors to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
