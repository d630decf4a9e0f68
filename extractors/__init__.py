"""wirehouse extractors: news text in, typed actor, event and statement records out."""
