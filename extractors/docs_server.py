"""`make docs`: generate the dbt docs site for the warehouse if needed, and serve it.

Binds to 127.0.0.1 unless WIREHOUSE_DOCS_HOST says otherwise: the site shows the
warehouse's SQL and column statistics, which are not for the whole network by default.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from extractors.dbt_commands import generate_docs
from extractors.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("WIREHOUSE_DOCS_PORT", 8081))
    )
    parser.add_argument("--host", default=os.environ.get("WIREHOUSE_DOCS_HOST", "127.0.0.1"))
    parser.add_argument("--regenerate", action="store_true", help="rebuild the site first")
    args = parser.parse_args(argv)
    settings = load_settings()
    if args.regenerate or not (settings.docs_dir / "index.html").exists():
        if not settings.db_path.exists():
            print(f"no warehouse at {settings.db_path}: run `make run` first", file=sys.stderr)
            return 1
        generate_docs(settings, settings.db_path)
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(settings.docs_dir))
    server = ThreadingHTTPServer((args.host, args.port), handler)
    print(f"dbt docs for {settings.db_path}: http://{args.host}:{args.port}/  (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
