with

source as (

    select * from {{ source('raw', 'actors') }}

),

renamed as (

    select
        cast(document_id as varchar) as document_id,
        cast(actor_key as varchar) as actor_key,
        nullif(trim(canonical_name), '') as canonical_name,
        lower(trim(actor_kind)) as actor_kind,
        upper(nullif(trim(country_code), '')) as country_code,
        upper(nullif(trim(sector), '')) as sector,
        cast(n_mentions as bigint) as n_mentions,
        upper(nullif(trim(cameo_actor_code), '')) as cameo_actor_code

    from source

)

select * from renamed
