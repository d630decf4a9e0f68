"""Actors: NER mentions merged into per-document actors with kind, country and sector.

Resolution rules (all within one document):
- a surname mention ("al-Maliki", "Al-Sadr's") joins the person whose full name ends with it;
- an acronym joins its expansion, by parenthetical definition "United Iraqi Alliance (UIA)"
  or by initials;
- GPEs and demonyms that name a country become that country's actor ("Iraqi" -> Iraq);
- a capital used as an actor ("sent a delegation to Tehran", "Baghdad's unease") stands
  for its government and joins the country actor; a capital used as a place ("clashes in
  Baghdad") stays a location actor, so event locations keep the city;
- a bare surname the NER missed or mislabelled ("Salih told Reuters") joins the one
  person of the document with that surname;
- a definite description ("the cleric", "the Shiite alliance", "Iraq's prime minister")
  joins the one person whose role, or the one organisation whose name or role, ends in
  its head noun, when its modifiers agree;
- a plural group noun with a country or community modifier ("U.S. military officials",
  "Iranian officials", "Shiite militias"), or one that names a group on its own
  ("militiamen"), becomes a `group` actor named by demonym, so "U.S. officials" and
  "American officials" are one group. A group's country is the one its name carries:
  "militiamen" and "Shiite militias" have none (the event coder places them where they
  act), since one such key stands for the same words in every document.
Countries of people and organisations come from, in order: their title or apposition
("Iraqi government spokesman", "a lawmaker in the UIA"), the same role named with a
country elsewhere ("Iraq's prime minister"), and, for state, political, armed and
religious actors (GOV, LEG, MIL, PTY, REB, REL...), the document's focus country (the
first country it names, usually in the headline or dateline). Cross-document
resolution (a surname-only document joining the corpus's unique full name) is dbt's
`int_actor_keys__resolved`.

`actor_key` is `<kind>:<normalised canonical name>`, stable across documents because
countries are always named by their canonical country name and groups by demonym.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

import numpy as np
from spacy.attrs import ENT_TYPE, LOWER, POS, SENT_START, TAG
from spacy.strings import get_string_id
from spacy.symbols import NOUN
from spacy.tokens import Doc, Span, Token

from extractors.lexicons.gazetteer import (
    country_name,
    demonym,
    find_place,
    find_sector,
    group_head,
    group_head_words,
)
from extractors.nlp.syntax import doc_text, subjects

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
# Prepositions after which a capital is a place rather than its government.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "across"})
# Title-run tokens may belong to these entity types ("U.S. Defense Secretary").
_TITLE_ENTITY_LABELS = frozenset({"GPE", "NORP", "ORG"})
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_WHITESPACE_RUN = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# Lower-case parts of names: "al-Maliki", "bin Salman", "van Gogh".
_NAME_PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "abu",
        "de",
        "da",
        "di",
        "du",
        "del",
        "la",
        "le",
        "van",
        "von",
    }
)
_INITIAL_STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "al"})
# Sectors of actors that belong to a state or its society: without a stated country they
# take the document's focus country. International ones (JRN, BUS...) do not.
DOMESTIC_SECTORS = frozenset(
    {"GOV", "LEG", "MIL", "PTY", "REB", "REL", "COP", "JUD", "OPP", "ELI", "SPY", "UAF"}
)
# Prepositions that attach a person to the body or person they belong to: "a lawmaker in
# the UIA", "a close confidant of al-Maliki", "spokesman for the ministry".
_AFFILIATION_PREPS = frozenset({"in", "of", "for", "from", "with"})


@lru_cache(maxsize=1 << 16)  # called for every name pair the resolution compares
def normalise_name(name: str) -> str:
    """Lower-case, whitespace-collapsed, without possessive and leading "the"."""
    name = _WHITESPACE_RUN.sub(" ", name).strip()
    name = _POSSESSIVE.sub("", name).strip()
    name = _LEADING_THE.sub("", name)
    return name.lower()


@dataclass
class ActorInfo:
    key: str
    canonical_name: str
    kind: str
    country_code: str | None
    sector: str | None
    n_mentions: int = 0


@dataclass(frozen=True)
class MentionSpan:
    actor_key: str
    start_char: int
    end_char: int
    text: str
    ner_label: str | None  # None for descriptions and group noun phrases
    sentence_index: int
    role: str | None


@dataclass
class DocActors:
    """Actors and mentions of one parsed document, with token-level lookups."""

    actors: dict[str, ActorInfo] = field(default_factory=dict)
    mentions: list[MentionSpan] = field(default_factory=list)
    token_actor: dict[int, str] = field(default_factory=dict)

    def actor_of(self, token: Token) -> str | None:
        """The actor a noun phrase headed by `token` names or belongs to.

        "Iraqi officials" and "Al-Sadr's spokesman" resolve through their modifier:
        news coders attribute such officials to the actor they speak for.
        """
        if token.i in self.token_actor:
            return self.token_actor[token.i]
        if token.pos_ == "PRON":
            return self._antecedent(token)
        if token.pos_ == "PROPN":
            surname = self._person_by_surname(token.text)
            if surname:
                return surname
        modifiers = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        modifiers.sort(key=lambda c: (c.dep_ != "poss", c.dep_ != "compound", -c.i))
        for child in modifiers:
            nested = [c for c in child.children if c.dep_ in ("poss", "compound")]
            for candidate in (child, *nested):
                if candidate.i in self.token_actor:
                    return self.token_actor[candidate.i]
        return None

    def _antecedent(self, pronoun: Token) -> str | None:
        """Cheap pronoun resolution: he/she -> the last person named; a pronoun subject
        of a reported clause -> the reporter ("U.S. forces said they killed")."""
        if pronoun.lower_ in ("he", "she", "him", "her"):
            return self.last_person_before(pronoun.idx)
        clause = pronoun.head
        if (
            pronoun.lower_ in ("they", "we")
            and clause.dep_ == "ccomp"
            and clause.head is not clause
        ):
            for subject in subjects(clause.head):
                if subject.pos_ != "PRON":
                    return self.actor_of(subject)
        return None

    def _person_by_surname(self, word: str) -> str | None:
        """A bare surname the NER missed ("Salih told Reuters") names the known person."""
        word = normalise_name(word)
        matches = [
            key
            for key, info in self.actors.items()
            if info.kind == "person" and normalise_name(info.canonical_name).split()[-1] == word
        ]
        return matches[0] if len(matches) == 1 else None

    def last_person_before(self, char: int) -> str | None:
        """The most recently mentioned person: a cheap antecedent for he/she."""
        best = None
        for mention in self.mentions:
            if mention.end_char <= char and self.actors[mention.actor_key].kind == "person":
                best = mention.actor_key
        return best


@dataclass
class _Raw:
    """A trimmed entity mention before clustering."""

    span: Span
    label: str
    kind: str
    name: str
    country: str | None = None
    role: str | None = None
    hints: list[Token] = field(default_factory=list)
    cluster: int = -1


class _DocIndex:
    """Whole-document lookups shared by the resolution steps, each computed at most once
    per document: spaCy rebuilds `Doc.text` from all tokens on every access, `span.sent`
    scans for the sentence's boundaries, and finding a word by `for t in doc` builds a
    Token object per step."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @property
    def text(self) -> str:
        return doc_text(self.doc)

    @cached_property
    def sentence_of(self) -> list[int]:
        """Token index -> index of its sentence in `doc.sents` (which starts one at the
        first token and at every token whose SENT_START is 1), without building Spans."""
        starts = self.doc.to_array(SENT_START) == 1
        if len(starts):
            starts[0] = True
        return (np.cumsum(starts) - 1).tolist()

    @cached_property
    def _lower_ids(self):  # numpy array: the StringStore id of each token's `lower_`
        return self.doc.to_array(LOWER)

    @cached_property
    def singular_nouns(self) -> list[Token]:
        """Singular common nouns outside entities: what can head a definite description."""
        pos, tag, ent_type = self.doc.to_array([POS, TAG, ENT_TYPE]).T
        strings = self.doc.vocab.strings
        plural = (tag == strings["NNS"]) | (tag == strings["NNPS"])
        found = ((pos == NOUN) & ~plural & (ent_type == 0)).nonzero()[0]
        return [self.doc[i] for i in found.tolist()]

    def tokens_of(self, lower: str) -> list[int]:
        """Indices of the tokens whose `lower_` is `lower`."""
        return (self._lower_ids == self.doc.vocab.strings[lower]).nonzero()[0].tolist()

    def group_head_tokens(self) -> list[int]:
        """Indices of the tokens that may head a group actor, found in one array pass
        instead of a Token object and a lookup per token."""
        return np.isin(self._lower_ids, _group_head_ids()).nonzero()[0].tolist()


