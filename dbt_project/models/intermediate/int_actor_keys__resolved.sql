-- one row per actor_key per document: the corpus actor that per-document key stands for
with

actor_references as (

    select * from {{ ref('int_actor_references__unioned') }}

),

mentions as (

    select * from {{ ref('stg_raw__mentions') }}

),

document_keys as (

    select distinct
        document_id,
        actor_key,
        split_part(actor_key, ':', 1) as actor_kind,
        substr(actor_key, strpos(actor_key, ':') + 1) as key_name

    from actor_references

),

-- names compared without case, accents or punctuation: "al-maliki" = "al maliki", "u.n." = "un"
normalised as (

    select
        *,
        {{ normalised_name('key_name') }} as name_norm

    from document_keys

),

-- keys that differ only in spelling are one actor, named by the key most documents use
spellings as (

    select
        actor_kind,
        name_norm,
        actor_key as spelling_key

    from normalised

    group by
        actor_kind,
        name_norm,
        actor_key

    qualify row_number() over (
        partition by actor_kind, name_norm
        order by count(distinct document_id) desc, actor_key
    ) = 1

),

keyed as (

    select
        normalised.*,
        spellings.spelling_key

    from normalised

    inner join spellings
        on
            normalised.actor_kind = spellings.actor_kind
            and normalised.name_norm = spellings.name_norm

),

-- a surname-only key ("person:al-maliki") joins the corpus's one full name ending in it;
-- two full names with that surname (two different people) leave it alone. Compared as
-- an equi-join on every ending of a full name after a space ("nouri al maliki" ->
-- "al maliki", "maliki"): the same matches as `like '% ' || surname` (normalised names
-- hold only a-z, 0-9 and single spaces), without comparing every name to every surname.
full_names as (

    select distinct
        actor_kind,
        spelling_key,
        string_split(name_norm, ' ') as name_parts

    from keyed

    where
        actor_kind = 'person'
        and key_name like '% %'

),

full_name_ending_starts as (

    select
        actor_kind,
        spelling_key,
        name_parts,
        unnest(range(2, len(name_parts) + 1)) as first_part

    from full_names

),

full_name_endings as (

    select
        actor_kind,
        spelling_key,
        array_to_string(name_parts[first_part:], ' ') as name_ending

    from full_name_ending_starts

),

surnames as (

    select distinct
        actor_kind,
        name_norm

    from keyed

    where
        actor_kind = 'person'
        and key_name not like '% %'

),

surname_owners as (

    select
        surnames.actor_kind,
        surnames.name_norm,
        min(full_name_endings.spelling_key) as owner_key,
        count(distinct full_name_endings.spelling_key) as n_owners

    from surnames

    inner join full_name_endings
        on
            surnames.actor_kind = full_name_endings.actor_kind
            and surnames.name_norm = full_name_endings.name_ending

    group by
        surnames.actor_kind,
        surnames.name_norm

),

-- names the extractor resolved inside one document ("UIA" in "United Iraqi Alliance
-- (UIA)") name the same actor in documents that only use the short form
aliases as (

    select
        keyed.actor_kind,
        {{ normalised_name("regexp_replace(mentions.mention_text, '(''s|’s|'')$', '')") }} as alias_norm,
        keyed.spelling_key

    from mentions

    inner join keyed
        on
            mentions.document_id = keyed.document_id
            and mentions.actor_key = keyed.actor_key

    where mentions.ner_label is not null

),

alias_owners as (

    select
        actor_kind,
        alias_norm,
        min(spelling_key) as owner_key

    from aliases

    group by
        actor_kind,
        alias_norm

    having count(distinct spelling_key) = 1

),

final as (

    select
        keyed.document_id,
        keyed.actor_key,
        case
            when surname_owners.n_owners = 1 then surname_owners.owner_key
            when keyed.actor_kind <> 'person' and alias_owners.owner_key is not null
                then alias_owners.owner_key
            else keyed.spelling_key
        end as corpus_actor_key,
        case
            when surname_owners.n_owners = 1 then 'surname'
            when
                keyed.actor_kind <> 'person'
                and alias_owners.owner_key is not null
                and alias_owners.owner_key <> keyed.spelling_key
                then 'alias'
            when keyed.spelling_key <> keyed.actor_key then 'spelling'
            else 'key'
        end as resolved_by

    from keyed

    left join surname_owners
        on
            keyed.actor_kind = surname_owners.actor_kind
            and keyed.name_norm = surname_owners.name_norm
            and keyed.key_name not like '% %'

    left join alias_owners
        on
            keyed.actor_kind = alias_owners.actor_kind
            and keyed.name_norm = alias_owners.alias_norm

)

select * from final
