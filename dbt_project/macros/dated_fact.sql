{#
    A fact's date and where it came from, as two columns `<name>` and `<name>_source`:
    the fact's own date from its text ('text'), else its document's published_date
    ('document'), else null with a null source.
#}
{% macro dated_fact(own_date, document_date, name) -%}
    coalesce({{ own_date }}, {{ document_date }}) as {{ name }},
    case
        when {{ own_date }} is not null then 'text'
        when {{ document_date }} is not null then 'document'
    end as {{ name }}_source
{%- endmacro %}