@cache
def _group_head_ids() -> np.ndarray:
    return np.array([get_string_id(w) for w in group_head_words()], dtype=np.uint64)


def _trim(ent: Span) -> tuple[Span, str | None] | None:
    """Strip a leading article / role word and a trailing possessive or generic noun.

    Returns the trimmed span and the role text taken off it ("cleric al-Sadr" ->
    "cleric"; "the Mahdi Army militia" -> "militia").
    """
    start, end = ent.start, ent.end
    doc = ent.doc
    role = None
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'s", "’s", "'")):
        end -= 1
    if ent.label_ == "PERSON":
        lead = start
        while lead < end - 1 and _is_role_word(doc[lead]):
            lead += 1
        if lead > start:
            role = doc[start:lead].text.lower()
            start = lead
    elif ent.label_ == "ORG":
        tail = end
        while tail > start + 1 and doc[tail - 1].is_lower and doc[tail - 1].is_alpha:
            tail -= 1
        if tail < end:
            role = doc[tail:end].text.lower()
            end = tail
    if start >= end:
        return None
    return doc[start:end], role


def _is_role_word(token: Token) -> bool:
    """A lower-case word inside a PERSON entity that is a title, not a name particle."""
    return (
        token.is_lower
        and token.is_alpha
        and bool(token.whitespace_)
        and token.lower_ not in _NAME_PARTICLES
    )


