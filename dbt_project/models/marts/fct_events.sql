with

events as (

    select * from {{ ref('stg_raw__events') }}

),

documents as (

    select * from {{ ref('stg_raw__documents') }}

),

cameo_codes as (

    select * from {{ ref('cameo_codes') }}

),

statements as (

    select * from {{ ref('stg_raw__statements') }}

),

-- An event whose trigger lies inside a statement's content is reported by that
-- statement's speaker ("U.S. forces said they killed ..."); the innermost (shortest)
-- containing statement wins.
event_statements as (

    select
        events.event_id,
        statements.statement_id

    from events

    inner join statements
        on
            events.document_id = statements.document_id
            and events.trigger_start_char >= statements.content_start_char
            and events.trigger_end_char <= statements.content_end_char

    qualify row_number() over (
        partition by events.event_id
        order by
            statements.content_end_char - statements.content_start_char,
            statements.statement_id
    ) = 1

),

events_coded as (

    select
        events.event_id,
        events.document_id,
        events.sentence_index,
        {{ resolved_actor_id('events.document_id', 'events.source_actor_key') }} as source_actor_id,
        {{ resolved_actor_id('events.document_id', 'events.target_actor_key') }} as target_actor_id,
        events.cameo_code,
        coalesce(cameo_codes.cameo_root_code, left(events.cameo_code, 2)) as cameo_root_code,
        cameo_codes.event_name,
        cameo_codes.quad_class,
        cameo_codes.goldstein,
        cameo_codes.plover_type,
        events.trigger_text,
        events.trigger_start_char,
        events.trigger_end_char,
        events.is_negated,
        {{ dated_fact('events.event_date', 'documents.published_date', 'event_date') }},
        events.event_date_start_char,
        events.event_date_end_char,
        {{ resolved_actor_id('events.document_id', 'events.location_actor_key') }} as location_actor_id,
        events.evidence_start_char,
        events.evidence_end_char,
        events.is_hypothetical,
        events.source_country_code,
        events.target_country_code,
        events.source_actor_code,
        events.target_actor_code,
        event_statements.statement_id,
        event_statements.statement_id is not null as is_reported

    from events

    left join documents
        on events.document_id = documents.document_id

    left join cameo_codes
        on events.cameo_code = cameo_codes.cameo_code

    left join event_statements
        on events.event_id = event_statements.event_id

),

-- Event clusters (marts.fct_event_clusters, whose yml states the rule): rows with the
-- same directed dyad (each side its resolved actor, else its CAMEO actor code), CAMEO root
-- and negation. Dated rows chain while the gap to the previous row is at most
-- var('event_cluster_window_days'); a dyad's undated rows form one cluster; a row missing
-- either side stands alone.
cluster_keys as (

    select
        event_id,
        event_date,
        cameo_root_code,
        is_negated,
        coalesce(source_actor_id, source_actor_code) as source_key,
        coalesce(target_actor_id, target_actor_code) as target_key

    from events_coded

),

cluster_starts as (

    select
        *,
        case
            when event_date is null then 0
            when lag(event_date) over dyad is null then 1
            when
                event_date - lag(event_date) over dyad
                > {{ var('event_cluster_window_days') }}
                then 1
            else 0
        end as starts_cluster

    from cluster_keys

    where source_key is not null and target_key is not null

    window dyad as (
        partition by cameo_root_code, source_key, target_key, is_negated, event_date is null
        order by event_date, event_id
    )

),

cluster_numbers as (

    select
        *,
        sum(starts_cluster) over (
            partition by cameo_root_code, source_key, target_key, is_negated, event_date is null
            order by event_date, event_id
            rows between unbounded preceding and current row
        ) as cluster_number

    from cluster_starts

),

clustered as (

    select
        event_id,
        md5(concat_ws(
            '|',
            cameo_root_code,
            source_key,
            target_key,
            cast(is_negated as varchar),
            coalesce(
                cast(min(event_date) over (
                    partition by
                        cameo_root_code,
                        source_key,
                        target_key,
                        is_negated,
                        event_date is null,
                        cluster_number
                ) as varchar),
                'undated'
            )
        )) as event_cluster_id

    from cluster_numbers

),

final as (

    select
        events_coded.*,
        -- a row missing either side is a cluster of its own
        coalesce(
            clustered.event_cluster_id,
            md5('event|' || events_coded.event_id)
        ) as event_cluster_id

    from events_coded

    left join clustered
        on events_coded.event_id = clustered.event_id

)

select * from final
