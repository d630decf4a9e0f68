-- Is a relationship between two countries warming or cooling? Goldstein scores (-10 most
-- conflictual, +10 most cooperative) per directed country pair and month, with the running
-- mean up to that month and the change from the pair's previous dated month.
-- A side's country is the one the event coder gave for the event (where the actor acted or
-- was hit), else the actor's own country. The month is that of event_date (the event's own
-- date, else the article's publication date); undated events form one row per pair with a
-- null month.
-- Negated and hypothetical events are left out: only what happened moves the trend.
with

events as (

    select * from {{ ref('fct_events') }}

    where
        not is_negated
        and not is_hypothetical
        and goldstein is not null

),

actors as (

    select * from {{ ref('dim_actors') }}

),

countries as (

    select * from {{ ref('countries') }}

),

events_by_country as (

    select
        events.event_id,
        events.goldstein,
        events.quad_class,
        coalesce(events.source_country_code, source_actors.country_code) as source_country_code,
        coalesce(events.target_country_code, target_actors.country_code) as target_country_code,
        cast(date_trunc('month', events.event_date) as date) as event_month

    from events

    left join actors as source_actors
        on events.source_actor_id = source_actors.actor_id

    left join actors as target_actors
        on events.target_actor_id = target_actors.actor_id

),

monthly as (

    select
        source_country_code,
        target_country_code,
        event_month,
        count(*) as n_events,
        count(*) filter (where quad_class in (3, 4)) as n_conflict_events,
        sum(goldstein) as total_goldstein,
        avg(goldstein) as avg_goldstein

    from events_by_country

    where
        source_country_code is not null
        and target_country_code is not null
        and source_country_code != target_country_code

    group by all

),

final as (

    select
        monthly.source_country_code,
        source_countries.country_name as source_country,
        monthly.target_country_code,
        target_countries.country_name as target_country,
        monthly.event_month,
        monthly.n_events,
        monthly.n_conflict_events,
        round(monthly.total_goldstein, 2) as total_goldstein,
        round(monthly.avg_goldstein, 2) as avg_goldstein,
        round(
            sum(monthly.total_goldstein) over pair_to_date
            / sum(monthly.n_events) over pair_to_date,
            2
        ) as running_avg_goldstein,
        case
            when monthly.event_month is not null
                then round(monthly.avg_goldstein - lag(monthly.avg_goldstein) over pair_by_month, 2)
        end as change_from_previous_month

    from monthly

    left join countries as source_countries
        on monthly.source_country_code = source_countries.alpha3

    left join countries as target_countries
        on monthly.target_country_code = target_countries.alpha3

    window
        pair_by_month as (
            partition by monthly.source_country_code, monthly.target_country_code
            order by monthly.event_month asc nulls last
        ),
        pair_to_date as (
            partition by monthly.source_country_code, monthly.target_country_code
            order by monthly.event_month asc nulls last
            rows between unbounded preceding and current row
        )

)

select *
from final
order by
    source_country_code asc,
    target_country_code asc,
    event_month asc nulls last
