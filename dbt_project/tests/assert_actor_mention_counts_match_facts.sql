-- dim_actors.n_mentions equals the actor's rows in fct_actor_mentions.
-- Returns one row per actor whose count disagrees.
with

actors as (

    select * from {{ ref('dim_actors') }}

),

mentions as (

    select * from {{ ref('fct_actor_mentions') }}

),

mention_counts as (

    select
        actor_id,
        count(*) as n_mention_rows

    from mentions

    group by actor_id

)

select
    actors.actor_id,
    actors.n_mentions,
    coalesce(mention_counts.n_mention_rows, 0) as n_mention_rows

from actors

left join mention_counts
    on actors.actor_id = mention_counts.actor_id

where actors.n_mentions != coalesce(mention_counts.n_mention_rows, 0)
