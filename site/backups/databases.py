"""The database side of a backup: pg_dump/pg_restore for PostgreSQL, the online backup API
for SQLite, and the rows and migrations a database holds (the manifest's figures)."""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import psycopg
from django.db import connections

from . import BackupError

DATABASE_MEMBERS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


def engine_of(settings_dict: dict) -> str:
    engine = settings_dict["ENGINE"]
    if engine.startswith("django.db.backends.postgresql"):
        return "postgresql"
    if engine == "django.db.backends.sqlite3":
        return "sqlite"
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine}.")


# --- Reading a database's state (the same for both engines) ---------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def database_state(cursor, tables: list[str]) -> dict:
    """Rows per table and the migrations applied, read through a DB-API cursor."""
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # noqa: S608 (a quoted name)
        counts[table] = cursor.fetchone()[0]
    migrations: dict[str, list[str]] = {}
    if "django_migrations" in counts:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        for app, name in cursor.fetchall():
            migrations.setdefault(app, []).append(name)
    return {"tables": counts, "migrations": migrations}


def sqlite_tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    return [name for (name,) in cursor.fetchall()]


def postgresql_tables(cursor) -> list[str]:
    # Django's tables live in the first schema of the search path; pg_dump takes every schema.
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    )
    return [name for (name,) in cursor.fetchall()]


def non_empty_tables(alias: str = "default") -> list[str]:
    """The tables of the configured database that hold at least one row."""
    connection = connections[alias]
    with connection.cursor() as cursor:
        found = []
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608
            if cursor.fetchone():
                found.append(table)
    return found


# --- PostgreSQL: the client programs, given the connection in their environment ------------


def postgresql_environment(settings_dict: dict) -> dict[str, str]:
    """libpq's variables for pg_dump and pg_restore: nothing secret on a command line."""
    options = settings_dict.get("OPTIONS", {})
    env = dict(os.environ)
    for variable, value in (
        ("PGHOST", settings_dict.get("HOST")),
        ("PGPORT", settings_dict.get("PORT")),
        ("PGUSER", settings_dict.get("USER")),
        ("PGPASSWORD", settings_dict.get("PASSWORD")),
        ("PGDATABASE", settings_dict.get("NAME")),
        ("PGSERVICE", options.get("service")),
        ("PGPASSFILE", options.get("passfile")),
        ("PGSSLMODE", options.get("sslmode")),
        ("PGSSLROOTCERT", options.get("sslrootcert")),
        ("PGSSLCERT", options.get("sslcert")),
        ("PGSSLKEY", options.get("sslkey")),
    ):
        if value:
            env[variable] = str(value)
    return env


def _client(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise BackupError(
            f"{program} was not found: install the PostgreSQL client programs "
            "(Debian: apt install postgresql-client), of the server's major version or newer."
        )
    return path


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        program = Path(command[0]).name
        raise BackupError(f"{program} failed (exit code {result.returncode}):\n{result.stderr}")


def _dump_postgresql(alias: str, target: Path) -> dict:
    connection = connections[alias]
    params = connection.get_connection_params()
    env = postgresql_environment(connection.settings_dict)
    with psycopg.connect(**params, autocommit=True) as snapshot_holder:
        # The counts of the manifest and pg_dump read one snapshot: they agree even while the
        # site keeps writing.
        snapshot_holder.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        snapshot = snapshot_holder.execute("SELECT pg_export_snapshot()").fetchone()[0]
        _run(
            [
                _client("pg_dump"),
                "--format=custom",
                "--no-password",
                f"--snapshot={snapshot}",
                f"--file={target}",
            ],
            env,
        )
        cursor = snapshot_holder.cursor()
        state = database_state(cursor, postgresql_tables(cursor))
        snapshot_holder.execute("COMMIT")
    return state


def _restore_postgresql(alias: str, dump: Path) -> None:
    connection = connections[alias]
    if not connection.settings_dict.get("NAME"):
        raise BackupError("The database to restore into has no NAME (DATABASE_URL).")
    connections.close_all()
    _run(
        [
            _client("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            # The roles of the machine that made the dump may not exist here; the site's own
            # user owns what it restores, which is all the site needs.
            "--no-privileges",
            # All or nothing: a restore that fails half way leaves the database as it was.
            "--single-transaction",
            "--no-password",
            f"--dbname={connection.settings_dict['NAME']}",
            str(dump),
        ],
        postgresql_environment(connection.settings_dict),
    )


# --- SQLite: the online backup API, both ways ----------------------------------------------


def _dump_sqlite(alias: str, target: Path) -> dict:
    connection = connections[alias]
    if connection.in_atomic_block:
        # SQLite's backup waits for the source's write transaction to end (forever, if it is
        # our own): transactions here are IMMEDIATE, i.e. write transactions from BEGIN.
        raise BackupError("A SQLite backup cannot run inside a transaction.")
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        # A consistent copy while the site keeps running (readers and writers go on).
        connection.connection.backup(copy)
        # One self-contained file in the archive, with no -wal file beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
        cursor = copy.cursor()
        return database_state(cursor, sqlite_tables(cursor))
    finally:
        copy.close()


def _restore_sqlite(alias: str, copy_path: Path) -> None:
    connection = connections[alias]
    name = str(connection.settings_dict["NAME"])
    connection.close()
    if not name.startswith("file:") and name != ":memory:":
        Path(name).parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(copy_path)
    target = sqlite3.connect(name, uri=name.startswith("file:"))
    try:
        # Replaces every page of the target in one write transaction: all or nothing.
        source.backup(target)
    finally:
        target.close()
        source.close()


def dump(alias: str, target: Path) -> dict:
    """Write the database to `target`; returns its rows per table and migrations applied."""
    if engine_of(connections[alias].settings_dict) == "postgresql":
        return _dump_postgresql(alias, target)
    return _dump_sqlite(alias, target)


def restore(alias: str, copy: Path) -> None:
    """Replace the database with the one `copy` holds (made by `dump`), all or nothing."""
    if engine_of(connections[alias].settings_dict) == "postgresql":
        _restore_postgresql(alias, copy)
    else:
        _restore_sqlite(alias, copy)
