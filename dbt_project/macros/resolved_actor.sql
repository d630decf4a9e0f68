{#
    Names compared across documents: lower case, accents and periods dropped, every other
    run of punctuation or spaces one space ("Al-Maliki" -> "al maliki", "U.N." -> "un").
#}
{% macro normalised_name(name) -%}
    trim(regexp_replace(
        replace(strip_accents(lower({{ name }})), '.', ''), '[^a-z0-9]+', ' ', 'g'
    ))
{%- endmacro %}

{#
    The actor_id of a per-document actor_key: the id of the corpus actor it resolves to
    in int_actor_keys__resolved (a surname-only key gets its full name's id). Every fact
    table maps its actor keys through this, so all actor FKs meet dim_actors.
    Pass table-qualified columns: a bare `document_id` would bind inside the subquery.
#}
{% macro resolved_actor_id(document_id, actor_key) -%}
    {{ actor_id(
        "(select keys_resolved.corpus_actor_key from " ~ ref('int_actor_keys__resolved')
        ~ " as keys_resolved where keys_resolved.document_id = " ~ document_id
        ~ " and keys_resolved.actor_key = " ~ actor_key ~ ")"
    ) }}
{%- endmacro %}
