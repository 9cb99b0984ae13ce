"""A migrated SQLite database, made once and copied: for the xdist workers and the next runs.

Migrating an empty database takes ≈ 20 s here (Django renders the models' state after each
of ≈ 260 migrations, most of them Wagtail's), and every worker did it, then every run again.
The first worker that needs a test database migrates it as usual and keeps a copy under
`var/test-db/`, named by a digest of every migration file and of Django's version; the other
workers and the later runs copy it instead (SQLite's backup API, a few milliseconds). Any
change to a migration, or a new one, names another copy, so a stale one is never used.
PostgreSQL is always migrated (its pass in CI checks the migrations themselves).
"""

import fcntl
import hashlib
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import django
from django.apps import apps
from django.db import connections

FOLDER = Path(__file__).resolve().parent.parent / "var" / "test-db"


def migrations_digest() -> str:
    digest = hashlib.sha256(django.get_version().encode())
    for config in sorted(apps.get_app_configs(), key=lambda config: config.label):
        folder = Path(config.path) / "migrations"
        for path in sorted(folder.glob("*.py")):
            digest.update(f"{config.label}/{path.name}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def template_path(alias: str) -> Path:
    return FOLDER / f"{alias}-{migrations_digest()}.sqlite3"


@contextmanager
def _locked(path: Path):
    """One process at a time makes or reads the copy (the xdist workers start together)."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def migrate_or_copy(migrate, alias: str) -> None:
    """Bring the test database `alias` (SQLite) to the migrated state: from the copy if there
    is one, else by `migrate()`, then keeping a copy."""
    path = template_path(alias)
    connection = connections[alias]
    with _locked(path):
        connection.ensure_connection()
        if path.exists():
            with sqlite3.connect(path) as source:
                source.backup(connection.connection)
            return
        migrate()
        for stale in FOLDER.glob(f"{alias}-*.sqlite3"):
            stale.unlink()
        partial = path.with_suffix(".partial")
        with sqlite3.connect(partial) as copy:
            connection.connection.backup(copy)
        partial.replace(path)  # whole or not at all: a worker killed meanwhile leaves none
