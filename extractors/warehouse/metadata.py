"""Document metadata from an optional JSON sidecar (`<name>.meta.json` beside `<name>.txt`)."""

from __future__ import annotations

import errno
import json
import os
from datetime import date
from pathlib import Path

from extractors.warehouse.safe_read import Refused, read_input_file

SIDECAR_KEYS = ("title", "source_name", "published_date", "url", "section")


def parse_sidecar(data: object) -> dict:
    """The known keys of decoded sidecar JSON, with published_date as a date.

    Raises ValueError for anything but a JSON object whose known keys hold strings."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    meta = {k: data[k] for k in SIDECAR_KEYS if data.get(k) not in (None, "")}
    wrong = sorted(k for k, v in meta.items() if not isinstance(v, str))
    if wrong:
        raise ValueError(f"{', '.join(wrong)}: not a string")
    if "published_date" in meta:
        meta["published_date"] = date.fromisoformat(meta["published_date"][:10])
    return meta


def sidecar_path(text_path: Path) -> Path:
    return Path(text_path).with_suffix(".meta.json")


def read_sidecar(text_path: Path, root: Path, max_bytes: int) -> dict:
    """Known keys of `<name>.meta.json` beside `<name>.txt`; {} when there is none.

    A sidecar is read like an input file (``safe_read``: inside ``root``, a regular file,
    at most ``max_bytes``); one that cannot be read or used refuses its article
    (``bad_sidecar``), so that wrong metadata is never published and the article is taken
    once the sidecar is fixed."""
    path = sidecar_path(text_path)
    try:
        os.lstat(path)
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.ENAMETOOLONG, errno.ENOTDIR):
            return {}  # no sidecar (a name too long for one cannot have one)
        raise Refused("bad_sidecar", f"{path.name}: {error.strerror}") from error
    try:
        data = read_input_file(path, root, max_bytes)
    except Refused as refused:
        raise Refused("bad_sidecar", f"{path.name}: {refused.reason}, {refused.detail}") from None
    try:
        return parse_sidecar(json.loads(data.decode("utf-8")))
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
        raise Refused("bad_sidecar", f"{path.name}: {error}") from None
