from pathlib import Path

from extractors.settings import load_settings, safe_name


def test_a_run_id_becomes_one_folder_inside_staging():
    settings = load_settings()
    for run_id in (".", "..", "../../etc", ".hidden", "a/b", "", "x" * 300):
        folder = settings.run_dir(run_id)
        assert folder.parent == settings.staging_dir, run_id
        assert folder.name not in ("", ".", "..") and not folder.name.startswith("."), run_id
        assert len(folder.name) <= 109


def test_run_ids_that_differ_keep_distinct_folders():
    assert safe_name("scheduled__2026-01-01") == "scheduled__2026-01-01"
    assert safe_name("manual__2026:01") != safe_name("manual__2026+01")
    assert safe_name("manual__2026:01").startswith("manual__2026_01_")
    assert Path(safe_name("\udcff")).name == safe_name("\udcff")
