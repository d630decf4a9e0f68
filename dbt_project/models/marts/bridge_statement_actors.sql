with

statements as (

    select * from {{ ref('fct_statements') }}

),

mentions as (

    select * from {{ ref('fct_actor_mentions') }}

),

-- a mention is inside a statement when its span lies within the statement's content span
mentioned as (

    select
        statements.statement_id,
        statements.document_id,
        mentions.actor_id,
        mentions.mention_id,
        mentions.start_char,
        statements.speaker_actor_id

    from statements
    inner join mentions
        on
            statements.document_id = mentions.document_id
            and statements.content_start_char <= mentions.start_char
            and statements.content_end_char >= mentions.end_char

),

final as (

    select
        statement_id || ':' || actor_id as statement_actor_id,
        statement_id,
        document_id,
        actor_id,
        count(*) as n_mentions,
        arg_min(mention_id, start_char) as first_mention_id,
        min(start_char) as first_mention_start_char,
        coalesce(bool_or(actor_id = speaker_actor_id), false) as is_speaker

    from mentioned

    group by
        statement_id,
        document_id,
        actor_id

)

select * from final
