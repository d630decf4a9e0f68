-- Which actors do the most? Activity = events the actor initiates or is the target of
-- (negated events excluded: they did not happen) plus statements the actor made.
-- Ties are broken by mentions, then by name. One row per actor, most active first;
-- `where activity_rank <= 10` keeps the top ten.
with

actors as (

    select * from {{ ref('dim_actors') }}

),

events as (

    select * from {{ ref('fct_events') }}

    where not is_negated

),

statements as (

    select * from {{ ref('fct_statements') }}

),

event_roles as (

    select
        source_actor_id as actor_id,
        1 as is_source,
        0 as is_target,
        quad_class
    from events
    where source_actor_id is not null

    union all

    select
        target_actor_id as actor_id,
        0 as is_source,
        1 as is_target,
        quad_class
    from events
    where target_actor_id is not null

),

events_per_actor as (

    select
        actor_id,
        cast(sum(is_source) as bigint) as n_events_as_source,
        cast(sum(is_target) as bigint) as n_events_as_target,
        count(*) filter (where quad_class in (3, 4)) as n_conflict_events

    from event_roles

    group by actor_id

),

statements_per_actor as (

    select
        speaker_actor_id as actor_id,
        count(*) as n_statements

    from statements

    where speaker_actor_id is not null

    group by speaker_actor_id

),

final as (

    select
        actors.actor_id,
        actors.canonical_name,
        actors.actor_kind,
        actors.country_code,
        actors.sector,
        coalesce(events_per_actor.n_events_as_source, 0) as n_events_as_source,
        coalesce(events_per_actor.n_events_as_target, 0) as n_events_as_target,
        coalesce(events_per_actor.n_conflict_events, 0) as n_conflict_events,
        coalesce(statements_per_actor.n_statements, 0) as n_statements,
        cast(
            coalesce(events_per_actor.n_events_as_source, 0)
            + coalesce(events_per_actor.n_events_as_target, 0)
            + coalesce(statements_per_actor.n_statements, 0)
            as bigint
        ) as activity,
        actors.n_mentions,
        actors.n_documents

    from actors

    left join events_per_actor
        on actors.actor_id = events_per_actor.actor_id

    left join statements_per_actor
        on actors.actor_id = statements_per_actor.actor_id

),

ranked as (

    select
        row_number() over (
            order by activity desc, n_mentions desc, canonical_name asc, actor_id asc
        ) as activity_rank,
        *

    from final

)

select *
from ranked
order by activity_rank asc
