"""make seeds: the reference-derived seeds regenerate byte for byte (the lexicon-derived
ones are checked in tests/unit/lexicons/test_gazetteer.py)."""

import pytest

from extractors.tools.seeds import SEED_DIR, reference_seeds
from tests.support.paths import SHARED

REFERENCE = SHARED / "reference"


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="needs ../shared/reference")
def test_reference_seeds_are_up_to_date():
    texts = reference_seeds(REFERENCE)
    assert sorted(texts) == ["cameo_codes.csv", "plover_sectors.csv"]
    for name, text in texts.items():
        assert (SEED_DIR / name).read_bytes() == text.encode("utf-8"), name
