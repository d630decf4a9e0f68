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
first country it names as one that acts or speaks, usually in the headline or dateline;
not one acted on: "the case for invading Iraq" makes no MPs Iraqi). Cross-document
resolution (a surname-only document joining the corpus's unique full name) is dbt's
`int_actor_keys__resolved`.

`actor_key` is `<kind>:<normalised canonical name>`, stable across documents because
countries are always named by their canonical country name and groups by demonym.

The steps live in one module each, in the order `extraction.extract_actors` runs them:
names, classification, mentions (with person_context), clustering, descriptions,
groups, countries; `doc_actors` holds the result and `doc_index` the per-document
lookups they share.
"""

from extractors.nlp.actors.classification import LOCATIVE_PREPS
from extractors.nlp.actors.doc_actors import ActorInfo, DocActors
from extractors.nlp.actors.extraction import extract_actors
from extractors.nlp.actors.names import normalise_name

__all__ = ["LOCATIVE_PREPS", "ActorInfo", "DocActors", "extract_actors", "normalise_name"]
