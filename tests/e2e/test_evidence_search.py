"""The evidence site's search, filters and actor pages in headless Chromium, from file://.

The site is written from a copy of the seed warehouse whose documents were given two
sections (the seed run's inputs sit in no subfolder), and opened straight from disk, as a
reader opens it: no server.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from extractors.tools.evidence import write_evidence_site
from tests.support.browser import ARTIFACTS, body_text, chromium, wait_for
from tests.support.duck import query
from tests.support.paths import SEED_FILE

pytestmark = pytest.mark.e2e

SEED_TITLE = "Iraq PM sends team to Iran to discuss militias"

# the index shows a document without a title by its file name
_TITLES_OF_ACTOR_SQL = """
select distinct coalesce(d.title, d.source_file)
from marts.fct_actor_mentions m
join marts.dim_actors a using (actor_id)
join marts.dim_documents d using (document_id)
where a.canonical_name = ?
"""


@pytest.fixture(scope="module")
def warehouse(seed_run, tmp_path_factory) -> Path:
    """The seed warehouse with sections: the seed in 'world', every other document in
    'business'."""
    copy = tmp_path_factory.mktemp("sectioned") / "sectioned.duckdb"
    shutil.copyfile(seed_run[1], copy)
    with duckdb.connect(str(copy)) as con:
        con.execute(
            "update marts.dim_documents set section = "
            "case when source_file = ? then 'world' else 'business' end",
            [SEED_FILE],
        )
    return copy


@pytest.fixture(scope="module")
def site(warehouse, tmp_path_factory) -> Path:
    return write_evidence_site(warehouse, tmp_path_factory.mktemp("site") / "evidence").parent


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    yield from chromium(tmp_path_factory.mktemp("chromium-profile"))


def _open_index(browser, site: Path) -> None:
    browser.get((site / "index.html").as_uri())
    wait_for(browser, lambda d: d.find_element("id", "find").is_displayed(), "the search form")


def _shown_titles(browser) -> set[str]:
    return set(
        browser.execute_script(
            "return Array.from(document.querySelectorAll('#documents tbody tr'))"
            ".filter(row => !row.hidden).map(row => row.cells[0].innerText)"
        )
    )


def _all_titles(warehouse: Path) -> set[str]:
    return {
        row[0]
        for row in query(warehouse, "select coalesce(title, source_file) from marts.dim_documents")
    }


def _type(browser, text: str) -> None:
    box = browser.find_element("id", "q")
    box.clear()
    box.send_keys(text)


def test_typing_an_actor_s_name_finds_its_documents(browser, site, warehouse):
    _open_index(browser, site)
    everything = _all_titles(warehouse)
    assert _shown_titles(browser) == everything and len(everything) > 2
    expected = {row[0] for row in query(warehouse, _TITLES_OF_ACTOR_SQL, ["Muqtada al-Sadr"])}
    assert SEED_TITLE in expected and expected < everything
    _type(browser, "sadr MUQTADA")  # any order, any case
    assert _shown_titles(browser) == expected
    status = browser.find_element("id", "shown").text
    assert status == f"{len(expected)} of {len(everything)} documents shown"
    [(actor_id,)] = query(
        warehouse, "select actor_id from marts.dim_actors where canonical_name = 'Muqtada al-Sadr'"
    )
    hit = browser.find_element("css selector", "#actor-hits a")
    assert hit.text == "Muqtada al-Sadr"
    assert hit.get_attribute("href") == (site / "actor" / f"{actor_id}.html").as_uri()
    browser.save_screenshot(str(ARTIFACTS / "evidence_search.png"))
    _type(browser, "no such actor anywhere")
    assert _shown_titles(browser) == set()
    assert not browser.find_element("id", "actors-found").is_displayed()


def test_section_and_event_root_filters_narrow_the_list_from_the_keyboard(browser, site, warehouse):
    from selenium.webdriver.common.keys import Keys

    _open_index(browser, site)
    for control in ("q", "section", "root"):  # each control is named by its label
        labels = browser.execute_script(
            f"return Array.from(document.getElementById('{control}').labels)"
            ".map(label => label.innerText)"
        )
        assert len(labels) == 1 and labels[0].strip(), control
    # no mouse: the first Tab reaches the search box, the next the section filter
    browser.find_element("tag name", "body").send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "q"
    browser.switch_to.active_element.send_keys(Keys.TAB)
    section = browser.switch_to.active_element
    assert section.get_attribute("id") == "section"
    options = [o.get_attribute("value") for o in section.find_elements("tag name", "option")]
    assert options == ["", "business", "world"]
    section.send_keys(Keys.END)  # the last choice: world
    wait_for(browser, lambda d: _shown_titles(d) == {SEED_TITLE}, "only the seed is in world")

    section.send_keys(Keys.HOME)  # all sections again
    roots = dict(
        query(
            warehouse,
            "select cameo_root_code, list(distinct coalesce(d.title, d.source_file)) "
            "from marts.fct_events "
            "join marts.dim_documents d using (document_id) group by all",
        )
    )
    # a root that some documents have and others lack
    root, titles = next(
        (code, set(t)) for code, t in sorted(roots.items()) if set(t) < _all_titles(warehouse)
    )
    browser.execute_script(
        "const s = document.getElementById('root'); s.focus();"
        "s.value = arguments[0]; s.dispatchEvent(new Event('change'));",
        root,
    )
    assert _shown_titles(browser) == titles
    label = browser.find_element("css selector", f"#root option[value='{root}']").text
    assert label.startswith(f"{root} ") and label.endswith(f"({len(titles)})")


def test_an_actor_page_lists_its_events_and_statements_with_working_links(browser, site, warehouse):
    [(actor_id,)] = query(
        warehouse, "select actor_id from marts.dim_actors where canonical_name = 'Nouri al-Maliki'"
    )
    events = query(
        warehouse,
        "select event_id, cameo_code from marts.fct_events "
        "where source_actor_id = $1 union all select event_id, cameo_code from marts.fct_events "
        "where target_actor_id = $1",
        [actor_id],
    )
    statements = query(
        warehouse,
        "select statement_id from marts.fct_statements where speaker_actor_id = ?",
        [actor_id],
    )
    assert events and statements, "the seed's Maliki visits Iran and is quoted"
    browser.get((site / "actor" / f"{actor_id}.html").as_uri())
    wait_for(browser, lambda d: "Nouri al-Maliki" in body_text(d), "the actor page")
    links = browser.execute_script(
        "const hrefs = t => Array.from(document.querySelectorAll(`#${t} tbody td:first-child a`))"
        ".map(a => a.getAttribute('href'));"
        "return {events: hrefs('events'), statements: hrefs('statements'),"
        " mentions: hrefs('mentions')};"
    )
    [(document_id,)] = query(
        warehouse, "select document_id from marts.dim_documents where source_file = ?", [SEED_FILE]
    )
    page = f"../doc/{document_id}.html"
    assert sorted(links["events"]) == sorted(f"{page}#e-{e}" for e, _ in events)
    assert sorted(links["statements"]) == sorted(f"{page}#s-{s}" for (s,) in statements)
    assert len(links["mentions"]) == 1 and links["mentions"][0].startswith(f"{page}#m-")
    assert "042 Make a visit" in browser.find_element("id", "events").text
    browser.save_screenshot(str(ARTIFACTS / "evidence_actor.png"))

    # a statement's link opens its document at the quote, which links back to the actor
    browser.find_element("css selector", "#statements tbody a").click()
    anchor = links["statements"][0].partition("#")[2]
    wait_for(browser, lambda d: d.current_url.endswith(f"#{anchor}"), "the document page")
    assert browser.find_element("id", anchor).get_attribute("data-kind") == "quote"
    back = browser.find_element("css selector", f"#actors a[href='../actor/{actor_id}.html']")
    assert back.text == "Nouri al-Maliki"
    back.click()
    wait_for(browser, lambda d: d.current_url.endswith(f"/actor/{actor_id}.html"), "back")


def test_a_rewrite_renders_only_the_actor_pages_that_show_a_renamed_actor(warehouse, tmp_path):
    copy = tmp_path / "w.duckdb"
    shutil.copyfile(warehouse, copy)
    out = tmp_path / "site"
    write_evidence_site(copy, out)

    def inodes() -> dict[str, int]:
        return {
            f"{p.parent.name}/{p.stem}": p.stat().st_ino
            for folder in ("doc", "actor")
            for p in (out / folder).glob("*.html")
        }

    before = inodes()
    write_evidence_site(copy, out)
    assert inodes() == before, "a rerun on the same warehouse renders nothing"

    with duckdb.connect(str(copy)) as con:
        [(maliki,)] = con.execute(
            "update marts.dim_actors set canonical_name = 'Nuri al-Maliki' "
            "where canonical_name = 'Nouri al-Maliki' returning actor_id"
        ).fetchall()
    write_evidence_site(copy, out)
    after = inodes()
    # his page, the pages of those in an event with him (his name is their other side),
    # and the pages of the documents that name him
    others = query(
        copy,
        "select target_actor_id from marts.fct_events where source_actor_id = $1 "
        "union select source_actor_id from marts.fct_events where target_actor_id = $1",
        [maliki],
    )
    documents = query(
        copy,
        "select document_id from marts.fct_actor_mentions where actor_id = $1 "
        "union select document_id from marts.fct_events "
        "where $1 in (source_actor_id, target_actor_id) "
        "union select document_id from marts.fct_statements where speaker_actor_id = $1",
        [maliki],
    )
    expected = {f"actor/{maliki}"}
    expected |= {f"actor/{a}" for (a,) in others if a}
    expected |= {f"doc/{d}" for (d,) in documents}
    assert {page for page, inode in after.items() if before[page] != inode} == expected
    search = (out / "search.js").read_text(encoding="utf-8")
    assert '"Nuri al-Maliki"' in search and "Nouri" not in search
    assert "nuri al-maliki" in search, "the documents' entries name him anew"
