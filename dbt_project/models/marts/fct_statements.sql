with

statements as (

    select * from {{ ref('stg_raw__statements') }}

),

documents as (

    select * from {{ ref('stg_raw__documents') }}

),

final as (

    select
        statements.statement_id,
        statements.document_id,
        statements.sentence_index,
        {{ resolved_actor_id('statements.document_id', 'statements.speaker_actor_key') }} as speaker_actor_id,
        statements.speaker_text,
        statements.speaker_start_char,
        statements.speaker_end_char,
        statements.cue_text,
        statements.statement_kind,
        statements.content,
        statements.content_start_char,
        statements.content_end_char,
        {{ dated_fact('statements.statement_date', 'documents.published_date', 'statement_date') }},
        statements.statement_date_start_char,
        statements.statement_date_end_char

    from statements

    left join documents
        on statements.document_id = documents.document_id

)

select * from final
