with

resolved_actors as (

    select * from {{ ref('int_actors__resolved') }}

),

final as (

    select
        {{ actor_id('actor_key') }} as actor_id,
        actor_key,
        canonical_name,
        actor_kind,
        country_code,
        sector,
        n_mentions,
        n_documents

    from resolved_actors

)

select * from final
