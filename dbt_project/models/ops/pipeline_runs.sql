-- a view, so it always shows the live audit rows of raw.pipeline_runs
with

pipeline_runs as (

    select * from {{ ref('stg_raw__pipeline_runs') }}

),

final as (

    select
        run_id,
        started_at,
        finished_at,
        datediff('millisecond', started_at, finished_at) / 1000.0 as duration_seconds,
        state,
        files_seen,
        documents_new,
        documents_changed,
        documents_unchanged,
        files_rejected,
        note

    from pipeline_runs

)

select * from final
