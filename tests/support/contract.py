"""The warehouse contract of DESIGN.md section 3: the names analysts and evaluations query."""

CONTRACT = {
    "marts.dim_documents": [
        "document_id",
        "source_file",
        "title",
        "source_name",
        "published_date",
        "text",
        "n_words",
        "content_sha256",
        "loaded_at",
    ],
    "marts.dim_actors": [
        "actor_id",
        "canonical_name",
        "actor_kind",
        "country_code",
        "sector",
        "n_mentions",
        "n_documents",
    ],
    "marts.fct_actor_mentions": [
        "mention_id",
        "document_id",
        "actor_id",
        "sentence_index",
        "start_char",
        "end_char",
        "mention_text",
        "role",
    ],
    "marts.fct_events": [
        "event_id",
        "document_id",
        "sentence_index",
        "source_actor_id",
        "target_actor_id",
        "cameo_code",
        "cameo_root_code",
        "event_name",
        "quad_class",
        "goldstein",
        "trigger_text",
        "trigger_start_char",
        "trigger_end_char",
        "is_negated",
        "event_date",
        "event_date_source",
        "location_actor_id",
        "evidence_start_char",
        "evidence_end_char",
    ],
    "marts.fct_statements": [
        "statement_id",
        "document_id",
        "speaker_actor_id",
        "speaker_text",
        "speaker_start_char",
        "speaker_end_char",
        "cue_text",
        "statement_kind",
        "content",
        "content_start_char",
        "content_end_char",
        "statement_date",
        "statement_date_source",
    ],
    "ops.rejects": ["source_file", "reason", "detail", "run_id", "rejected_at"],
    "ops.pipeline_runs": [
        "run_id",
        "started_at",
        "finished_at",
        "state",
        "files_seen",
        "documents_new",
        "documents_changed",
        "documents_unchanged",
        "files_rejected",
    ],
}

MARTS = [name for name in CONTRACT if name.startswith("marts.")]

# (child table, child column, parent table, parent column)
FOREIGN_KEYS = [
    ("marts.fct_actor_mentions", "document_id", "marts.dim_documents", "document_id"),
    ("marts.fct_actor_mentions", "actor_id", "marts.dim_actors", "actor_id"),
    ("marts.fct_events", "document_id", "marts.dim_documents", "document_id"),
    ("marts.fct_events", "source_actor_id", "marts.dim_actors", "actor_id"),
    ("marts.fct_events", "target_actor_id", "marts.dim_actors", "actor_id"),
    ("marts.fct_events", "location_actor_id", "marts.dim_actors", "actor_id"),
    ("marts.fct_statements", "document_id", "marts.dim_documents", "document_id"),
    ("marts.fct_statements", "speaker_actor_id", "marts.dim_actors", "actor_id"),
]

# (table, text column, start column, end column): spans that must reproduce exactly
SPANS = [
    ("marts.fct_actor_mentions", "mention_text", "start_char", "end_char"),
    ("marts.fct_events", "trigger_text", "trigger_start_char", "trigger_end_char"),
    ("marts.fct_statements", "content", "content_start_char", "content_end_char"),
    ("marts.fct_statements", "speaker_text", "speaker_start_char", "speaker_end_char"),
]
