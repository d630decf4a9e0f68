-- Every mention of an actor with the actor it was resolved to, in words: the name as
-- written, the actor's canonical name, kind, country and sector, the role the text gave
-- it, and the article.
with

mentions as (

    select * from {{ ref('fct_actor_mentions') }}

),

actors as (

    select * from {{ ref('dim_actors') }}

),

documents as (

    select * from {{ ref('dim_documents') }}

),

final as (

    select
        mentions.mention_id,
        mentions.document_id,
        documents.title as document_title,
        mentions.mention_text,
        actors.canonical_name as actor,
        actors.actor_kind,
        actors.country_name as actor_country,
        actors.sector as actor_sector,
        actors.sector_description as actor_sector_description,
        actors.cameo_actor_code,
        mentions.role,
        mentions.sentence_index,
        mentions.start_char,
        mentions.end_char,
        mentions.actor_id

    from mentions

    inner join documents
        on mentions.document_id = documents.document_id

    left join actors
        on mentions.actor_id = actors.actor_id

)

select *
from final
order by
    document_id asc,
    start_char asc,
    mention_id asc
