with

resolved_actors as (

    select * from {{ ref('int_actors__resolved') }}

),

sectors as (

    select * from {{ ref('plover_sectors') }}

),

countries as (

    select * from {{ ref('countries') }}

),

final as (

    select
        {{ actor_id('resolved_actors.actor_key') }} as actor_id,
        resolved_actors.actor_key,
        resolved_actors.canonical_name,
        resolved_actors.actor_kind,
        resolved_actors.country_code,
        countries.country_name,
        resolved_actors.sector,
        sectors.description as sector_description,
        resolved_actors.n_mentions,
        resolved_actors.n_documents,
        resolved_actors.ambiguity,
        resolved_actors.cameo_actor_code

    from resolved_actors

    left join sectors
        on resolved_actors.sector = sectors.sector_code

    left join countries
        on resolved_actors.country_code = countries.alpha3

)

select * from final
