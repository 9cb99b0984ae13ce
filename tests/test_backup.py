"""`manage.py backup` and `manage.py restore` of the suite's own database, demo loaded.

The restores run as `manage.py restore` in another process, pointed at a database of its own
(a new PostgreSQL database, or a new SQLite file), the way an operator restores on a new
machine; what comes back is read there with the plain database driver and compared, table by
table and field by field, with the database the suite wrote. tests/test_backup_archives.py
checks the archives themselves.
"""

import io
import json
import os
import secrets
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.sql import emit_post_migrate_signal
from django.db import DEFAULT_DB_ALIAS, connection

from guides.models import GuidePage
from rooms.models import Message
from tests.backups import ON_POSTGRES, assert_files_came_back, folders, manage, use_folders
from tests.factories import make_user
from workshops.models import Registration

# These copy the suite's own database: on PostgreSQL, the PostgreSQL test does it instead.
sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="the suite runs on PostgreSQL")


def backup(output_dir: Path) -> Path:
    call_command("backup", output_dir=output_dir, stdout=io.StringIO())
    (archive,) = output_dir.glob("coeduc-backup-*.tar")
    return archive


def build_demo() -> dict:
    """The demo's guides, workshops and rooms: the rows compared after."""
    call_command("load_demo", stdout=io.StringIO())
    return {
        "guides_guidepage": ("page_ptr_id", GuidePage.objects.order_by("pk").first().pk),
        "wagtailcore_page": ("id", GuidePage.objects.order_by("pk").first().pk),
        "workshops_registration": ("id", Registration.objects.order_by("pk").last().pk),
        "rooms_message": ("id", Message.objects.order_by("pk").last().pk),
    }


def table_counts(cursor, tables) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608
        counts[table] = cursor.fetchone()[0]
    return counts


def fetch_row(cursor, table: str, column: str, value, placeholder: str) -> dict:
    cursor.execute(f'SELECT * FROM "{table}" WHERE "{column}" = {placeholder}', [value])  # noqa: S608
    names = [description[0] for description in cursor.description]
    (row,) = cursor.fetchall()
    return dict(zip(names, row, strict=True))


def assert_same_content(source, restored, rows: dict, placeholder: str, tables) -> None:
    """Every table's row count, then the chosen rows field by field."""
    source_counts = table_counts(source.cursor(), tables)
    assert sum(source_counts.values()) > 1000  # the demo really is there
    assert table_counts(restored.cursor(), tables) == source_counts
    for table, (column, value) in rows.items():
        before = fetch_row(source.cursor(), table, column, value, placeholder)
        after = fetch_row(restored.cursor(), table, column, value, placeholder)
        assert after == before, table
    page_id = rows["guides_guidepage"][1]
    page = GuidePage.objects.get(pk=page_id)
    steps = fetch_row(restored.cursor(), "guides_guidepage", "page_ptr_id", page_id, placeholder)
    steps = steps["steps"]
    assert (json.loads(steps) if isinstance(steps, str) else steps) == page.steps.get_prep_value()
    title = fetch_row(restored.cursor(), "wagtailcore_page", "id", page_id, placeholder)["title"]
    assert title == page.title


def empty_database() -> None:
    call_command(
        "flush", interactive=False, verbosity=0, reset_sequences=False, inhibit_post_migrate=True
    )
    ContentType.objects.clear_cache()


@pytest.fixture(scope="module")
def migrated_rows(django_db_setup, django_db_blocker):
    """The rows the migrations made — Wagtail's root page, the editors' group, the path's
    stages, which `load_demo` needs — put back before this module's round trips, whatever the
    transactional tests before them left (their flush removes them).

    Each round trip then restores them itself (serialized rollback) and empties the database
    after. Put back here first, content types first: an earlier flush re-created the content
    types under other ids, which the snapshot's own rows would collide with.
    """
    with django_db_blocker.unblock():
        empty_database()
        snapshot = json.loads(connection._test_serialized_contents)
        snapshot.sort(key=lambda row: row["model"] != "contenttypes.contenttype")  # stable
        connection.creation.deserialize_db_from_string(json.dumps(snapshot))
    yield
    with django_db_blocker.unblock():
        # As a plain transactional test leaves it: empty, but for content types and permissions.
        empty_database()
        emit_post_migrate_signal(verbosity=0, interactive=False, db=DEFAULT_DB_ALIAS)


# Committed rows (the commands read them through other connections), the migrations' first.
round_trip = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# --- PostgreSQL ------------------------------------------------------------------------------


def pg_connect(dbname: str) -> psycopg.Connection:
    settings_dict = connection.settings_dict
    return psycopg.connect(
        dbname=dbname,
        host=settings_dict["HOST"] or None,
        port=settings_dict["PORT"] or None,
        user=settings_dict["USER"] or None,
        password=settings_dict["PASSWORD"] or None,
        autocommit=True,
    )


