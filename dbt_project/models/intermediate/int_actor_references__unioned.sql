-- every place an actor_key is used, so that dim_actors covers all keys the facts reference
with

actors as (

    select * from {{ ref('stg_raw__actors') }}

),

mentions as (

    select * from {{ ref('stg_raw__mentions') }}

),

events as (

    select * from {{ ref('stg_raw__events') }}

),

statements as (

    select * from {{ ref('stg_raw__statements') }}

),

references_unioned as (

    select
        actor_key,
        document_id,
        'actor' as referenced_as
    from actors

    union all

    select
        actor_key,
        document_id,
        'mention' as referenced_as
    from mentions

    union all

    select
        source_actor_key as actor_key,
        document_id,
        'event_source' as referenced_as
    from events

    union all

    select
        target_actor_key as actor_key,
        document_id,
        'event_target' as referenced_as
    from events

    union all

    select
        location_actor_key as actor_key,
        document_id,
        'event_location' as referenced_as
    from events

    union all

    select
        speaker_actor_key as actor_key,
        document_id,
        'statement_speaker' as referenced_as
    from statements

),

final as (

    select
        actor_key,
        document_id,
        referenced_as,
        count(*) as n_references

    from references_unioned

    where actor_key is not null

    group by all

)

select * from final
