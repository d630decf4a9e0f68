with

statements as (

    select * from {{ ref('stg_raw__statements') }}

),

final as (

    select
        statement_id,
        document_id,
        sentence_index,
        {{ resolved_actor_id('statements.document_id', 'statements.speaker_actor_key') }} as speaker_actor_id,
        speaker_text,
        speaker_start_char,
        speaker_end_char,
        cue_text,
        statement_kind,
        content,
        content_start_char,
        content_end_char,
        statement_date

    from statements

)

select * from final
