"""`make bench`: run every benchmark module and print its figures as ratios to its baseline."""

import importlib
import os
import pkgutil
import sys
import urllib.parse

import tests.bench


def database_ensure(url: str) -> None:
    """Create the bench's PostgreSQL database if it is missing, so `make bench` works on a
    fresh machine before `make test` has ever created it."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        return
    import psycopg2
    from psycopg2 import sql

    name = parts.path.lstrip("/")
    server = psycopg2.connect(
        dbname="postgres",
        user=urllib.parse.unquote(parts.username or ""),
        password=urllib.parse.unquote(parts.password or ""),
        host=parts.hostname,
        port=parts.port or 5432,
    )
    server.autocommit = True
    try:
        with server.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        server.close()


def main(argv: list[str]) -> int:
    wanted = set(argv)
    database_ensure(os.environ.get("DATABASE_URL", ""))
    names = sorted(
        module.name
        for module in pkgutil.iter_modules(tests.bench.__path__)
        if not module.name.startswith("_")
    )
    failures = 0
    for name in names:
        if wanted and name not in wanted:
            continue
        module = importlib.import_module(f"tests.bench.{name}")
        print(f"== {name}", flush=True)
        if module.run() is False:
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
