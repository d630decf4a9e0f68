-- Who gets to speak? Attributed statements per PLOVER sector of the speaker (government,
-- military, legislature, party, rebels, journalists, ...), split by kind of quote.
-- Speakers without a sector are grouped by actor kind ("unknown sector: country"), and
-- statements whose speaker is not a resolved actor ("officials") form their own row.
with

statements as (

    select * from {{ ref('fct_statements') }}

),

actors as (

    select * from {{ ref('dim_actors') }}

),

sectors as (

    select * from {{ ref('plover_sectors') }}

),

statements_with_sector as (

    select
        statements.statement_id,
        statements.document_id,
        statements.statement_kind,
        statements.speaker_actor_id,
        actors.sector as sector_code,
        case
            when statements.speaker_actor_id is null then 'unresolved speaker'
            when actors.sector is null then 'unknown sector: ' || actors.actor_kind
            else actors.sector
        end as speaker_group

    from statements

    left join actors
        on statements.speaker_actor_id = actors.actor_id

),

final as (

    select
        statements_with_sector.speaker_group,
        sectors.description as sector_description,
        count(*) as n_statements,
        count(*) filter (where statements_with_sector.statement_kind = 'direct') as n_direct,
        count(*) filter (where statements_with_sector.statement_kind = 'indirect') as n_indirect,
        count(*) filter (where statements_with_sector.statement_kind = 'mixed') as n_mixed,
        count(distinct statements_with_sector.speaker_actor_id) as n_speakers,
        count(distinct statements_with_sector.document_id) as n_documents,
        round(100.0 * count(*) / sum(count(*)) over (), 1) as pct_of_statements

    from statements_with_sector

    left join sectors
        on statements_with_sector.sector_code = sectors.sector_code

    group by all

)

select *
from final
order by
    n_statements desc,
    speaker_group asc
