-- Who does what to whom, over time: event counts per directed dyad (source actor -> target
-- actor) and month, split by CAMEO quad class. The month is that of event_date (the event's
-- own date when the text gives one, else the article's publication date); null when neither
-- is known.
-- Negated events are left out (they did not happen); hypothetical ones are counted apart.
with

events as (

    select * from {{ ref('fct_events') }}

    where
        not is_negated
        and source_actor_id is not null
        and target_actor_id is not null

),

actors as (

    select * from {{ ref('dim_actors') }}

),

events_dated as (

    select
        events.event_id,
        events.source_actor_id,
        events.target_actor_id,
        events.quad_class,
        events.goldstein,
        events.is_hypothetical,
        cast(date_trunc('month', events.event_date) as date) as event_month

    from events

),

final as (

    select
        source_actors.canonical_name as source_actor,
        target_actors.canonical_name as target_actor,
        events_dated.event_month,
        count(*) as n_events,
        count(*) filter (where events_dated.quad_class = 1) as n_verbal_cooperation,
        count(*) filter (where events_dated.quad_class = 2) as n_material_cooperation,
        count(*) filter (where events_dated.quad_class = 3) as n_verbal_conflict,
        count(*) filter (where events_dated.quad_class = 4) as n_material_conflict,
        count(*) filter (where events_dated.is_hypothetical) as n_hypothetical,
        round(avg(events_dated.goldstein), 2) as avg_goldstein,
        events_dated.source_actor_id,
        events_dated.target_actor_id

    from events_dated

    inner join actors as source_actors
        on events_dated.source_actor_id = source_actors.actor_id

    inner join actors as target_actors
        on events_dated.target_actor_id = target_actors.actor_id

    group by all

)

select *
from final
order by
    event_month asc nulls last,
    n_events desc,
    source_actor asc,
    target_actor asc
