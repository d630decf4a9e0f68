-- Who said what about whom: every attributed statement with its speaker and each actor
-- mentioned inside the statement's content span (the "about" side). A statement that
-- mentions nobody still appears once, with a null subject; a speaker's mentions of
-- themselves are left out. Speakers that are not resolved actors ("officials") keep
-- their text as written.
with

statements as (

    select * from {{ ref('fct_statements') }}

),

mentions as (

    select * from {{ ref('fct_actor_mentions') }}

),

actors as (

    select * from {{ ref('dim_actors') }}

),

documents as (

    select * from {{ ref('dim_documents') }}

),

-- an actor is a subject of a statement when one of its mentions lies inside the content
statement_subjects as (

    select
        statements.statement_id,
        mentions.actor_id as subject_actor_id,
        count(*) as n_subject_mentions,
        min(mentions.start_char) as first_subject_start_char

    from statements

    inner join mentions
        on
            statements.document_id = mentions.document_id
            and statements.content_start_char <= mentions.start_char
            and statements.content_end_char >= mentions.end_char

    where mentions.actor_id is distinct from statements.speaker_actor_id

    group by all

),

final as (

    select
        statements.statement_id,
        statements.document_id,
        documents.title as document_title,
        documents.published_date,
        coalesce(speakers.canonical_name, statements.speaker_text) as speaker,
        speakers.sector as speaker_sector,
        statements.cue_text,
        statements.statement_kind,
        subjects.canonical_name as subject,
        subjects.actor_kind as subject_kind,
        statement_subjects.n_subject_mentions,
        statements.content,
        statements.speaker_actor_id,
        statement_subjects.subject_actor_id,
        statements.content_start_char,
        statement_subjects.first_subject_start_char

    from statements

    inner join documents
        on statements.document_id = documents.document_id

    left join actors as speakers
        on statements.speaker_actor_id = speakers.actor_id

    left join statement_subjects
        on statements.statement_id = statement_subjects.statement_id

    left join actors as subjects
        on statement_subjects.subject_actor_id = subjects.actor_id

)

select *
from final
order by
    document_id asc,
    content_start_char asc,
    first_subject_start_char asc nulls last
