-- one row per actor_key per document: the corpus actor that per-document key stands for.
-- Rules, first match wins: an analyst's override; one name under several kinds; a surname
-- or honorific form joining the person of that surname who dominates the corpus, or else
-- the one whose documents share this document's other actors; a short
-- form resolved elsewhere; another spelling of the same name. Every join is an equi-join,
-- so the cost grows with the number of keys, not with its square.
with

actor_references as (

    select * from {{ ref('int_actor_references__unioned') }}

),

mentions as (

    select * from {{ ref('stg_raw__mentions') }}

),

honorifics as (

    select * from {{ ref('honorifics') }}

),

overrides as (

    select
        {{ normalised_name('alias') }} as alias_norm,
        action,
        actor_key as override_key

    from {{ ref('actor_overrides') }}

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

-- keys a document calls by a gendered honorific ("Mr Ebbers" beside "Bernie Ebbers"):
-- only a person is
honorific_keys as (

    select distinct
        mentions.document_id,
        mentions.actor_key

    from mentions

    inner join honorifics
        on split_part(mentions.role, ' ', -1) = honorifics.honorific

    where honorifics.gender <> ''

),

-- one name under several kinds ("Labour" an organisation in 157 documents and a person in
-- 65) is one actor: a person if any document calls it by a gendered honorific, else of
-- the kind most documents give it; countries and places keep theirs
kind_votes as (

    select
        normalised.name_norm,
        normalised.actor_kind,
        count(distinct normalised.document_id) as n_documents,
        count(honorific_keys.actor_key) > 0 as has_honorific

    from normalised

    left join honorific_keys
        on
            normalised.document_id = honorific_keys.document_id
            and normalised.actor_key = honorific_keys.actor_key

    where normalised.actor_kind in ('person', 'organization', 'group')

    group by all

),

corpus_kinds as (

    select
        name_norm,
        actor_kind as corpus_kind,
        count(*) over (partition by name_norm) > 1 as had_other_kinds

    from kind_votes

    qualify row_number() over (
        partition by name_norm
        order by has_honorific desc, n_documents desc, actor_kind desc
    ) = 1

),

kinded as (

    select
        normalised.*,
        coalesce(corpus_kinds.corpus_kind, normalised.actor_kind) as corpus_kind,
        coalesce(
            corpus_kinds.had_other_kinds and corpus_kinds.corpus_kind <> normalised.actor_kind,
            false
        ) as kind_changed

    from normalised

    left join corpus_kinds
        on
            normalised.name_norm = corpus_kinds.name_norm
            and normalised.actor_kind in ('person', 'organization', 'group')

),

spelling_votes as (

    select
        corpus_kind,
        name_norm,
        key_name,
        count(distinct document_id) as n_documents

    from kinded

    group by all

),

-- keys that differ only in spelling (or kind) are one actor, named by the key most documents use
spellings as (

    select
        corpus_kind,
        name_norm,
        corpus_kind || ':' || any_value(key_name order by n_documents desc, key_name asc)
            as spelling_key

    from spelling_votes

    group by corpus_kind, name_norm

),

keyed as (

    select
        kinded.*,
        spellings.spelling_key

    from kinded

    inner join spellings
        on
            kinded.corpus_kind = spellings.corpus_kind
            and kinded.name_norm = spellings.name_norm

),

-- a person key that is a surname, bare or after an honorific ("blair", "mr blair",
-- "mrs blair"), with the gender the honorific gives
surname_parts as (

    select
        keyed.name_norm,
        coalesce(
            substr(keyed.key_name, length(honorifics.honorific) + 2), keyed.key_name
        ) as key_surname,
        coalesce(honorifics.gender, '') as gender

    from keyed

    left join honorifics
        on keyed.key_name like honorifics.honorific || ' %'

    where keyed.corpus_kind = 'person'

),

surname_forms as (

    select distinct
        name_norm,
        {{ normalised_name('key_surname') }} as surname_norm,
        gender

    from surname_parts

    where not contains(key_surname, ' ')

),

-- the people with a full name, their documents and the genders their honorifics gave
-- them ("Mr Blair" in a document about Tony Blair)
full_names as (

    select
        keyed.spelling_key,
        keyed.name_norm,
        count(distinct keyed.document_id) as n_documents

    from keyed

    left join surname_forms
        on keyed.name_norm = surname_forms.name_norm

    where
        keyed.corpus_kind = 'person'
        and contains(keyed.name_norm, ' ')
        and surname_forms.name_norm is null

    group by all

),

full_name_genders as (

    select
        keyed.spelling_key,
        honorifics.gender

    from mentions

    inner join keyed
        on
            mentions.document_id = keyed.document_id
            and mentions.actor_key = keyed.actor_key

    inner join honorifics
        on split_part(mentions.role, ' ', -1) = honorifics.honorific

    where honorifics.gender <> ''

    group by all

),

full_name_parts as (

    select
        spelling_key,
        n_documents,
        string_split(name_norm, ' ') as name_parts,
        unnest(range(2, len(string_split(name_norm, ' ')) + 1)) as first_part

    from full_names

),

-- every ending of a full name after a space ("nouri al maliki" -> "al maliki", "maliki")
full_name_endings as (

    select
        spelling_key,
        n_documents,
        array_to_string(name_parts[first_part:], ' ') as name_ending

    from full_name_parts

),

surname_candidates as (

    select
        surname_forms.name_norm,
        full_name_endings.spelling_key,
        full_name_endings.n_documents

    from surname_forms

    inner join full_name_endings
        on surname_forms.surname_norm = full_name_endings.name_ending

    -- "Mrs Blair" never joins a Blair whom documents call "Mr"
    left join full_name_genders
        on
            full_name_endings.spelling_key = full_name_genders.spelling_key
            and surname_forms.gender <> ''
            and surname_forms.gender <> full_name_genders.gender

    where full_name_genders.spelling_key is null

),

ranked_surname_candidates as (

    select
        *,
        row_number() over (
            partition by name_norm order by n_documents desc, spelling_key asc
        ) = 1 as is_top

    from surname_candidates

),

-- the owner of a surname form: the one candidate, or the one named in at least three
-- times as many documents as the next; otherwise the form is ambiguous and says so
surname_owners as (

    select
        name_norm,
        arg_max(spelling_key, n_documents) as owner_key,
        count(*) as n_candidates,
        max(n_documents) >= 3 * coalesce(
            max(n_documents) filter (where not is_top), 0
        ) as dominates,
        string_agg(
            substr(spelling_key, strpos(spelling_key, ':') + 1) || ' (' || n_documents || ')',
            ', ' order by n_documents desc, spelling_key asc
        ) as candidates

    from ranked_surname_candidates

    group by name_norm

),

-- a surname form the corpus leaves ambiguous ("Hewitt": Lleyton in sport, Patricia in
-- politics) joins, in one document, the candidate whose own documents name the most of
-- this document's other actors, when it shares at least two and twice the runner-up's
ambiguous_forms as (

    select
        keyed.document_id,
        keyed.actor_key,
        keyed.name_norm

    from keyed

    inner join surname_owners
        on keyed.name_norm = surname_owners.name_norm

    where not surname_owners.dominates

),

-- the people an ambiguous form may name, and the actors named beside them in their own
-- documents: only these candidates' documents are read, so the cost follows their mentions
ambiguous_candidates as (

    select distinct surname_candidates.spelling_key

    from surname_candidates

    inner join surname_owners
        on surname_candidates.name_norm = surname_owners.name_norm

    where not surname_owners.dominates

),

candidate_company as (

    select distinct
        own.spelling_key,
        company.spelling_key as company_key

    from ambiguous_candidates as candidates

    inner join keyed as own
        on candidates.spelling_key = own.spelling_key

    inner join keyed as company
        on
            own.document_id = company.document_id
            and own.spelling_key <> company.spelling_key

),

context_scores as (

    select
        ambiguous_forms.document_id,
        ambiguous_forms.actor_key,
        surname_candidates.spelling_key,
        count(distinct company.spelling_key) as n_shared

    from ambiguous_forms

    inner join surname_candidates
        on ambiguous_forms.name_norm = surname_candidates.name_norm

    inner join keyed as company
        on
            ambiguous_forms.document_id = company.document_id
            and ambiguous_forms.name_norm <> company.name_norm

    inner join candidate_company
        on
            surname_candidates.spelling_key = candidate_company.spelling_key
            and company.spelling_key = candidate_company.company_key

    group by all

),

ranked_context_scores as (

    select
        *,
        row_number() over (
            partition by document_id, actor_key order by n_shared desc, spelling_key asc
        ) = 1 as is_top

    from context_scores

),

context_owners as (

    select
        document_id,
        actor_key,
        arg_max(spelling_key, n_shared) as owner_key,
        max(n_shared) >= 2
        and max(n_shared) >= 2 * coalesce(max(n_shared) filter (where not is_top), 0)
            as decides

    from ranked_context_scores

    group by all

),

-- names the extractor resolved inside one document ("UIA" in "United Iraqi Alliance
-- (UIA)") name the same actor in documents that only use the short form
aliases as (

    select
        keyed.corpus_kind,
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
        corpus_kind,
        alias_norm,
        min(spelling_key) as owner_key

    from aliases

    group by all

    having count(distinct spelling_key) = 1

),

final as (

    select
        keyed.document_id,
        keyed.actor_key,
        case
            when overrides.action = 'merge' then overrides.override_key
            when overrides.action = 'keep_apart' then keyed.actor_key
            when surname_owners.dominates then surname_owners.owner_key
            when context_owners.decides then context_owners.owner_key
            when keyed.corpus_kind <> 'person' and alias_owners.owner_key is not null
                then alias_owners.owner_key
            else keyed.spelling_key
        end as corpus_actor_key,
        case
            when overrides.action is not null then 'override'
            when surname_owners.dominates then 'surname'
            when context_owners.decides then 'context'
            when
                keyed.corpus_kind <> 'person'
                and alias_owners.owner_key is not null
                and alias_owners.owner_key <> keyed.spelling_key
                then 'alias'
            when keyed.kind_changed then 'kind'
            when keyed.spelling_key <> keyed.actor_key then 'spelling'
            else 'key'
        end as resolved_by,
        case
            when
                overrides.action is null
                and not surname_owners.dominates
                and not coalesce(context_owners.decides, false)
                then
                    'surname of ' || surname_owners.n_candidates || ' people: '
                    || surname_owners.candidates
        end as ambiguity

    from keyed

    left join overrides
        on keyed.name_norm = overrides.alias_norm

    left join surname_owners
        on keyed.name_norm = surname_owners.name_norm

    left join context_owners
        on
            keyed.document_id = context_owners.document_id
            and keyed.actor_key = context_owners.actor_key

    left join alias_owners
        on
            keyed.corpus_kind = alias_owners.corpus_kind
            and keyed.name_norm = alias_owners.alias_norm

)

select * from final
