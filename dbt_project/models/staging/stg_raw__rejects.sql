with

source as (

    select * from {{ source('raw', 'rejects') }}

),

renamed as (

    select
        cast(source_file as varchar) as source_file,
        -- rows written before duplicate_of had its own column kept the document id in the
        -- reason ("duplicate_of:<id>"): they read as the plain code and the id, like new rows
        case
            when starts_with(reason, 'duplicate_of:') then 'duplicate'
            else cast(reason as varchar)
        end as reason,
        cast(detail as varchar) as detail,
        cast(run_id as varchar) as run_id,
        cast(rejected_at as timestamp) as rejected_at,
        coalesce(
            nullif(trim(duplicate_of), ''),
            case
                when starts_with(reason, 'duplicate_of:')
                    then nullif(substr(reason, length('duplicate_of:') + 1), '')
            end
        ) as duplicate_of

    from source

)

select * from renamed
