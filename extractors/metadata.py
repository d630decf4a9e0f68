"""Document metadata from an optional JSON sidecar (`<name>.meta.json` beside `<name>.txt`)."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path

log = logging.getLogger(__name__)

SIDECAR_KEYS = ("title", "source_name", "published_date", "url")


def parse_sidecar(data: object) -> dict:
    """The known keys of decoded sidecar JSON, with published_date as a date."""
    if not isinstance(data, dict):
        raise ValueError("sidecar is not a JSON object")
    meta = {k: data[k] for k in SIDECAR_KEYS if data.get(k) not in (None, "")}
    if "published_date" in meta:
        meta["published_date"] = date.fromisoformat(str(meta["published_date"])[:10])
    return meta


def read_sidecar(text_path: Path) -> dict:
    """Known keys of `<name>.meta.json` beside `<name>.txt`; {} when absent or broken."""
    path = Path(text_path).with_suffix(".meta.json")
    if not path.is_file():
        return {}
    try:
        return parse_sidecar(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError) as exc:
        log.warning("ignoring broken sidecar %s: %s", path, exc)
        return {}
