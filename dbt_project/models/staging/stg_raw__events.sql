with

source as (

    select * from {{ source('raw', 'events') }}

),

renamed as (

    select
        cast(event_id as varchar) as event_id,
        cast(document_id as varchar) as document_id,
        cast(sentence_index as bigint) as sentence_index,
        nullif(source_actor_key, '') as source_actor_key,
        nullif(target_actor_key, '') as target_actor_key,
        trim(cast(cameo_code as varchar)) as cameo_code,
        cast(trigger_text as varchar) as trigger_text,
        cast(trigger_start_char as bigint) as trigger_start_char,
        cast(trigger_end_char as bigint) as trigger_end_char,
        cast(is_negated as boolean) as is_negated,
        cast(event_date as date) as event_date,
        cast(event_date_start_char as bigint) as event_date_start_char,
        cast(event_date_end_char as bigint) as event_date_end_char,
        nullif(location_actor_key, '') as location_actor_key,
        cast(evidence_start_char as bigint) as evidence_start_char,
        cast(evidence_end_char as bigint) as evidence_end_char,
        coalesce(cast(is_hypothetical as boolean), false) as is_hypothetical,
        nullif(upper(trim(source_country_code)), '') as source_country_code,
        nullif(upper(trim(target_country_code)), '') as target_country_code,
        nullif(upper(trim(source_actor_code)), '') as source_actor_code,
        nullif(upper(trim(target_actor_code)), '') as target_actor_code

    from source

)

select * from renamed
