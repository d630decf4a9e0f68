"""`make cluster`: the news_warehouse DAG on Airflow's CeleryExecutor, all on 127.0.0.1.

PostgreSQL holds Airflow's metadata, Redis is the Celery broker, and besides the API
server, scheduler and DAG processor two Celery workers run: one on the ``nlp`` queue
(extraction, two slots) and one on the ``warehouse`` queue (every task that touches the
DuckDB file, one slot). Every process is recorded by PID under ``state/cluster`` so that
``make cluster-stop`` ends exactly those.
"""
