-- No event cluster joins event rows of different CAMEO roots, and every row has the root of
-- its cluster. Returns one row per cluster that breaks this.
with

events as (

    select * from {{ ref('fct_events') }}

),

clusters as (

    select * from {{ ref('fct_event_clusters') }}

)

select
    events.event_cluster_id,
    count(distinct events.cameo_root_code) as n_roots,
    any_value(clusters.cameo_root_code) as cluster_root

from events

left join clusters
    on events.event_cluster_id = clusters.event_cluster_id

group by events.event_cluster_id

having
    count(distinct events.cameo_root_code) != 1
    or bool_or(events.cameo_root_code is distinct from clusters.cameo_root_code)
