-- one row per corpus actor: per-document actor keys mapped through int_actor_keys__resolved
with

keys_resolved as (

    select * from {{ ref('int_actor_keys__resolved') }}

),

actors as (

    select
        raw_actors.* exclude (actor_key),
        keys_resolved.corpus_actor_key as actor_key,
        raw_actors.actor_key = keys_resolved.corpus_actor_key as is_own_key

    from {{ ref('stg_raw__actors') }} as raw_actors

    inner join keys_resolved
        on
            raw_actors.document_id = keys_resolved.document_id
            and raw_actors.actor_key = keys_resolved.actor_key

),

mentions as (

    select
        raw_mentions.* exclude (actor_key),
        keys_resolved.corpus_actor_key as actor_key

    from {{ ref('stg_raw__mentions') }} as raw_mentions

    inner join keys_resolved
        on
            raw_mentions.document_id = keys_resolved.document_id
            and raw_mentions.actor_key = keys_resolved.actor_key

),

actor_references as (

    select
        references_raw.document_id,
        keys_resolved.corpus_actor_key as actor_key

    from {{ ref('int_actor_references__unioned') }} as references_raw

    inner join keys_resolved
        on
            references_raw.document_id = keys_resolved.document_id
            and references_raw.actor_key = keys_resolved.actor_key

),

actor_keys as (

    select
        actor_key,
        count(distinct document_id) as n_documents

    from actor_references

    group by actor_key

),

-- candidate names: each document's canonical name votes once, documents that named the
-- actor by its own key first (not by a surname or alias that resolved to it); ties go
-- to the name with more mentions, then to the longer name
name_votes as (

    select
        actor_key,
        canonical_name as name,
        bool_or(is_own_key) as is_own_key,
        count(*) as n_votes,
        coalesce(sum(n_mentions), 0) as n_mentions

    from actors

    where canonical_name is not null

    group by all

),

-- fallback for keys the extractor referenced without an actor row: the most frequent mention text
mention_name_votes as (

    select
        actor_key,
        mention_text as name,
        count(*) as n_votes

    from mentions

    where nullif(trim(mention_text), '') is not null

    group by all

),

best_names as (

    select
        actor_key,
        name as canonical_name

    from name_votes

    qualify row_number() over (
        partition by actor_key
        order by is_own_key desc, n_votes desc, n_mentions desc, length(name) desc, name
    ) = 1

),

best_mention_names as (

    select
        actor_key,
        name as mention_name

    from mention_name_votes

    qualify row_number() over (
        partition by actor_key
        order by n_votes desc, length(name) desc, name
    ) = 1

),

ambiguities as (

    select
        corpus_actor_key as actor_key,
        max(ambiguity) as ambiguity

    from keys_resolved

    where ambiguity is not null

    group by all

),

best_country_codes as (

    select
        actor_key,
        country_code

    from actors

    where country_code is not null

    group by
        actor_key,
        country_code

    qualify row_number() over (
        partition by actor_key
        order by count(*) desc, country_code
    ) = 1

),

best_sectors as (

    select
        actor_key,
        sector

    from actors

    where sector is not null

    group by
        actor_key,
        sector

    qualify row_number() over (
        partition by actor_key
        order by count(*) desc, sector
    ) = 1

),

-- the code most documents give (on their own dates, so a career's codes vote apart)
best_cameo_codes as (

    select
        actor_key,
        cameo_actor_code

    from actors

    where cameo_actor_code is not null

    group by
        actor_key,
        cameo_actor_code

    qualify row_number() over (
        partition by actor_key
        order by count(*) desc, cameo_actor_code asc
    ) = 1

),

mention_counts as (

    select
        actor_key,
        count(*) as n_mentions

    from mentions

    group by actor_key

),

final as (

    select
        actor_keys.actor_key,
        coalesce(
            best_names.canonical_name,
            best_mention_names.mention_name,
            substr(actor_keys.actor_key, strpos(actor_keys.actor_key, ':') + 1)
        ) as canonical_name,
        -- the kind the corpus resolution chose from all documents' evidence
        split_part(actor_keys.actor_key, ':', 1) as actor_kind,
        best_country_codes.country_code,
        best_sectors.sector,
        coalesce(mention_counts.n_mentions, 0) as n_mentions,
        actor_keys.n_documents,
        ambiguities.ambiguity,
        best_cameo_codes.cameo_actor_code

    from actor_keys

    left join best_names
        on actor_keys.actor_key = best_names.actor_key

    left join best_mention_names
        on actor_keys.actor_key = best_mention_names.actor_key

    left join ambiguities
        on actor_keys.actor_key = ambiguities.actor_key

    left join best_country_codes
        on actor_keys.actor_key = best_country_codes.actor_key

    left join best_sectors
        on actor_keys.actor_key = best_sectors.actor_key

    left join best_cameo_codes
        on actor_keys.actor_key = best_cameo_codes.actor_key

    left join mention_counts
        on actor_keys.actor_key = mention_counts.actor_key

)

select * from final
