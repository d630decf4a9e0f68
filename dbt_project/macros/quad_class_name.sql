{#
    The words for a CAMEO quad class number (1-4), so a reader need not remember them.
#}
{% macro quad_class_name(quad_class) -%}
    case {{ quad_class }}
        when 1 then 'verbal cooperation'
        when 2 then 'material cooperation'
        when 3 then 'verbal conflict'
        when 4 then 'material conflict'
    end
{%- endmacro %}
