"""Evidence pages: highlighted texts from the seed warehouse, and the span renderer."""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from extractors.settings import load_settings
from extractors.tools import cli
from extractors.tools.evidence import write_evidence_site
from extractors.tools.evidence.marking import render_marked_text
from extractors.tools.evidence.pages import render_document_page
from extractors.tools.evidence.spans import MENTION, QUOTE, SPEAKER, TRIGGER, DocumentEvidence, Span
from tests.support.duck import query
from tests.support.paths import SEED_FILE

pytestmark = pytest.mark.e2e  # reads the shared seed run (a real DAG run)

VOID = {"meta", "br", "img", "link", "input", "hr"}


class _Checker(HTMLParser):
    """Tag balance, and the text of div#text without the labels."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, in text, in label)
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        in_text = bool(self.stack and self.stack[-1][1]) or attrs.get("id") == "text"
        in_label = (
            bool(self.stack and self.stack[-1][2]) or "label" in (attrs.get("class") or "").split()
        )
        self.stack.append((tag, in_text, in_label))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unbalanced </{tag}> at {self.getpos()}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1][1] and not self.stack[-1][2]:
            self.text.append(data)


def check(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert not checker.errors, checker.errors[:5]
    assert not checker.stack, f"unclosed: {checker.stack[-5:]}"
    return checker


@pytest.fixture(scope="module")
def warehouse(seed_run) -> Path:
    return seed_run[1]


@pytest.fixture(scope="module")
def site(warehouse, tmp_path_factory) -> Path:
    index = write_evidence_site(warehouse, tmp_path_factory.mktemp("evidence") / "site")
    assert index.name == "index.html" and index.is_file()
    return index.parent


@pytest.fixture(scope="module")
def seed_page(warehouse, site) -> tuple[str, str]:
    [(document_id, text)] = query(
        warehouse,
        "select document_id, text from marts.dim_documents where source_file = ?",
        [SEED_FILE],
    )
    return (site / "doc" / f"{document_id}.html").read_text(encoding="utf-8"), text


def test_a_page_per_document_and_an_index(warehouse, site):
    ids = [row[0] for row in query(warehouse, "select document_id from marts.dim_documents")]
    assert ids
    index = (site / "index.html").read_text(encoding="utf-8")
    check(index)
    for document_id in ids:
        assert (site / "doc" / f"{document_id}.html").is_file()
        assert f'href="doc/{document_id}.html"' in index
    assert "Iraq PM sends team to Iran to discuss militias" in index
    [(source,)] = query(
        warehouse, "select source_name from marts.dim_documents where source_file = ?", [SEED_FILE]
    )
    assert source == "Reuters"
    assert re.search(  # title, section (none in the seed run), source, date
        r'<tr data-id="[0-9a-f]+" data-section="" data-roots="[0-9 ]+"><td><a [^>]+>Iraq PM '
        r"sends team to Iran to discuss militias</a></td><td></td><td>Reuters</td>",
        index,
    )
    for column in ("title", "section", "source", "published"):
        assert f'<th scope="col">{column}</th>' in index
    for (actor_id,) in query(warehouse, "select actor_id from marts.dim_actors"):
        assert (site / "actor" / f"{actor_id}.html").is_file()
    assert {"search.js", "index.js", "evidence.css"} <= {p.name for p in site.iterdir()}


def test_page_is_well_formed_and_reproduces_the_text(seed_page):
    page, text = seed_page
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in page
    checker = check(page)
    assert "".join(checker.text) == text, "highlighting must not change the text"


def test_text_is_escaped(seed_page):
    page, text = seed_page
    assert '"The UIA has decided' in text and "Iran's man" in text
    marked = page[page.index('id="text">') : page.index("</div>", page.index('id="text">'))]
    # once the tags are gone (attribute values are escaped, so they hold no ">"), no raw
    # markup characters of the text remain
    visible = re.sub(r"<[^>]+>", "", marked[len('id="text">') :])
    assert '"' not in visible and "<" not in visible and "'" not in visible
    assert "&quot;" in visible and "&#x27;" in visible
    assert '&quot;<span class="quote quote-direct"' in page


def test_maliki_mentions_are_highlighted_with_the_resolved_actor(seed_page, warehouse):
    page, _ = seed_page
    [(actor_id, code)] = query(
        warehouse,
        "select actor_id, cameo_actor_code from marts.dim_actors "
        "where canonical_name = 'Nouri al-Maliki'",
    )
    assert code and code.startswith("IRQ"), "an Iraqi actor code beside the name"
    label = f"PERSON · Nouri al-Maliki · {code}"
    full = re.findall(
        r'<mark class="ent ent-person" data-kind="mention" id="m-[^"]+" title="[^"]*'
        + actor_id
        + r'[^"]*">Nouri al-Maliki<span class="label" aria-hidden="true">'
        + label
        + "</span></mark>",
        page,
    )
    assert full, "the full-name mention"
    short = re.findall(
        r">al-Maliki<span class=\"label\" aria-hidden=\"true\">" + label + "</span>", page
    )
    assert len(short) >= 2, "surname mentions carry the resolved name"


def test_askari_quote_with_its_speaker(seed_page, warehouse):
    page, _ = seed_page
    [(statement_id,)] = query(
        warehouse,
        "select statement_id from marts.fct_statements s join marts.dim_actors a "
        "on s.speaker_actor_id = a.actor_id where a.canonical_name = 'Sami al-Askari'",
    )
    quote = re.search(
        r'<span class="quote quote-direct" data-kind="quote" id="s-'
        + re.escape(html.escape(statement_id))
        + r'" title="[^"]*"><span class="label qlabel" aria-hidden="true">'
        r"QUOTE · Sami al-Askari \(direct\)</span>The ",
        page,
    )
    assert quote, "the quote opens with its speaker's label"
    after = page[quote.end() :]
    # a mention of the UIA inside the quote is nested in it
    assert after.startswith('<mark class="ent ent-organization"')
    assert "SPEAKER · Sami al-Askari" in page
    assert re.search(r"<td>Sami al-Askari</td><td>said</td><td>direct</td><td>The UIA", page)


def test_event_triggers_carry_cameo_names(seed_page):
    page, _ = seed_page
    assert 'data-kind="trigger"' in page
    assert re.search(r"CAMEO 042 Make a visit", page)
    assert "quad-4" in page  # material conflict in the seed (fighting, killing)


def test_mentions_of_an_actor_without_a_code_have_no_code_in_their_label(seed_page, warehouse):
    page, _ = seed_page
    assert query(
        warehouse, "select cameo_actor_code from marts.dim_actors where canonical_name = 'Baghdad'"
    ) == [(None,)]
    assert ">LOCATION · Baghdad</span>" in page


_SEED_EVENTS_SQL = """
select e.cameo_code, s.canonical_name, e.source_actor_code, t.canonical_name,
       e.target_actor_code
