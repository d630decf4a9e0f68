"""Real entities of the BBC corpus, written down by hand (tests/data/bbc_entities.csv),
and the check that a warehouse makes each of them one actor of the right kind and country.

An entity passes when every one of its surface forms is found, the same actor holds most
of each form's mentions (at least `MIN_SHARE`), and that actor has the entity's kind and
country. Mentions that went to another person named in full with the same surname ("Hewitt"
in a report on Patricia Hewitt, not Lleyton) are right, and are left out of the share. A
form matches a mention's text (without a possessive) or, for honorific forms ("Mr Blair"),
the mention's role followed by its text.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import duckdb

ENTITIES_CSV = Path(__file__).resolve().parents[1] / "data" / "bbc_entities.csv"
MIN_SHARE = 0.8

_MENTIONS_SQL = """
with surfaces as (
    select
        regexp_replace(mention_text, '(''s|’s|'')$', '') as surface,
        role,
        actor_id
    from marts.fct_actor_mentions
)
select surface, lower(coalesce(role || ' ', '') || surface) as with_role, actor_id
from surfaces
"""


@dataclass(frozen=True)
class Entity:
    section: str
    name: str
    kind: str
    country: str | None
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    entity: Entity
    passed: bool
    why: str


def entities() -> list[Entity]:
    with ENTITIES_CSV.open(newline="") as handle:
        return [
            Entity(
                row["section"],
                row["entity"],
                row["kind"],
                row["country"] or None,
                tuple(row["surface_forms"].split("|")),
            )
            for row in csv.DictReader(handle)
        ]


def judge(db_path: Path) -> list[Verdict]:
    """One verdict per entity of the list, read from the warehouse at `db_path`."""
    with duckdb.connect(str(db_path), read_only=True) as con:
        rows = con.execute(_MENTIONS_SQL).fetchall()
        actors = {
            actor_id: (kind, country, name)
            for actor_id, kind, country, name in con.execute(
                "select actor_id, actor_kind, country_code, canonical_name from marts.dim_actors"
            ).fetchall()
        }
    by_surface: dict[str, Counter[str]] = defaultdict(Counter)
    by_role_form: dict[str, Counter[str]] = defaultdict(Counter)
    for surface, with_role, actor_id in rows:
        by_surface[surface][actor_id] += 1
        by_role_form[with_role][actor_id] += 1
    return [_verdict(e, by_surface, by_role_form, actors) for e in entities()]


def _verdict(entity, by_surface, by_role_form, actors) -> Verdict:
    holders = set()
    for form in entity.forms:
        counts = by_surface.get(form) or by_role_form.get(form.lower())
        if not counts:
            return Verdict(entity, False, f"no mention reads {form!r}")
        counts = Counter(
            {a: n for a, n in counts.items() if not _namesake(actors[a], entity, form)}
        )
        if not counts:
            return Verdict(entity, False, f"every {form!r} names a namesake")
        actor_id, n = counts.most_common(1)[0]
        share = n / sum(counts.values())
        if share < MIN_SHARE:
            return Verdict(entity, False, f"{form!r}: its main actor holds {share:.0%}")
        holders.add(actor_id)
    if len(holders) > 1:
        return Verdict(entity, False, f"{len(holders)} actors")
    kind, country, _ = actors[holders.pop()]
    if (kind, country) != (entity.kind, entity.country):
        return Verdict(entity, False, f"one actor, but {kind} / {country}")
    return Verdict(entity, True, "one actor, right kind and country")


def _namesake(actor: tuple, entity: Entity, form: str) -> bool:
    """Another person, named in full, who shares the form's surname."""
    kind, _, name = actor
    words = (name or "").split()
    surname = form.split()[-1].lower()
    return (
        entity.name.lower().endswith(" " + surname)
        and form.lower() != entity.name.lower()
        and kind == "person"
        and len(words) > 1
        and name.lower() != entity.name.lower()
        and words[-1].lower() == surname
    )


def report(verdicts: list[Verdict]) -> str:
    passed = sum(v.passed for v in verdicts)
    lines = [f"{passed} of {len(verdicts)} entities are one actor of the right kind and country"]
    lines += [
        f"  {'ok  ' if v.passed else 'FAIL'} {v.entity.section:13} {v.entity.name}: {v.why}"
        for v in verdicts
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    print(report(judge(Path(sys.argv[1]))))
