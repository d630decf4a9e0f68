"""Which mentions of a document are one actor, and the actor each group becomes.

Mentions are merged longest name first, so a surname ("al-Maliki") finds the full name
it ends ("Nouri al-Maliki") and an acronym ("UIA") its expansion, by a parenthetical
definition or by initials. The longest name of a cluster is the actor's canonical name
and gives its key, `<kind>:<normalised name>`.
"""

from __future__ import annotations

import re

from extractors.lexicons.gazetteer import find_sector
from extractors.nlp.actors.doc_actors import ActorInfo, DocActors
from extractors.nlp.actors.doc_index import DocIndex
from extractors.nlp.actors.mentions import RawMention
from extractors.nlp.actors.names import honorific_gender, initials, normalise_name

# Each mention with the key of the actor it was merged into.
Keyed = list[tuple[RawMention, str]]


def cluster(raws: list[RawMention], doc_index: DocIndex) -> list[list[RawMention]]:
    """The mentions grouped by the actor they name."""
    clusters: list[list[RawMention]] = []
    by_name: dict[tuple[str, str], int] = {}

    def add(raw: RawMention, index: int | None) -> None:
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
        if index is not None and _other_gender(raw, clusters[index]):
            index = None  # "Mrs Blair" after "Mr Blair"
        if index is None and raw.kind == "person":
            index = _surname_owner(raw, norm, by_name, clusters)
        if index is None and raw.kind == "organization" and raw.name.isupper():
            index = _expansion(raw, raws, doc_index.text)
        add(raw, index)
    return clusters


def _surname_owner(
    raw: RawMention,
    norm: str,
    by_name: dict[tuple[str, str], int],
    clusters: list[list[RawMention]],
) -> int | None:
    """The person whose full name ends with this surname: the only one, or else the one
    named most recently before it (two Gandhis in one text are never merged blindly).
    "Mrs Blair" never joins a Blair whom the text calls "Mr"."""
    owners = sorted(
        {
            i
            for (kind, name), i in by_name.items()
            if kind == "person"
            and name != norm
            and name.endswith(" " + norm)
            and not _other_gender(raw, clusters[i])
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


def _expansion(raw: RawMention, raws: list[RawMention], text: str) -> int | None:
    """The cluster of the long form of an acronym, by definition or by initials."""
    for other in raws:
        if other.kind != "organization" or other is raw or other.cluster < 0:
            continue
        after = text[other.span.end_char : other.span.end_char + len(raw.name) + 4]
        defined = re.match(r"\s*\(\s*" + re.escape(raw.name) + r"\s*\)", after)
        if defined or initials(other.name) == raw.name:
            return other.cluster
    return None


def actors_from_clusters(
    clusters: list[list[RawMention]], result: DocActors
) -> tuple[Keyed, dict[str, set[str]]]:
    """Add an actor per cluster to `result`, with the country and sector its mentions
    name; return each mention with its actor's key, and each actor's roles."""
    keyed: Keyed = []
    roles: dict[str, set[str]] = {}
    for members in clusters:
        lead = max(members, key=lambda r: (len(r.name.split()), len(r.name)))
        name = _key_name(lead, members)
        key = f"{lead.kind}:{normalise_name(name)}"
        info = result.actors.get(key)
        if info is None:
            canonical = re.sub(r"\s+", " ", name).strip()
            info = ActorInfo(key, canonical, lead.kind, None, None)
            result.actors[key] = info
        for raw in members:
            keyed.append((raw, key))
            if raw.role:
                roles.setdefault(key, set()).add(raw.role)
            info.country_code = info.country_code or raw.country
            if info.kind == "organization":
                info.sector = (
                    info.sector or raw.sector or find_sector(raw.role) or find_sector(raw.name)
                )
            elif info.kind == "person":
                info.sector = info.sector or find_sector(raw.role)
    return keyed, roles


def _other_gender(raw: RawMention, members: list[RawMention]) -> bool:
    """The mention's honorific says one gender and a cluster member's the other."""
    gender = honorific_gender(raw.role)
    return bool(gender) and bool({honorific_gender(m.role) for m in members} - {gender, ""})


def _key_name(lead: RawMention, members: list[RawMention]) -> str:
    """A person known here only by surname keeps a gendered honorific in its key
    ("Mr Blair", "Mrs Blair"), so the corpus resolution can tell them apart."""
    if lead.kind != "person" or " " in normalise_name(lead.name):
        return lead.name
    for raw in members:
        if honorific_gender(raw.role):
            honorific = (raw.role or "").split()[-1]
            return f"{honorific.capitalize()} {lead.name}"
    return lead.name
