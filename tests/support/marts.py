"""Two warehouses compared table by table, leaving out when and by which run rows were
written."""

from __future__ import annotations

from pathlib import Path

from tests.support.duck import query

# the columns that say when and by which run a row was written, not what it holds
RUN_COLUMNS = {"marts.dim_documents": ("extracted_at", "loaded_at", "run_id")}
COMPARED = (
    "marts.dim_documents",
    "marts.dim_actors",
    "marts.fct_actor_mentions",
    "marts.fct_events",
    "marts.fct_event_clusters",
    "marts.fct_statements",
    "marts.bridge_statement_actors",
    "intermediate.int_actor_references__unioned",
    "intermediate.int_actor_keys__resolved",
    "intermediate.int_actors__resolved",
)


def rows(db_path: Path, table: str) -> list[tuple]:
    excluded = RUN_COLUMNS.get(table)
    columns = f"* exclude ({', '.join(excluded)})" if excluded else "*"
    return query(db_path, f"select {columns} from {table} order by all")
