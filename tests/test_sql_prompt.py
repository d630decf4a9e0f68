"""`make query`: a read-only SQL prompt on the published warehouse."""

import os
import subprocess
import sys

from tests.conftest import PROJECT_ROOT, query


def prompt(db_path, statements: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "extractors.sql_prompt"],
        input=statements,
        cwd=PROJECT_ROOT,
        env={**os.environ, "WIREHOUSE_DB": str(db_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_answers_queries_over_several_lines(seed_run):
    out = prompt(
        seed_run[1],
        "select canonical_name, country_code from marts.dim_actors\n"
        "where canonical_name = 'Nouri al-Maliki';\n",
    )
    assert "Nouri al-Maliki" in out and "IRQ" in out


def test_refuses_to_write(seed_run):
    before = query(seed_run[1], "select count(*) from marts.dim_actors")
    out = prompt(seed_run[1], "delete from marts.dim_actors;\n")
    assert "read-only mode" in out
    assert query(seed_run[1], "select count(*) from marts.dim_actors") == before
