"""Attributed statements: direct quotes, indirect speech, and mixed forms.

A statement has a speaker, a cue and content. The rules, one module each:
- `direct`: quotes found on the text and attributed through a cue next to them;
- `indirect`: a reporting verb of the cue lexicon (`cues`, `extractors/lexicons/cues.csv`)
  with the content its frame takes (`complements`), or an attribution without a verb
  ("according to X", "In a poll, ...": `attributions`);
- `headlines`: a line "Name: ..." and a quote closed by "― Name";
- `speakers`: the cue's subject, a participle inheriting its head verb's (", saying ...");
- `merging`: the findings combined; `extraction`: numbered and dated records.

The rules and the cue lexicon were fitted on PolNeAR's train split (`make eval` reports
dev).
"""

from extractors.nlp.statements.cues import cue_frames
from extractors.nlp.statements.extraction import extract_statements

__all__ = ["cue_frames", "extract_statements"]
