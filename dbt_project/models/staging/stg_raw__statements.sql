with

source as (

    select * from {{ source('raw', 'statements') }}

),

renamed as (

    select
        cast(statement_id as varchar) as statement_id,
        cast(document_id as varchar) as document_id,
        cast(sentence_index as bigint) as sentence_index,
        nullif(speaker_actor_key, '') as speaker_actor_key,
        cast(speaker_text as varchar) as speaker_text,
        cast(speaker_start_char as bigint) as speaker_start_char,
        cast(speaker_end_char as bigint) as speaker_end_char,
        nullif(trim(cue_text), '') as cue_text,
        lower(trim(statement_kind)) as statement_kind,
        cast(content as varchar) as content,
        cast(content_start_char as bigint) as content_start_char,
        cast(content_end_char as bigint) as content_end_char,
        cast(statement_date as date) as statement_date,
        cast(statement_date_start_char as bigint) as statement_date_start_char,
        cast(statement_date_end_char as bigint) as statement_date_end_char

    from source

)

select * from renamed
