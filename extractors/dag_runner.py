"""Run the news_warehouse DAG once, in-process, the way ``make run`` and the tests do.

``dag.test()`` executes every task (mapped extracts, Cosmos dbt models, docs) against the
Airflow metadata database, without a scheduler. Exits non-zero unless the run succeeded.
"""

from __future__ import annotations

import sys

from extractors.settings import PROJECT_ROOT

DAG_ID = "news_warehouse"


def run_once() -> str:
    """Returns the final state of the DAG run."""
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(PROJECT_ROOT / "dags"))
    if bag.import_errors:
        raise RuntimeError(f"DAG import errors: {bag.import_errors}")
    dag_run = bag.get_dag(DAG_ID).test()
    return str(dag_run.state)


if __name__ == "__main__":
    state = run_once()
    print(f"{DAG_ID} run finished: {state}")
    sys.exit(0 if state == "success" else 1)
