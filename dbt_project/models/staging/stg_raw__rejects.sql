with

source as (

    select * from {{ source('raw', 'rejects') }}

),

renamed as (

    select
        cast(source_file as varchar) as source_file,
        cast(reason as varchar) as reason,
        cast(detail as varchar) as detail,
        cast(run_id as varchar) as run_id,
        cast(rejected_at as timestamp) as rejected_at

    from source

)

select * from renamed
