with

events as (

    select * from {{ ref('fct_events') }}

),

documents as (

    select * from {{ ref('dim_documents') }}

),

event_sources as (

    select
        events.*,
        -- who reported it: the publisher when known, else the document's section
        coalesce(documents.source_name, documents.section) as reported_by

    from events

    left join documents
        on events.document_id = documents.document_id

),

-- the row to read first: the earliest, then in document and text order
representatives as (

    select
        event_cluster_id,
        event_id as representative_event_id

    from events

    qualify row_number() over (
        partition by event_cluster_id
        order by event_date nulls last, document_id, sentence_index, trigger_start_char, event_id
    ) = 1

),

clusters as (

    select
        event_cluster_id,
        any_value(cameo_root_code) as cameo_root_code,
        any_value(source_actor_id) as source_actor_id,
        any_value(target_actor_id) as target_actor_id,
        mode(source_actor_code) as source_actor_code,
        mode(target_actor_code) as target_actor_code,
        bool_or(is_negated) as is_negated,
        count(*) as n_mentions,
        count(distinct document_id) as n_documents,
        count(distinct reported_by) as n_sources,
        min(event_date) as first_seen,
        max(event_date) as last_seen,
        case
            when
                any_value(coalesce(source_actor_id, source_actor_code)) is null
                or any_value(coalesce(target_actor_id, target_actor_code)) is null
                then 'single_row'
            when count(event_date) > 0 then 'date_window'
            else 'undated_dyad'
        end as cluster_basis

    from event_sources

    group by event_cluster_id

),

final as (

    select
        clusters.event_cluster_id,
        clusters.cameo_root_code,
        clusters.source_actor_id,
        clusters.target_actor_id,
        clusters.source_actor_code,
        clusters.target_actor_code,
        clusters.is_negated,
        clusters.n_mentions,
        clusters.n_documents,
        clusters.n_sources,
        clusters.first_seen,
        clusters.last_seen,
        clusters.cluster_basis,
        representatives.representative_event_id

    from clusters

    inner join representatives
        on clusters.event_cluster_id = representatives.event_cluster_id

)

select * from final
