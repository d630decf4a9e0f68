-- ops.rejects.reason is a short, stable code: one of the fixed reasons (var reject_reasons
-- in dbt_project.yml). A `duplicate` names the document it repeats in duplicate_of, and
-- no other reason does. Returns one row per reject that breaks either rule.
with

rejects as (

    select * from {{ ref('rejects') }}

)

select *
from rejects
where
    reason is null
    or reason not in (
        {%- for reason in var('reject_reasons') %}
            '{{ reason }}'{{ "," if not loop.last }}
        {%- endfor %}
    )
    or (reason = 'duplicate') != (duplicate_of is not null)
