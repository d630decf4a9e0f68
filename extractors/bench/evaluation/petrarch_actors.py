"""The PETRARCH2 suite's own actor dictionary, for scoring the event coder apart from NER.

The unit-test records name fictional actors (Arnor, Gondor...); ``phrase_codes`` reads
the suite's dictionary (`PETR.Validate.actors.txt`, with its date restrictions, through
`extractors.lexicons.actor_dictionary`) and ``dictionary_actors`` finds them in a parsed
record by longest match.
"""

from __future__ import annotations

from pathlib import Path

from extractors.lexicons.actor_dictionary import actor_rows
from extractors.nlp.actors import ActorInfo, DocActors
from extractors.nlp.actors.codes import agent_phrase
from extractors.nlp.clauses import non_clausal_descendants

_OPEN = 99999999  # the undated code holds on every day


def phrase_codes(paths: list[Path]) -> dict[tuple[str, ...], list[tuple[str, int, int]]]:
    """Phrase (upper-case words) -> [(code, first day, last day)] of the dictionaries'
    names, their date-ranged codes first and the undated one last."""
    phrases = {}
    for row in actor_rows(paths):
        dated = [part.split() for part in row["dated_codes"].split(";") if part]
        codes = [(code, int(first), int(last)) for code, first, last in dated]
        phrases[tuple(row["name"].upper().split())] = [*codes, (row["cameo_code"], 0, _OPEN)]
    return phrases


def _word_matches(word: str, token: str) -> bool:
    token = token.upper()
    return token == word or (len(word) >= 5 and token.startswith(word) and token[:1].isalpha())


def dictionary_actors(doc, dictionary, when: int) -> DocActors:
    """Actors of a doc: the dictionary's phrases by longest match (capitalised tokens),
    each with its code on the record's date; then every noun phrase whose words hold an
    agents-dictionary phrase ("cleric", "foreign minister") is an actor coded with the
    country its modifiers name ("Arnor cleric" -> ARNREL), `---` when none does."""
    result = DocActors()
    phrases = sorted(dictionary.items(), key=lambda item: -len(item[0]))
    for token in doc:
        if token.i in result.token_actor or not token.text[:1].isupper():
            continue
        for words, codes in phrases:
            end = token.i + len(words)
            if end > len(doc) or any(i in result.token_actor for i in range(token.i, end)):
                continue
            if not all(_word_matches(w, doc[token.i + k].text) for k, w in enumerate(words)):
                continue
            code = _code_on(codes, when)
            if code and code[:3].isalpha():
                _add(result, code, range(token.i, end))
            break  # an entry with no usable code ("---") still takes its words
    for token in doc:
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound":
            _add_agent(result, token)
    return result


def _code_on(codes: list[tuple[str, int, int]], when: int) -> str | None:
    """The code whose date restriction holds on the day, else the unrestricted one."""
    unrestricted = [c for c, low, high in codes if (low, high) == (0, _OPEN)]
    dated = [c for c, low, high in codes if low <= when <= high and (low, high) != (0, _OPEN)]
    found = dated or unrestricted
    return found[0] if found else None


def _add(result: DocActors, code: str, tokens: range) -> str:
    key = f"code:{code.lower()}"
    country = code[:3] if code[:3].isalpha() else None
    if key not in result.actors:
        result.actors[key] = ActorInfo(key, code, "organization", country, None)
        result.actors[key].cameo_actor_code = code
    result.actors[key].n_mentions += 1
    for i in tokens:
        result.token_actor[i] = key
    return key


def _add_agent(result: DocActors, head) -> None:
    """The noun phrase headed by `head` as an agent, if its adjacent words around the
    head make an agents-dictionary phrase: "Arnor cleric" -> ARNREL, "soldiers from
    Gondor" -> GONMIL, "Ministry of Silly Walks"; before a name in the dictionary, its
    title adds the agent: "Bree Prime Minister Romendacil" -> BREGOV."""
    named = result.token_actor.get(head.i)
    found = _agent_span(result, head, named is not None)
    if found is None:
        return
    (agent_code, placement), span = found
    if named:
        base = result.actors[named].cameo_actor_code or ""
        if len(base) == 3:
            code = agent_code + base if placement == "prefix" else base + agent_code
            _add(result, code, range(head.i, head.i + 1))
        return
    country = _modifier_country(result, head)
    code = agent_code + country if placement == "prefix" else country + agent_code
    _add(result, code, span)


def _agent_span(result: DocActors, head, named: bool):
    """The longest agents-dictionary phrase of adjacent words, not an actor's, that
    takes in the head (for a name: ends just before it) and its agent."""
    doc = head.doc
    last = head.i - 1 if named else head.i
    low = last
    while low - 1 >= head.left_edge.i and low - 1 not in result.token_actor:
        low -= 1
    high = last
    if not named:
        while high + 1 <= head.right_edge.i and high + 1 not in result.token_actor:
            high += 1
    # a title before a name ("President Umbardacil") ends just before it
    title_of_name = not named and head.pos_ == "PROPN"
    for size in range(high - low + 1, 0, -1):
        for start in range(low, high - size + 2):
            end = start + size - 1
            holds_head = start <= last <= end and not (named and end != last)
            if not (holds_head or (title_of_name and end == head.i - 1)):
                continue
            found = agent_phrase(doc[start : end + 1].text)
            if found:
                return found, range(start, end + 1)
    return None


def _modifier_country(result: DocActors, head) -> str:
    """The dictionary actor a modifier of the phrase names ("Arnor's", "Arnorian",
    "soldiers from Gondor"), as its country code, or PETRARCH's `---` for none."""
    for word in non_clausal_descendants(head):
        key = result.token_actor.get(word.i)
        if key is not None:
            return (result.actors[key].cameo_actor_code or "---")[:3]
    return "---"
