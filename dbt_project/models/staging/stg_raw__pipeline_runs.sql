with

source as (

    select * from {{ source('raw', 'pipeline_runs') }}

),

renamed as (

    select
        cast(run_id as varchar) as run_id,
        cast(started_at as timestamp) as started_at,
        cast(finished_at as timestamp) as finished_at,
        cast(state as varchar) as state,
        cast(files_seen as integer) as files_seen,
        cast(documents_new as integer) as documents_new,
        cast(documents_changed as integer) as documents_changed,
        cast(documents_unchanged as integer) as documents_unchanged,
        cast(files_rejected as integer) as files_rejected,
        cast(note as varchar) as note

    from source

)

select * from renamed
