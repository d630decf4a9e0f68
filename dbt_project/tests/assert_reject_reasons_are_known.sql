-- ops.rejects.reason is a short, stable code: one of the fixed reasons (var reject_reasons
-- in dbt_project.yml), or duplicate_of:<document_id> naming the document the file duplicates.
-- Returns one row per reject with any other reason.
with

rejects as (

    select * from {{ ref('rejects') }}

)

select *
from rejects
where
    reason is null
    or not (
        reason in (
            {%- for reason in var('reject_reasons') %}
                '{{ reason }}'{{ "," if not loop.last }}
            {%- endfor %}
        )
        or (starts_with(reason, 'duplicate_of:') and length(reason) > length('duplicate_of:'))
    )