def _capital_as_government(span: Span) -> bool:
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ == "pobj":
        return token.head.lower_ not in LOCATIVE_PREPS
    return token.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "compound", "agent")


def _classify(span: Span, label: str) -> tuple[str, str, str | None] | None:
    """(kind, canonical name, country code), or None for mentions that name no actor."""
    text = span.text
    known = find_place(text)
    if label in ("PERSON", "ORG") and known and known.kind in ("country", "capital", "city"):
        label = "GPE"  # a small model's NER slip: "Kyiv" tagged PERSON
    if label == "PERSON":
        return "person", text, None
    if label == "ORG":
        return "organization", text, None
    if label == "NORP" and text.lower().startswith(("anti-", "pro-")):
        return None  # an attitude ("anti-American"), not an actor
    place = find_place(text)
    if place is not None:
        if place.kind in ("country", "demonym") or (
            place.kind == "capital" and _capital_as_government(span)
        ):
            return "country", country_name(place.alpha3), place.alpha3
        if label != "NORP":
            return "location", text, place.alpha3
    if label == "NORP":
        return "group", text, None
    return "location", text, None


def _title_run(span: Span) -> list[Token]:
    """The titles and modifiers right before a name: "Iraqi government spokesman"."""
    doc = span.doc
    run: list[Token] = []
    i = span.start - 1
    while i >= span.sent.start:
        token = doc[i]
        in_entity = token.ent_type_ and token.ent_type_ not in _TITLE_ENTITY_LABELS
        hyphen = token.text == "-" and not doc[i - 1].whitespace_ and not token.whitespace_
        if in_entity or not (hyphen or token.pos_ in ("PROPN", "NOUN", "ADJ")):
            break
        run.insert(0, token)
        i -= 1
    return run


def _role_text(tokens: list[Token]) -> str | None:
    """Role words of a title run or apposition, without names of places or groups."""
    words = [t for t in tokens if not t.ent_type_ and t.pos_ != "DET"]
    if not words:
        return None
    doc = words[0].doc
    return (
        doc[words[0].i : words[-1].i + 1].text.lower()
        if _contiguous(words)
        else (" ".join(t.lower_ for t in words))
    )


