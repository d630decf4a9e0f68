"""Where the tests find the project, its seed article and ../shared."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT_ROOT / "seeds"
SHARED = PROJECT_ROOT.parent / "shared"
SEED_FILE = "000_3ae85de6b780ec68.txt"
