-- Who acts against whom, and how hostile is it? Events per directed actor pair with their
-- mean Goldstein score; negated events left out (they did not happen).
with

events as (

    select * from {{ ref('fct_events') }}

),

actors as (

    select * from {{ ref('dim_actors') }}

),

final as (

    select
        source_actors.canonical_name as source_actor,
        target_actors.canonical_name as target_actor,
        count(*) as n_events,
        round(avg(events.goldstein), 2) as avg_goldstein,
        count(*) filter (where events.quad_class in (3, 4)) as n_conflict_events,
        events.source_actor_id,
        events.target_actor_id

    from events

    inner join actors as source_actors
        on events.source_actor_id = source_actors.actor_id

    inner join actors as target_actors
        on events.target_actor_id = target_actors.actor_id

    where not events.is_negated

    group by all

)

select *
from final
order by
    n_events desc,
    source_actor asc,
    target_actor asc
