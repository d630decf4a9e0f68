"""`make docs`: generate the dbt docs site for the warehouse if needed, and serve it.

Binds to 127.0.0.1 unless WIREHOUSE_DOCS_HOST says otherwise: the site shows the
warehouse's SQL and column statistics, which are not for the whole network by default.
"""

from __future__ import annotations

import argparse
import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from extractors.settings import docs_server_address, load_settings
from extractors.tools.warehouse_check import warehouse_missing
from extractors.warehouse.dbt_calls import docs_site, generate_docs

# the site is these files; the folder also holds dbt's working files (graph.gpickle,
# partial_parse.msgpack, run results), which are nobody's business over HTTP
SITE_FILES = frozenset({"index.html", docs_site(Path()).name, "manifest.json", "catalog.json"})


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the docs site's own files and answers 404 for everything else."""

    def send_head(self):
        name = urlsplit(self.path).path.lstrip("/") or "index.html"
        if name not in SITE_FILES:
            self.send_error(404, "not part of the docs site")
            return None
        return super().send_head()


def site_server(folder: Path, host: str, port: int) -> ThreadingHTTPServer:
    return ThreadingHTTPServer((host, port), functools.partial(SiteHandler, directory=str(folder)))


def main(argv: list[str] | None = None) -> int:
    host, port = docs_server_address()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=port)
    parser.add_argument("--host", default=host)
    parser.add_argument("--regenerate", action="store_true", help="rebuild the site first")
    args = parser.parse_args(argv)
    settings = load_settings()
    if args.regenerate or not (settings.docs_dir / "index.html").exists():
        if warehouse_missing(settings.db_path):
            return 1
        generate_docs(settings, settings.db_path, settings.docs_dir)
    server = site_server(settings.docs_dir, args.host, args.port)
    print(
        f"dbt docs for {settings.db_path}: http://{args.host}:{args.port}/  (Ctrl-C stops)",
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
