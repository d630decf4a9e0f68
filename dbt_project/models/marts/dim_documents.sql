with

documents as (

    select * from {{ ref('stg_raw__documents') }}

),

final as (

    select
        document_id,
        source_file,
        title,
        source_name,
        section,
        published_date,
        published_date_source,
        url,
        "text",
        n_words,
        content_sha256,
        extracted_at,
        loaded_at,
        run_id,
        source_missing_since,
        source_missing_since is null as source_present

    from documents

)

select * from final
