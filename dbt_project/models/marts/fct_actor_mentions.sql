with

mentions as (

    select * from {{ ref('stg_raw__mentions') }}

),

final as (

    select
        mention_id,
        document_id,
        {{ resolved_actor_id('mentions.document_id', 'mentions.actor_key') }} as actor_id,
        sentence_index,
        start_char,
        end_char,
        mention_text,
        role,
        ner_label

    from mentions

)

select * from final
