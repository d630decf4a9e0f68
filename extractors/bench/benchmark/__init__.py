"""`make bench`: how close wirehouse runs to the bare spaCy limit, and what the rest costs.

python -m extractors.bench.benchmark [--docs N] [--only PART,...]

Runs on ../shared/corpora/bbc (or --corpus; skips with a message if absent). Results are
kept per part in docs/benchmarks.json (committed beside BENCHMARKS.md, so a fresh
checkout that reruns one part keeps the others' tables), so one contaminated part can be
rerun alone, and BENCHMARKS.md is rendered from all of them. Logs and kept outputs go to
state/bench. Parts:

- throughput: ``folder_extraction.extract_folder`` (what ``python -m extractors extract``
  runs: intake, cleaning, actors, events, statements, Parquet) against bare ``nlp.pipe``
  of the same pipeline, batch size and process count, alternating rounds, the fastest
  round of each (a slower one measures the shared machine), with the median ratio beside.
- processes: the same at n_process=1 and 2.
- memory: peak RSS of ``python -m extractors extract`` in a fresh process per corpus size.
- e2e: the DAG via ``extractors.warehouse.dag_runner`` on the whole corpus, stage times from the
  Airflow task instances; then rounds of a no-op rerun and a rerun with 1 % new files.
  With --scale K, the same on the corpus plus K-1 republished copies (section 4b).
- profile: cProfile of one extraction, wirehouse's own functions by cumulative time.
- instructions: the throughput ratio again, in instructions counted by valgrind's
  callgrind instead of seconds: on this shared machine the same run's CPU time varies
  by up to 30 %, instruction counts do not (skipped without valgrind; slow: ~10 docs).
- language: the intake's language check per document, its model's load time and memory
  (``extractors.bench.benchmark.language``, in a fresh process).
- evidence: the evidence site of the corpus (``--warehouse``, else one built by a DAG
  run): its size and write time, and in headless Chromium from file:// the time to open
  its index and to find a document by typing an actor's name (goal: 2 s).

The measuring modules (samples, throughput, overhead, instructions, memory, dag_runs,
language, evidence_site) save each part's figures with ``results``; ``report`` and
``report_e2e`` turn them into BENCHMARKS.md's text.
"""
