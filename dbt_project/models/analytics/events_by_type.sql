-- What kinds of events does the corpus report? Events per CAMEO root (the 20 top-level
-- categories, from "make public statement" to "use unconventional mass violence"), with
-- their quad class, how many happened and how many were denied or only intended.
with

events as (

    select * from {{ ref('fct_events') }}

),

cameo_roots as (

    select * from {{ ref('cameo_codes') }}

    where cameo_level = 1

),

per_root as (

    select
        cameo_root_code,
        count(*) filter (where not is_negated) as n_events,
        count(*) filter (where not is_negated and not is_hypothetical) as n_happened,
        count(*) filter (where is_hypothetical and not is_negated) as n_hypothetical,
        count(*) filter (where is_negated) as n_negated,
        count(distinct document_id) as n_documents,
        round(avg(goldstein) filter (where not is_negated), 2) as avg_goldstein

    from events

    group by cameo_root_code

),

-- the most frequent code of each root (ties: the lower code)
top_codes as (

    select
        cameo_root_code,
        event_name as most_common_event_name

    from events

    where not is_negated

    group by
        cameo_root_code,
        cameo_code,
        event_name

    qualify row_number() over (
        partition by cameo_root_code
        order by count(*) desc, cameo_code asc
    ) = 1

),

final as (

    select
        per_root.cameo_root_code,
        lower(cameo_roots.event_name) as root_event_name,
        cameo_roots.quad_class,
        {{ quad_class_name('cameo_roots.quad_class') }} as quad_class_name,
        per_root.n_events,
        per_root.n_happened,
        per_root.n_hypothetical,
        per_root.n_negated,
        per_root.n_documents,
        per_root.avg_goldstein,
        top_codes.most_common_event_name

    from per_root

    left join top_codes
        on per_root.cameo_root_code = top_codes.cameo_root_code

    left join cameo_roots
        on per_root.cameo_root_code = cameo_roots.cameo_root_code

)

select *
from final
order by cameo_root_code asc
