"""CAMEO-coded events (who did what to whom, where, when) from the dependency parse.

One module per step, in the order `extraction.extract_events` runs them:
- `triggers`: which verbs, light verbs and event nouns trigger an event, with which code
  (`extractors/lexicons/cameo_verbs.csv`);
- `frames`: each trigger of a sentence with its head and candidate roles (from
  `extractors.nlp.clauses`), and the demands reported as "X said Y must ...";
- `is_negated` is `syntax.in_negated_scope`: "not", "never", a negated governing verb
  ("did not agree to meet"), a governing "refuse/fail to", or a denial that contains it
  ("denied reports the delegation would meet the cleric");
- `modality`: `is_hypothetical` (a modal, a conditional, a governing verb of intent or
  request, a purpose clause) and the intent codes of announced actions;
- `locations`: `location_actor_key`, the place named in a locative phrase of the clause,
  or of the clause it is embedded in;
- `roles`: the candidate roles resolved to actors and countries;
- `extraction`: one event per sentence, dyad and code, with its date.

Events inside statements stay events (as GDELT codes them); dbt links them to the
statement whose content contains the trigger.
"""

from extractors.nlp.events.extraction import extract_events
from extractors.nlp.events.triggers import cameo_lexicon

__all__ = ["cameo_lexicon", "extract_events"]
