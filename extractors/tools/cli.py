"""Command line: the same intake and extraction code that the DAG runs.

python -m extractors extract --input DIR --out DIR   staging Parquet for a folder
python -m extractors show FILE                       one text's records as JSON
python -m extractors summary                         row counts of the warehouse marts
python -m extractors evidence [--out DIR]            HTML evidence pages of the warehouse
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from pathlib import Path

from extractors.settings import DEFAULT_MAX_BYTES, load_settings
from extractors.tools.warehouse_check import warehouse_missing
from extractors.warehouse.dbt_calls import docs_site
from extractors.warehouse.folder_extraction import extract_folder
from extractors.warehouse.intake import list_input_files, source_text
from extractors.warehouse.safe_read import Refused

SUMMARY_TABLES = (
    ("documents", "marts.dim_documents"),
    ("actors", "marts.dim_actors"),
    ("mentions", "marts.fct_actor_mentions"),
    ("events", "marts.fct_events"),
    ("statements", "marts.fct_statements"),
    ("rejects", "ops.rejects"),
)


def _extract_folder(args: argparse.Namespace) -> int:
    from extractors.nlp.model import load_nlp
    from extractors.nlp.pipeline import pipe_layout
    from extractors.warehouse.dag_runner import IN_PROCESS_DEFAULTS

    out = Path(args.out)
    input_dir = Path(args.input)
    n_texts = len(list_input_files(input_dir))
    # one process, as make run's: spaCy's workers are what uses the other cores
    cores = int(IN_PROCESS_DEFAULTS["WIREHOUSE_N_PROCESS"])
    n_process, batch_size = pipe_layout(n_texts, args.n_process or cores)
    counts = extract_folder(
        load_nlp(args.model), input_dir, out, n_process=n_process, batch_size=batch_size
    )
    print(
        f"{counts['documents']} documents, {counts['actors']} actors, "
        f"{counts['events']} events, {counts['statements']} statements, "
        f"{counts['rejects']} rejects -> {out} "
        f"({n_process} spaCy process{'es' if n_process > 1 else ''})"
    )
    return 0


def _show_file(args: argparse.Namespace) -> int:
    from extractors.nlp.model import load_nlp
    from extractors.nlp.pipeline import extract

    path = Path(args.file)
    try:
        source = source_text(
            path.name, path.read_bytes(), path, path.parent.resolve(), DEFAULT_MAX_BYTES
        )
    except Refused as refused:
        print(json.dumps({"rejected": refused.reason, "detail": refused.detail}))
        return 1
    extraction = extract(load_nlp(args.model), [source])
    document = extraction.documents[0]
    result = {
        "document": {k: v for k, v in dataclasses.asdict(document).items() if k != "text"},
        "actors": [dataclasses.asdict(a) for a in extraction.actors],
        "events": [dataclasses.asdict(e) for e in extraction.events],
        "statements": [dataclasses.asdict(s) for s in extraction.statements],
    }
    print(json.dumps(result, indent=2, default=str, ensure_ascii=False))
    return 0


def _summary(_args: argparse.Namespace) -> int:
    import duckdb

    settings = load_settings()
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        for label, table in SUMMARY_TABLES:
            [(count,)] = con.execute(f"select count(*) from {table}").fetchall()
            print(f"{label:>11}: {count}")
    print(f"  warehouse: {settings.db_path}")
    print(f"  docs site: {docs_site(settings.docs_dir)}")
    print(f"   evidence: {settings.evidence_dir / 'index.html'}")
    return 0


def _evidence(args: argparse.Namespace) -> int:
    from extractors.tools.evidence import write_evidence_site

    settings = load_settings()
    if warehouse_missing(settings.db_path):
        return 1
    index = write_evidence_site(settings.db_path, Path(args.out or settings.evidence_dir))
    print(f"evidence pages: {index}")
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(
        prog="python -m extractors", description=__doc__.splitlines()[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    extract_cmd = commands.add_parser(
        "extract", help="write staging Parquet for a folder of .txt files"
    )
    extract_cmd.add_argument("--input", required=True)
    extract_cmd.add_argument("--out", required=True)
    extract_cmd.add_argument(
        "--n-process", type=int, default=None, help="spaCy worker processes (default: one per core)"
    )
    extract_cmd.add_argument(
        "--model", default=None, help="spaCy model (default: WIREHOUSE_SPACY_MODEL)"
    )
    extract_cmd.set_defaults(handler=_extract_folder)
    show_cmd = commands.add_parser(
        "show", help="print one text's actors, events and statements as JSON"
    )
    show_cmd.add_argument("file")
    show_cmd.add_argument("--model", default=None)
    show_cmd.set_defaults(handler=_show_file)
    commands.add_parser("summary", help="row counts of the marts").set_defaults(handler=_summary)
    evidence_cmd = commands.add_parser(
        "evidence", help="write HTML evidence pages (highlighted texts) of WIREHOUSE_DB"
    )
    evidence_cmd.add_argument(
        "--out", default=None, help="output folder (default: <db stem>_evidence beside the db)"
    )
    evidence_cmd.set_defaults(handler=_evidence)
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
