{#
    Fails for every combination of the given columns that occurs more than once
    (a composite-key uniqueness test, written here because the project uses no packages).
#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

with

grouped as (

    select
        {{ combination_of_columns | join(',\n        ') }},
        count(*) as n_rows

    from {{ model }}

    group by all

)

select *
from grouped
where n_rows > 1

{% endtest %}
