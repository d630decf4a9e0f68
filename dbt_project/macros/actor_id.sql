{#
    The one definition of actor_id: the md5 hex digest (32 characters) of the
    stable actor_key ("<kind>:<normalised name>"). Null keys stay null.
#}
{% macro actor_id(actor_key) -%}
    md5({{ actor_key }})
{%- endmacro %}
