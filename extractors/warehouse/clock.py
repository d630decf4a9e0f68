"""The warehouse's clock: UTC timestamps without a zone, as its ``timestamp`` columns
(DuckDB's, and Arrow's ``timestamp("us")`` in staging) hold them."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
