"""The SQL that evidence pages read from the published marts, and each page's digest.

Every query but the actors' takes a ``{where}``: every document, or only those whose pages
are rendered again. The digest query hashes in DuckDB what each page shows, so that
unchanged pages are recognised without reading their rows (see ``page_cache``).
"""

from __future__ import annotations

from pathlib import Path

DOCUMENTS_SQL = """
select document_id, source_file, title, source_name, section, published_date, url, "text"
from marts.dim_documents
{where}
order by published_date desc nulls last, title, document_id
"""

ACTORS_SQL = """
select actor_id, canonical_name, actor_kind, country_code, sector, cameo_actor_code
from marts.dim_actors
"""

MENTIONS_SQL = """
select document_id, mention_id, actor_id, start_char, end_char, mention_text, role
from marts.fct_actor_mentions
{where}
order by document_id, start_char, end_char
"""

EVENTS_SQL = """
select document_id, event_id, source_actor_id, target_actor_id, cameo_code, cameo_root_code,
       event_name, quad_class, goldstein, trigger_text, trigger_start_char, trigger_end_char,
       is_negated, source_actor_code, target_actor_code
from marts.fct_events
{where}
order by document_id, trigger_start_char, event_id
"""

STATEMENTS_SQL = """
select document_id, statement_id, speaker_actor_id, speaker_text, speaker_start_char,
       speaker_end_char, cue_text, statement_kind, content, content_start_char, content_end_char
from marts.fct_statements
{where}
order by document_id, content_start_char, statement_id
"""

# {where}: every document, or only those in $ids
ALL_DOCUMENTS = ""
ONLY_IDS = "where document_id in (select unnest($ids))"

# what each page shows, hashed: its document row, its mentions, events and statements, and
# the rows of the actors they name (a new document can rename an old document's actor).
# A part's rows are combined with bit_xor of their hashes, which needs no order (BBC
# corpus: 0.15 s with every row sorted and concatenated as text, 0.05-0.07 s this way).
# Each row is hashed as text: DuckDB combines a struct's field hashes so that one field
# changed alike in two rows (an actor renamed in two of its events) changes both row
# hashes by the same bits, which bit_xor cancels.
_PAGE_DIGESTS_SQL = f"""
with
documents as (
    select document_id, md5(d::varchar) as digest
    from ({DOCUMENTS_SQL.format(where=ALL_DOCUMENTS)}) as d
),
mentions as ({MENTIONS_SQL.format(where=ALL_DOCUMENTS)}),
events as ({EVENTS_SQL.format(where=ALL_DOCUMENTS)}),
statements as ({STATEMENTS_SQL.format(where=ALL_DOCUMENTS)}),
named as (
    select document_id, actor_id from mentions
    union select document_id, source_actor_id from events
    union select document_id, target_actor_id from events
    union select document_id, speaker_actor_id from statements
),
parts as (
    select document_id, 'm' || bit_xor(hash(m::varchar))::varchar as digest
    from mentions as m group by document_id
    union all
    select document_id, 'e' || bit_xor(hash(e::varchar))::varchar
    from events as e group by document_id
    union all
    select document_id, 's' || bit_xor(hash(s::varchar))::varchar
    from statements as s group by document_id
    union all
    select named.document_id, 'a' || bit_xor(hash(a::varchar))::varchar
    from named inner join ({ACTORS_SQL}) as a using (actor_id) group by named.document_id
)
select documents.document_id,
    md5(documents.digest || coalesce(string_agg(parts.digest, '|' order by parts.digest), ''))
from documents left join parts using (document_id)
group by documents.document_id, documents.digest
"""


# what the index's filters offer: each section and each CAMEO root, with its documents
SECTIONS_SQL = """
select section, count(*) as n_documents
from marts.dim_documents
where section is not null
group by section
order by section
"""

ROOTS_SQL = """
select events.cameo_root_code, codes.event_name, count(distinct events.document_id)
from marts.fct_events as events
left join reference.cameo_codes as codes on events.cameo_root_code = codes.cameo_code
where events.cameo_root_code is not null
group by all
order by events.cameo_root_code
"""


def fetch_rows(con, sql: str, parameters: dict | None = None) -> list[dict]:
    """The query's rows as dicts keyed by column name."""
    cursor = con.execute(sql, parameters)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def filter_choices(db_path: Path) -> tuple[list[tuple], list[tuple]]:
    """The index's filters: sections and CAMEO roots, each as (value, label, documents)."""
    import duckdb

    with duckdb.connect(str(db_path), read_only=True) as con:
        sections = [(s, s, n) for s, n in con.execute(SECTIONS_SQL).fetchall()]
        roots = [
            (code, f"{code} {(name or 'unknown root').capitalize()}", n)
            for code, name, n in con.execute(ROOTS_SQL).fetchall()
        ]
    return sections, roots


def page_digests(db_path: Path) -> dict[str, str]:
    """document_id -> digest of its page's content, in the index's order."""
    import duckdb

    with duckdb.connect(str(db_path), read_only=True) as con:
        digests = dict(con.execute(_PAGE_DIGESTS_SQL).fetchall())
        order = con.execute(DOCUMENTS_SQL.format(where=ALL_DOCUMENTS)).fetchall()
    return {row[0]: digests[row[0]] for row in order}
