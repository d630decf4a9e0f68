"""The dbt docs site and an evidence page in a real headless Chromium.

The docs site that the DAG generated for the seed warehouse is served on 127.0.0.1 (a free
port) and opened in Debian's chromium through chromium-driver (Selenium, see tests/browser.py);
screenshots go to state/artifacts/.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

from extractors.tools.docs_server import site_server
from tests.support.browser import ARTIFACTS, body_text, chromium, wait_for
from tests.support.duck import seed_document_id
from tests.support.listeners import free_port, listening_addresses
from tests.support.paths import PROJECT_ROOT

pytestmark = pytest.mark.e2e


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve(folder: Path, server: ThreadingHTTPServer | None = None) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = server or ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    yield from chromium(tmp_path_factory.mktemp("chromium-profile"))


@pytest.fixture(scope="module")
def docs_dir(seed_run) -> Path:
    db_path = seed_run[1]
    folder = db_path.with_name(f"{db_path.stem}_docs")
    assert (folder / "index.html").is_file(), "the DAG generates the docs site"
    return folder


def serve_docs(folder: Path):
    """The docs site through `make docs`'s own server."""
    return serve(folder, site_server(folder, "127.0.0.1", 0))


def test_the_docs_server_serves_only_the_site(docs_dir):
    assert (docs_dir / "graph.gpickle").exists()  # dbt's working file sits in the folder
    with serve_docs(docs_dir) as base:
        assert urlopen(f"{base}/").status == 200
        assert urlopen(f"{base}/manifest.json").status == 200
        for private in ("graph.gpickle", "partial_parse.msgpack", "../wirehouse.duckdb"):
            with pytest.raises(HTTPError) as refused:
                urlopen(f"{base}/{private}")
            assert refused.value.code == 404, private


def test_mart_page_shows_its_columns(browser, docs_dir):
    with serve_docs(docs_dir) as base:
        browser.get(f"{base}/#!/model/model.wirehouse.fct_statements")
        wait_for(
            browser,
            lambda d: "speaker_actor_id" in body_text(d) and "content_end_char" in body_text(d),
            "fct_statements columns did not render",
        )
        text = body_text(browser)
        assert "one row per attributed statement" in text
        for column in ("statement_id", "document_id", "speaker_text", "statement_kind"):
            assert column in text
        browser.save_screenshot(str(ARTIFACTS / "docs_fct_statements.png"))


def test_overview_page_renders(browser, docs_dir):
    with serve_docs(docs_dir) as base:
        browser.get(f"{base}/#!/overview")
        wait_for(browser, lambda d: "Grain of each table" in body_text(d), "no overview")
        text = body_text(browser)
        assert "How to query it" in text and "marts.fct_events" in text
        browser.save_screenshot(str(ARTIFACTS / "docs_overview.png"))


def test_lineage_graph_renders_nodes(browser, docs_dir):
    from selenium.webdriver.common.by import By

    with serve_docs(docs_dir) as base:
        browser.get(f"{base}/#!/model/model.wirehouse.fct_events")
        wait_for(browser, lambda d: "cameo_root_code" in body_text(d), "fct_events page")
        browser.find_element(By.CSS_SELECTOR, ".launcher-btn").click()
        # the graph is drawn by cytoscape on canvases; its elements sit in the Angular scope
        labels_js = """
            const wrapper = document.getElementById('graph-viz-wrapper');
            const scope = wrapper && window.angular && angular.element(wrapper).scope();
            const elements = (scope && scope.graph && scope.graph.elements) || [];
            return elements.filter(e => e.group === 'nodes').map(e => e.data.id);
        """
        nodes = wait_for(
            browser,
            lambda d: (found := d.execute_script(labels_js)) and len(found) >= 3 and found,
            "the lineage graph shows no nodes",
        )
        assert {
            "model.wirehouse.fct_events",
            "model.wirehouse.stg_raw__events",
            "seed.wirehouse.cameo_codes",
            # the analytics views and the evidence pages sit downstream of the mart
            "model.wirehouse.dyad_quad_class_by_month",
            "model.wirehouse.events",
            "exposure.wirehouse.evidence_pages",
        } <= set(nodes), nodes
        canvases = browser.execute_script(
            "return Array.from(document.querySelectorAll('#cy canvas'))"
            ".map(c => c.width * c.height)"
        )
        assert canvases and max(canvases) > 0, "the graph canvas is drawn"
        browser.save_screenshot(str(ARTIFACTS / "docs_lineage_fct_events.png"))


def test_evidence_page_in_the_browser(browser, seed_run):
    db_path = seed_run[1]
    site = db_path.with_name(f"{db_path.stem}_evidence")  # written by the DAG's evidence task
    document_id = seed_document_id(db_path)
    with serve(site) as base:
        browser.get(f"{base}/index.html")
        wait_for(browser, lambda d: "Iraq PM sends team" in body_text(d), "evidence index")
        browser.save_screenshot(str(ARTIFACTS / "evidence_index.png"))
        browser.get(f"{base}/doc/{document_id}.html")
        wait_for(browser, lambda d: "Sami al-Askari" in body_text(d), "evidence page")
        marks = browser.execute_script(
            "return Array.from(document.querySelectorAll('#text [data-kind]'))"
            ".map(e => e.dataset.kind)"
        )
        assert {"mention", "trigger", "quote", "speaker"} <= set(marks)
        quote_colour = browser.execute_script(
            "return getComputedStyle(document.querySelector('#text .quote-direct')).backgroundColor"
        )
        assert quote_colour not in ("", "rgba(0, 0, 0, 0)"), "quotes are highlighted"
        browser.save_screenshot(str(ARTIFACTS / "evidence_page.png"))


def test_make_docs_listens_on_loopback_only(seed_run):
    """`make docs`'s server, as started by the Makefile, and what it listens on."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "extractors.tools.docs_server", "--port", str(port)],
        cwd=PROJECT_ROOT,
        env={**os.environ, "WIREHOUSE_DB": str(seed_run[1])},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert "http://127.0.0.1:" in server.stdout.readline()  # it says where, once up
        assert listening_addresses(server.pid) == {("127.0.0.1", port)}
    finally:
        server.terminate()
        server.wait(timeout=30)
