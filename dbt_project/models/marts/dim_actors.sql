with

resolved_actors as (

    select * from {{ ref('int_actors__resolved') }}

),

sectors as (

    select * from {{ ref('plover_sectors') }}

),

final as (

    select
        {{ actor_id('actor_key') }} as actor_id,
        actor_key,
        canonical_name,
        actor_kind,
        country_code,
        resolved_actors.sector,
        sectors.description as sector_description,
        n_mentions,
        n_documents

    from resolved_actors
    left join sectors
        on resolved_actors.sector = sectors.sector_code

)

select * from final
