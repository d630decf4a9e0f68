"""Regenerate the dbt seeds that are made from other data: ``make seeds``.

Six files in ``dbt_project/seeds`` and three in ``extractors/lexicons`` are generated (the
YAML beside them is written by hand).

From the lexicons, so that dbt and the extractors read the same facts
(``tests/unit/lexicons/test_gazetteer.py`` checks that the files are up to date):

``places.csv``, ``sectors.csv``, ``honorifics.csv``
    Copies of ``extractors/lexicons/places.csv``, ``sectors.csv`` (see ``gazetteer``) and
    ``honorifics.csv`` (the corpus resolution reads genders of "Mr" and "Mrs").
``countries.csv``
    ``alpha3, country_name`` for every ISO 3166-1 country: pycountry's names, shortened
    to the names news uses (``gazetteer.countries``).

From the collected CAMEO/PLOVER reference tables in ``../shared/reference``
(``WIREHOUSE_SHARED``); when that folder is absent they are skipped, with a message:

``cameo_codes.csv``
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
``plover_sectors.csv``
    One row per PLOVER actor sector code, from
    ``plover/plover_sector_codes_from_manual.csv`` (derived from the PLOVER manual,
    CC BY-SA 4.0), with TeX cross-references turned into plain text.

From the Phoenix actor dictionaries of PETRARCH-2 (``../shared/reference/petrarch2``,
MIT), into ``extractors/lexicons`` rather than the seeds (the extractors read it):

``phoenix_actors.csv``, ``cameo_agents.csv`` and ``petrarch2/LICENSE``
    Every name of the actor dictionaries with its entry's primary name, CAMEO actor code
    and country (``extractors.lexicons.actor_dictionary``), every phrase of the agents
    dictionary with its agent code (``extractors.lexicons.agent_dictionary``), and the
    dictionaries' licence.

The output is deterministic: re-running on the same inputs changes nothing, and a file
is written only when its text changed.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

from extractors.lexicons import LEXICON_DIR, gazetteer
from extractors.lexicons.actor_dictionary import DICTIONARIES, actors_csv
from extractors.lexicons.agent_dictionary import agents_csv
from extractors.settings import PROJECT_ROOT, shared_dir

SEED_DIR = PROJECT_ROOT / "dbt_project" / "seeds"
LEXICON_SEEDS = ("places.csv", "sectors.csv", "honorifics.csv")

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
_AUTOREF = re.compile(r"\\autoref\{([^}]*)\}")


def lexicon_seeds() -> dict[str, str]:
    """The seeds made from the lexicons: file name -> exact CSV text."""
    files = {name: (LEXICON_DIR / name).read_text(encoding="utf-8") for name in LEXICON_SEEDS}
    lines = ["alpha3,country_name"]
    for alpha3, name in gazetteer.countries():
        lines.append(f'{alpha3},"{name}"' if "," in name or '"' in name else f"{alpha3},{name}")
    files["countries.csv"] = "\n".join(lines) + "\n"
    return files


def reference_seeds(reference_dir: Path) -> dict[str, str]:
    """The seeds made from the CAMEO/PLOVER reference tables: file name -> CSV text."""
    return {
        "cameo_codes.csv": _csv_text(CAMEO_COLUMNS, cameo_rows(reference_dir)),
        "plover_sectors.csv": _csv_text(SECTOR_COLUMNS, sector_rows(reference_dir)),
    }


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


def cameo_rows(reference_dir: Path) -> list[dict[str, str]]:
    """One row per CAMEO code, sorted by code (see the module doc for each column)."""
    plover = parse_cameo2plover(reference_dir / "plover" / "CAMEO2PLOVER-2021.txt")
    combined = reference_dir / "cameo" / "cameo_codes_combined.csv"
    with combined.open(encoding="utf-8", newline="") as handle:
        rows = [_cameo_row(src, plover) for src in csv.DictReader(handle)]
    codes = [r["cameo_code"] for r in rows]
    if len(codes) != len(set(codes)):
        raise ValueError("duplicate CAMEO codes in the combined table")
    return sorted(rows, key=lambda r: r["cameo_code"])


def _cameo_row(src: dict[str, str], plover: dict[str, tuple[str, str, str]]) -> dict[str, str]:
    code = src["cameo_code"].strip()
    name = NAME_FIXES.get(code) or src["name_gdelt"].strip() or src["name_icews_pkg"].strip()
    goldstein = src["goldstein_gdelt"].strip() or src["goldstein_icews_pkg"].strip()
    if not name or not goldstein:
        raise ValueError(f"CAMEO code {code}: no name or Goldstein value")
    if any(ord(ch) > 127 for ch in name):
        raise ValueError(f"CAMEO code {code}: suspicious non-ASCII name {name!r}")
    plover_type, mode, context = plover.get(code, ("", "", ""))
    return {
        "cameo_code": code,
        "cameo_root_code": code[:2],
        "cameo_level": str(len(code) - 1),
        "event_name": name,
        "quad_class": str(int(src["quadclass_gdelt_derived"])),
        "goldstein": repr(float(goldstein)),
        "plover_type": plover_type,
        "plover_mode": mode,
        "plover_context": context,
    }


def sector_rows(reference_dir: Path) -> list[dict[str, str]]:
    """One row per PLOVER actor sector code, TeX cross-references as plain text."""
    path = reference_dir / "plover" / "plover_sector_codes_from_manual.csv"
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for src in csv.DictReader(handle):
            description = _AUTOREF.sub(_plain_reference, src["description"].strip())
            rows.append({"sector_code": src["sector_code"].strip(), "description": description})
    return rows


def _plain_reference(match: re.Match[str]) -> str:
    """A TeX cross-reference (``\\autoref{partially-recognized-entities}``) as words."""
    return "the manual section '" + match[1].replace("-", " ") + "'"


def _csv_text(columns: list[str], rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_seeds(seed_dir: Path, texts: dict[str, str]) -> list[Path]:
    """Write each seed whose text changed; returns the files written."""
    written = []
    for name, text in texts.items():
        path = seed_dir / name
        data = text.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            written.append(path)
    return written


def main() -> int:
    outputs = {SEED_DIR: lexicon_seeds()}
    reference_dir = shared_dir() / "reference"
    if reference_dir.is_dir():
        outputs[SEED_DIR] |= reference_seeds(reference_dir)
        outputs[LEXICON_DIR] = phoenix_lexicon(reference_dir / "petrarch2")
    else:
        print(
            "skipped cameo_codes.csv, plover_sectors.csv, phoenix_actors.csv and "
            f"cameo_agents.csv: no reference tables at {reference_dir} "
            "(set WIREHOUSE_SHARED to the folder that holds reference/)",
            file=sys.stderr,
        )
    written = [path for folder, texts in outputs.items() for path in write_seeds(folder, texts)]
    for path in written:
        print(f"wrote {path}")
    total = sum(len(texts) for texts in outputs.values())
    print(f"{total - len(written)} of {total} generated files were up to date")
    return 0


def phoenix_lexicon(petrarch_dir: Path) -> dict[str, str]:
    """The compiled Phoenix actor and agents dictionaries and their licence, for
    extractors/lexicons."""
    return {
        "phoenix_actors.csv": actors_csv([petrarch_dir / name for name in DICTIONARIES]),
        "cameo_agents.csv": agents_csv(petrarch_dir / "Phoenix.agents.txt"),
        "petrarch2/LICENSE": (petrarch_dir / "LICENSE").read_text(encoding="utf-8"),
    }


if __name__ == "__main__":
    sys.exit(main())
