with

source as (

    select * from {{ source('raw', 'mentions') }}

),

renamed as (

    select
        cast(mention_id as varchar) as mention_id,
        cast(document_id as varchar) as document_id,
        cast(actor_key as varchar) as actor_key,
        cast(sentence_index as bigint) as sentence_index,
        cast(start_char as bigint) as start_char,
        cast(end_char as bigint) as end_char,
        cast(mention_text as varchar) as mention_text,
        nullif(trim(ner_label), '') as ner_label,
        nullif(trim(role), '') as role

    from source

)

select * from renamed
