-- Every attributed statement as a reader would quote it: the speaker's name, kind,
-- country and sector beside the words, the actors the words are about, the article and
-- the date.
with

statements as (

    select * from {{ ref('fct_statements') }}

),

actors as (

    select * from {{ ref('dim_actors') }}

),

documents as (

    select * from {{ ref('dim_documents') }}

),

statement_actors as (

    select * from {{ ref('bridge_statement_actors') }}

),

-- the actors a statement talks about, by their first mention in its content
subjects as (

    select
        statement_actors.statement_id,
        string_agg(
            actors.canonical_name, '; '
            order by statement_actors.first_mention_start_char, actors.canonical_name
        ) as about_actors,
        count(*) as n_about_actors

    from statement_actors

    inner join actors
        on statement_actors.actor_id = actors.actor_id

    where not statement_actors.is_speaker

    group by statement_actors.statement_id

),

final as (

    select
        statements.statement_id,
        statements.document_id,
        documents.title as document_title,
        statements.statement_date,
        statements.statement_date_source,
        coalesce(speakers.canonical_name, statements.speaker_text) as speaker,
        statements.speaker_text,
        speakers.actor_kind as speaker_kind,
        speakers.country_name as speaker_country,
        speakers.sector as speaker_sector,
        speakers.sector_description as speaker_sector_description,
        statements.cue_text,
        statements.statement_kind,
        statements.content,
        subjects.about_actors,
        coalesce(subjects.n_about_actors, 0) as n_about_actors,
        statements.speaker_actor_id,
        statements.sentence_index,
        statements.content_start_char

    from statements

    inner join documents
        on statements.document_id = documents.document_id

    left join actors as speakers
        on statements.speaker_actor_id = speakers.actor_id

    left join subjects
        on statements.statement_id = subjects.statement_id

)

select *
from final
order by
    document_id asc,
    content_start_char asc,
    statement_id asc