@pytest.fixture
def fresh_postgres():
    """A new, empty PostgreSQL database (named after the suite's), and its DATABASE_URL."""
    url = urlsplit(os.environ["DATABASE_URL"])
    name = f"{url.path.strip('/')}_restore_{secrets.token_hex(4)}"
    with pg_connect("postgres") as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name, urlunsplit(url._replace(path=f"/{name}"))
    finally:
        with pg_connect("postgres") as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL (DATABASE_URL=postgres://…)")
@round_trip
def test_a_postgres_backup_comes_back_whole_in_a_fresh_database(
    migrated_rows, tmp_path, settings, fresh_postgres
):
    site = use_folders(settings, tmp_path, "site")
    rows = build_demo()
    archive = backup(tmp_path / "backups")
    name, url = fresh_postgres
    restored_site = {"DATABASE_URL": url, **folders(tmp_path, "restored")}

    result = manage("restore", str(archive), **restored_site)

    assert result.returncode == 0, result.stderr
    assert "Restored" in result.stdout
    tables = connection.introspection.table_names()
    sequences = "SELECT sequencename, last_value FROM pg_sequences ORDER BY sequencename"
    with pg_connect(connection.settings_dict["NAME"]) as source, pg_connect(name) as restored:
        assert_same_content(source, restored, rows, "%s", tables)
        # The next row made there does not collide with a restored one.
        assert restored.execute(sequences).fetchall() == source.execute(sequences).fetchall()
    assert_files_came_back(site, restored_site)

    # Once restored, the database is not empty: again only with --force, which replaces it.
    with pg_connect(name) as restored:
        restored.execute("UPDATE rooms_message SET text = 'Changed since'")
    refused = manage("restore", str(archive), **restored_site)
    assert refused.returncode == 1
    assert "The database is not empty" in refused.stderr
    forced = manage("restore", "--force", str(archive), **restored_site)
    assert forced.returncode == 0, forced.stderr
    with pg_connect(connection.settings_dict["NAME"]) as source, pg_connect(name) as restored:
        assert_same_content(source, restored, rows, "%s", tables)


# --- SQLite ----------------------------------------------------------------------------------


def sqlite_source() -> sqlite3.Connection:
    """A second, plain connection to the suite's database (in memory, shared cache)."""
    name = connection.settings_dict["NAME"]
    return sqlite3.connect(name, uri=str(name).startswith("file:"))


@sqlite_only
@round_trip
def test_a_sqlite_backup_comes_back_whole_in_a_new_file(migrated_rows, tmp_path, settings):
    site = use_folders(settings, tmp_path, "site")
    rows = build_demo()
    archive = backup(tmp_path / "backups")
    target = tmp_path / "restored.sqlite3"
    restored_site = {"DATABASE_URL": f"sqlite:///{target}", **folders(tmp_path, "restored")}

    result = manage("restore", str(archive), **restored_site)

    assert result.returncode == 0, result.stderr
    tables = connection.introspection.table_names()
    source, restored = sqlite_source(), sqlite3.connect(target)
    try:
        assert_same_content(source, restored, rows, "?", tables)
    finally:
        source.close()
        restored.close()
    assert_files_came_back(site, restored_site)


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_restoring_again_over_a_restored_site_needs_force_and_then_replaces_it(tmp_path, settings):
    site = use_folders(settings, tmp_path, "site")
    make_user(name="Nadia", email="nadia@example.org")
    archive = backup(tmp_path / "backups")
    target = tmp_path / "restored.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{target}", **folders(tmp_path, "restored")}
    assert manage("restore", str(archive), **env).returncode == 0
    with sqlite3.connect(target) as restored:
        restored.execute("UPDATE parents_user SET display_name = 'Changed since'")
    Path(env["MEDIA_ROOT"], "uploaded-since.jpg").write_bytes(b"new")

    refused = manage("restore", str(archive), **env)

    assert refused.returncode != 0
    assert "The database is not empty" in refused.stderr
    assert "--force" in refused.stderr
    with sqlite3.connect(target) as restored:
        names = restored.execute("SELECT display_name FROM parents_user").fetchall()
    assert names == [("Changed since",)]

    forced = manage("restore", "--force", str(archive), **env)

    assert forced.returncode == 0, forced.stderr
    with sqlite3.connect(target) as restored:
        names = restored.execute("SELECT display_name FROM parents_user").fetchall()
    assert names == [("Nadia",)]
    assert_files_came_back(site, env)  # the later upload is gone


# --- On either engine ----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_with_rows_and_leaves_it_alone(tmp_path, settings):
    use_folders(settings, tmp_path, "site")
    user = make_user(name="Nadia", email="nadia@example.org")
    archive = backup(tmp_path / "backups")
    user.display_name = "Changed since"
    user.save()

    with pytest.raises(CommandError, match=r"The database is not empty .*--force"):
        call_command("restore", str(archive), stdout=io.StringIO())

    user.refresh_from_db()
    assert user.display_name == "Changed since"
