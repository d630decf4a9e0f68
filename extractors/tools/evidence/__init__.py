"""Evidence pages: every document's text with its actors, events and quotes highlighted.

``write_evidence_site(db_path, out_dir)`` reads the published marts read-only and writes a
static site: ``index.html`` (one row per document: title, source, date, counts) and
``doc/<document_id>.html`` per document. A page shows the exact ``dim_documents.text`` with

- actor mentions, labelled with the resolved actor (canonical name, kind, CAMEO actor code),
- event triggers, labelled with the CAMEO code and source → target with their actor codes,
- statements: the content span as a quote labelled with its speaker, and the speaker span,

displaCy-style (coloured marks with labels, a colour legend), followed by tables of the
statements, events and actors.

The package's parts: ``queries`` (the SQL on the marts), ``reading`` (rows to spans and
tables), ``marking`` (the text with nested highlights), ``pages`` (the HTML of a page, from
``templates/`` and ``evidence.css``), ``page_cache`` (which pages are unchanged) and
``site_writer`` (the site, written beside the old one and swapped in).
"""

from extractors.tools.evidence.site_writer import evidence_step, write_evidence_site

__all__ = ["evidence_step", "write_evidence_site"]
