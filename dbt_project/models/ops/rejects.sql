-- a view, so it always shows the live audit rows of raw.rejects
with

rejects as (

    select * from {{ ref('stg_raw__rejects') }}

),

final as (

    select
        source_file,
        reason,
        detail,
        run_id,
        rejected_at,
        duplicate_of

    from rejects

)

select * from final
