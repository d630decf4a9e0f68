-- Offsets are 0-based, end-exclusive character offsets into dim_documents.text:
-- substr(text, start + 1, end - start) must return each stored span exactly.
-- Returns one row per span that does not.
with

documents as (

    select * from {{ ref('dim_documents') }}

),

mentions as (

    select * from {{ ref('fct_actor_mentions') }}

),

events as (

    select * from {{ ref('fct_events') }}

),

statements as (

    select * from {{ ref('fct_statements') }}

),

spans as (

    select
        'mention' as span_kind,
        mention_id as row_id,
        document_id,
        start_char,
        end_char,
        mention_text as expected_text
    from mentions

    union all

    select
        'event_trigger' as span_kind,
        event_id as row_id,
        document_id,
        trigger_start_char as start_char,
        trigger_end_char as end_char,
        trigger_text as expected_text
    from events

    union all

    select
        'statement_content' as span_kind,
        statement_id as row_id,
        document_id,
        content_start_char as start_char,
        content_end_char as end_char,
        content as expected_text
    from statements

    union all

    select
        'statement_speaker' as span_kind,
        statement_id as row_id,
        document_id,
        speaker_start_char as start_char,
        speaker_end_char as end_char,
        speaker_text as expected_text
    from statements
    where
        speaker_text is not null
        or speaker_start_char is not null
        or speaker_end_char is not null

),

checked as (

    select
        spans.span_kind,
        spans.row_id,
        spans.document_id,
        spans.start_char,
        spans.end_char,
        spans.expected_text,
        substr(documents."text", spans.start_char + 1, spans.end_char - spans.start_char) as actual_text

    from spans

    left join documents
        on spans.document_id = documents.document_id

)

select *
from checked
where
    actual_text is distinct from expected_text
    or start_char < 0
    or end_char < start_char