from marts.fct_events e
join marts.dim_documents d using (document_id)
left join marts.dim_actors s on s.actor_id = e.source_actor_id
left join marts.dim_actors t on t.actor_id = e.target_actor_id
where d.source_file = ?
"""


def test_event_triggers_and_tables_carry_the_dyad_s_actor_codes(seed_page, warehouse):
    page, _ = seed_page
    events = query(warehouse, _SEED_EVENTS_SQL, [SEED_FILE])
    [(maliki_code,)] = query(
        warehouse,
        "select cameo_actor_code from marts.dim_actors where canonical_name = 'Nouri al-Maliki'",
    )
    assert ("042", "Nouri al-Maliki", maliki_code, "Iran", "IRN") in events
    coded = [event for event in events if event[1] and event[3] and event[2] and event[4]]
    for cameo, source, source_code, target, target_code in coded:
        label = f"CAMEO {cameo} · {source} → {target} · {source_code} → {target_code}"
        assert f'aria-hidden="true">{html.escape(label)}</span></mark>' in page, label
        assert f"<td>{html.escape(source)} <code>{source_code}</code></td>" in page
        assert f"<td>{html.escape(target)} <code>{target_code}</code></td>" in page
    # a side with no actor of its own is coded with the country the event is attributed to
    attributed = [e for e in events if e[1] and e[2] and e[3] is None and e[4]]
    assert attributed, "the seed attributes an unnamed target to a country"
    cameo, source, source_code, _, target_code = attributed[0]
    label = f"CAMEO {cameo} · {source} → — · {source_code} → {target_code}"
    assert f'aria-hidden="true">{html.escape(label)}</span></mark>' in page, label
    assert "CAMEO actor code" in page[: page.index('id="text"')], "the legend explains codes"


def test_the_actor_table_lists_each_actor_s_code_and_links_its_page(seed_page, warehouse):
    page, _ = seed_page
    table = page[page.index('<table id="actors">') :]
    actors = query(
        warehouse,
        "select canonical_name, cameo_actor_code, actor_id from marts.dim_actors "
        "where canonical_name in ('Iran', 'Muqtada al-Sadr')",
    )
    assert ("Iran", "IRN") in [actor[:2] for actor in actors] and len(actors) == 2
    for name, code, actor_id in actors:
        assert re.search(
            f'<td><a href="../actor/{actor_id}.html">{re.escape(html.escape(name))}</a></td>'
            f"(<td>[^<]*</td>){{3}}<td><code>{code}</code>",
            table,
        ), name


def test_renderer_nests_crossing_spans_and_escapes():
    text = 'A <b>&"x" said: Bob & Ann met.'
    bob = text.index("Bob")
    spans = [
        Span(0, 10, QUOTE, "quote quote-direct", "QUOTE · <A>", 'by "A"', anchor="s-1"),
        Span(2, 5, MENTION, "ent ent-person", "PERSON · <b>", "x", anchor="m-1"),
        Span(8, bob + 3, SPEAKER, "speaker", "SPEAKER · Bob", "y"),  # crosses the quote's end
        Span(bob, bob + 3, MENTION, "ent ent-person", "PERSON · Bob", "z"),
        Span(bob + 10, bob + 13, TRIGGER, "trigger quad-1", "CAMEO 040", "t"),
        Span(5, 5, MENTION, "ent", "empty", "ignored"),
    ]
    rendered = render_marked_text(text, spans)
    checker = check(f'<div id="text">{rendered}</div>')
    assert "".join(checker.text) == text
    assert "<b>" not in rendered and "&lt;b&gt;" in rendered
    assert "QUOTE · &lt;A&gt;" in rendered and 'title="by &quot;A&quot;"' in rendered
    assert rendered.count('data-kind="speaker"') == 2, "split at the quote's end"
    assert 'class="speaker cont"' in rendered
    assert rendered.count("SPEAKER · Bob") == 1, "the label only on the last fragment"
    assert rendered.count('id="s-1"') == 1 and "empty" not in rendered


def test_a_long_text_is_marked_up_to_a_paragraph_break_and_says_so(monkeypatch):
    monkeypatch.setattr("extractors.tools.evidence.pages.MAX_SHOWN_CHARS", 60)
    text = "Alpha met Beta in Rome.\n\nGamma left Rome.\n\n" + "Delta stayed. " * 20
    rome2 = text.index("Rome", 30)
    delta = text.index("Delta")
    doc = DocumentEvidence("d1", "long.txt", "Long", None, None, None, text)
    doc.spans = [
        Span(0, 5, MENTION, "ent ent-person", "PERSON · Alpha", "a"),
        Span(rome2, rome2 + 4, MENTION, "ent ent-location", "LOC · Rome", "r"),
        Span(delta, delta + 5, MENTION, "ent ent-person", "PERSON · Delta", "d"),
    ]
    page = render_document_page(doc, {})
    checker = check(page)
    shown = "Alpha met Beta in Rome.\n\nGamma left Rome.\n\n"  # cut at the last break
    assert shown in "".join(checker.text)
    assert "Delta stayed" not in page
    assert page.count("<mark") == 2
    assert (
        f"The text is {len(text):,} characters long; this page marks its first {len(shown)}."
        in page
    )


def test_cli_writes_the_site_to_the_default_folder(warehouse, tmp_path, monkeypatch, capsys):
    db = tmp_path / warehouse.name
    db.write_bytes(warehouse.read_bytes())
    monkeypatch.setenv("WIREHOUSE_DB", str(db))
    monkeypatch.delenv("WIREHOUSE_EVIDENCE", raising=False)
    assert load_settings().evidence_dir == tmp_path / f"{db.stem}_evidence"
    assert cli.main(["evidence"]) == 0
    assert (tmp_path / f"{db.stem}_evidence" / "index.html").is_file()
    assert cli.main(["evidence", "--out", str(tmp_path / "other")]) == 0
    assert (tmp_path / "other" / "index.html").is_file()
    # a rerun replaces the site whole and leaves no working folders behind
    assert cli.main(["evidence", "--out", str(tmp_path / "other")]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [db.name, f"{db.stem}_evidence", "other"]
    )
    assert "evidence pages:" in capsys.readouterr().out


def test_a_rewrite_reuses_unchanged_pages_and_renders_changed_ones(warehouse, tmp_path):
    """The site is incremental: an unchanged page is the same file again (hard-linked),
    and a page whose actor was renamed or recoded elsewhere is rendered again."""
    copy = tmp_path / "w.duckdb"
    shutil.copyfile(warehouse, copy)
    out = tmp_path / "site"
    [(document_id,)] = query(
        copy, "select document_id from marts.dim_documents where source_file = ?", [SEED_FILE]
    )
    page = out / "doc" / f"{document_id}.html"
    write_evidence_site(copy, out)
    first = page.stat().st_ino
    write_evidence_site(copy, out)
    assert page.stat().st_ino == first
    assert "PERSON · Nouri al-Maliki · " in page.read_text(encoding="utf-8")

    _rewrite(copy, out, "canonical_name = 'Nuri al-Maliki'", "Nouri al-Maliki")
    assert page.stat().st_ino != first
    text = page.read_text(encoding="utf-8")
    assert "PERSON · Nuri al-Maliki · " in text
    assert "PERSON · Nouri al-Maliki" not in text

    renamed = page.stat().st_ino
    _rewrite(copy, out, "cameo_actor_code = 'XXXGOV'", "Nuri al-Maliki")
    assert page.stat().st_ino != renamed
    assert "PERSON · Nuri al-Maliki · XXXGOV</span>" in page.read_text(encoding="utf-8")
    pages = json.loads((out / "pages.json").read_text())["pages"]
    assert set(pages) == {
        row[0] for row in query(copy, "select document_id from marts.dim_documents")
    }


def _rewrite(copy, out, assignment: str, name: str) -> None:
    """Change one actor of the warehouse copy and write its evidence site again."""
    with duckdb.connect(str(copy)) as con:
        con.execute(f"update marts.dim_actors set {assignment} where canonical_name = '{name}'")
    write_evidence_site(copy, out)
