"""The SQL of the actor pages, each page's digest, and the rows of the pages to render.

An actor page lists the documents that mention the actor, the events it is a side of and
its statements. Each query returns exactly what the page shows (document titles and the
other side's name included), so hashing those rows tells which pages changed, as for
document pages (see ``queries``).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from extractors.tools.evidence.queries import ACTORS_SQL, fetch_rows

# {where}: every actor, or only those in $ids
ALL_ACTORS = ""
ONLY_ACTORS = "where actor_id in (select unnest($ids))"

# one row per actor and document that mentions it, with how it was written there
ACTOR_MENTIONS_SQL = """
select * from (
    select m.actor_id, m.document_id, d.title, d.source_file, d.section, d.published_date,
        count(*) as n_mentions,
        arg_min(m.mention_id, m.start_char) as first_mention_id,
        string_agg(distinct m.mention_text, ' · ' order by m.mention_text) as written
    from marts.fct_actor_mentions as m
    inner join marts.dim_documents as d on m.document_id = d.document_id
    group by all
) as rows
{where}
order by actor_id, published_date desc nulls last, title, document_id
"""

# one row per event and side the actor takes in it (an event of an actor with itself
# appears as source and as target)
ACTOR_EVENTS_SQL = """
select * from (
    select sides.actor_id, sides.side, e.event_id, e.document_id, d.title, d.source_file,
        e.trigger_text, e.cameo_code, e.event_name, e.is_negated, e.event_date,
        e.trigger_start_char, sides.other_id, other.canonical_name as other_name
    from marts.fct_events as e
    cross join lateral (
        values ('source', e.source_actor_id, e.target_actor_id),
            ('target', e.target_actor_id, e.source_actor_id)
    ) as sides (side, actor_id, other_id)
    inner join marts.dim_documents as d on e.document_id = d.document_id
    left join marts.dim_actors as other on sides.other_id = other.actor_id
    where sides.actor_id is not null
) as rows
{where}
order by actor_id, event_date desc nulls last, document_id, trigger_start_char, side
"""

ACTOR_STATEMENTS_SQL = """
select * from (
    select s.speaker_actor_id as actor_id, s.statement_id, s.document_id, d.title,
        d.source_file, s.statement_kind, s.cue_text, s.content, s.statement_date,
        s.content_start_char
    from marts.fct_statements as s
    inner join marts.dim_documents as d on s.document_id = d.document_id
    where s.speaker_actor_id is not null
) as rows
{where}
order by actor_id, statement_date desc nulls last, document_id, content_start_char
"""

_TABLES = {
    "mentions": ACTOR_MENTIONS_SQL,
    "events": ACTOR_EVENTS_SQL,
    "statements": ACTOR_STATEMENTS_SQL,
}

# an actor's row and the bit_xor of each table's row hashes (order-free, each row hashed as
# text: see queries)
_PARTS = " union all ".join(
    f"select actor_id, '{name[0]}' || bit_xor(hash(t::varchar))::varchar as digest "
    f"from ({sql.format(where=ALL_ACTORS)}) as t group by actor_id"
    for name, sql in _TABLES.items()
)
_ACTOR_DIGESTS_SQL = f"""
with
actors as (select actor_id, md5(a::varchar) as digest from ({ACTORS_SQL}) as a),
parts as ({_PARTS})
select actors.actor_id,
    md5(actors.digest || coalesce(string_agg(parts.digest, '|' order by parts.digest), ''))
from actors left join parts using (actor_id)
group by actors.actor_id, actors.digest
"""


def actor_digests(db_path: Path) -> dict[str, str]:
    """actor_id -> digest of its page's content."""
    import duckdb

    with duckdb.connect(str(db_path), read_only=True) as con:
        return dict(con.execute(_ACTOR_DIGESTS_SQL).fetchall())


def read_actor_pages(db_path: Path, actor_ids: list[str]) -> list[dict]:
    """The actors of actor_ids, each with its ``mentions``, ``events`` and ``statements``."""
    import duckdb

    with duckdb.connect(str(db_path), read_only=True) as con:
        params = {"ids": actor_ids}
        actors = fetch_rows(con, f"select * from ({ACTORS_SQL}) {ONLY_ACTORS}", params)
        tables: dict[str, dict[str, list[dict]]] = {name: defaultdict(list) for name in _TABLES}
        for name, sql in _TABLES.items():
            for row in fetch_rows(con, sql.format(where=ONLY_ACTORS), params):
                tables[name][row["actor_id"]].append(row)
    return [
        {**actor, **{name: rows.get(actor["actor_id"], []) for name, rows in tables.items()}}
        for actor in actors
    ]
