with

source as (

    select * from {{ source('raw', 'documents') }}

),

renamed as (

    select
        cast(document_id as varchar) as document_id,
        cast(source_file as varchar) as source_file,
        nullif(trim(title), '') as title,
        nullif(trim(source_name), '') as source_name,
        -- the sidecar's section, else the first folder of the input path whose name has a
        -- letter ("politics/001.txt" -> politics; "2016/09/27/a.txt" and "a.txt" -> null)
        coalesce(
            nullif(trim(section), ''),
            nullif(regexp_extract(source_file, '^(?:[^/]*/)*?([^/]*\pL[^/]*)/', 1), '')
        ) as section,
        -- rows extracted before published_date_source existed took dates from the body:
        -- a date without a known source is dropped, not trusted
        case
            when published_date_source is not null then cast(published_date as date)
        end as published_date,
        nullif(trim(published_date_source), '') as published_date_source,
        nullif(trim(url), '') as url,
        -- the exact text that offsets index: never trimmed or normalised here
        cast("text" as varchar) as "text",
        cast(n_words as bigint) as n_words,
        lower(content_sha256) as content_sha256,
        cast(extracted_at as timestamp) as extracted_at,
        cast(loaded_at as timestamp) as loaded_at,
        cast(run_id as varchar) as run_id,
        cast(source_missing_since as timestamp) as source_missing_since

    from source

)

select * from renamed
