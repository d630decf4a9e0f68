-- An event's or statement's date agrees with its *_date_source: 'text' has the span of its
-- time expression inside the document text; 'document' is the document's published_date;
-- a null source goes with a null date on an undated document. Returns each row that does not.
with

documents as (

    select * from {{ ref('dim_documents') }}

),

events as (

    select * from {{ ref('fct_events') }}

),

statements as (

    select * from {{ ref('fct_statements') }}

),

dated_facts as (

    select
        'event' as fact_kind,
        event_id as row_id,
        document_id,
        event_date as fact_date,
        event_date_source as date_source,
        event_date_start_char as start_char,
        event_date_end_char as end_char
    from events

    union all

    select
        'statement' as fact_kind,
        statement_id as row_id,
        document_id,
        statement_date as fact_date,
        statement_date_source as date_source,
        statement_date_start_char as start_char,
        statement_date_end_char as end_char
    from statements

),

checked as (

    select
        dated_facts.*,
        documents.published_date,
        case dated_facts.date_source
            when 'text'
                then
                    dated_facts.fact_date is not null
                    and dated_facts.start_char >= 0
                    and dated_facts.start_char < dated_facts.end_char
                    and dated_facts.end_char <= length(documents."text")
            when 'document'
                then
                    dated_facts.fact_date = documents.published_date
                    and dated_facts.start_char is null
            else
                dated_facts.fact_date is null
                and documents.published_date is null
                and dated_facts.start_char is null
        end as agrees

    from dated_facts

    left join documents
        on dated_facts.document_id = documents.document_id

)

select *
from checked
where agrees is not true
