"""Evidence pages: every document's text with its actors, events and quotes highlighted.

``write_evidence_site(db_path, out_dir)`` reads the published marts read-only and writes a
static site that any browser opens from disk:

- ``index.html``: one row per document (title, section, source, date, counts), with a
  search over titles and actor names and filters by section and CAMEO event root
  (``index.js`` over the data in ``search.js``; without scripts the table is whole);
- ``doc/<document_id>.html`` per document: the exact ``dim_documents.text`` with actor
  mentions (labelled with the resolved actor: canonical name, kind, CAMEO actor code),
  event triggers (CAMEO code, source → target with their actor codes) and statements
  (the content as a quote labelled with its speaker, and the speaker span), displaCy-style,
  followed by tables of its statements, events and actors (linked to their pages);
- ``actor/<actor_id>.html`` per actor: the documents that mention it, its events and its
  statements, each linked to the highlighted span of its document.

The package's parts: ``queries`` and ``actor_queries`` (the SQL on the marts and each
page's digest), ``reading`` (rows to spans and tables), ``marking`` (the text with nested
highlights), ``pages`` and ``actor_pages`` (the HTML, from ``templates/`` and
``evidence.css``), ``search_index`` (search.js), ``page_cache`` (which pages are
unchanged) and ``site_writer`` (the site, written beside the old one and swapped in).
"""

from extractors.tools.evidence.site_writer import evidence_step, write_evidence_site

__all__ = ["evidence_step", "write_evidence_site"]
