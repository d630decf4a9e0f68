"""Runtime configuration, read from the environment with project-relative defaults.

Relative paths are taken from the project root, so ``make run`` from any folder and an
Airflow worker agree on where the input, the warehouse and the staging area are.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(os.environ.get("WIREHOUSE_HOME", Path(__file__).resolve().parent.parent))


def _path(variable: str, default: str) -> Path:
    path = Path(os.environ.get(variable, default))
    return path if path.is_absolute() else (PROJECT_ROOT / path).resolve()


# A 950 KB article costs a run about 0.2 GB of peak memory above the 0.63 GB of a small
# one (see long_texts): 2 MB keeps any single input well under 1.5 GB per process. News
# articles are a few KB; larger files are rejected as too_large.
DEFAULT_MAX_BYTES = 2_000_000

# no run lasts a day: older working copies and staging folders belong to killed runs
STALE_RUN_SECONDS = 24 * 3600


def safe_name(run_id: str) -> str:
    """A filesystem-safe folder name for an Airflow run id (which contains ':' and '+').

    Never ``.``, ``..`` or hidden (a run id of ``.`` made the staging root its run folder,
    and cleaning it up removed every other run's staging); ids that differ only in
    replaced characters keep distinct names by a short digest of the original."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", run_id).lstrip(".")[:100]
    if name and name == run_id:
        return name
    return f"{name}_{hashlib.sha256(run_id.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


@dataclass(frozen=True)
class Settings:
    input_dir: Path
    db_path: Path
    staging_dir: Path
    dbt_project_dir: Path
    docs_dir: Path
    evidence_dir: Path
    batch_size: int
    max_bytes: int
    spacy_model: str | None
    # spaCy workers per extract task (make run's dag.test: one per core, see dag_runner)
    n_process: int = 1
    # no task may hold a worker (or the one-slot writer pool) longer than this
    task_timeout_minutes: int = 60
    schedule: str = "@hourly"
    # Celery queues (ignored by the Local executor): extraction on one, and everything that
    # touches the warehouse file on the other, so that one node holds that file
    nlp_queue: str = "default"
    warehouse_queue: str = "default"
    # extraction is idempotent per batch, so a batch whose worker died may simply run again
    extract_retries: int = 0

    @property
    def working_db_path(self) -> Path:
        """The copy a run builds in; it replaces db_path only when the run succeeds.

        One path per warehouse, with db_path's file name, so that dbt's partial parse and
        the DuckDB catalog name stay the same from run to run (see ``publishing``)."""
        return self.db_path.with_name(f".{self.db_path.stem}.building") / self.db_path.name

    @property
    def staged_docs_dir(self) -> Path:
        """Where a run builds the docs site; published with the warehouse, never before."""
        return self.working_db_path.parent / "docs"

    @property
    def staged_evidence_dir(self) -> Path:
        """Where a run builds the evidence pages; published with the warehouse."""
        return self.working_db_path.parent / "evidence"

    def run_dir(self, run_id: str) -> Path:
        return self.staging_dir / safe_name(run_id)


def load_settings() -> Settings:
    db_path = _path("WIREHOUSE_DB", "warehouse/wirehouse.duckdb")
    return Settings(
        input_dir=_path("WIREHOUSE_INPUT", "seeds"),
        db_path=db_path,
        staging_dir=_path("WIREHOUSE_STAGING", "state/staging"),
        dbt_project_dir=PROJECT_ROOT / "dbt_project",
        # the docs describe one warehouse, so they live beside its file
        docs_dir=_path("WIREHOUSE_DOCS", str(db_path.with_name(f"{db_path.stem}_docs"))),
        # the evidence pages (extractors/tools/evidence/) sit beside the docs site
        evidence_dir=_path(
            "WIREHOUSE_EVIDENCE", str(db_path.with_name(f"{db_path.stem}_evidence"))
        ),
        batch_size=int(os.environ.get("WIREHOUSE_BATCH_SIZE", "50")),
        max_bytes=int(os.environ.get("WIREHOUSE_MAX_BYTES", str(DEFAULT_MAX_BYTES))),
        spacy_model=spacy_model(),
        n_process=int(os.environ.get("WIREHOUSE_N_PROCESS", "1")),
        task_timeout_minutes=int(os.environ.get("WIREHOUSE_TASK_TIMEOUT_MINUTES", "60")),
        schedule=os.environ.get("WIREHOUSE_SCHEDULE", "@hourly"),
        nlp_queue=os.environ.get("WIREHOUSE_NLP_QUEUE", "default"),
        warehouse_queue=os.environ.get("WIREHOUSE_WAREHOUSE_QUEUE", "default"),
        extract_retries=int(os.environ.get("WIREHOUSE_EXTRACT_RETRIES", "0")),
    )


def spacy_model() -> str | None:
    """The spaCy model named by WIREHOUSE_SPACY_MODEL (None: extractors.nlp.model's default)."""
    return os.environ.get("WIREHOUSE_SPACY_MODEL")


def airflow_home() -> Path:
    """Airflow's home folder (AIRFLOW_HOME; the Makefile's default is state/airflow)."""
    return Path(os.environ.get("AIRFLOW_HOME", PROJECT_ROOT / "state" / "airflow"))


def docs_server_address() -> tuple[str, int]:
    """Where `make docs` serves the site: WIREHOUSE_DOCS_HOST, by default this machine only
    (the site shows the warehouse's SQL and column statistics), and WIREHOUSE_DOCS_PORT."""
    host = os.environ.get("WIREHOUSE_DOCS_HOST", "127.0.0.1")
    return host, int(os.environ.get("WIREHOUSE_DOCS_PORT", 8081))


def shared_dir() -> Path:
    """The research-only data beside the project (corpora, gold sets): WIREHOUSE_SHARED."""
    return Path(os.environ.get("WIREHOUSE_SHARED", PROJECT_ROOT.parent / "shared"))


def event_dictionaries() -> Path | None:
    """A folder of PETRARCH-format dictionaries that replaces the shipped set
    (WIREHOUSE_EVENT_DICTIONARIES): its `*verbs.txt`, `*actors.txt`, `*agents.txt` and
    `*discards.txt`. None: the shipped CAMEO and Phoenix dictionaries."""
    folder = os.environ.get("WIREHOUSE_EVENT_DICTIONARIES")
    return Path(folder) if folder else None


def cluster_dir() -> Path:
    """Where `make cluster` keeps its databases, secrets, logs and PIDs (WIREHOUSE_CLUSTER)."""
    return _path("WIREHOUSE_CLUSTER", "state/cluster")


def cluster_ports() -> dict[str, int]:
    """The ports of `make cluster`'s services on 127.0.0.1 (WIREHOUSE_CLUSTER_<NAME>_PORT),
    off the usual 5432, 6379 and 8080 so as not to meet a server someone else runs."""
    defaults = {"postgres": 15432, "redis": 16379, "api": 18080}
    return {
        name: int(os.environ.get(f"WIREHOUSE_CLUSTER_{name.upper()}_PORT", port))
        for name, port in defaults.items()
    }
