-- every name an actor is written as, and how the corpus resolution joined it: where an
-- analyst sees a merge and corrects it (seed actor_overrides)
with

mentions as (

    select * from {{ ref('stg_raw__mentions') }}

),

keys_resolved as (

    select * from {{ ref('int_actor_keys__resolved') }}

),

aliased as (

    select
        mentions.document_id,
        keys_resolved.corpus_actor_key,
        keys_resolved.resolved_by,
        regexp_replace(
            trim(regexp_replace(mentions.mention_text, '\s+', ' ', 'g')), '(''s|’s|'')$', ''
        ) as alias

    from mentions

    inner join keys_resolved
        on
            mentions.document_id = keys_resolved.document_id
            and mentions.actor_key = keys_resolved.actor_key

),

final as (

    select
        {{ actor_id('corpus_actor_key') }} as actor_id,
        alias,
        count(*) as n_mentions,
        count(distinct document_id) as n_documents,
        -- a name some documents reached by a corpus rule shows that rule, even where most
        -- documents resolved it themselves ("Blair" beside "Tony Blair" is `key`)
        coalesce(
            mode(resolved_by) filter (where resolved_by <> 'key'), 'key'
        ) as resolved_by

    from aliased

    where alias <> ''

    group by corpus_actor_key, alias

)

select * from final
