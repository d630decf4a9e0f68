"""Records as Arrow tables: the Parquet schema of each staging table, from its dataclass."""

from __future__ import annotations

import dataclasses

import pyarrow as pa

_ARROW_TYPES = {
    "str": pa.string(),
    "str | None": pa.string(),
    "int": pa.int64(),
    "int | None": pa.int64(),
    "bool": pa.bool_(),
    "date | None": pa.date32(),
    "datetime": pa.timestamp("us"),
}


def arrow_schema(record_type: type) -> pa.Schema:
    """The Parquet schema of a record type, derived from its annotations (text: records.py
    postpones them, so a field's type is the annotation as written)."""
    return pa.schema([(f.name, _ARROW_TYPES[str(f.type)]) for f in dataclasses.fields(record_type)])


def to_arrow(record_type: type, records: list) -> pa.Table:
    """Records of one type as an Arrow table with the declared schema (also when empty)."""
    columns = {
        f.name: [getattr(r, f.name) for r in records] for f in dataclasses.fields(record_type)
    }
    return pa.Table.from_pydict(columns, schema=arrow_schema(record_type))
