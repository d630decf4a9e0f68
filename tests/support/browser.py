"""Debian's headless Chromium driven by Selenium, for the docs site and the Airflow UI.

`make test` installs chromium and chromium-driver (Makefile target `browser`); where they
are missing the browser tests skip with that command. Screenshots go to state/artifacts/
(git-ignored), kept after the run as test artifacts.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.paths import PROJECT_ROOT

ARTIFACTS = PROJECT_ROOT / "state" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
# the background-networking flags keep Chromium from calling out of this closed network
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,900",
)
TIMEOUT = 60


def chromium(profile_dir: Path) -> Iterator:
    """A Selenium driver on a fresh profile; skips the test if Chromium is not installed."""
    if not (Path(CHROMIUM).is_file() and Path(CHROMEDRIVER).is_file()):
        pytest.skip(
            f"chromium or chromedriver not installed ({CHROMIUM}, {CHROMEDRIVER}): "
            "apt-get install chromium chromium-driver"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile_dir}")
    # an explicit driver path: Selenium Manager never looks for (or downloads) one
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(TIMEOUT)
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
