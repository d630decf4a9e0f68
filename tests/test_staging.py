"""The staging area carries a run's texts between tasks without changing them."""

from datetime import date

from extractors.intake import Intake
from extractors.records import SourceText
from extractors.staging import read_sources, write_intake


def test_sidecar_dates_survive_staging(tmp_path):
    source = SourceText(
        "a.txt", "Text.", "ab" * 32, "abababababababab", {"published_date": date(2008, 4, 24)}
    )
    write_intake(tmp_path, Intake(to_extract=[source], files_seen=1))
    assert read_sources(tmp_path) == [source]
