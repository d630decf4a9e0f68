-- Each event cluster holds what its rows say: the same pair of actors and negation on every
-- row, its counts and dates computed from them, and, for a date_window cluster, no gap of
-- more than var('event_cluster_window_days') days between consecutive rows. Returns one row
-- per cluster that disagrees.
with

events as (

    select * from {{ ref('fct_events') }}

),

clusters as (

    select * from {{ ref('fct_event_clusters') }}

),

gaps as (

    select
        event_cluster_id,
        event_date - lag(event_date) over (
            partition by event_cluster_id order by event_date, event_id
        ) as days_after_previous

    from events

),

per_cluster as (

    select
        event_cluster_id,
        count(*) as n_rows,
        count(distinct document_id) as n_docs,
        min(event_date) as first_date,
        max(event_date) as last_date,
        count(distinct coalesce(source_actor_id, source_actor_code, '')) as n_source_keys,
        count(distinct coalesce(target_actor_id, target_actor_code, '')) as n_target_keys,
        count(distinct is_negated) as n_negations

    from events

    group by event_cluster_id

),

widest_gaps as (

    select
        event_cluster_id,
        max(days_after_previous) as widest_gap

    from gaps

    group by event_cluster_id

)

select
    clusters.event_cluster_id,
    clusters.cluster_basis,
    per_cluster.n_rows,
    clusters.n_mentions,
    widest_gaps.widest_gap

from clusters

left join per_cluster
    on clusters.event_cluster_id = per_cluster.event_cluster_id

left join widest_gaps
    on clusters.event_cluster_id = widest_gaps.event_cluster_id

where
    per_cluster.n_rows is null
    or clusters.n_mentions != per_cluster.n_rows
    or clusters.n_documents != per_cluster.n_docs
    or clusters.n_sources > clusters.n_documents
    or clusters.first_seen is distinct from per_cluster.first_date
    or clusters.last_seen is distinct from per_cluster.last_date
    or per_cluster.n_source_keys != 1
    or per_cluster.n_target_keys != 1
    or per_cluster.n_negations > 1
    or (clusters.cluster_basis = 'single_row' and per_cluster.n_rows != 1)
    or (
        clusters.cluster_basis = 'date_window'
        and widest_gaps.widest_gap > {{ var('event_cluster_window_days') }}
    )
