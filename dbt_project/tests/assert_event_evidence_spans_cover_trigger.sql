-- The evidence span of an event lies inside its document and contains the trigger.
-- Returns one row per event that breaks this.
with

documents as (

    select * from {{ ref('dim_documents') }}

),

events as (

    select * from {{ ref('fct_events') }}

),

checked as (

    select
        events.event_id,
        events.document_id,
        events.evidence_start_char,
        events.evidence_end_char,
        events.trigger_start_char,
        events.trigger_end_char,
        length(documents."text") as text_length

    from events

    left join documents
        on events.document_id = documents.document_id

)

select *
from checked
where
    text_length is null
    or evidence_start_char < 0
    or evidence_end_char > text_length
    or evidence_start_char > trigger_start_char
    or evidence_end_char < trigger_end_char
