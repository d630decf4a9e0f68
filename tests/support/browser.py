"""Debian's headless Chromium driven by Selenium, for the docs site and the Airflow UI.

`make test` installs chromium and chromium-driver (Makefile target `browser`); where they
are missing the browser tests skip with that command. Screenshots go to state/artifacts/
(git-ignored), kept after the run as test artifacts.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from extractors.tools.headless_chromium import (
    CHROMEDRIVER,
    CHROMIUM,
    TIMEOUT,
    installed,
    start_chromium,
)
from tests.support.paths import PROJECT_ROOT

ARTIFACTS = PROJECT_ROOT / "state" / "artifacts"


def chromium(profile_dir: Path) -> Iterator:
    """A Selenium driver on a fresh profile; skips the test if Chromium is not installed."""
    if not installed():
        pytest.skip(
            f"chromium or chromedriver not installed ({CHROMIUM}, {CHROMEDRIVER}): "
            "apt-get install chromium chromium-driver"
        )
    driver = start_chromium(profile_dir)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver, condition, message: str):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, TIMEOUT, poll_frequency=0.25).until(condition, message)


def body_text(driver) -> str:
    return driver.execute_script("return document.body ? document.body.innerText : ''")
