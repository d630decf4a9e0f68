"""CAMEO actor codes, written the way PETRARCH and GDELT write them: a country and the
agent it acts through ("IRQGOV", "USAMIL"), or a named body's own code ("IGOUNO").

In order:
- a country is its ISO alpha-3 code ("IRQ");
- a person or body the Phoenix actor dictionaries name has the code of its entry on the
  document's date ("Tony Blair" in 2005 -> GBRGOV, in 1990 -> GBRELI), or its undated
  code when the date is unknown;
- otherwise the country the text gives the actor, with the agent code of the longest
  phrase of the agents dictionary in its roles or name (`cameo_agents.csv`: "interior
  minister" -> GOV, "police" -> COP): "Iraqi police" -> IRQCOP, "the US commander" ->
  USAMIL; an agent that the dictionary puts first comes before the country ("NGO");
- a country alone, or an agent alone, when only one is known.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from extractors import lexicons
from extractors.lexicons.actor_dictionary import actor_rows
from extractors.lexicons.agent_dictionary import agent_rows
from extractors.lexicons.dictionary_set import dictionary_set
from extractors.lexicons.gazetteer import lookup_key
from extractors.nlp.actors.doc_actors import ActorInfo

# the longest agents-dictionary phrase, in words, that a role is searched for
_MAX_AGENT_WORDS = 5


def _ranges(dated_codes: str) -> tuple[tuple[str, str, str], ...]:
    """ "GBRGOV 19970502 20070627;..." -> (("GBRGOV", "19970502", "20070627"), ...)."""
    ranges = []
    for part in dated_codes.split(";"):
        if part:
            code, first, last = part.split()
            ranges.append((code, first, last))
    return tuple(ranges)


@cache
def _phoenix_codes() -> dict[str, tuple[str, tuple[tuple[str, str, str], ...]]]:
    """name -> (code for an undated document, ((code, first day, last day), ...)), of the
    dictionary set in use."""
    paths = dictionary_set().actors
    rows = actor_rows(list(paths)) if paths else lexicons.rows("phoenix_actors")
    return {
        lookup_key(row["name"]): (row["cameo_code"], _ranges(row["dated_codes"])) for row in rows
    }


def dictionary_code(name_key: str, on: date | None) -> str | None:
    """The Phoenix code of a name on a day: the range that holds it, else the entry's
    default. With no date, the latest range's code: the entries' default is mostly ELI,
    "former", which only a date can tell (Tony Blair: GBRGOV, not GBRELI)."""
    entry = _phoenix_codes().get(name_key)
    if entry is None:
        return None
    default, ranges = entry
    if on is None:
        return max(ranges, key=lambda r: r[2])[0] if ranges else default
    day = on.strftime("%Y%m%d")
    for code, first, last in ranges:
        if first <= day <= last:
            return code
    return default


@cache
def _agents() -> dict[str, tuple[str, str]]:
    """Agents of the dictionary set in use (`lexicons.dictionary_set`); the shipped set
    with our own rows for nouns it lacks (`wirehouse_agents.csv`: "firm", "bank")."""
    path = dictionary_set().agents
    rows = agent_rows(path) if path else lexicons.rows("cameo_agents")
    agents = {row["phrase"]: (row["agent_code"], row["placement"]) for row in rows}
    if dictionary_set().our_cameo_rules:
        for row in lexicons.rows("wirehouse_agents"):
            agents.setdefault(row["phrase"], (row["agent_code"], row["placement"]))
    return agents


def _agent_match(text: str) -> tuple[int, int, str, str] | None:
    """(words, position, agent code, placement) of the longest agents-dictionary phrase
    in `text`, the later of two as long (a title's head comes last: "army spokesman")."""
    words = text.lower().replace("-", " ").split()
    best = None
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + _MAX_AGENT_WORDS) + 1):
            found = _agents().get(" ".join(words[start:end]))
            if found and (best is None or (end - start, start) > best[:2]):
                best = (end - start, start, *found)
    return best


def agent_phrase(phrase: str) -> tuple[str, str] | None:
    """(agent code, placement) of exactly this phrase ("foreign minister"), if listed."""
    return _agents().get(" ".join(phrase.lower().replace("-", " ").split()))


def agent(texts: list[str]) -> tuple[str, str] | None:
    """(agent code, placement) of the longest agents-dictionary phrase in any of `texts`."""
    matches = [m for m in map(_agent_match, texts) if m]
    return max(matches)[2:] if matches else None


@cache
def _agent_sectors() -> dict[str, str]:
    return {r["agent_code"]: r["plover_sector"] for r in lexicons.rows("cameo_agent_sectors")}


def code_chunks(code: str | None) -> list[str]:
    """A CAMEO actor code's three-letter parts, in order: "IRQGOVMIL" -> IRQ, GOV, MIL."""
    return [(code or "")[i : i + 3] for i in range(0, len(code or ""), 3)]


def code_sector(code: str | None) -> str | None:
    """The PLOVER sector a CAMEO actor code's first agent names ("IRQGOV" -> GOV, the
    news agency "MED" -> JRN), from `cameo_agent_sectors.csv`."""
    return next((_agent_sectors()[c] for c in code_chunks(code) if c in _agent_sectors()), None)


def with_agent(country: str, found: tuple[str, str]) -> str:
    """A country's code with an agent's (code, placement): "IRQ" + COP -> IRQCOP; a
    `prefix` agent goes first (IGO codes)."""
    code, placement = found
    return code + country if placement == "prefix" else country + code


def actor_code(info: ActorInfo, roles: set[str], on: date | None = None) -> str | None:
    """The actor's CAMEO code from its kind, name, country and roles (module doc)."""
    if info.kind == "location":
        return None
    if info.kind == "country":
        return info.country_code
    name_key = lookup_key(info.canonical_name)
    # a one-word person name is a surname: no evidence of which dictionary entry
    named = info.kind != "person" or " " in name_key
    if named and (code := dictionary_code(name_key, on)):
        return code
    country = info.country_code or ""
    found = agent([*sorted(roles), info.canonical_name])
    if found is None:
        return country or None
    return with_agent(country, found)
