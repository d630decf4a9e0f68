"""Group actors the NER misses: "U.S. military officials", "Iranian officials", "Shiite
militias", "militiamen".

A group is named by what its modifiers say, the country by its demonym, so "U.S.
officials" and "American officials" are one group, and the same words give the same key
in every document. Group head nouns come from `sectors.csv` (`group_head`): `alone`
nouns name a group by themselves, `modified` ones only with a country or community.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from extractors.lexicons.gazetteer import (
    country_name,
    demonym,
    find_place,
    find_sector,
    group_head,
)
from extractors.nlp.actors.doc_actors import ActorInfo, DocActors
from extractors.nlp.actors.doc_index import DocIndex
from extractors.nlp.actors.names import normalise_name


@dataclass
class _GroupWords:
    """What the modifiers of a group noun say about the group, and the tokens that say it."""

    used: list[Token]
    country: str | None = None
    community: list[str] = field(default_factory=list)
    sector_words: list[str] = field(default_factory=list)


def add_groups(index: DocIndex, result: DocActors) -> None:
    """Add a group actor and mention for each group noun phrase not yet an actor's."""
    doc = index.doc
    for i in index.group_head_tokens():
        token = doc[i]
        how = group_head(token.lower_)  # not None: found among the group head words
        if token.ent_type_ or token.i in result.token_actor:
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.ent_type_ == "PERSON":
            continue
        words = _group_words(token, result)
        if how == "modified" and not (words.country or words.community):
            continue
        start = min(t.i for t in words.used)
        if any(t.dep_ == "cc" for t in doc[start : token.i]):
            continue  # "U.S. and Iraqi officials": two groups, left to the modifiers
        key = _group_actor(token, words, result)
        span = doc[start : token.i + 1]
        result.add_mention(key, span, None, None, index.sentence_of[span.start])
        for t in words.used:
            if not t.ent_type_:
                result.token_actor[t.i] = key


def _group_words(token: Token, result: DocActors) -> _GroupWords:
    """The country, community (NORP) and sector words among the head's modifiers."""
    words = _GroupWords(used=[token])
    for mod in (c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")):
        for t in mod.subtree:
            key = result.token_actor.get(t.i)
            info = result.actors.get(key) if key else None
            place = find_place(t.text) if t.ent_type_ or t.pos_ == "PROPN" else None
            if info is not None and info.kind == "country":
                words.country = words.country or info.country_code
            elif place is not None and place.kind in ("country", "demonym"):
                words.country = words.country or place.alpha3
            elif t.ent_type_ == "NORP":
                words.community.append(t.text)
            elif find_sector(t.text) and not t.ent_type_:
                words.sector_words.append(t.lower_)
            else:
                continue
            words.used.append(t)
    return words


def _group_actor(token: Token, words: _GroupWords, result: DocActors) -> str:
    """The key of the group the words name, added to `result` if new."""
    country = words.country
    lead = [demonym(country) or country_name(country)] if country else []
    canonical = " ".join([*lead, *words.community, *words.sector_words, token.lower_])
    key = f"group:{normalise_name(canonical)}"
    sector = find_sector(" ".join(words.sector_words)) or find_sector(token.lower_)
    result.actors.setdefault(key, ActorInfo(key, canonical, "group", country, sector))
    return key
