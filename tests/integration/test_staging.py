"""The staging area carries a run's texts between tasks without changing them."""

import os
import time
from datetime import date

from extractors.records import SourceText
from extractors.warehouse.intake import Intake
from extractors.warehouse.staging import read_sources, remove_stale_runs, write_intake


def test_sidecar_dates_survive_staging(tmp_path):
    source = SourceText(
        "a.txt", "Text.", "ab" * 32, "abababababababab", {"published_date": date(2008, 4, 24)}
    )
    write_intake(tmp_path, Intake(to_extract=[source], files_seen=1))
    assert read_sources(tmp_path) == [source]


def test_only_old_staging_folders_are_removed(tmp_path):
    old, fresh = tmp_path / "old_run", tmp_path / "fresh_run"
    old.mkdir()
    fresh.mkdir()
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert remove_stale_runs(tmp_path, max_age_seconds=3600) == [old]
    assert fresh.exists() and not old.exists()
