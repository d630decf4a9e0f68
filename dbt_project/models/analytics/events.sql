-- Every coded event as a sentence a reader can follow: who (name, CAMEO actor code and
-- country) did what (CAMEO code with its name, its root's name, quad class in words,
-- Goldstein score) to whom, when and where, with the text that reports it.
with

events as (

    select * from {{ ref('fct_events') }}

),

actors as (

    select * from {{ ref('dim_actors') }}

),

documents as (

    select * from {{ ref('dim_documents') }}

),

cameo_roots as (

    select * from {{ ref('cameo_codes') }}

    where cameo_level = 1

),

countries as (

    select * from {{ ref('countries') }}

),

final as (

    select
        events.event_id,
        events.document_id,
        documents.title as document_title,
        documents.section,
        events.event_date,
        events.event_date_source,
        source_actors.canonical_name as source_actor,
        events.source_actor_code,
        source_countries.country_name as source_country,
        events.cameo_code,
        events.event_name,
        events.cameo_root_code,
        lower(cameo_roots.event_name) as root_event_name,
        events.quad_class,
        {{ quad_class_name('events.quad_class') }} as quad_class_name,
        events.goldstein,
        events.plover_type,
        target_actors.canonical_name as target_actor,
        events.target_actor_code,
        target_countries.country_name as target_country,
        location_actors.canonical_name as location,
        events.trigger_text,
        substr(
            documents.text,
            events.evidence_start_char + 1,
            events.evidence_end_char - events.evidence_start_char
        ) as evidence_text,
        events.is_negated,
        events.is_hypothetical,
        events.is_reported,
        events.source_actor_id,
        events.target_actor_id,
        events.location_actor_id,
        events.source_country_code,
        events.target_country_code,
        events.statement_id,
        events.event_cluster_id,
        events.sentence_index,
        events.trigger_start_char

    from events

    inner join documents
        on events.document_id = documents.document_id

    left join actors as source_actors
        on events.source_actor_id = source_actors.actor_id

    left join actors as target_actors
        on events.target_actor_id = target_actors.actor_id

    left join actors as location_actors
        on events.location_actor_id = location_actors.actor_id

    left join cameo_roots
        on events.cameo_root_code = cameo_roots.cameo_root_code

    left join countries as source_countries
        on events.source_country_code = source_countries.alpha3

    left join countries as target_countries
        on events.target_country_code = target_countries.alpha3

)

select *
from final
order by
    document_id asc,
    trigger_start_char asc,
    event_id asc