def _contiguous(tokens: list[Token]) -> bool:
    return all(b.i == a.i + 1 for a, b in zip(tokens, tokens[1:], strict=False))


def _apposition(span: Span) -> list[Token]:
    """Role tokens of an apposition: "Sami al-Askari, a senior lawmaker" -> senior lawmaker."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return []
    for child in span.root.children:
        if child.dep_ != "appos" or child.pos_ not in ("NOUN", "PROPN"):
            continue
        if child.left_edge.i != span.end + 1:
            continue  # an apposition must follow the name directly
        tokens = [c for c in child.lefts if c.dep_ in ("amod", "compound", "nmod", "det")]
        tokens.append(child)
        for prep in child.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs = [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
                if objs and not list(objs[0].children):
                    tokens.extend([prep, objs[0]])
        return sorted(tokens, key=lambda t: t.i)
    return []


def _person_context(raw: _Raw) -> None:
    run = _title_run(raw.span)
    appos = _apposition(raw.span)
    raw.role = raw.role or _role_text(run) or _role_text(appos)
    raw.hints = run + appos


def _org_country(name_tokens: Span) -> str | None:
    for token in name_tokens:
        place = find_place(token.text)
        if place is not None and place.kind in ("country", "demonym"):
            return place.alpha3
    return None


def _initials(name: str) -> str:
    words = re.split(r"[\s-]+", name)
    return "".join(w[0] for w in words if w and w.lower() not in _INITIAL_STOPWORDS).upper()


def _cluster(raws: list[_Raw], doc_index: _DocIndex) -> list[list[_Raw]]:
    clusters: list[list[_Raw]] = []
    by_name: dict[tuple[str, str], int] = {}

    def add(raw: _Raw, index: int | None) -> None:
        if index is None:
            index = len(clusters)
            clusters.append([])
        clusters[index].append(raw)
        raw.cluster = index
        by_name.setdefault((raw.kind, normalise_name(raw.name)), index)

    # Longest names first, so surnames and acronyms find their full form.
    for raw in sorted(raws, key=lambda r: (-len(r.name.split()), -len(r.name), r.span.start)):
        norm = normalise_name(raw.name)
        index = by_name.get((raw.kind, norm))
        if index is None and raw.kind == "person":
            index = _surname_owner(raw, norm, by_name, clusters)
        if index is None and raw.kind == "organization" and raw.name.isupper():
            index = _expansion(raw, raws, doc_index.text)
        add(raw, index)
    return clusters


def _surname_owner(
    raw: _Raw, norm: str, by_name: dict[tuple[str, str], int], clusters: list[list[_Raw]]
) -> int | None:
    """The person whose full name ends with this surname: the only one, or else the one
    named most recently before it (two Gandhis in one text are never merged blindly)."""
    owners = sorted(
        {
            i
            for (kind, name), i in by_name.items()
            if kind == "person" and name != norm and name.endswith(" " + norm)
        }
    )
    if len(owners) <= 1:
        return owners[0] if owners else None
    before = [
        (max(r.span.start for r in clusters[i] if r.span.start < raw.span.start), i)
        for i in owners
        if any(r.span.start < raw.span.start for r in clusters[i])
    ]
    return max(before)[1] if before else None


def _expansion(raw: _Raw, raws: list[_Raw], text: str) -> int | None:
    """The cluster of the long form of an acronym, by definition or by initials."""
    for other in raws:
        if other.kind != "organization" or other is raw or other.cluster < 0:
            continue
        after = text[other.span.end_char : other.span.end_char + len(raw.name) + 4]
        defined = re.match(r"\s*\(\s*" + re.escape(raw.name) + r"\s*\)", after)
        if defined or _initials(other.name) == raw.name:
            return other.cluster
    return None


def _role_country(index: _DocIndex, role: str, actors: DocActors) -> str | None:
    """Country of a role named elsewhere with its country: "Iraq's prime minister"."""
    words = role.split()
    doc = index.doc
    for last in index.tokens_of(words[-1]):
        if last < len(words):
            continue
        first = last - len(words) + 1
        if [t.lower_ for t in doc[first : last + 1]] != words:
            continue
        before = doc[first - 1]
        if before.tag_ == "POS" and first >= 2:
            before = doc[first - 2]
        key = actors.token_actor.get(before.i)
        if key and actors.actors[key].kind == "country":
            return actors.actors[key].country_code
    return None


def _surname_word(name: str) -> str | None:
    """The surname of a multi-word person name ("Jalal al-Din al-Sagheer" -> al-sagheer)."""
    words = normalise_name(name).split()
    return words[-1] if len(words) >= 2 else None


def _unique_surnames(raws: list[_Raw]) -> dict[str, str]:
    """surname -> the one full person name (normalised) that ends with it."""
    owners: dict[str, set[str]] = {}
    for raw in raws:
        if raw.kind == "person" and (surname := _surname_word(raw.name)):
            owners.setdefault(surname, set()).add(normalise_name(raw.name))
    return {s: next(iter(names)) for s, names in owners.items() if len(names) == 1}


def _is_modifier(span: Span) -> bool:
    """ "Shiite" in "Shiite cleric": an attribute of another noun, not an actor."""
    root = span.root
    return (
        root.dep_ in ("amod", "compound", "nmod")
        and not (span.start <= root.head.i < span.end)
        and root.head.pos_ in ("NOUN", "PROPN")
    )


def _entity_raws(doc: Doc) -> list[_Raw]:
    raws: list[_Raw] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        trimmed = _trim(ent)
        if trimmed is None:
            continue
        span, role = trimmed
        classified = _classify(span, ent.label_)
        if classified is None:
            continue
        kind, name, country = classified
        if kind == "group" and _is_modifier(span):
            continue
        raws.append(
            _Raw(span=span, label=ent.label_, kind=kind, name=name, country=country, role=role)
        )
    # One sense per discourse: a one-word name the NER called an organisation or place
    # that is the surname of the document's one person with it is that person.
    surnames = _unique_surnames(raws)
    for raw in raws:
        if (
            raw.kind in ("organization", "location")
            and " " not in raw.name
            and normalise_name(raw.name) in surnames
            and find_place(raw.name) is None
        ):
            raw.kind, raw.label, raw.country = "person", raw.label, None
    return raws


@lru_cache(maxsize=1 << 12)  # news names the same people day after day
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)


def _surname_raws(index: _DocIndex, raws: list[_Raw]) -> list[_Raw]:
    """Bare surnames the NER missed: "Salih told Reuters" after "Barham Salih"."""
    surnames = _unique_surnames(raws)
    taken = {i for raw in raws for i in range(raw.span.start, raw.span.end)}
    found: list[_Raw] = []
    for surname in surnames:
        for match in _whole_word(surname).finditer(index.text):
            if match.group().islower():
                continue  # names are capitalised; "brown" is not Brown
            span = index.doc.char_span(match.start(), match.end())
            if span is None or any(t.i in taken or t.ent_type_ for t in span):
                continue
            if len(span) == 1 and span.root.pos_ != "PROPN":
                continue
            found.append(_Raw(span=span, label="PERSON", kind="person", name=span.text))
            taken.update(range(span.start, span.end))
    return found


def _affiliation(span: Span) -> list[Token]:
    """Tokens of what an apposition attaches the person to: "a lawmaker in the Shiite
    alliance and a close confidant of al-Maliki" -> the Shiite alliance, al-Maliki."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return []
    heads = [
        c
        for c in span.root.children
        if c.dep_ == "appos" and c.pos_ == "NOUN" and c.left_edge.i == span.end + 1
    ]
    heads += [c for h in heads for c in h.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    tokens: list[Token] = []
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in _AFFILIATION_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        tokens.extend(obj.subtree)
    return tokens


def _new_mention(
    result: DocActors,
    key: str,
    span: Span,
    label: str | None,
    role: str | None,
    index: _DocIndex,
) -> None:
    result.mentions.append(
        MentionSpan(
            actor_key=key,
            start_char=span.start_char,
            end_char=span.end_char,
            text=span.text,
            ner_label=label,
            sentence_index=index.sentence_of[span.start],  # as span.sent, without its scan
            role=role,
        )
    )


def _description_matches(words: list[str], role_words: list[str]) -> str | None:
    """`exact` when a role is the description, `suffix` when it ends with it."""
    if role_words == words:
        return "exact"
    if len(role_words) > len(words) and role_words[-len(words) :] == words:
        return "suffix"
    return None


def _describable(
    result: DocActors, roles: dict[str, set[str]]
) -> list[tuple[str, list[list[str]]]]:
    """Each person and organisation with the word lists a description of it can match:
    its roles and, for an organisation, its name."""
    found = []
    for key, info in result.actors.items():
        if info.kind not in ("person", "organization"):
            continue
        names = set(roles.get(key, ()))
        if info.kind == "organization":
            names.add(normalise_name(info.canonical_name))
        found.append((key, [name.lower().split() for name in names]))
    return found


def _descriptions(index: _DocIndex, result: DocActors, roles: dict[str, set[str]]) -> None:
    """Definite descriptions that fit exactly one person or organisation of the document:
    "the cleric" (role), "the Shiite alliance" (name), "Iraq's prime minister"."""
    doc = index.doc
    # Descriptions add mentions, never actors or roles: what can be described is fixed.
    describable = _describable(result, roles)
    for token in index.singular_nouns:
        if token.i in result.token_actor:
            continue
        lefts = list(token.lefts)
        dets = [c for c in lefts if c.dep_ == "det" and c.lower_ == "the"]
        owners = [
            c
            for c in lefts
            if c.dep_ == "poss" and result.actors.get(result.token_actor.get(c.i, ""))
        ]
        owner = result.actors[result.token_actor[owners[0].i]] if owners else None
        if not dets and not (owner and owner.kind == "country"):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights):
            continue  # "the leader of the party" is someone else
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.ent_type_ in ("PERSON", "ORG"):
            continue  # a title before a name, already part of that mention
        modifiers = [c for c in lefts if c.dep_ in ("amod", "compound", "nmod")]
        words = [m.lower_ for m in modifiers if not m.ent_type_] + [token.lower_]
        country = owner.country_code if owner else None
        for m in modifiers:
            place = find_place(m.text) if m.ent_type_ else None
            if place and place.kind in ("country", "demonym"):
                country = place.alpha3
        matches: dict[str, str] = {}
        for key, names in describable:
            if country and result.actors[key].country_code not in (None, country):
                continue
            found = {_description_matches(words, r) for r in names} - {None}
            if found:
                matches[key] = "exact" if "exact" in found else "suffix"
        exact = [k for k, how in matches.items() if how == "exact"]
        chosen = exact if exact else list(matches)
        if len(chosen) != 1:
            continue
        key = chosen[0]
        start = min(c.left_edge.i for c in (*dets, *owners, *modifiers, token))
        role = " ".join(words)
        _new_mention(result, key, doc[start : token.i + 1], None, role, index)
        for t in (*modifiers, token):
            if not t.ent_type_:
                result.token_actor[t.i] = key
        info = result.actors[key]
        info.sector = info.sector or find_sector(role)
        info.country_code = info.country_code or (country if info.kind == "person" else None)


