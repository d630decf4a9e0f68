"""One folder to staging Parquet, outside Airflow: what ``python -m extractors extract`` runs.

The same intake, extraction and staging code as the DAG's extract tasks, in one process
and without a warehouse: every accepted file is new. The benchmark times exactly this.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from extractors.settings import load_settings
from extractors.warehouse.intake import discover
from extractors.warehouse.staging import StagingWriter, write_rejects


def extract_folder(
    nlp, input_dir: Path, out: Path, *, n_process: int = 1, batch_size: int = 32
) -> dict[str, int]:
    """Staging Parquet for every accepted file under input_dir; returns row counts.

    Records are written chunk by chunk (see ``StagingWriter``), so memory stays flat as
    the folder grows.
    """
    # spaCy loads here, not when the CLI starts (summary and evidence need none of it)
    from extractors.nlp.pipeline import extract_chunks, failure_rejects
    from extractors.warehouse.progress import Progress

    run_id = f"cli__{datetime.now(UTC):%Y%m%dT%H%M%S}"
    intake = discover(input_dir, run_id=run_id, max_bytes=load_settings().max_bytes)
    counts = dict.fromkeys(("documents", "words", "actors", "events", "statements"), 0)
    writer = StagingWriter(out)
    progress = Progress(len(intake.to_extract), name="extract", bar=True)
    chunks = extract_chunks(
        nlp,
        intake.to_extract,
        batch_size=batch_size,
        n_process=n_process,
        on_document=progress.update,
    )
    rejects = list(intake.rejects)
    for chunk in chunks:
        writer.write(chunk)
        rejects += failure_rejects(chunk.failures, run_id)
        counts["documents"] += len(chunk.documents)
        counts["words"] += sum(d.n_words for d in chunk.documents)
        for name in ("actors", "events", "statements"):
            counts[name] += len(getattr(chunk, name))
    writer.close()
    progress.close()
    write_rejects(out / "rejects.parquet", rejects)
    counts["rejects"] = len(rejects)
    return counts
