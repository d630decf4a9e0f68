"""A read-only SQL prompt on the warehouse (``make query``).

The published warehouse file is opened read-only, so a prompt left open never blocks a
run: runs build in a private copy and replace the file atomically when they finish.
"""

from __future__ import annotations

import sys

import duckdb

from extractors.settings import load_settings

BANNER = """wirehouse SQL prompt on {db} (read-only)
End statements with ';'. Try: select * from marts.dim_actors order by n_mentions desc limit 10;
Tables: marts.dim_documents, marts.dim_actors, marts.fct_actor_mentions, marts.fct_events,
        marts.fct_statements, ops.rejects, ops.pipeline_runs.  Quit with Ctrl-D or .quit"""


def run_statement(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """Execute one statement and render its result as a table (or the error)."""
    try:
        relation = con.sql(sql)
    except duckdb.Error as error:
        return f"error: {error}"
    if relation is None:
        return "ok"
    return str(relation)


def main() -> int:
    db_path = load_settings().db_path
    if not db_path.exists():
        print(f"no warehouse at {db_path}: run `make run` first", file=sys.stderr)
        return 1
    con = duckdb.connect(str(db_path), read_only=True)
    interactive = sys.stdin.isatty()
    if interactive:
        print(BANNER.format(db=db_path))
    buffer: list[str] = []
    while True:
        try:
            line = input("wirehouse> " if not buffer else "      ...> ") if interactive else input()
        except EOFError:
            break
        if not buffer and line.strip() in (".quit", ".exit"):
            break
        buffer.append(line)
        if line.rstrip().endswith(";"):
            print(run_statement(con, "\n".join(buffer)))
            buffer = []
    if buffer and "".join(buffer).strip():
        print(run_statement(con, "\n".join(buffer)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