def _groups(index: _DocIndex, result: DocActors) -> None:
    """Group actors the NER misses: "U.S. military officials", "Shiite militias"."""
    doc = index.doc
    for i in index.group_head_tokens():
        token = doc[i]
        how = group_head(token.lower_)  # not None: found among the group head words
        if token.ent_type_ or token.i in result.token_actor:
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.ent_type_ == "PERSON":
            continue
        country, community, sector_words, used = None, [], [], [token]
        for mod in (c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")):
            for t in mod.subtree:
                key = result.token_actor.get(t.i)
                info = result.actors.get(key) if key else None
                place = find_place(t.text) if t.ent_type_ or t.pos_ == "PROPN" else None
                if info is not None and info.kind == "country":
                    country = country or info.country_code
                elif place is not None and place.kind in ("country", "demonym"):
                    country = country or place.alpha3
                elif t.ent_type_ == "NORP":
                    community.append(t.text)
                elif find_sector(t.text) and not t.ent_type_:
                    sector_words.append(t.lower_)
                else:
                    continue
                used.append(t)
        if how == "modified" and not (country or community):
            continue
        start = min(t.i for t in used)
        if any(t.dep_ == "cc" for t in doc[start : token.i]):
            continue  # "U.S. and Iraqi officials": two groups, left to the modifiers
        lead = [demonym(country) or country_name(country)] if country else []
        canonical = " ".join([*lead, *community, *sector_words, token.lower_])
        key = f"group:{normalise_name(canonical)}"
        sector = find_sector(" ".join(sector_words)) or find_sector(token.lower_)
        info = result.actors.setdefault(key, ActorInfo(key, canonical, "group", country, sector))
        _new_mention(result, key, doc[start : token.i + 1], None, None, index)
        for t in used:
            if not t.ent_type_:
                result.token_actor[t.i] = key


def _focus_country(result: DocActors) -> str | None:
    """The country a story is about: the first it names (headline, dateline or lede)."""
    for mention in sorted(result.mentions, key=lambda m: m.start_char):
        info = result.actors[mention.actor_key]
        if info.kind in ("country", "location") and info.country_code:
            return info.country_code
    return None


def _hint_country(result: DocActors, tokens: list[Token], kinds: tuple[str, ...]) -> str | None:
    for hint in tokens:
        hint_key = result.token_actor.get(hint.i)
        hint_info = result.actors.get(hint_key) if hint_key else None
        if hint_info and hint_info.kind in kinds and hint_info.country_code:
            return hint_info.country_code
    return None


def extract_actors(doc: Doc) -> DocActors:
    """Resolve the NER mentions of one document into actors."""
    index = _DocIndex(doc)
    raws = _entity_raws(doc)
    raws += _surname_raws(index, raws)
    for raw in raws:
        if raw.kind == "person":
            _person_context(raw)
        elif raw.kind == "organization":
            raw.country = _org_country(raw.span)

    result = DocActors()
    keyed: list[tuple[_Raw, str]] = []
    roles: dict[str, set[str]] = {}
    for cluster in _cluster(raws, index):
        lead = max(cluster, key=lambda r: (len(r.name.split()), len(r.name)))
        key = f"{lead.kind}:{normalise_name(lead.name)}"
        info = result.actors.get(key)
        if info is None:
            canonical = re.sub(r"\s+", " ", lead.name).strip()
            info = ActorInfo(key, canonical, lead.kind, None, None)
            result.actors[key] = info
        for raw in cluster:
            keyed.append((raw, key))
            if raw.role:
                roles.setdefault(key, set()).add(raw.role)
            info.country_code = info.country_code or raw.country
            if info.kind == "organization":
                info.sector = info.sector or find_sector(raw.role) or find_sector(raw.name)
            elif info.kind == "person":
                info.sector = info.sector or find_sector(raw.role)

    for raw, key in sorted(keyed, key=lambda item: item[0].span.start):
        for token in raw.span:
            result.token_actor[token.i] = key
        _new_mention(result, key, raw.span, raw.label, raw.role, index)

    _descriptions(index, result, roles)
    _groups(index, result)

    # Person countries need the other actors: title/apposition modifiers that are
    # countries or national organisations, then what the apposition attaches them to
    # (an organisation or a person of known country), then the same role named with a
    # country elsewhere. Two passes, so a confidant of a person placed in pass one is.
    for _ in range(2):
        for raw, key in keyed:
            info = result.actors[key]
            if info.kind != "person" or info.country_code:
                continue
            info.country_code = _hint_country(
                result, raw.hints, ("country", "organization")
            ) or _hint_country(result, _affiliation(raw.span), ("organization", "person"))
    for raw, key in keyed:
        info = result.actors[key]
        if info.kind == "person" and not info.country_code and raw.role:
            info.country_code = _role_country(index, raw.role, result)

    focus = _focus_country(result)
    for info in result.actors.values():
        if (
            info.kind in ("person", "organization")
            and info.country_code is None
            and info.sector in DOMESTIC_SECTORS
        ):
            info.country_code = focus

    result.mentions.sort(key=lambda m: (m.start_char, m.end_char))
    for info in result.actors.values():
        info.n_mentions = 0
    for mention in result.mentions:
        result.actors[mention.actor_key].n_mentions += 1
    return result
