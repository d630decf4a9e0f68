with

events as (

    select * from {{ ref('stg_raw__events') }}

),

cameo_codes as (

    select * from {{ ref('cameo_codes') }}

),

events_coded as (

    select
        events.event_id,
        events.document_id,
        events.sentence_index,
        {{ actor_id('events.source_actor_key') }} as source_actor_id,
        {{ actor_id('events.target_actor_key') }} as target_actor_id,
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
        events.event_date,
        {{ actor_id('events.location_actor_key') }} as location_actor_id,
        events.evidence_start_char,
        events.evidence_end_char

    from events

    left join cameo_codes
        on events.cameo_code = cameo_codes.cameo_code

)

select * from events_coded
